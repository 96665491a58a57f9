/**
 * Issue 7, done when: a result issued in one dossier verifies, is filed in the holder's warehouse,
 * and is reused in the holder's next dossier (portal draft → submit) without a new upload.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp } from '../../../tests/support/app';
import { ENGINES } from '../../../tests/support/database';
import { LLTP_PROCEDURE, PDF, postFiles } from '../../../tests/support/dossiers';
import { type Staff, dossierAt, uploadResult } from '../results/testing';
import { saveDraft, startDraft, submit } from '../portal/test-kit';

const AN = '031085012345';
const BINH = '031192004567';

describe.each(ENGINES)('e-results filed in the warehouse and reused on the portal (%s)', (engine) => {
  let t: TestApp;
  let s: Staff;
  let an: Client;
  let binh: Client;

  beforeAll(async () => {
    t = await createTestApp(engine);
    const [motcua, chuyenvien, lanhdao] = await Promise.all(['motcua', 'chuyenvien', 'lanhdao'].map((u) => t.login(u)));
    s = { motcua: motcua!, chuyenvien: chuyenvien!, lanhdao: lanhdao! };
    [an, binh] = await Promise.all([t.loginCitizen(AN), t.loginCitizen(BINH)]);
    // the seed's catalogue names no component's document type: here the procedure's second component asks for a judicial record
    const version = await t.database.db.selectFrom('procedures').select('current_version_id').where('code', '=', LLTP_PROCEDURE).executeTakeFirstOrThrow();
    await t.database.db.updateTable('procedure_components').set({ document_type: 'LLTP' }).where('version_id', '=', version.current_version_id!).where('name', '=', 'Bản chụp giấy tờ tùy thân').execute();
  });
  afterAll(() => t.close());

  const filedOf = (dossierId: string) => t.database.db.selectFrom('documents').selectAll().where('dossier_id', '=', dossierId).where('source', '=', 'e_result').orderBy('created_at').execute();

  it('a result issued in dossier 1 verifies, is in the holder’s warehouse, and dossier 2 reuses it without an upload', async () => {
    const d1 = await dossierAt(s, 'issued');
    const code = `${d1.code}-KQ1`;
    const verify = await t.app.inject({ method: 'GET', url: `/api/v1/verify/${code}` });
    expect(verify.json()).toMatchObject({ code, status: 'valid' });
    const eresult = await t.database.db.selectFrom('eresults').selectAll().where('code', '=', code).executeTakeFirstOrThrow();

    // filed in the same transaction: the applicant's, typed, verified by the system, with provenance and the e-result's hash
    const [filed] = await filedOf(d1.id);
    expect(filed).toMatchObject({ holder_kind: 'citizen', holder_id: AN, type_code: 'LLTP', number: code, source: 'e_result', result_id: eresult.result_id, sha256: eresult.sha256, checked_by: 'system', superseded_by: null });
    expect(filed!.unit_id).toBe(eresult.issuer_unit_id);
    const audit = await t.database.db.selectFrom('audit_events').select('action').where('entity_id', '=', filed!.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['warehouse.e_result_filed']);

    // the holder sees it in "Kho dữ liệu của tôi", valid and verified; another person does not
    const mine = (await an.get('/api/v1/portal/warehouse')).json().documents;
    expect(mine.find((x: { id: string }) => x.id === filed!.id)).toMatchObject({ typeCode: 'LLTP', status: 'valid', verified: true, source: 'e_result', provenance: { dossierCode: d1.code } });
    expect((await binh.get(`/api/v1/portal/warehouse/${filed!.id}`)).statusCode).toBe(404);

    // dossier 2 on the portal: component 2 answered by the warehouse document, only component 1 uploaded
    let draft = await saveDraft(an, await startDraft(an, LLTP_PROCEDURE), { returnMethod: 'online', reuse: { '2': filed!.id } });
    const up = await postFiles(an, `/api/v1/portal/drafts/${draft.id}/files`, [{ componentId: '1', bytes: PDF, filename: 'to-khai.pdf' }]);
    expect(up.statusCode, up.body).toBe(201);
    draft = up.json();
    expect(draft.checklist[1]).toMatchObject({ id: '2', state: 'attached', fileCount: 0, documentType: 'LLTP', reusedDocumentId: filed!.id });
    expect(draft.completeness).toEqual({ complete: true, problems: [] });
    const res = await submit(an, draft.id);
    expect(res.statusCode, res.body).toBe(201);
    const d2 = res.json().dossier;
    const row = await t.database.db.selectFrom('dossiers').select('id').where('code', '=', d2.code).executeTakeFirstOrThrow();
    const links = await t.database.db.selectFrom('dossier_document_reuse').selectAll().where('dossier_id', '=', row.id).execute();
    expect(links.map((l) => [l.component_id, l.document_id])).toEqual([['2', filed!.id]]);
    const files = await t.database.db.selectFrom('dossier_files').select('component_id').where('dossier_id', '=', row.id).execute();
    expect(files.map((f) => f.component_id)).toEqual(['1']);
    // a link, not a copy
    expect((await t.database.db.selectFrom('documents').select('id').where('holder_id', '=', AN).where('type_code', '=', 'LLTP').execute()).length).toBe(1);

    // the staff dossier page lists the link, and staff open the source document through the logged read
    const panel = await s.motcua.get(`/api/v1/dossiers/${d2.code}/warehouse`);
    expect(panel.statusCode, panel.body).toBe(200);
    expect(panel.json().reused).toEqual([expect.objectContaining({ componentId: '2', documentId: filed!.id })]);
    const opened = await s.motcua.get(`/api/v1/warehouse/documents/${filed!.id}/file?purpose=${encodeURIComponent(`Hồ sơ ${d2.code}`)}`);
    expect([opened.statusCode, opened.headers['content-type']]).toEqual([200, 'application/pdf']);
    const log = await t.database.db.selectFrom('document_access_log').selectAll().where('document_id', '=', filed!.id).where('actor_kind', '=', 'staff').execute();
    expect(log.some((l) => l.allowed && l.purpose === `Hồ sơ ${d2.code}`)).toBe(true);
  });

  it('submission re-checks the choice: another holder’s document is refused and nothing is written', async () => {
    const d1 = await dossierAt(s, 'issued');
    const [filed] = await filedOf(d1.id);
    const draft = await saveDraft(binh, await startDraft(binh, LLTP_PROCEDURE), { returnMethod: 'online', reuse: { '2': filed!.id } });
    const up = await postFiles(binh, `/api/v1/portal/drafts/${draft.id}/files`, [{ componentId: '1', bytes: PDF, filename: 'to-khai.pdf' }]);
    expect(up.statusCode, up.body).toBe(201);
    const before = await t.database.db.selectFrom('dossiers').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const res = await submit(binh, draft.id);
    expect([res.statusCode, res.json().error.code]).toEqual([409, 'WAREHOUSE_REUSE_OTHER_HOLDER']);
    const after = await t.database.db.selectFrom('dossiers').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('a superseding e-result supersedes its warehouse document; a revoked one revokes it', async () => {
    const d = await dossierAt(s, 'issued');
    const first = (await s.chuyenvien.get(`/api/v1/dossiers/${d.code}/results`)).json().files[0].id as string;
    const again = await uploadResult(s.chuyenvien, d.code, PDF, { filename: 'ket-qua-dinh-chinh.pdf', supersedes: first });
    expect(again.statusCode, again.body).toBe(201);
    const [oldDoc, newDoc] = await filedOf(d.id);
    expect(newDoc).toMatchObject({ number: `${d.code}-KQ2`, supersedes: oldDoc!.id, superseded_by: null });
    expect(oldDoc!.superseded_by).toBe(newDoc!.id);
    const reuse = await t.loginCitizen(AN).then((c) => c.get(`/api/v1/portal/warehouse/${oldDoc!.id}/reuse?typeCode=LLTP`));
    expect([reuse.statusCode, reuse.json().error?.code]).toEqual([409, 'WAREHOUSE_REUSE_SUPERSEDED']);
    const revoked = await s.lanhdao.post(`/api/v1/eresults/${d.code}-KQ2/revoke`, { reason: 'Cấp nhầm người' });
    expect(revoked.statusCode, revoked.body).toBe(200);
    const [, gone] = await filedOf(d.id);
    expect(gone!.revoked_at).not.toBeNull();
  });
});
