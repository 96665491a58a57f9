import type { Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { appendAudit } from '../features/audit/append';
import { unitDirectory } from '../features/catalogue/queries';
import { insertDecision, setPublicised } from '../features/publication/queries';
import { SYSTEM_ACTOR } from '../http/actor';
import { DEPT } from './procedures-builder';

type Change = 'added' | 'amended' | 'abolished';

interface SeedDecision {
  key: string;
  kind: 'ministry' | 'city';
  number: string;
  issuer: string;
  title: string;
  signedOn: string;
  effectiveOn?: string;
  source?: string;
  publicisedOn?: string;
  dept: keyof typeof DEPT;
  items: [code: string, name: string, change: Change][];
}

/**
 * Demo publication record: one ministry decision followed on time and publicised on time, one
 * followed late and not yet publicised, two still waiting for the city's decision — so the board
 * shows every state. Numbers are illustrative.
 */
const DECISIONS: SeedDecision[] = [
  {
    key: 'btp', kind: 'ministry', number: '2345/QĐ-BTP', issuer: 'Bộ Tư pháp', dept: 'tuphap',
    title: 'Công bố thủ tục hành chính được sửa đổi, bổ sung trong lĩnh vực hộ tịch', signedOn: '2026-09-20', effectiveOn: '2026-11-01',
    items: [['1.001193', 'Đăng ký khai sinh', 'amended'], ['1.000894', 'Đăng ký kết hôn', 'amended']],
  },
  {
    key: 'hp-btp', kind: 'city', number: '3120/QĐ-UBND', issuer: 'Chủ tịch Ủy ban nhân dân thành phố Hải Phòng', dept: 'tuphap', source: 'btp',
    title: 'Công bố danh mục thủ tục hành chính được sửa đổi, bổ sung lĩnh vực hộ tịch thuộc thẩm quyền giải quyết của UBND cấp xã', signedOn: '2026-10-23', publicisedOn: '2026-10-28',
    items: [['1.001193', 'Đăng ký khai sinh', 'amended'], ['1.000894', 'Đăng ký kết hôn', 'amended']],
  },
  {
    key: 'bxd', kind: 'ministry', number: '1502/QĐ-BXD', issuer: 'Bộ Xây dựng', dept: 'xaydung',
    title: 'Công bố thủ tục hành chính được sửa đổi, bổ sung trong lĩnh vực đường bộ', signedOn: '2026-10-01', effectiveOn: '2026-11-15',
    items: [['1.002804', 'Đổi giấy phép lái xe do ngành Giao thông vận tải cấp', 'amended'], ['1.002809', 'Cấp giấy phép lái xe quốc tế', 'amended']],
  },
  {
    key: 'hp-bxd', kind: 'city', number: '3350/QĐ-UBND', issuer: 'Chủ tịch Ủy ban nhân dân thành phố Hải Phòng', dept: 'xaydung', source: 'bxd',
    title: 'Công bố danh mục thủ tục hành chính được sửa đổi, bổ sung lĩnh vực đường bộ thuộc thẩm quyền của Sở Xây dựng', signedOn: '2026-11-12',
    items: [['1.002804', 'Đổi giấy phép lái xe do ngành Giao thông vận tải cấp', 'amended'], ['1.002809', 'Cấp giấy phép lái xe quốc tế', 'amended']],
  },
  {
    key: 'byt', kind: 'ministry', number: '1876/QĐ-BYT', issuer: 'Bộ Y tế', dept: 'yte',
    title: 'Công bố thủ tục hành chính được sửa đổi, bổ sung trong lĩnh vực khám bệnh, chữa bệnh', signedOn: '2026-11-05', effectiveOn: '2027-01-01',
    items: [['1.012269', 'Cấp mới giấy phép hành nghề khám bệnh, chữa bệnh', 'amended'], ['1.012298', 'Cấp mới giấy phép hoạt động đối với phòng khám đa khoa', 'amended']],
  },
  {
    key: 'bvh', kind: 'ministry', number: '3011/QĐ-BVHTTDL', issuer: 'Bộ Văn hóa, Thể thao và Du lịch', dept: 'vhtt',
    title: 'Công bố thủ tục hành chính mới ban hành, bị bãi bỏ trong lĩnh vực văn hóa', signedOn: '2026-11-16', effectiveOn: '2026-12-15',
    items: [['1.003622', 'Cấp giấy phép tổ chức biểu diễn nghệ thuật', 'amended'], ['1.001029', 'Thông báo tổ chức lễ hội cấp xã', 'abolished']],
  },
];

/** Seeds the demo publication decisions inside the demo seed's transaction, each with its audit event. */
export async function seedPublication(trx: Transaction<DB>): Promise<number> {
  const dir = await unitDirectory(trx);
  const ids = new Map<string, string>();
  for (const d of DECISIONS) {
    const unitId = dir.get(DEPT[d.dept])!.id;
    const row = await insertDecision(
      trx,
      { kind: d.kind, number: d.number, issuer: d.issuer, title: d.title, signed_on: d.signedOn, effective_on: d.effectiveOn ?? null, source_id: d.source ? ids.get(d.source)! : null, publicised_on: null, unit_id: unitId, created_by: 'system' },
      d.items.map(([code, name, change], ord) => ({ ord, procedure_code: code, procedure_name: name, change })),
    );
    ids.set(d.key, row.id);
    const after = d.publicisedOn ? await setPublicised(trx, row.id, d.publicisedOn) : row;
    await appendAudit(trx, { actor: SYSTEM_ACTOR, action: `publication.${d.kind}_recorded`, entityType: 'publication_decision', entityId: row.id, unitId, after });
  }
  return DECISIONS.length;
}
