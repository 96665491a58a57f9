import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp } from '../../../tests/support/app';
import { ENGINES } from '../../../tests/support/database';
import { act, intakeFor, upload } from '../../../tests/support/dossiers';
import { dossierAt, uploadResult } from '../results/testing';
import { sharingKeyHash } from './sharing-routes';
import { PDF_PAGE, pngOf, uploadOwn } from './testing';

const AN = '031085012345';
const BINH = '031192004567';
/** The representative of Công ty TNHH Thương mại Biển Xanh (0201234569). */
const REP = '001187006543';
const COMPANY = '0201234569';

const birth = (holderId = AN) => ({ typeCode: 'GKS', number: '45/2020', issuer: 'UBND phường Lạch Tray', issuedOn: '1985-10-20', holderKind: 'citizen', holderId, holderName: 'Nguyễn Văn An' });

describe.each(ENGINES)('electronic data warehouse (%s)', (engine) => {
  let t: TestApp;
  let motcua: Client;
  let xa: Client;
  let an: Client;
  let binh: Client;

  beforeAll(async () => {
    t = await createTestApp(engine);
    [motcua, xa] = (await Promise.all(['motcua', 'motcua.xa'].map((u) => t.login(u)))) as [Client, Client];
    an = await t.loginCitizen(AN);
    binh = await t.loginCitizen(BINH);
  });
  afterAll(() => t.close());

  const documents = () => t.database.db.selectFrom('documents').selectAll().execute();
  const auditOf = (action: string) => t.database.db.selectFrom('audit_events').select(['entity_id', 'actor_kind']).where('action', '=', action).execute();
  const logOf = (documentId: string) => t.database.db.selectFrom('document_access_log').selectAll().where('document_id', '=', documentId).orderBy('at').execute();

  /** A counter dossier of An with a one-page PDF for component 1 and a PNG scan for component 2; answers its code and its files by component. */
  async function dossierWithScans(png = pngOf(1240, 1754)) {
    const created = await motcua.post('/api/v1/dossiers', intakeFor(undefined, AN));
    expect(created.statusCode, created.body).toBe(201);
    const d = created.json().dossier;
    expect((await upload(motcua, d.id, '1', PDF_PAGE)).statusCode).toBe(201);
    expect((await upload(motcua, d.id, '2', png, 'scan.png')).statusCode).toBe(201);
    const accepted = await act(motcua, d.id, 'accept', d.version, { components: ['1', '2'] });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const code = accepted.json().dossier.code as string;
    const listed = await motcua.get(`/api/v1/dossiers/${code}/warehouse`);
    expect(listed.statusCode, listed.body).toBe(200);
    const sources = listed.json().sources as { id: string; componentId: string }[];
    return { code, file: (c: string) => sources.find((s) => s.componentId === c)!.id };
  }

  async function digitised(metadata: Record<string, unknown> = birth()) {
    const d = await dossierWithScans();
    const res = await motcua.post(`/api/v1/dossiers/${d.code}/warehouse`, { source: { kind: 'file', fileId: d.file('1') }, metadata });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().document;
  }

  it('digitises a component file with its metadata and quality facts, unverified until checked', async () => {
    const d = await dossierWithScans();
    const res = await motcua.post(`/api/v1/dossiers/${d.code}/warehouse`, { source: { kind: 'file', fileId: d.file('1') }, metadata: birth() });
    expect(res.statusCode, res.body).toBe(201);
    const doc = res.json().document;
    expect(doc).toMatchObject({ typeCode: 'GKS', typeName: { vi: 'Giấy khai sinh' }, holderId: AN, source: 'digitised', status: 'valid', verified: false, pages: 1, mime: 'application/pdf', provenance: { dossierCode: d.code, componentId: '1' } });
    expect(doc.provenance.unitName).toBeTruthy();
    const png = await motcua.post(`/api/v1/dossiers/${d.code}/warehouse`, { source: { kind: 'file', fileId: d.file('2') }, metadata: { ...birth(), typeCode: 'GCNKH', number: 'KH-12' } });
    expect(png.statusCode, png.body).toBe(201);
    expect(png.json().document).toMatchObject({ mime: 'image/png', pages: 1, provenance: { componentId: '2' } });
    expect((await auditOf('warehouse.digitised')).map((a) => a.entity_id)).toEqual(expect.arrayContaining([doc.id, png.json().document.id]));
    expect((await motcua.get(`/api/v1/dossiers/${d.code}/warehouse`)).json().documents).toHaveLength(2);
  });

  it('refuses a low-resolution scan, a file of another dossier and a bad holder number, writing nothing', async () => {
    const before = (await documents()).length;
    const small = await dossierWithScans(pngOf(600, 800));
    const low = await motcua.post(`/api/v1/dossiers/${small.code}/warehouse`, { source: { kind: 'file', fileId: small.file('2') }, metadata: birth() });
    expect(low.statusCode).toBe(400);
    expect(low.json().error.code).toBe('WAREHOUSE_QUALITY_FAILED');
    const other = await dossierWithScans();
    const foreign = await motcua.post(`/api/v1/dossiers/${small.code}/warehouse`, { source: { kind: 'file', fileId: other.file('1') }, metadata: birth() });
    expect(foreign.json().error.code).toBe('WAREHOUSE_SOURCE_UNKNOWN');
    const bad = await motcua.request({ method: 'POST', url: `/api/v1/dossiers/${small.code}/warehouse`, payload: { source: { kind: 'file', fileId: small.file('1') }, metadata: birth('999085012345') }, headers: { 'accept-language': 'en' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('IDENTITY_CCCD_INVALID');
    expect(bad.json().error.fields[0].field).toBe('metadata.holderId');
    const org = await motcua.post(`/api/v1/dossiers/${small.code}/warehouse`, { source: { kind: 'file', fileId: small.file('1') }, metadata: { ...birth(), typeCode: 'GCNDKDN', holderKind: 'organisation', holderId: '0201234568' } });
    expect(org.json().error.code).toBe('IDENTITY_TAX_CODE_INVALID');
    expect((await documents()).length).toBe(before);
    // outside the dossier's unit
    expect((await xa.post(`/api/v1/dossiers/${small.code}/warehouse`, { source: { kind: 'file', fileId: small.file('1') }, metadata: birth() })).json().error.code).toBe('FORBIDDEN_OUTSIDE_UNIT');
    expect((await documents()).length).toBe(before);
  });

  it('an officer of the unit checks a copy against the original, once', async () => {
    const doc = await digitised();
    expect((await xa.post(`/api/v1/warehouse/documents/${doc.id}/check`, {})).json().error.code).toBe('FORBIDDEN_OUTSIDE_UNIT');
    const ok = await motcua.post(`/api/v1/warehouse/documents/${doc.id}/check`, {});
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().document).toMatchObject({ verified: true });
    expect(ok.json().document.checkedAt).toBeTruthy();
    const again = await motcua.post(`/api/v1/warehouse/documents/${doc.id}/check`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('WAREHOUSE_ALREADY_CHECKED');
    expect((await auditOf('warehouse.checked')).filter((a) => a.entity_id === doc.id)).toHaveLength(1);
  });

  it('the holder sees only their own documents; another’s is NOT_FOUND and the attempt is logged', async () => {
    const doc = await digitised();
    const mine = (await an.get('/api/v1/portal/warehouse')).json().documents as { id: string }[];
    expect(mine.map((d) => d.id)).toContain(doc.id);
    expect((await binh.get('/api/v1/portal/warehouse')).json().documents.map((d: { id: string }) => d.id)).not.toContain(doc.id);
    const peek = await binh.get(`/api/v1/portal/warehouse/${doc.id}`);
    expect(peek.statusCode).toBe(404);
    expect(peek.json().error.code).toBe('NOT_FOUND');
    expect((await binh.get(`/api/v1/portal/warehouse/${doc.id}/file`)).statusCode).toBe(404);
    const file = await an.get(`/api/v1/portal/warehouse/${doc.id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.body).toContain('%PDF');
    const log = await logOf(doc.id);
    expect(log.map((l) => [l.actor_kind, l.action, l.allowed])).toEqual([
      ['citizen', 'read', false],
      ['citizen', 'download', false],
      ['citizen', 'download', true],
    ]);
    const detail = (await an.get(`/api/v1/portal/warehouse/${doc.id}`)).json();
    expect(detail.accessLog).toHaveLength(3);
  });

  it('acting for an organisation shows the organisation’s documents, not the person’s', async () => {
    const rep = await t.loginCitizen(REP, { actingFor: COMPANY });
    const org = await digitised({ typeCode: 'GCNDKDN', number: '0201234569', issuer: 'Sở Kế hoạch và Đầu tư Hải Phòng', issuedOn: '2015-03-02', holderKind: 'organisation', holderId: COMPANY });
    const person = await digitised(birth(REP));
    const asOrg = (await rep.get('/api/v1/portal/warehouse')).json().documents.map((d: { id: string }) => d.id);
    expect(asOrg).toContain(org.id);
    expect(asOrg).not.toContain(person.id);
    expect((await rep.get(`/api/v1/portal/warehouse/${person.id}`)).statusCode).toBe(404);
    const self = await t.loginCitizen(REP);
    expect((await self.get('/api/v1/portal/warehouse')).json().documents.map((d: { id: string }) => d.id)).toEqual([person.id]);
    expect((await an.get(`/api/v1/portal/warehouse/${org.id}`)).statusCode).toBe(404);
  });

  it('a self-uploaded copy is self-provided and never verified; a bad file keeps nothing', async () => {
    const meta = { typeCode: 'BTN', number: 'B-778899', issuer: 'Trường Đại học Hàng hải Việt Nam', issuedOn: '2008-07-01', holderId: '001099000000' };
    const res = await uploadOwn(an, meta, PDF_PAGE);
    expect(res.statusCode, res.body).toBe(201);
    const doc = res.json().document;
    // the holder is who signed in, whatever the form said
    expect(doc).toMatchObject({ source: 'self_provided', verified: false, holderId: AN, holderKind: 'citizen', provenance: { dossierCode: null, unitName: null } });
    expect((await motcua.post(`/api/v1/warehouse/documents/${doc.id}/check`, {})).json().error.code).toBe('WAREHOUSE_NOT_CHECKABLE');
    const before = (await documents()).length;
    expect((await uploadOwn(an, meta, Buffer.from('MZ not a pdf at all'))).json().error.code).toBe('UPLOAD_TYPE_NOT_ALLOWED');
    expect((await uploadOwn(an, { ...meta, typeCode: 'GPXD' }, PDF_PAGE)).json().error.code).toBe('WAREHOUSE_EXPIRY_REQUIRED');
    expect((await uploadOwn(an, meta, pngOf(300, 300), 'a.png')).json().error.code).toBe('WAREHOUSE_QUALITY_FAILED');
    expect((await documents()).length).toBe(before);
  });

  it('staff outside the unit read a consent-only document once the holder grants it, until withdrawn; every attempt logged', async () => {
    const doc = await digitised({ ...birth(), typeCode: 'GCNKH', number: 'KH-2010-7' });
    const xaUnit = await t.database.db.selectFrom('users').innerJoin('units', 'units.id', 'users.unit_id').select('units.code').where('users.username', '=', 'motcua.xa').executeTakeFirstOrThrow();
    const read = () => xa.get(`/api/v1/warehouse/documents/${doc.id}?purpose=${encodeURIComponent('Đối chiếu hồ sơ đăng ký')}`);
    expect((await read()).json().error.code).toBe('WAREHOUSE_NO_CONSENT');
    expect((await xa.get(`/api/v1/warehouse/documents/${doc.id}?purpose=x`)).json().error.code).toBe('WAREHOUSE_PURPOSE_REQUIRED');
    expect((await binh.post(`/api/v1/portal/warehouse/${doc.id}/grants`, { unitCode: xaUnit.code })).statusCode).toBe(404);
    expect((await an.post(`/api/v1/portal/warehouse/${doc.id}/grants`, { unitCode: 'KHONG-CO' })).json().error.code).toBe('WAREHOUSE_GRANT_UNIT_UNKNOWN');
    const granted = await an.post(`/api/v1/portal/warehouse/${doc.id}/grants`, { unitCode: xaUnit.code });
    expect(granted.statusCode, granted.body).toBe(201);
    const grant = granted.json().grant;
    expect(grant).toMatchObject({ unitCode: xaUnit.code, withdrawnAt: null });
    expect((await read()).statusCode).toBe(200);
    expect((await xa.get(`/api/v1/warehouse/documents/${doc.id}/file?purpose=${encodeURIComponent('Đối chiếu')}`)).statusCode).toBe(200);
    const withdrawn = await an.post(`/api/v1/portal/warehouse/${doc.id}/grants/${grant.id}/withdraw`, {});
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json().grant.withdrawnAt).toBeTruthy();
    expect((await an.post(`/api/v1/portal/warehouse/${doc.id}/grants/${grant.id}/withdraw`, {})).statusCode).toBe(404);
    expect((await read()).json().error.code).toBe('WAREHOUSE_NO_CONSENT');
    const staffLog = (await logOf(doc.id)).filter((l) => l.actor_kind === 'staff');
    expect(staffLog.map((l) => [l.action, l.allowed, l.purpose])).toEqual([
      ['read', false, 'Đối chiếu hồ sơ đăng ký'],
      ['read', true, 'Đối chiếu hồ sơ đăng ký'],
      ['download', true, 'Đối chiếu'],
      ['read', false, 'Đối chiếu hồ sơ đăng ký'],
    ]);
    expect((await auditOf('warehouse.granted')).filter((a) => a.entity_id === doc.id)).toEqual([{ entity_id: doc.id, actor_kind: 'citizen' }]);
    // the unit that made the copy reads it without a grant
    expect((await motcua.get(`/api/v1/warehouse/documents/${doc.id}?purpose=${encodeURIComponent('Giải quyết hồ sơ')}`)).statusCode).toBe(200);
  });

  it('reuse: a verified valid document qualifies; unverified, expired or another type is refused', async () => {
    const permit = { ...birth(), typeCode: 'GPXD', number: 'GPXD-01', issuedOn: '2020-01-01', expiresOn: '2021-01-01' };
    const expired = await digitised(permit);
    await motcua.post(`/api/v1/warehouse/documents/${expired.id}/check`, {});
    const refused = await an.get(`/api/v1/portal/warehouse/${expired.id}/reuse?typeCode=GPXD`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('WAREHOUSE_REUSE_EXPIRED');
    expect(refused.json().error.message).toContain('hết hạn');
    const current = await digitised({ ...permit, number: 'GPXD-02', expiresOn: '2099-01-01' });
    expect((await an.get(`/api/v1/portal/warehouse/${current.id}/reuse?typeCode=GPXD`)).json().error.code).toBe('WAREHOUSE_REUSE_NOT_VERIFIED');
    await motcua.post(`/api/v1/warehouse/documents/${current.id}/check`, {});
    expect((await an.get(`/api/v1/portal/warehouse/${current.id}/reuse?typeCode=GPXD`)).json()).toEqual({ eligible: true });
    expect((await an.get(`/api/v1/portal/warehouse/${current.id}/reuse?typeCode=GKS`)).json().error.code).toBe('WAREHOUSE_REUSE_WRONG_TYPE');
    const log = await logOf(expired.id);
    expect(log.map((l) => [l.action, l.allowed, l.reason])).toEqual([['reuse_check', false, 'expired']]);
  });

  it('at the counter: a component answered by the applicant’s verified document records the link, not a copy; expired or another’s is refused with nothing written', async () => {
    const good = await digitised();
    await motcua.post(`/api/v1/warehouse/documents/${good.id}/check`, {});
    const old = await digitised({ ...birth(), typeCode: 'GPXD', number: 'GPXD-OLD', issuedOn: '2019-01-01', expiresOn: '2020-01-01' });
    await motcua.post(`/api/v1/warehouse/documents/${old.id}/check`, {});
    const binhs = await digitised(birth(BINH));
    await motcua.post(`/api/v1/warehouse/documents/${binhs.id}/check`, {});
    const d = await dossierWithScans();
    const view = (await motcua.get(`/api/v1/dossiers/${d.code}/warehouse`)).json();
    const offered = view.offers.map((o: { id: string }) => o.id);
    expect(offered).toContain(good.id);
    expect(offered).not.toContain(old.id);
    expect(offered).not.toContain(binhs.id);
    const reuseRows = () => t.database.db.selectFrom('dossier_document_reuse').selectAll().where('document_id', 'in', [good.id, old.id, binhs.id]).execute();

    const expired = await motcua.post(`/api/v1/dossiers/${d.code}/warehouse/reuse`, { componentId: '1', documentId: old.id });
    expect(expired.statusCode).toBe(409);
    expect(expired.json().error.code).toBe('WAREHOUSE_REUSE_EXPIRED');
    expect((await motcua.post(`/api/v1/dossiers/${d.code}/warehouse/reuse`, { componentId: '1', documentId: binhs.id })).json().error.code).toBe('WAREHOUSE_REUSE_OTHER_HOLDER');
    expect((await motcua.post(`/api/v1/dossiers/${d.code}/warehouse/reuse`, { componentId: '99', documentId: good.id })).json().error.code).toBe('DOSSIER_COMPONENT_UNKNOWN');
    expect(await reuseRows()).toEqual([]);

    const count = (await documents()).length;
    const linked = await motcua.post(`/api/v1/dossiers/${d.code}/warehouse/reuse`, { componentId: '1', documentId: good.id });
    expect(linked.statusCode, linked.body).toBe(201);
    expect(linked.json().reused).toMatchObject({ componentId: '1', documentId: good.id });
    expect((await motcua.post(`/api/v1/dossiers/${d.code}/warehouse/reuse`, { componentId: '1', documentId: good.id })).statusCode).toBe(201);
    expect(await reuseRows()).toHaveLength(1);
    // the link, not a copy: no new document
    expect((await documents()).length).toBe(count);
    expect((await motcua.get(`/api/v1/dossiers/${d.code}/warehouse`)).json().reused).toEqual([expect.objectContaining({ componentId: '1', documentId: good.id })]);
    expect((await logOf(old.id)).map((l) => [l.actor_kind, l.action, l.allowed, l.reason])).toEqual([['staff', 'reuse_check', false, 'expired']]);
    expect((await logOf(binhs.id)).map((l) => l.reason)).toEqual(['other_holder']);
    expect((await auditOf('dossier.document_reused')).length).toBeGreaterThanOrEqual(1);
  });

  it('sharing API: keyed, the holder’s current verified document of a type, consent where required, every attempt logged', async () => {
    const key = 'he-thong-bhxh-0123456789abcdef';
    const xaUnit = await t.database.db.selectFrom('users').innerJoin('units', 'units.id', 'users.unit_id').select(['units.id', 'units.code']).where('users.username', '=', 'motcua.xa').executeTakeFirstOrThrow();
    await t.database.db.insertInto('sharing_clients').values({ name: 'Hệ thống BHXH (thử nghiệm)', unit_id: xaUnit.id, key_hash: sharingKeyHash(key) }).execute();
    const ask = (q: Record<string, string>, apiKey: string | null = key) =>
      t.app.inject({ method: 'GET', url: `/api/v1/sharing/documents?${new URLSearchParams({ purpose: 'Giải quyết chế độ thai sản', ...q })}`, headers: apiKey ? { 'x-api-key': apiKey } : {} });
    const birthDoc = await digitised(birth(BINH));
    await motcua.post(`/api/v1/warehouse/documents/${birthDoc.id}/check`, {});
    const marriage = await digitised({ ...birth(BINH), typeCode: 'GCNKH', number: 'KH-BINH' });
    await motcua.post(`/api/v1/warehouse/documents/${marriage.id}/check`, {});

    expect((await ask({ holderKind: 'citizen', holderId: BINH, typeCode: 'GKS' }, null)).json().error.code).toBe('SHARING_KEY_INVALID');
    expect((await ask({ holderKind: 'citizen', holderId: BINH, typeCode: 'GKS' }, 'x'.repeat(30))).statusCode).toBe(401);
    const bad = await ask({ holderKind: 'citizen', holderId: '12345', typeCode: 'GKS' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('IDENTITY_CCCD_INVALID');

    const got = await ask({ holderKind: 'citizen', holderId: BINH, typeCode: 'GKS' });
    expect(got.statusCode, got.body).toBe(200);
    expect(got.json().document).toMatchObject({ id: birthDoc.id, verified: true, status: 'valid' });
    const file = await t.app.inject({ method: 'GET', url: `/api/v1/sharing/documents/${birthDoc.id}/file?purpose=${encodeURIComponent('Đối chiếu')}`, headers: { 'x-api-key': key } });
    expect(file.statusCode).toBe(200);

    // the marriage certificate needs the holder's consent: refused, then allowed once Bình grants the client's unit
    expect((await ask({ holderKind: 'citizen', holderId: BINH, typeCode: 'GCNKH' })).json().error.code).toBe('WAREHOUSE_NO_CONSENT');
    expect((await binh.post(`/api/v1/portal/warehouse/${marriage.id}/grants`, { unitCode: xaUnit.code })).statusCode).toBe(201);
    expect((await ask({ holderKind: 'citizen', holderId: BINH, typeCode: 'GCNKH' })).json().document.id).toBe(marriage.id);
    // nothing valid of that type: not found
    expect((await ask({ holderKind: 'citizen', holderId: BINH, typeCode: 'GPXD' })).statusCode).toBe(404);

    expect((await logOf(marriage.id)).map((l) => [l.actor_kind, l.action, l.allowed])).toEqual([
      ['partner', 'share', false],
      ['partner', 'share', true],
    ]);
    expect((await logOf(birthDoc.id)).map((l) => [l.actor_kind, l.action, l.allowed])).toEqual([
      ['partner', 'share', true],
      ['partner', 'download', true],
    ]);
  });

  it('digitises a result document of the dossier, with its provenance', async () => {
    const [chuyenvien, lanhdao] = (await Promise.all(['chuyenvien', 'lanhdao'].map((u) => t.login(u)))) as [Client, Client];
    const d = await dossierAt({ motcua, chuyenvien, lanhdao }, 'approved');
    const up = await uploadResult(chuyenvien, d.code, PDF_PAGE);
    expect(up.statusCode, up.body).toBe(201);
    const resultId = up.json().file.id;
    const permit = { ...birth(), typeCode: 'LLTP', number: 'LLTP-2026-01', issuer: 'Sở Tư pháp Hải Phòng', issuedOn: '2026-11-30', expiresOn: '2027-05-30' };
    const res = await chuyenvien.post(`/api/v1/dossiers/${d.code}/warehouse`, { source: { kind: 'result', resultId }, metadata: permit });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().document).toMatchObject({ typeCode: 'LLTP', provenance: { dossierCode: d.code, resultId, componentId: null }, source: 'digitised' });
    // made where it was issued: the handling unit's specialist checks it
    expect((await chuyenvien.post(`/api/v1/warehouse/documents/${res.json().document.id}/check`, {})).json().document.verified).toBe(true);
    expect((await chuyenvien.post(`/api/v1/dossiers/${d.code}/warehouse`, { source: { kind: 'result', resultId: '00000000-0000-4000-8000-000000000000' }, metadata: permit })).json().error.code).toBe('WAREHOUSE_SOURCE_UNKNOWN');
  });
});
