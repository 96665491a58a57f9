import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDate, localDay } from '@core/calendar/time';
import { type Client, type TestApp, createTestApp } from '../../../tests/support/app';
import { ENGINES } from '../../../tests/support/database';
import { EXE, PDF, VALID_CCCD, WARD_PROCEDURE, act, intakeFor, upload, uploadMany } from '../../../tests/support/dossiers';
import { LocalBlobStore } from '../../blobs/local-store';

describe.each(ENGINES)('dossiers API (%s)', (engine) => {
  let t: TestApp;
  let motcua: Client;
  let motcuaXa: Client;
  let chuyenvien: Client;
  let kiemsoat: Client;
  const blobDir = mkdtempSync(path.join(os.tmpdir(), 'motcua-dossier-blobs-'));
  const count = async (table: 'dossiers' | 'dossier_files' | 'audit_events') => Number((await t.database.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  const intake = async (client = motcua, body: unknown = intakeFor()) => {
    const res = await client.post('/api/v1/dossiers', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json().dossier;
  };

  beforeAll(async () => {
    t = await createTestApp(engine, { env: { BLOB_DIR: blobDir } });
    [motcua, motcuaXa, chuyenvien, kiemsoat] = await Promise.all(['motcua', 'motcua.xa', 'chuyenvien', 'kiemsoat'].map((u) => t.login(u)));
  });
  afterAll(() => t.close());

  it('intake: 401 anonymous, 403 without dossier.receive, 400 bad body, 201 for a one-stop officer', async () => {
    const anon = await t.app.inject({ method: 'POST', url: '/api/v1/dossiers', payload: intakeFor() });
    expect([anon.statusCode, anon.json().error.code]).toEqual([401, 'AUTH_REQUIRED']);
    const specialist = await chuyenvien.post('/api/v1/dossiers', intakeFor());
    expect([specialist.statusCode, specialist.json().error.code]).toEqual([403, 'FORBIDDEN']);
    const bad = await motcua.post('/api/v1/dossiers', { ...intakeFor(), channel: 'fax' });
    expect([bad.statusCode, bad.json().error.code]).toEqual([400, 'VALIDATION_FAILED']);
    const d = await intake();
    expect(d).toMatchObject({ status: 'new', channel: 'counter', procedureCode: '2.000488', receivingUnitCode: '000.00.30.H26' });
    const xa = await intake(motcuaXa, intakeFor(WARD_PROCEDURE));
    expect(xa.receivingUnitCode).toBe('000.52.01.H26');
  });

  it('postal intake of an organisation keeps the tracking number and delivery instant', async () => {
    const d = await intake(motcua, {
      ...intakeFor(),
      applicant: { kind: 'organisation', taxCode: '0200123457', name: 'Công ty TNHH Cảng Xanh', representative: 'Lê Văn Cường' },
      channel: 'postal',
      returnMethod: 'post',
      postal: { trackingNumber: 'EP123456789VN', deliveredAt: '2026-11-30T09:15:00+07:00' },
    });
    expect(d).toMatchObject({ channel: 'postal', returnMethod: 'post', applicant: { kind: 'organisation', idNumber: '0200123457', contact: { representative: 'Lê Văn Cường' } } });
    const row = await t.database.db.selectFrom('dossiers').select(['postal_tracking', 'postal_delivered_at']).where('id', '=', d.id).executeTakeFirstOrThrow();
    expect(row.postal_tracking).toBe('EP123456789VN');
    expect(row.postal_delivered_at?.toISOString()).toBe('2026-11-30T02:15:00.000Z');
  });

  it('refuses bad intake input with clear codes and writes nothing', async () => {
    const before = [await count('dossiers'), await count('audit_events')];
    const unknown = await motcua.post('/api/v1/dossiers', intakeFor('9.999999'));
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([400, 'DOSSIER_PROCEDURE_UNKNOWN']);
    const cccd = await motcua.post('/api/v1/dossiers', intakeFor(undefined, '999012345678'));
    expect([cccd.statusCode, cccd.json().error.code]).toEqual([400, 'IDENTITY_CCCD_INVALID']);
    const tax = await motcua.post('/api/v1/dossiers', { ...intakeFor(), applicant: { kind: 'organisation', taxCode: '0100109107', name: 'Công ty A' } });
    expect(tax.json().error.code).toBe('IDENTITY_TAX_CODE_INVALID');
    const postal = await motcua.post('/api/v1/dossiers', { ...intakeFor(), channel: 'postal' });
    expect(postal.json().error.code).toBe('DOSSIER_POSTAL_DETAILS_REQUIRED');
    expect([await count('dossiers'), await count('audit_events')]).toEqual(before);
  });

  it('files: content-checked, refused uploads keep nothing', async () => {
    const d = await intake();
    const blobs = new LocalBlobStore(blobDir);
    const files = await count('dossier_files');
    const exe = await upload(motcua, d.id, '1', EXE, 'to-khai.pdf');
    expect([exe.statusCode, exe.json().error.code]).toEqual([415, 'UPLOAD_TYPE_NOT_ALLOWED']);
    const truncated = PDF.subarray(0, PDF.length - 8);
    const cut = await upload(motcua, d.id, '1', truncated);
    expect([cut.statusCode, cut.json().error.code]).toEqual([400, 'UPLOAD_CORRUPT']);
    const unknown = await upload(motcua, d.id, '9', PDF);
    expect(unknown.json().error.code).toBe('DOSSIER_COMPONENT_UNKNOWN');
    const outside = await upload(motcuaXa, d.id, '1', PDF);
    expect(outside.json().error.code).toBe('FORBIDDEN_OUTSIDE_UNIT');
    const specialist = await upload(chuyenvien, d.id, '1', PDF);
    expect(specialist.json().error.code).toBe('FORBIDDEN');
    expect(await count('dossier_files')).toBe(files);
    for (const bytes of [EXE, truncated]) {
      const { createHash } = await import('node:crypto');
      expect(await blobs.has(createHash('sha256').update(bytes).digest('hex'))).toBe(false);
    }
    const mixed = await uploadMany(motcua, d.id, [
      { componentId: '1', bytes: PDF },
      { componentId: '2', bytes: EXE },
    ]);
    expect(mixed.json().error.code).toBe('UPLOAD_TYPE_NOT_ALLOWED');
    expect(await count('dossier_files')).toBe(files);
    const ok = await upload(motcua, d.id, '1', PDF);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().files).toMatchObject([{ componentId: '1', mime: 'application/pdf', size: PDF.length }]);
    expect(await blobs.has(ok.json().files[0].sha256)).toBe(true);
    const both = await uploadMany(motcua, d.id, [
      { componentId: '1', bytes: PDF, filename: 'tờ khai.pdf' },
      { componentId: '2', bytes: Buffer.concat([PDF, Buffer.from('\n')]) },
    ]);
    expect(both.json().files.map((f: { componentId: string; filename: string }) => [f.componentId, f.filename])).toEqual([['1', 'tờ khai.pdf'], ['2', 'scan.pdf']]);
    const noComponent = await motcua.request({ method: 'POST', url: `/api/v1/dossiers/${d.id}/files`, payload: '--b\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\nx\r\n--b--\r\n', headers: { 'content-type': 'multipart/form-data; boundary=b' } });
    expect(noComponent.json().error.code).toBe('DOSSIER_FILE_REQUIRED');
  });

  it('dossier page: 400 malformed ref, 404 unknown, 403 outside the unit, 200 with the caller’s actions', async () => {
    const d = await intake();
    expect((await motcua.get('/api/v1/dossiers/not-a-code')).json().error.code).toBe('DOSSIER_CODE_INVALID');
    expect((await motcua.get('/api/v1/dossiers/000.00.30.H26-261130-9999')).statusCode).toBe(404);
    const outside = await motcuaXa.get(`/api/v1/dossiers/${d.id}`);
    expect([outside.statusCode, outside.json().error.code]).toEqual([403, 'FORBIDDEN_OUTSIDE_UNIT']);
    const control = (await kiemsoat.get(`/api/v1/dossiers/${d.id}`)).json().dossier;
    expect(control.availableActions).toEqual([]);
    expect((await motcua.get(`/api/v1/dossiers/${d.id}`)).json().dossier.availableActions).toContain('accept');
  });

  it('dossier page: names the staff it mentions, leaves out ids that are not staff accounts', async () => {
    const d = await intake();
    // a new dossier's history is empty: intake is the audit trail's, the history starts at acceptance
    expect(d.people).toEqual({});
    const accepted = (await act(motcua, d.id, 'accept', 1, { components: ['1', '2'] })).json().dossier;
    expect(accepted.history.map((h: { actorId: string }) => h.actorId)).toEqual([motcua.me.user.id]);
    expect(accepted.people).toEqual({ [motcua.me.user.id]: motcua.me.user.fullName });
    // an online applicant's stand-in id (the demo seed's) is no user: no name, and no error on a uuid column
    const row = await t.database.db.selectFrom('dossiers').select('state').where('id', '=', d.id).executeTakeFirstOrThrow();
    const state = row.state as { history: { actorId: string }[] };
    state.history[0]!.actorId = 'demo-citizen-1-1';
    await t.database.db.updateTable('dossiers').set({ state: JSON.stringify(state) }).where('id', '=', d.id).execute();
    const shown = await motcua.get(`/api/v1/dossiers/${accepted.code}`);
    expect(shown.statusCode, shown.body).toBe(200);
    expect(shown.json().dossier.history[0].actorId).toBe('demo-citizen-1-1');
    expect(shown.json().dossier.people).toEqual({});
  });

  it('dossier page: the checklist is the one of the version the dossier keeps, not the procedure’s current one', async () => {
    const d = await intake();
    expect(d.checklist).toEqual([
      { id: '1', name: expect.any(String), required: true },
      { id: '2', name: expect.any(String), required: true },
    ]);
    const versionOf = async (code: string) =>
      (await t.database.db.selectFrom('procedures').select('current_version_id').where('code', '=', code).executeTakeFirstOrThrow()).current_version_id!;
    const other = await versionOf(WARD_PROCEDURE);
    const names = (await t.database.db.selectFrom('procedure_components').select('name').where('version_id', '=', other).orderBy('ord').execute()).map((c) => c.name);
    expect(names).not.toEqual(d.checklist.map((c: { name: string }) => c.name));
    // the row now keeps another version than its procedure's current one
    await t.database.db.updateTable('dossiers').set({ procedure_version_id: other }).where('id', '=', d.id).execute();
    const shown = (await motcua.get(`/api/v1/dossiers/${d.id}`)).json().dossier;
    expect(shown.procedureCode).toBe('2.000488');
    expect(shown.checklist.map((c: { name: string }) => c.name)).toEqual(names);
  });

  it('actions: outside the unit 403, role 403, status 409, stale version 409 with nothing changed', async () => {
    const d = await intake();
    const outside = await act(motcuaXa, d.id, 'accept', 1, { components: ['1', '2'] });
    expect([outside.statusCode, outside.json().error.code]).toEqual([403, 'FORBIDDEN_OUTSIDE_UNIT']);
    const role = await act(kiemsoat, d.id, 'accept', 1, { components: ['1', '2'] });
    expect([role.statusCode, role.json().error.code]).toEqual([403, 'DOSSIER_ROLE_NOT_ALLOWED']);
    const status = await act(motcua, d.id, 'return_result', 1, { collectedBy: 'A' });
    expect([status.statusCode, status.json().error.code]).toEqual([409, 'DOSSIER_ACTION_NOT_ALLOWED']);
    const unknown = await act(motcua, d.id, 'teleport', 1);
    expect(unknown.json().error.code).toBe('DOSSIER_ACTION_UNKNOWN');
    const missing = await act(motcua, d.id, 'accept', 1, { components: ['1'] });
    expect(missing.json().error.code).toBe('DOSSIER_COMPONENTS_MISSING');
    const supplement = await act(motcua, d.id, 'request_supplement', 1, { items: ['Tờ khai'] });
    expect(supplement.statusCode).toBe(200);
    const before = await count('audit_events');
    const stale = await act(motcua, d.id, 'receive_supplement', 1);
    expect([stale.statusCode, stale.json().error.code]).toEqual([409, 'DOSSIER_VERSION_STALE']);
    expect(await count('audit_events')).toBe(before);
    expect((await motcua.get(`/api/v1/dossiers/${d.id}`)).json().dossier).toMatchObject({ version: 2, status: 'supplement_requested' });
    const pdf = await motcua.get(`/api/v1/dossiers/${d.id}/forms/mau_02.pdf`);
    expect(pdf.body.slice(0, 5)).toBe('%PDF-');
  });

  it('accept numbers a unit’s dossiers per day without gaps, refused accepts give their number back', async () => {
    const a = await intake(motcuaXa, intakeFor(WARD_PROCEDURE));
    const b = await intake(motcuaXa, intakeFor(WARD_PROCEDURE));
    expect((await act(motcuaXa, a.id, 'accept', 1, { components: ['1'] })).json().error.code).toBe('DOSSIER_COMPONENTS_MISSING');
    const codes = [];
    for (const d of [a, b]) {
      const res = await act(motcuaXa, d.id, 'accept', 1, { components: ['1', '2'] });
      expect(res.statusCode, res.body).toBe(200);
      codes.push(res.json().dossier.code as string);
    }
    const [first, second] = codes.map((c) => c.split('-'));
    expect(first![0]).toBe('000.52.01.H26');
    expect([first![2], second![2]]).toEqual(first![1] === second![1] ? ['0001', '0002'] : [first![2], '0001']);
  });

  it('lists what the caller may see, masks citizens’ numbers, and filters', async () => {
    const d = await intake(motcuaXa, { ...intakeFor(WARD_PROCEDURE), applicant: { kind: 'citizen', idNumber: VALID_CCCD, name: 'Trần Thị Bình' } });
    const list = (await motcuaXa.get('/api/v1/dossiers?queue=new&q=Bình')).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ id: d.id, applicantIdNumber: '031******456', status: 'new', unitCode: '000.52.01.H26' });
    const centre = (await motcua.get('/api/v1/dossiers?q=Bình')).json();
    expect(centre.total).toBe(0);
    expect((await motcua.get('/api/v1/dossiers?unit=000.52.01.H26')).json().error.code).toBe('FORBIDDEN_OUTSIDE_UNIT');
    expect((await chuyenvien.get('/api/v1/dossiers')).json().total).toBe(0);
    const all = (await kiemsoat.get('/api/v1/dossiers?limit=100')).json();
    expect(all.total).toBe(await count('dossiers'));
    expect((await motcua.get('/api/v1/dossiers?limit=0')).statusCode).toBe(400);
    // yesterday..today (UTC+7), so a run across local midnight still finds the dossiers made above
    const today = localDay(Date.now());
    expect((await motcuaXa.get(`/api/v1/dossiers?from=${formatDate(today - 1)}&to=${formatDate(today)}&procedure=${WARD_PROCEDURE}`)).json().total).toBeGreaterThan(0);
    expect((await motcuaXa.get('/api/v1/dossiers?from=2020-01-01&to=2020-01-31')).json().total).toBe(0);
    const page = (await kiemsoat.get('/api/v1/dossiers?limit=2&offset=1')).json();
    expect([page.items.length, page.total]).toEqual([2, all.total]);
    const anon = await t.app.inject({ method: 'GET', url: '/api/v1/dossiers' });
    expect(anon.statusCode).toBe(401);
  });
});
