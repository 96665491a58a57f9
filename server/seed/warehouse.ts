/**
 * Demo documents of the electronic data warehouse for the identity simulator's people, so the
 * portal's "Kho dữ liệu của tôi" is not empty: copies digitised and checked at the ward one-stop
 * desk, one expired permit, one self-provided copy, and the demo company's registration. Once only.
 */
import type { Kysely } from 'kysely';
import { qualityFacts } from '@core/warehouse/quality';
import type { BlobStore } from '../blobs/blob-store';
import type { DB } from '../db/schema';
import { SYSTEM_ACTOR } from '../http/actor';
import { appendAudit } from '../features/audit/append';
import { scanPdf } from './scans';

interface DemoDocument {
  holderKind: 'citizen' | 'organisation';
  holderId: string;
  holderName: string;
  typeCode: string;
  title: string;
  number: string;
  issuer: string;
  issuedOn: string;
  expiresOn: string | null;
  source: 'digitised' | 'self_provided';
  checked: boolean;
}

const AN = { holderKind: 'citizen', holderId: '031085012345', holderName: 'Nguyễn Văn An' } as const;
const BINH = { holderKind: 'citizen', holderId: '031192004567', holderName: 'Trần Thị Bình' } as const;
const COMPANY = { holderKind: 'organisation', holderId: '0201234569', holderName: 'Công ty TNHH Thương mại Biển Xanh' } as const;

export const DEMO_DOCUMENTS: readonly DemoDocument[] = [
  { ...AN, typeCode: 'GKS', title: 'GIAY KHAI SINH', number: '112/1985', issuer: 'UBND phường Lạch Tray, quận Ngô Quyền', issuedOn: '1985-04-20', expiresOn: null, source: 'digitised', checked: true },
  { ...AN, typeCode: 'GCNKH', title: 'GIAY CHUNG NHAN KET HON', number: '58/2012', issuer: 'UBND phường Lạch Tray, quận Ngô Quyền', issuedOn: '2012-11-18', expiresOn: null, source: 'digitised', checked: true },
  { ...AN, typeCode: 'GPXD', title: 'GIAY PHEP XAY DUNG', number: '215/GPXD-2022', issuer: 'UBND quận Lê Chân', issuedOn: '2022-03-01', expiresOn: '2023-03-01', source: 'digitised', checked: true },
  { ...AN, typeCode: 'BTN', title: 'BANG TOT NGHIEP', number: 'B-0078812', issuer: 'Trường Đại học Hàng hải Việt Nam', issuedOn: '2007-07-15', expiresOn: null, source: 'self_provided', checked: false },
  { ...BINH, typeCode: 'GKS', title: 'GIAY KHAI SINH', number: '347/1992', issuer: 'UBND phường Cát Dài, quận Lê Chân', issuedOn: '1992-09-10', expiresOn: null, source: 'digitised', checked: true },
  { ...BINH, typeCode: 'GCNKH', title: 'GIAY CHUNG NHAN KET HON', number: '21/2018', issuer: 'UBND phường Cát Dài, quận Lê Chân', issuedOn: '2018-05-06', expiresOn: null, source: 'digitised', checked: false },
  { ...COMPANY, typeCode: 'GCNDKDN', title: 'GIAY CHUNG NHAN DANG KY DOANH NGHIEP', number: '0201234569', issuer: 'Sở Kế hoạch và Đầu tư thành phố Hải Phòng', issuedOn: '2015-03-02', expiresOn: null, source: 'digitised', checked: true },
];

/**
 * Seeds the demo documents unless the warehouse already holds any other than e-results (which the
 * demo dossiers' online returns file there); answers how many were written.
 */
export async function seedDemoWarehouse(db: Kysely<DB>, blobs: BlobStore): Promise<number> {
  if (await db.selectFrom('documents').select('id').where('source', '<>', 'e_result').limit(1).executeTakeFirst()) return 0;
  const officer = await db.selectFrom('users').select(['id', 'unit_id']).where('username', '=', 'motcua.xa').executeTakeFirst();
  if (!officer) return 0;
  const files = await Promise.all(
    DEMO_DOCUMENTS.map(async (d) => {
      const bytes = scanPdf(d.title, [`So: ${d.number}`, `Ho ten / Ten: ${d.holderName}`, `Noi cap: ${d.issuer}`, `Ngay cap: ${d.issuedOn}`, 'BAN SO HOA - DU LIEU MAU']);
      return { ref: await blobs.put(bytes), pages: qualityFacts('application/pdf', bytes).pages };
    }),
  );
  await db.transaction().execute(async (trx) => {
    for (const [i, d] of DEMO_DOCUMENTS.entries()) {
      const f = files[i]!;
      const digitised = d.source === 'digitised';
      const row = await trx
        .insertInto('documents')
        .values({
          holder_kind: d.holderKind,
          holder_id: d.holderId,
          holder_name: d.holderName,
          type_code: d.typeCode,
          number: d.number,
          issuer: d.issuer,
          issued_on: d.issuedOn,
          expires_on: d.expiresOn,
          source: d.source,
          unit_id: digitised ? officer.unit_id : null,
          created_by: digitised ? officer.id : 'demo',
          checked_by: d.checked ? officer.id : null,
          checked_at: d.checked ? new Date() : null,
          sha256: f.ref.sha256,
          mime: 'application/pdf',
          size: f.ref.size,
          pages: f.pages,
          filename: `${d.typeCode}-${d.number.replace(/[^A-Za-z0-9]+/g, '-')}.pdf`,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await appendAudit(trx, { actor: SYSTEM_ACTOR, action: 'warehouse.seeded', entityType: 'document', entityId: row.id, unitId: digitised ? officer.unit_id : null, after: { typeCode: d.typeCode, holderKind: d.holderKind } });
    }
  });
  return DEMO_DOCUMENTS.length;
}
