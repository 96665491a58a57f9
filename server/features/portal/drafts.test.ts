import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp } from '../../../tests/support/app';
import { ENGINES } from '../../../tests/support/database';
import { EXE, LLTP_PROCEDURE, PDF, postFiles } from '../../../tests/support/dossiers';
import { abolishProcedures } from '../catalogue/queries';
import { readyDraft, saveDraft, startDraft, submit } from './test-kit';

/** A full-process online procedure for citizens and organisations (received at the city centre). */
const LLC_PROCEDURE = '2.001610';
/** Full-process online, organisations only. */
const ORG_PROCEDURE = '2.001199';
/** Partly online, with a conditional component ("(nếu có)"). */
const PARTIAL_PROCEDURE = '1.010801';
/** Not offered online. */
const OFFLINE_PROCEDURE = '2.000815';
/** Full-process online, citizens: changed and abolished by these tests. */
const CHANGING_PROCEDURE = '2.002042';
/** Full-process online, citizens: made to require the verified identity level. */
const VERIFIED_PROCEDURE = '1.009929';

describe.each(ENGINES)('portal drafts and submission (%s)', (engine) => {
  let t: TestApp;
  let an: Client;
  let anPhone: Client;
  let binh: Client;
  let chau: Client;
  let kiemsoat: Client;
  const blobDir = mkdtempSync(path.join(os.tmpdir(), 'motcua-portal-blobs-'));
  const count = async (table: 'dossiers' | 'portal_draft_files' | 'portal_drafts' | 'audit_events' | 'dossier_files') =>
    Number((await t.database.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  /** Edits a procedure through the catalogue API (a new version). */
  const editProcedure = async (code: string, change: Record<string, unknown>) => {
    const current = (await kiemsoat.get(`/api/v1/procedures/${code}`)).json().procedure.procedure;
    const res = await kiemsoat.request({ method: 'PUT', url: `/api/v1/procedures/${code}`, payload: { ...current, ...change } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().procedure;
  };

  beforeAll(async () => {
    t = await createTestApp(engine, { env: { BLOB_DIR: blobDir } });
    [an, anPhone, binh, chau] = await Promise.all(['031085012345', '031085012345', '031192004567', '031203007890'].map((id) => t.loginCitizen(id)));
    kiemsoat = await t.login('kiemsoat');
  });
  afterAll(() => t.close());

  it('starts a draft prefilled from the identity, pinned to the current version, with its checklist', async () => {
    const anon = await t.app.inject({ method: 'POST', url: '/api/v1/portal/drafts', payload: { procedureCode: LLTP_PROCEDURE } });
    expect([anon.statusCode, anon.json().error.code]).toEqual([401, 'AUTH_REQUIRED']);
    const d = await startDraft(an, LLTP_PROCEDURE);
    expect(d).toMatchObject({
      version: 1,
      status: 'open',
      applicant: { kind: 'citizen', idNumber: '031085012345', name: 'Nguyễn Văn An' },
      procedure: { code: LLTP_PROCEDURE, onlineLevel: 'full', identityLevel: 'basic', presence: null, standing: 'current', receivingUnits: [{ code: '000.00.30.H26' }] },
      data: {
        contact: { phone: '0912345678', email: 'an.nguyen@example.vn', address: 'Số 12 Lạch Tray, phường Lạch Tray, quận Ngô Quyền, Hải Phòng', representative: null },
        // the only receiving unit is chosen already
        receivingUnitCode: '000.00.30.H26',
        returnMethod: null,
      },
      checklist: [
        { id: '1', kind: 'required', state: 'missing', fileCount: 0 },
        { id: '2', kind: 'required', state: 'missing', fileCount: 0 },
      ],
      dossierCode: null,
    });
    expect(d.completeness).toEqual({
      complete: false,
      problems: [
        { field: 'components.1', code: 'PORTAL_COMPONENT_MISSING' },
        { field: 'components.2', code: 'PORTAL_COMPONENT_MISSING' },
        { field: 'returnMethod', code: 'PORTAL_RETURN_METHOD_REQUIRED' },
      ],
    });
  });

  it('a partly online procedure says why presence is needed; a conditional component must be answered', async () => {
    const d = await startDraft(an, PARTIAL_PROCEDURE, { receivingUnitCode: '000.00.30.H26' });
    expect(d.procedure.onlineLevel).toBe('partial');
    expect(d.procedure.presence.reason).toMatch(/đối chiếu/);
    expect(d.checklist.map((c: { kind: string; state: string }) => [c.kind, c.state])).toEqual([
      ['required', 'missing'],
      ['conditional', 'unanswered'],
    ]);
    expect(d.completeness.problems).toContainEqual({ field: 'components.2', code: 'PORTAL_CONDITION_UNANSWERED' });
    const saved = await saveDraft(an, d, { conditions: { 2: { applies: false, note: 'Tôi là thân nhân trực tiếp' } } });
    expect(saved.checklist[1].state).toBe('not_applicable');
    expect(saved.completeness.problems.map((p: { field: string }) => p.field)).not.toContain('components.2');
    const applies = await saveDraft(an, saved, { conditions: { 2: { applies: true, note: null } } });
    expect(applies.completeness.problems).toContainEqual({ field: 'components.2', code: 'PORTAL_COMPONENT_MISSING' });
  });

  it('autosave: optimistic version, a stale save refused with the current version; resumes on another device; others see 404', async () => {
    const d = await startDraft(an, LLTP_PROCEDURE);
    const saved = await saveDraft(an, d, { returnMethod: 'post', postAddress: '', notes: 'Cần gấp' });
    expect(saved.version).toBe(2);
    expect(saved.completeness.problems).toContainEqual({ field: 'postAddress', code: 'PORTAL_POST_ADDRESS_REQUIRED' });
    // a second device of the same person resumes it
    const other = await anPhone.get(`/api/v1/portal/drafts/${d.id}`);
    expect(other.json()).toMatchObject({ version: 2, data: { returnMethod: 'post', notes: 'Cần gấp' } });
    const stale = await anPhone.request({ method: 'PUT', url: `/api/v1/portal/drafts/${d.id}`, payload: { version: 1, data: { ...d.data, notes: 'cũ' } } });
    expect([stale.statusCode, stale.json().error.code, stale.json().error.fields]).toEqual([409, 'PORTAL_DRAFT_VERSION_STALE', [{ field: 'version', code: 'PORTAL_DRAFT_VERSION_STALE', message: '2' }]]);
    expect(stale.json().error.message).toContain('2');
    const staleEn = await anPhone.request({ method: 'PUT', url: `/api/v1/portal/drafts/${d.id}`, payload: { version: 1, data: d.data }, headers: { 'accept-language': 'en' } });
    expect(staleEn.json().error.message).toMatch(/another device.*current version: 2/);
    expect((await an.get(`/api/v1/portal/drafts/${d.id}`)).json().data.notes).toBe('Cần gấp');
    // anyone else: the same answer as for a draft that does not exist
    const theirs = await binh.get(`/api/v1/portal/drafts/${d.id}`);
    const none = await binh.get('/api/v1/portal/drafts/00000000-0000-4000-8000-000000000000');
    expect([theirs.statusCode, theirs.json().error.code]).toEqual([404, 'NOT_FOUND']);
    expect([none.statusCode, none.json().error.code]).toEqual([404, 'NOT_FOUND']);
    const put = await binh.request({ method: 'PUT', url: `/api/v1/portal/drafts/${d.id}`, payload: { version: 2, data: d.data } });
    expect(put.statusCode).toBe(404);
    const list = (await anPhone.get('/api/v1/portal/drafts')).json().items;
    expect(list.map((i: { id: string }) => i.id)).toContain(d.id);
    expect((await binh.get('/api/v1/portal/drafts')).json().items.map((i: { id: string }) => i.id)).not.toContain(d.id);
    // deleting is the owner's only
    expect((await binh.request({ method: 'DELETE', url: `/api/v1/portal/drafts/${d.id}` })).statusCode).toBe(404);
    expect((await an.request({ method: 'DELETE', url: `/api/v1/portal/drafts/${d.id}` })).statusCode).toBe(204);
    expect((await an.get(`/api/v1/portal/drafts/${d.id}`)).statusCode).toBe(404);
  });

  it('refuses drafts of procedures not online, not for the applicant, or needing the verified identity level', async () => {
    const before = await count('portal_drafts');
    const offline = await an.post('/api/v1/portal/drafts', { procedureCode: OFFLINE_PROCEDURE });
    expect([offline.statusCode, offline.json().error.code]).toEqual([409, 'PORTAL_PROCEDURE_NOT_ONLINE']);
    const unknown = await an.post('/api/v1/portal/drafts', { procedureCode: '9.999999' });
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([400, 'DOSSIER_PROCEDURE_UNKNOWN']);
    const orgOnly = await an.post('/api/v1/portal/drafts', { procedureCode: ORG_PROCEDURE });
    expect([orgOnly.statusCode, orgOnly.json().error.code]).toEqual([403, 'PORTAL_APPLICANT_NOT_ALLOWED']);
    const rep = await t.loginCitizen('001187006543', { actingFor: '0201234569' });
    const citizensOnly = await rep.post('/api/v1/portal/drafts', { procedureCode: LLTP_PROCEDURE });
    expect(citizensOnly.json().error.code).toBe('PORTAL_APPLICANT_NOT_ALLOWED');
    const unit = await an.post('/api/v1/portal/drafts', { procedureCode: LLTP_PROCEDURE, receivingUnitCode: '000.52.01.H26' });
    expect([unit.statusCode, unit.json().error.code]).toEqual([400, 'PORTAL_RECEIVING_UNIT_INVALID']);
    const bad = await an.post('/api/v1/portal/drafts', { procedureCode: 'abc' });
    expect(bad.statusCode).toBe(400);

    // the catalogue keeps the required level (a new version) and gives it back on export
    const edited = await editProcedure(VERIFIED_PROCEDURE, { identityLevel: 'verified' });
    expect(edited.procedure.identityLevel).toBe('verified');
    const basic = await chau.post('/api/v1/portal/drafts', { procedureCode: VERIFIED_PROCEDURE });
    expect([basic.statusCode, basic.json().error.code]).toEqual([403, 'PORTAL_IDENTITY_LEVEL_REQUIRED']);
    expect(basic.json().error.message).toMatch(/mức độ 2/);
    expect(await count('portal_drafts')).toBe(before);
    const verified = await startDraft(an, VERIFIED_PROCEDURE);
    expect(verified.procedure.identityLevel).toBe('verified');
    const exported = await kiemsoat.get(`/api/v1/procedures/export?format=json&q=${VERIFIED_PROCEDURE}`);
    expect(exported.statusCode).toBe(200);
    const item = JSON.parse(exported.body).find((p: { code: string }) => p.code === VERIFIED_PROCEDURE);
    expect(item.identityLevel).toBe('verified');
  });

  it('uploads are checked by content and size; a refused upload keeps nothing; files can be removed', async () => {
    const d = await startDraft(an, LLTP_PROCEDURE);
    const url = `/api/v1/portal/drafts/${d.id}/files`;
    const before = await count('portal_draft_files');
    const exe = await postFiles(an, url, [{ componentId: '1', bytes: EXE, filename: 'to-khai.pdf' }]);
    expect([exe.statusCode, exe.json().error.code]).toEqual([415, 'UPLOAD_TYPE_NOT_ALLOWED']);
    const cut = await postFiles(an, url, [{ componentId: '1', bytes: PDF.subarray(0, PDF.length - 8) }]);
    expect([cut.statusCode, cut.json().error.code]).toEqual([400, 'UPLOAD_CORRUPT']);
    // one bad file among good ones: none is kept
    const mixed = await postFiles(an, url, [
      { componentId: '1', bytes: PDF },
      { componentId: '2', bytes: EXE },
    ]);
    expect(mixed.statusCode).toBe(415);
    const unknown = await postFiles(an, url, [{ componentId: '7', bytes: PDF }]);
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([400, 'DOSSIER_COMPONENT_UNKNOWN']);
    const notMine = await postFiles(binh, url, [{ componentId: '1', bytes: PDF }]);
    expect(notMine.statusCode).toBe(404);
    const json = await an.post(url, { componentId: '1' });
    expect(json.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(await count('portal_draft_files')).toBe(before);

    const ok = await postFiles(an, url, [{ componentId: '1', bytes: PDF, filename: 'Tờ khai.pdf' }]);
    expect(ok.statusCode, ok.body).toBe(201);
    const withFile = ok.json();
    expect(withFile.files).toMatchObject([{ componentId: '1', filename: 'Tờ khai.pdf', mime: 'application/pdf', size: PDF.length }]);
    expect(withFile.checklist[0]).toMatchObject({ state: 'attached', fileCount: 1 });
    // an upload does not make the client's autosave stale
    expect(withFile.version).toBe(d.version);
    const download = await an.get(`${url}/${withFile.files[0].id}`);
    expect([download.statusCode, download.headers['content-type']]).toEqual([200, 'application/pdf']);
    const removed = await an.request({ method: 'DELETE', url: `${url}/${withFile.files[0].id}` });
    expect(removed.json().files).toEqual([]);
    expect((await an.request({ method: 'DELETE', url: `${url}/${withFile.files[0].id}` })).statusCode).toBe(404);
  });

  it('submit: an incomplete draft is refused item by item; a complete one becomes one dossier, numbered at once, new in the unit queue', async () => {
    const d = await startDraft(an, LLTP_PROCEDURE);
    const dossiers = await count('dossiers');
    const incomplete = await submit(an, d.id);
    expect([incomplete.statusCode, incomplete.json().error.code]).toEqual([400, 'PORTAL_DRAFT_INCOMPLETE']);
    expect(incomplete.json().error.fields.map((f: { field: string; code: string }) => [f.field, f.code])).toEqual([
      ['components.1', 'PORTAL_COMPONENT_MISSING'],
      ['components.2', 'PORTAL_COMPONENT_MISSING'],
      ['returnMethod', 'PORTAL_RETURN_METHOD_REQUIRED'],
    ]);
    expect(incomplete.json().error.fields[0].message).toBe('Chưa tải lên giấy tờ bắt buộc này.');
    expect(await count('dossiers')).toBe(dossiers);

    const ready = await readyDraft(an, LLTP_PROCEDURE, { returnMethod: 'post', postAddress: 'Số 3 Cầu Đất, Hải Phòng' });
    expect(ready.completeness).toEqual({ complete: true, problems: [] });
    const audit = await count('audit_events');
    const res = await submit(an, ready.id);
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.code).toMatch(/^000\.00\.30\.H26-\d{6}-\d{4}$/);
    expect(body.secret).toMatch(/^[ACDEFGHJKMNPQRTUVWXY34679]{8}$/);
    expect(body).toMatchObject({ created: true, dossier: { code: body.code, status: 'new', channel: 'online', returnMethod: 'post', unit: { code: '000.00.30.H26' } } });
    expect(body.dossier.timeline).toEqual([{ at: body.dossier.submittedAt, status: 'new', action: null, note: null, items: null, newDueAt: null }]);
    expect(body.dossier.files.map((f: { componentId: string }) => f.componentId)).toEqual(['1', '2']);
    expect(await count('dossiers')).toBe(dossiers + 1);
    // the dossier, its files, its audit events and the notification in one transaction
    expect(await count('audit_events')).toBe(audit + 2);
    const row = await t.database.db.selectFrom('dossiers').selectAll().where('code', '=', body.code).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ channel: 'online', status: 'new', applicant_kind: 'citizen', applicant_id_number: '031085012345', applicant_name: 'Nguyễn Văn An' });
    expect(row.applicant_contact).toMatchObject({ phone: '0912345678', email: 'an.nguyen@example.vn', postAddress: 'Số 3 Cầu Đất, Hải Phòng' });
    const secretRow = await t.database.db.selectFrom('dossier_lookup_secrets').selectAll().where('dossier_id', '=', row.id).executeTakeFirstOrThrow();
    expect(secretRow.secret_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(secretRow.secret_hash).not.toContain(body.secret);
    const jobs = await t.database.db.selectFrom('jobs').select(['kind', 'payload']).where('kind', '=', 'notify').execute();
    expect(jobs.map((j) => j.payload)).toContainEqual({ event: 'submitted', dossierId: row.id, data: expect.objectContaining({ code: body.code, lookupSecret: body.secret }) });
    // staff see it in the unit's queue of new dossiers
    const motcua = await t.login('motcua');
    const queue = (await motcua.get('/api/v1/dossiers?queue=new&limit=100')).json();
    expect(queue.items.map((i: { code: string }) => i.code)).toContain(body.code);
    const staff = (await motcua.get(`/api/v1/dossiers/${body.code}`)).json().dossier;
    expect(staff).toMatchObject({ status: 'new', channel: 'online', availableActions: ['accept', 'request_supplement', 'refuse', 'withdraw'], supplementAnsweredAt: null });
    // the draft is spent
    const spent = (await an.get(`/api/v1/portal/drafts/${ready.id}`)).json();
    expect(spent).toMatchObject({ status: 'submitted', dossierCode: body.code });
    const edit = await an.request({ method: 'PUT', url: `/api/v1/portal/drafts/${ready.id}`, payload: { version: spent.version, data: spent.data } });
    expect([edit.statusCode, edit.json().error.code]).toEqual([409, 'PORTAL_DRAFT_SUBMITTED']);
    expect(edit.json().error.message).toContain(body.code);
    expect((await an.request({ method: 'DELETE', url: `/api/v1/portal/drafts/${ready.id}` })).statusCode).toBe(409);
    expect((await an.get('/api/v1/portal/drafts')).json().items.map((i: { id: string }) => i.id)).not.toContain(ready.id);
  });

  it('a duplicate submit (retry, double click, concurrent requests) gives one dossier only', async () => {
    const ready = await readyDraft(an, LLTP_PROCEDURE);
    const first = await submit(an, ready.id);
    expect(first.statusCode).toBe(201);
    const retry = await submit(anPhone, ready.id);
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toMatchObject({ code: first.json().code, created: false, secret: null });
    expect((await submit(binh, ready.id)).statusCode).toBe(404);

    const again = await readyDraft(an, LLTP_PROCEDURE);
    const before = await count('dossiers');
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => submit(i % 2 ? an : anPhone, again.id)));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    expect(new Set(answers.map((a) => a.json().code)).size).toBe(1);
    expect(answers.filter((a) => a.json().secret !== null)).toHaveLength(1);
    expect(await count('dossiers')).toBe(before + 1);
    const linked = await t.database.db.selectFrom('portal_submissions').select('dossier_id').where('draft_id', '=', again.id).execute();
    expect(linked).toHaveLength(1);
  });

  it('a draft of a superseded or withdrawn procedure version is refused clearly and kept', async () => {
    const old = await readyDraft(an, CHANGING_PROCEDURE);
    await editProcedure(CHANGING_PROCEDURE, { name: 'Đăng ký thành lập doanh nghiệp tư nhân (sửa đổi)' });
    const dossiers = await count('dossiers');
    const superseded = await submit(an, old.id);
    expect([superseded.statusCode, superseded.json().error.code]).toEqual([409, 'PORTAL_PROCEDURE_VERSION_SUPERSEDED']);
    expect(superseded.json().error.message).toMatch(/lập hồ sơ mới theo quy định hiện hành của thủ tục 2\.002042/);
    const kept = (await an.get(`/api/v1/portal/drafts/${old.id}`)).json();
    expect(kept).toMatchObject({ status: 'open', procedure: { standing: 'superseded', version: 1 }, files: [{}, {}] });
    expect(kept.completeness.problems).toContainEqual({ field: 'procedure', code: 'PORTAL_PROCEDURE_VERSION_SUPERSEDED' });
    expect((await an.get('/api/v1/portal/drafts')).json().items.find((i: { id: string }) => i.id === old.id).standing).toBe('superseded');
    // restarting on the current version works
    const fresh = await readyDraft(an, CHANGING_PROCEDURE);
    expect(fresh.procedure).toMatchObject({ version: 2, standing: 'current', name: 'Đăng ký thành lập doanh nghiệp tư nhân (sửa đổi)' });

    await t.database.db.transaction().execute((trx) => abolishProcedures(trx, [CHANGING_PROCEDURE]));
    const withdrawn = await submit(an, fresh.id);
    expect([withdrawn.statusCode, withdrawn.json().error.code]).toEqual([409, 'PORTAL_PROCEDURE_WITHDRAWN']);
    expect((await an.get(`/api/v1/portal/drafts/${fresh.id}`)).json()).toMatchObject({ status: 'open', procedure: { standing: 'withdrawn' } });
    const start = await an.post('/api/v1/portal/drafts', { procedureCode: CHANGING_PROCEDURE });
    expect(start.json().error.code).toBe('DOSSIER_PROCEDURE_UNKNOWN');
    expect(await count('dossiers')).toBe(dossiers);
  });

  it('an organisation’s representative starts and submits drafts for the organisation', async () => {
    const rep = await t.loginCitizen('001187006543', { actingFor: '0201234569' });
    const d = await startDraft(rep, ORG_PROCEDURE);
    expect(d.applicant).toEqual({ kind: 'organisation', idNumber: '0201234569', name: expect.any(String) });
    expect(d.data.contact).toMatchObject({ representative: 'Phạm Thu Dung', address: null });
    const both = await startDraft(rep, LLC_PROCEDURE);
    expect(both.applicant.kind).toBe('organisation');
    // the same person as herself does not see the organisation's drafts
    const self = await t.loginCitizen('001187006543');
    expect((await self.get(`/api/v1/portal/drafts/${d.id}`)).statusCode).toBe(404);
  });
});
