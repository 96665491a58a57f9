import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, type TestResponse, createTestApp } from '../../../tests/support/app';
import { ENGINES } from '../../../tests/support/database';
import { act, EXE, intakeFor, LLTP_PROCEDURE, PDF, postFiles } from '../../../tests/support/dossiers';
import { readyDraft, submit } from './test-kit';

const HCTP = '000.01.03.H26';
/** Full-process online, organisations only. */
const ORG_PROCEDURE = '2.001199';

// biome-ignore lint/suspicious/noExplicitAny: API answers are inspected freely in tests
type Json = any;
/** The bytes of a response (inject keeps them; the shared response type does not declare them). */
const bytesOf = (r: TestResponse): Buffer => (r as unknown as { rawPayload: Buffer }).rawPayload;

describe.each(ENGINES)('portal dossiers, tracking and supplements (%s)', (engine) => {
  let t: TestApp;
  let an: Client;
  let binh: Client;
  let dung: Client;
  let rep: Client;
  let motcua: Client;
  let lanhdao: Client;
  let chuyenvien: Client;
  const blobDir = mkdtempSync(path.join(os.tmpdir(), 'motcua-portal-track-'));

  /** Submits a ready draft of `procedure` for `client`; answers the submission. */
  const submitted = async (client: Client, procedure = LLTP_PROCEDURE): Promise<Json> => {
    const res = await submit(client, (await readyDraft(client, procedure)).id);
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  /** Performs staff actions in turn on a dossier (200 each). */
  const staff = async (code: string, steps: [Client, string, Record<string, unknown>?][]) => {
    let d = (await motcua.get(`/api/v1/dossiers/${code}`)).json().dossier;
    for (const [client, action, input] of steps) {
      const res = await act(client, code, action, d.version, input ?? {});
      expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
      d = res.json().dossier;
    }
    return d;
  };
  const track = (code: string, secret?: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url: `/api/v1/track/${code}${secret === undefined ? '' : `?secret=${encodeURIComponent(secret)}`}`, headers });

  beforeAll(async () => {
    t = await createTestApp(engine, { env: { BLOB_DIR: blobDir } });
    [an, binh, dung] = await Promise.all(['031085012345', '031192004567', '001187006543'].map((id) => t.loginCitizen(id)));
    rep = await t.loginCitizen('001187006543', { actingFor: '0201234569' });
    [motcua, lanhdao, chuyenvien] = await Promise.all(['motcua', 'lanhdao', 'chuyenvien'].map((u) => t.login(u)));
  });
  afterAll(() => t.close());

  it('staff accept keeps the code given at submission and the unit’s numbering stays gap-free', async () => {
    const s = await submitted(an);
    const seq = Number(s.code.slice(-4));
    const accepted = await staff(s.code, [[motcua, 'accept', { components: ['1', '2'] }]]);
    expect(accepted).toMatchObject({ code: s.code, status: 'accepted' });
    expect(accepted.receivedAt).not.toBeNull();
    // a counter dossier accepted next takes the next number of the same day
    const counter = await motcua.post('/api/v1/dossiers', intakeFor());
    const c = counter.json().dossier;
    const next = await act(motcua, c.id, 'accept', c.version, { components: ['1', '2'] });
    expect(next.json().dossier.code).toBe(`${s.code.slice(0, -4)}${String(seq + 1).padStart(4, '0')}`);

    // a dossier submitted on an earlier day is accepted under its own code
    const old = await submitted(an);
    const earlier = old.code.replace(/-\d{6}-/, '-250102-');
    const row = await t.database.db.selectFrom('dossiers').select(['id', 'state']).where('code', '=', old.code).executeTakeFirstOrThrow();
    await t.database.db
      .updateTable('dossiers')
      .set({ code: earlier, state: JSON.stringify({ ...(row.state as object), code: earlier }) })
      .where('id', '=', row.id)
      .execute();
    const late = await staff(earlier, [[motcua, 'accept', { components: ['1', '2'] }]]);
    expect(late).toMatchObject({ code: earlier, status: 'accepted' });
    const mine = (await an.get(`/api/v1/portal/dossiers/${earlier}`)).json();
    expect(mine).toMatchObject({ status: 'accepted', forms: ['mau_01'] });
    expect(mine.timeline.map((e: Json) => [e.status, e.action])).toEqual([
      ['new', null],
      ['accepted', 'accept'],
    ]);
    expect(mine.dueAt).not.toBeNull();
    const form = await an.get(`/api/v1/portal/dossiers/${earlier}/forms/mau_01.pdf`);
    expect([form.statusCode, form.headers['content-type'], form.body.slice(0, 5)]).toEqual([200, 'application/pdf', '%PDF-']);
    const none = await an.get(`/api/v1/portal/dossiers/${earlier}/forms/mau_04.pdf`);
    expect([none.statusCode, none.json().error.code]).toEqual([404, 'DOSSIER_FORM_NOT_AVAILABLE']);
    const staffOnly = await an.get(`/api/v1/portal/dossiers/${earlier}/forms/mau_05.pdf`);
    expect(staffOnly.statusCode).toBe(400);
  });

  it('a citizen sees their own dossiers of every channel; another’s code answers exactly like an unknown one', async () => {
    const s = await submitted(an);
    // a counter dossier under the same CCCD is An's too
    const counter = (await motcua.post('/api/v1/dossiers', intakeFor(LLTP_PROCEDURE, '031085012345'))).json().dossier;
    const acc = await act(motcua, counter.id, 'accept', counter.version, { components: ['1', '2'] });
    const counterCode = acc.json().dossier.code;
    const list = (await an.get('/api/v1/portal/dossiers?limit=100')).json();
    const codes = list.items.map((i: Json) => i.code);
    expect(codes).toEqual(expect.arrayContaining([s.code, counterCode]));
    expect(list.items.find((i: Json) => i.code === counterCode)).toMatchObject({ channel: 'counter', status: 'accepted', procedureCode: LLTP_PROCEDURE, unit: { code: '000.00.30.H26' } });
    expect(list.total).toBe(list.items.length);
    expect((await an.get('/api/v1/portal/dossiers?state=finished')).json().total).toBe(0);

    const guessed = await binh.get(`/api/v1/portal/dossiers/${s.code}`);
    const unknown = await binh.get(`/api/v1/portal/dossiers/${s.code.slice(0, -4)}9999`);
    expect([guessed.statusCode, guessed.json().error.code]).toEqual([404, 'NOT_FOUND']);
    expect({ ...guessed.json().error, requestId: null }).toEqual({ ...unknown.json().error, requestId: null });
    for (const sub of ['forms/mau_01.pdf', 'receipt.pdf', 'secret']) {
      const res = sub === 'secret' ? await binh.post(`/api/v1/portal/dossiers/${s.code}/${sub}`) : await binh.get(`/api/v1/portal/dossiers/${s.code}/${sub}`);
      expect([sub, res.statusCode]).toEqual([sub, 404]);
    }
    expect((await binh.get('/api/v1/portal/dossiers')).json().items.map((i: Json) => i.code)).not.toContain(s.code);
    const staffSession = await motcua.get('/api/v1/portal/dossiers');
    expect(staffSession.statusCode).toBe(401);
  });

  it('a business representative sees the business’s dossiers and not their personal ones, and vice versa', async () => {
    const business = await submitted(rep, ORG_PROCEDURE);
    expect(business.dossier.applicant).toMatchObject({ kind: 'organisation', idNumber: '0201234569' });
    const personal = await submitted(dung);
    expect(personal.dossier.applicant).toMatchObject({ kind: 'citizen', idNumber: '001187006543' });
    const asRep = (await rep.get('/api/v1/portal/dossiers')).json().items.map((i: Json) => i.code);
    const asSelf = (await dung.get('/api/v1/portal/dossiers')).json().items.map((i: Json) => i.code);
    expect(asRep).toContain(business.code);
    expect(asRep).not.toContain(personal.code);
    expect(asSelf).toContain(personal.code);
    expect(asSelf).not.toContain(business.code);
    expect((await rep.get(`/api/v1/portal/dossiers/${personal.code}`)).statusCode).toBe(404);
    expect((await dung.get(`/api/v1/portal/dossiers/${business.code}`)).statusCode).toBe(404);
    expect((await rep.get(`/api/v1/portal/dossiers/${business.code}`)).json().applicant.kind).toBe('organisation');
  });

  it('public lookup by code and secret: masked, no notes; a wrong or missing secret answers like an unknown code', async () => {
    const s = await submitted(an);
    await staff(s.code, [[motcua, 'refuse', { reason: 'Không thuộc thẩm quyền giải quyết' }]]);
    const ok = await track(s.code, s.secret);
    expect(ok.statusCode, ok.body).toBe(200);
    const view = ok.json();
    expect(view).toMatchObject({ code: s.code, status: 'not_accepted', procedureCode: LLTP_PROCEDURE, unit: { code: '000.00.30.H26' }, applicant: { name: 'N. V. A***', idNumber: '031******345' } });
    expect(view.timeline.map((e: Json) => [e.status, e.note])).toEqual([
      ['new', null],
      ['not_accepted', null],
    ]);
    expect(ok.body).not.toContain('Nguyễn Văn An');
    expect(ok.body).not.toContain('031085012345');
    // the owner sees the reason
    const own = (await an.get(`/api/v1/portal/dossiers/${s.code}`)).json();
    expect(own.timeline[1]).toMatchObject({ status: 'not_accepted', note: 'Không thuộc thẩm quyền giải quyết' });
    // typed by hand: lower case, spaces
    const typed = await track(s.code, ` ${s.secret.slice(0, 4).toLowerCase()} ${s.secret.slice(4)} `);
    expect(typed.statusCode).toBe(200);

    const unknown = await track(`${s.code.slice(0, -4)}9999`, s.secret);
    const wrong = await track(s.code, s.secret === 'AAAAAAAA' ? 'CCCCCCCC' : 'AAAAAAAA');
    const missing = await track(s.code);
    const malformed = await track(s.code, 'x'.repeat(500));
    for (const res of [unknown, wrong, missing, malformed]) {
      expect([res.statusCode, res.json().error.code, res.json().error.message, res.json().error.fields]).toEqual([404, 'NOT_FOUND', unknown.json().error.message, undefined]);
    }
    // a counter dossier has no secret until its applicant issues one
    const counter = (await motcua.post('/api/v1/dossiers', intakeFor(LLTP_PROCEDURE, '031085012345'))).json().dossier;
    const code = (await act(motcua, counter.id, 'accept', counter.version, { components: ['1', '2'] })).json().dossier.code;
    expect((await track(code, s.secret)).statusCode).toBe(404);
    const issued = await an.post(`/api/v1/portal/dossiers/${code}/secret`);
    expect(issued.statusCode).toBe(201);
    expect((await track(code, issued.json().secret)).statusCode).toBe(200);
    // a new secret replaces the old one
    const renewed = (await an.post(`/api/v1/portal/dossiers/${s.code}/secret`)).json().secret;
    expect((await track(s.code, s.secret)).statusCode).toBe(renewed === s.secret ? 200 : 404);
    expect((await track(s.code, renewed)).statusCode).toBe(200);
  });

  it('the public lookup is rate-limited per client', async () => {
    const limited = await createTestApp(engine, { env: { LOGIN_RATE_LIMIT: '3' } });
    try {
      const codes = [];
      for (let i = 0; i < 4; i++) codes.push((await limited.app.inject({ method: 'GET', url: '/api/v1/track/000.00.30.H26-261130-0001?secret=AAAAAAAA' })).statusCode);
      expect(codes).toEqual([404, 404, 404, 429]);
      const last = await limited.app.inject({ method: 'GET', url: '/api/v1/track/000.00.30.H26-261130-0001?secret=AAAAAAAA', headers: { 'accept-language': 'en' } });
      expect(last.json().error.code).toBe('RATE_LIMITED');
    } finally {
      await limited.close();
    }
  });

  it('the submission receipt prints the secret only when it is given and right', async () => {
    const s = await submitted(an);
    const plain = await an.get(`/api/v1/portal/dossiers/${s.code}/receipt.pdf`);
    const withSecret = await an.get(`/api/v1/portal/dossiers/${s.code}/receipt.pdf?secret=${s.secret}`);
    const wrongSecret = await an.get(`/api/v1/portal/dossiers/${s.code}/receipt.pdf?secret=AAAAAAAA`);
    for (const r of [plain, withSecret, wrongSecret]) expect([r.statusCode, r.headers['content-type'], bytesOf(r).subarray(0, 5).toString()]).toEqual([200, 'application/pdf', '%PDF-']);
    // the printed secret makes the document longer; a wrong one prints nothing more than none
    expect(bytesOf(withSecret).length).toBeGreaterThan(bytesOf(plain).length);
    expect(Math.abs(bytesOf(wrongSecret).length - bytesOf(plain).length)).toBeLessThan(40);
    const counter = (await motcua.post('/api/v1/dossiers', intakeFor(LLTP_PROCEDURE, '031085012345'))).json().dossier;
    const code = (await act(motcua, counter.id, 'accept', counter.version, { components: ['1', '2'] })).json().dossier.code;
    expect((await an.get(`/api/v1/portal/dossiers/${code}/receipt.pdf`)).json().error.code).toBe('DOSSIER_FORM_NOT_AVAILABLE');
    const file = s.dossier.files[0];
    const download = await an.get(`/api/v1/portal/dossiers/${s.code}/files/${file.id}`);
    expect([download.statusCode, bytesOf(download).equals(PDF)]).toEqual([200, true]);
  });

  it('a supplement requested at intake is answered online; staff see the answer, receive it and accept under the same code', async () => {
    const s = await submitted(an);
    const answer = (files: { componentId: string; bytes: Buffer }[], client = an) => postFiles(client, `/api/v1/portal/dossiers/${s.code}/supplement`, files);
    const early = await answer([{ componentId: 'supplement:1', bytes: PDF }]);
    expect([early.statusCode, early.json().error.code]).toEqual([409, 'PORTAL_SUPPLEMENT_NOT_REQUESTED']);
    await staff(s.code, [[motcua, 'request_supplement', { items: ['Bản chụp CCCD rõ nét', 'Tờ khai có chữ ký'] }]]);
    const mine = (await an.get(`/api/v1/portal/dossiers/${s.code}`)).json();
    expect(mine).toMatchObject({ status: 'supplement_requested', forms: ['mau_02'], actionNeeded: true });
    expect(mine.todo).toEqual([
      {
        kind: 'supplement',
        requestedAt: expect.any(String),
        items: [
          { index: 1, text: 'Bản chụp CCCD rõ nét', componentId: 'supplement:1' },
          { index: 2, text: 'Tờ khai có chữ ký', componentId: 'supplement:2' },
        ],
      },
    ]);
    expect(mine.timeline[1]).toMatchObject({ status: 'supplement_requested', items: ['Bản chụp CCCD rõ nét', 'Tờ khai có chữ ký'] });
    expect((await an.get(`/api/v1/portal/dossiers/${s.code}/forms/mau_02.pdf`)).statusCode).toBe(200);

    const files = async () => Number((await t.database.db.selectFrom('dossier_files').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await files();
    const partial = await answer([{ componentId: 'supplement:1', bytes: PDF }]);
    expect([partial.statusCode, partial.json().error.code]).toEqual([400, 'PORTAL_SUPPLEMENT_INCOMPLETE']);
    expect(partial.json().error.message).toContain('Tờ khai có chữ ký');
    const unknownItem = await answer([
      { componentId: 'supplement:1', bytes: PDF },
      { componentId: 'supplement:3', bytes: PDF },
    ]);
    expect([unknownItem.statusCode, unknownItem.json().error.code]).toEqual([400, 'PORTAL_SUPPLEMENT_ITEM_UNKNOWN']);
    const exe = await answer([
      { componentId: 'supplement:1', bytes: PDF },
      { componentId: 'supplement:2', bytes: EXE },
    ]);
    expect([exe.statusCode, exe.json().error.code]).toEqual([415, 'UPLOAD_TYPE_NOT_ALLOWED']);
    expect((await answer([{ componentId: 'supplement:1', bytes: PDF }], binh)).statusCode).toBe(404);
    expect(await files()).toBe(before);

    const done = await answer([
      { componentId: 'supplement:1', bytes: PDF },
      { componentId: 'supplement:2', bytes: PDF },
    ]);
    expect(done.statusCode, done.body).toBe(201);
    expect(done.json()).toMatchObject({ status: 'supplement_requested', actionNeeded: false, todo: [{ kind: 'supplement_answered' }] });
    expect(done.json().files.filter((f: Json) => f.supplement).map((f: Json) => f.componentId)).toEqual(['supplement:1', 'supplement:2']);
    expect(await files()).toBe(before + 2);
    const staffView = (await motcua.get(`/api/v1/dossiers/${s.code}`)).json().dossier;
    expect(staffView.supplementAnsweredAt).toEqual(expect.any(String));
    expect(staffView.files.map((f: Json) => f.componentId)).toEqual(expect.arrayContaining(['supplement:1', 'supplement:2']));
    const audit = await t.database.db.selectFrom('audit_events').select('action').where('action', '=', 'dossier.supplement_answered').execute();
    expect(audit.length).toBeGreaterThan(0);

    const accepted = await staff(s.code, [
      [motcua, 'receive_supplement'],
      [motcua, 'accept', { components: ['1', '2'] }],
    ]);
    expect(accepted).toMatchObject({ code: s.code, status: 'accepted', supplementAnsweredAt: null });
    const after = await answer([{ componentId: 'supplement:1', bytes: PDF }]);
    expect(after.json().error.code).toBe('PORTAL_SUPPLEMENT_NOT_REQUESTED');
  });

  it('a supplement requested during processing is answered online too', async () => {
    const s = await submitted(an);
    await staff(s.code, [
      [motcua, 'accept', { components: ['1', '2'] }],
      [motcua, 'hand_over', { toUnit: HCTP }],
      [lanhdao, 'assign', { assigneeId: chuyenvien.me.user.id }],
      [chuyenvien, 'request_supplement_processing', { items: ['Bản sao sổ hộ khẩu'] }],
    ]);
    const mine = (await an.get(`/api/v1/portal/dossiers/${s.code}`)).json();
    expect(mine.todo[0]).toMatchObject({ kind: 'supplement', items: [{ componentId: 'supplement:1', text: 'Bản sao sổ hộ khẩu' }] });
    expect(mine.unit.code).toBe(HCTP);
    const res = await postFiles(an, `/api/v1/portal/dossiers/${s.code}/supplement`, [{ componentId: 'supplement:1', bytes: PDF }]);
    expect(res.statusCode, res.body).toBe(201);
    const d = await staff(s.code, [[chuyenvien, 'receive_supplement']]);
    expect(d).toMatchObject({ status: 'processing', code: s.code });
    const tracked = (await track(s.code, s.secret)).json();
    expect(tracked.timeline.map((e: Json) => e.status)).toEqual(['new', 'accepted', 'processing', 'supplement_requested', 'processing']);
  });
});
