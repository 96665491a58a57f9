import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nationalSyncPayload } from '@core/dossier/national-sync';
import { type TestApp, createTestApp } from '../../../tests/support/app';
import { ENGINES } from '../../../tests/support/database';
import { act } from '../../../tests/support/dossiers';
import { HttpNationalPortal, NationalPortalUnavailable } from '../../adapters/national';
import { signed } from '../../adapters/payment/hmac';
import { ConfigError, loadConfig } from '../../config/config';
import { backgroundJobs } from '../../jobs/background';
import { insertJob } from '../../jobs/queries';
import { runDueJobs } from '../../jobs/runner';
import { HCTP, type Staff, dossierAt } from '../results/testing';
import { NATIONAL_SYNC_JOB, type NationalSyncDeps, nationalSyncHandler, syncSourceOf, syncToNationalPortal } from './sync';
import { markNationalSynced, unsyncedDossiers } from './queries';

const SECRET = 'national-portal-test-secret-0123456789abcdef';
const SYSTEM = 'MOTCUA-HP';
const AN = '031085012345';
const quiet = { info() {}, warn() {} };

describe.each(ENGINES)('national portal sync (%s)', (engine) => {
  let t: TestApp;
  let s: Staff;
  let base: string;
  let portal: HttpNationalPortal;
  let deps: NationalSyncDeps;

  beforeAll(async () => {
    t = await createTestApp(engine, { env: { NATIONAL_PORTAL_SECRET: SECRET } });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}/sim/dvcqg`;
    portal = new HttpNationalPortal({ url: base, systemId: SYSTEM, secret: SECRET, timeoutMs: 5_000 });
    deps = { db: t.database.db, portal, log: quiet };
    const [motcua, chuyenvien, lanhdao] = await Promise.all(['motcua', 'chuyenvien', 'lanhdao'].map((u) => t.login(u)));
    s = { motcua: motcua!, chuyenvien: chuyenvien!, lanhdao: lanhdao! };
  });
  afterAll(() => t.close());

  const db = () => t.database.db;
  const held = (code: string) => db().selectFrom('sim_national_dossiers').selectAll().where('code', '=', code).orderBy('version').execute();
  const marks = (id: string) => db().selectFrom('dossiers').select(['version', 'national_synced_version', 'national_synced_at']).where('id', '=', id).executeTakeFirstOrThrow();
  const picked = async (id: string) => (await unsyncedDossiers(db(), null, 1000)).find((d) => d.id === id);

  it('sends an accepted dossier: the simulator holds it (applicant masked), the dossier is marked, its index fact and audit event written', async () => {
    const d = await dossierAt(s, 'accepted', { idNumber: AN });
    const run = await syncToNationalPortal(deps, { requestId: 'test-run' });
    expect(run).toMatchObject({ sent: 1, synced: 1, refused: 0 });
    expect(run.unavailable).toBeUndefined();

    const rows = await held(d.code);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ system_id: SYSTEM, version: d.version, procedure_code: '2.000488', agency_code: '000.00.30.H26', channel: 1, status: 2 });
    expect(rows[0]!.payload).toMatchObject({ MaHoSo: d.code, PhienBan: d.version, MaDoiTuong: '031******345', ChuHoSo: 'Nguyễn V. A.', LoaiDoiTuong: 1, TrangThaiHoSo: 2, KenhThucHien: 1 });
    expect(JSON.stringify(rows[0]!.payload)).not.toContain(AN);

    const m = await marks(d.id);
    expect(m.national_synced_version).toBe(d.version);
    expect(m.national_synced_at).toBeInstanceOf(Date);
    // CKMB.4's fact: the dossier counts as synced
    const fact = await db().selectFrom('index_facts').select('synced').where('dossier_id', '=', d.id).executeTakeFirst();
    expect(fact?.synced).toBe(true);
    const audit = await db().selectFrom('audit_events').select(['action', 'actor_kind', 'actor_id', 'after', 'request_id']).where('entity_id', '=', d.id).where('action', '=', 'dossier.national_synced').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_kind: 'system', actor_id: 'system:national-sync', request_id: 'test-run', after: { code: d.code, version: d.version, status: 2 } });

    // the simulator's page lists it, labelled as a simulator, without the full number
    const page = await t.app.inject({ method: 'GET', url: `/sim/dvcqg?ma=${encodeURIComponent(d.code)}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('MÔ PHỎNG');
    expect(page.body).toContain(d.code);
    expect(page.body).toContain('031******345');
    expect(page.body).not.toContain(AN);
  });

  it('a second run sends nothing, and a replay of a version the portal holds is answered without a duplicate', async () => {
    const d = await dossierAt(s, 'accepted');
    await syncToNationalPortal(deps);
    expect(await picked(d.id)).toBeUndefined();
    expect(await syncToNationalPortal(deps)).toMatchObject({ sent: 0, synced: 0 });

    const first = (await held(d.code))[0]!;
    // the same version sent again (a retry after a lost answer): acknowledged with the first reception, stored once
    const again = await portal.syncDossier(first.payload as ReturnType<typeof nationalSyncPayload>);
    expect(again).toEqual({ accepted: true, receivedAt: first.received_at });
    expect(await held(d.code)).toHaveLength(1);
    // an acknowledgement of an older version (a slow run) never overwrites a newer one
    const before = await marks(d.id);
    expect(await db().transaction().execute((trx) => markNationalSynced(trx, d.id, d.version - 1, new Date()))).toEqual({ skipped: true });
    expect(await marks(d.id)).toEqual(before);
    const events = await db().selectFrom('audit_events').select('seq').where('entity_id', '=', d.id).where('action', '=', 'dossier.national_synced').execute();
    expect(events).toHaveLength(1);
  });

  it('a dossier action makes a new version, which the next run sends as a record of its own', async () => {
    const d = await dossierAt(s, 'accepted');
    await syncToNationalPortal(deps);
    const moved = await act(s.motcua, d.code, 'hand_over', d.version, { toUnit: HCTP });
    expect(moved.statusCode, moved.body).toBe(200);
    const next = moved.json().dossier;
    expect(next.version).toBeGreaterThan(d.version);
    expect((await picked(d.id))?.version).toBe(next.version);
    await syncToNationalPortal(deps);
    const rows = await held(d.code);
    expect(rows.map((r) => r.version)).toEqual([d.version, next.version]);
    expect(rows[1]!.payload).toMatchObject({ TrangThaiHoSo: 4, MaCoQuan: '000.00.30.H26', MaCoQuanXuLy: HCTP });
    expect((await marks(d.id)).national_synced_version).toBe(next.version);
  });

  it('while the portal is down nothing is marked and the job is retried with back-off, then syncs', async () => {
    const d = await dossierAt(s, 'accepted');
    // a port nothing listens on
    const down = new HttpNationalPortal({ url: 'http://127.0.0.1:9/sim/dvcqg', systemId: SYSTEM, secret: SECRET, timeoutMs: 2_000 });
    await expect(down.syncDossier(nationalSyncPayload(syncSourceOf((await picked(d.id))!)))).rejects.toBeInstanceOf(NationalPortalUnavailable);

    const now = new Date();
    await insertJob(db(), { kind: NATIONAL_SYNC_JOB, runAt: now, dedupeKey: 'test:national' });
    // (other due jobs of the dossier actions, such as notifications, run too, without a handler here)
    await runDueJobs(db(), { [NATIONAL_SYNC_JOB]: nationalSyncHandler({ ...deps, portal: down }) }, { now });
    const job = await db().selectFrom('jobs').selectAll().where('dedupe_key', '=', 'test:national').executeTakeFirstOrThrow();
    expect(job).toMatchObject({ status: 'pending', attempts: 1 });
    expect(job.last_error).toMatch(/portal was unavailable/);
    expect(new Date(job.run_at).getTime()).toBeGreaterThan(now.getTime());
    expect((await marks(d.id)).national_synced_version).toBeNull();
    expect(await held(d.code)).toHaveLength(0);

    // the retry, when due, with the portal back
    await runDueJobs(db(), { [NATIONAL_SYNC_JOB]: nationalSyncHandler(deps) }, { now: new Date(job.run_at) });
    expect(await db().selectFrom('jobs').select('status').where('id', '=', job.id).executeTakeFirstOrThrow()).toEqual({ status: 'done' });
    expect((await marks(d.id)).national_synced_version).toBe(d.version);
    expect(await held(d.code)).toHaveLength(1);
  });

  it('the simulator refuses a wrong signature, a tampered message, an unknown system and a stale one, storing nothing', async () => {
    const d = await dossierAt(s, 'accepted');
    const payload = nationalSyncPayload(syncSourceOf((await picked(d.id))!));
    const post = (body: unknown) => t.app.inject({ method: 'POST', url: '/sim/dvcqg/api/hoso/dongbo', payload: body as object });
    const message = (over: Record<string, string | number> = {}, secret = SECRET) => signed(secret, { ...payload, MaHeThong: SYSTEM, ThoiGianGui: new Date().toISOString(), ...over });

    const wrongSecret = await post(message({}, 'another-secret-another-secret-0123456789'));
    expect(wrongSecret.statusCode).toBe(401);
    expect(wrongSecret.json()).toMatchObject({ error_code: 'SIGNATURE_INVALID' });
    expect((await post({ ...message(), TrangThaiHoSo: 10 })).statusCode).toBe(401);
    expect((await post(message({ MaHeThong: 'OTHER' }))).statusCode).toBe(401);
    const stale = await post(message({ ThoiGianGui: new Date(Date.now() - 60 * 60_000).toISOString() }));
    expect(stale.json()).toMatchObject({ error_code: 'TIME_SKEW' });
    const malformed = await post({ MaHoSo: d.code });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ error_code: 'INVALID_MESSAGE' });
    expect(await held(d.code)).toHaveLength(0);

    // through the adapter: a wrong secret is the portal being unusable (retry later), a malformed dossier a refusal
    const wrong = new HttpNationalPortal({ url: base, systemId: SYSTEM, secret: 'another-secret-another-secret-0123456789' });
    await expect(wrong.syncDossier(payload)).rejects.toThrow(/HTTP 401 SIGNATURE_INVALID/);
    expect(await portal.syncDossier({ ...payload, NgayNopHoSo: 'yesterday' })).toMatchObject({ accepted: false, code: 'INVALID_MESSAGE' });
    // a refused dossier stays unsynced and is sent again by the next run
    const refusing = { ...deps, portal: { syncDossier: async () => ({ accepted: false as const, code: 'X', message: 'refused' }) } };
    const refused = await syncToNationalPortal(refusing);
    expect(refused.synced).toBe(0);
    expect(refused.refused).toBe(refused.sent);
    expect(refused.sent).toBeGreaterThanOrEqual(1);
    expect((await marks(d.id)).national_synced_version).toBeNull();
    expect(await syncToNationalPortal(deps)).toMatchObject({ sent: refused.sent, synced: refused.sent });
    expect((await marks(d.id)).national_synced_version).toBe(d.version);
  });
});

describe('the portal client', () => {
  const payload = nationalSyncPayload({
    code: '000.00.30.H26-261201-0009',
    version: 2,
    procedureCode: '2.000488',
    receivingUnitCode: '000.00.30.H26',
    handlingUnitCode: '000.00.30.H26',
    channel: 'counter',
    status: 'accepted',
    applicantKind: 'citizen',
    applicantIdNumber: AN,
    applicantName: 'Nguyễn Văn An',
    submittedAt: new Date(),
    receivedAt: new Date(),
    dueAt: null,
    finishedAt: null,
    returnedAt: null,
  });
  let answer: (body: Record<string, unknown>) => { status: number; body: unknown };
  let server: Server;
  let url: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      let raw = '';
      req.on('data', (c: Buffer) => {
        raw += c.toString('utf8');
      });
      req.on('end', () => {
        const a = answer(JSON.parse(raw) as Record<string, unknown>);
        res.writeHead(a.status, { 'content-type': 'application/json' }).end(typeof a.body === 'string' ? a.body : JSON.stringify(a.body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const ack = (secret: string, over: Record<string, string | number> = {}) =>
    signed(secret, { error_code: 0, message: 'ok', MaHeThong: SYSTEM, MaHoSo: payload.MaHoSo, PhienBan: payload.PhienBan, ThoiGianNhan: '2026-12-01T01:00:00.000Z', ...over });
  const client = () => new HttpNationalPortal({ url, systemId: SYSTEM, secret: SECRET });

  it('believes only an acknowledgement signed with the shared secret, for the version sent', async () => {
    answer = () => ({ status: 200, body: ack(SECRET) });
    expect(await client().syncDossier(payload)).toEqual({ accepted: true, receivedAt: new Date('2026-12-01T01:00:00.000Z') });
    answer = () => ({ status: 200, body: ack('forged-forged-forged-forged-forged-forged') });
    await expect(client().syncDossier(payload)).rejects.toThrow(/answer signature invalid/);
    answer = () => ({ status: 200, body: ack(SECRET, { PhienBan: 1 }) });
    await expect(client().syncDossier(payload)).rejects.toThrow(/another dossier version/);
    answer = () => ({ status: 200, body: { error_code: 0, message: 'ok' } });
    await expect(client().syncDossier(payload)).rejects.toThrow(/not in the protocol/);
    answer = () => ({ status: 503, body: 'busy' });
    await expect(client().syncDossier(payload)).rejects.toBeInstanceOf(NationalPortalUnavailable);
  });

  it('signs what it sends, sender and time included', async () => {
    let got: Record<string, unknown> = {};
    answer = (body) => {
      got = body;
      return { status: 200, body: ack(SECRET) };
    };
    await client().syncDossier(payload);
    const { signature, ...fields } = got;
    expect(fields).toMatchObject({ ...payload, MaHeThong: SYSTEM });
    expect(signature).toBe(signed(SECRET, fields as Record<string, string | number | null>).signature);
    expect(JSON.stringify(got)).not.toContain(AN);
  });
});

describe('national portal configuration', () => {
  const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'motcua-national-'));
  const prod = { NODE_ENV: 'production', PUBLIC_URL: 'https://dichvucong.haiphong.gov.vn', SESSION_SECRET: 'a'.repeat(40) };

  it('defaults to the simulator at the app’s own /sim/dvcqg with a generated secret, never in production', () => {
    const dev = loadConfig({ DATA_DIR: tmp(), PORT: '3456' });
    expect(dev.national.simulator).toBe(true);
    expect(dev.national.portal).toMatchObject({ url: 'http://127.0.0.1:3456/sim/dvcqg', systemId: 'MOTCUA-HP' });
    expect(dev.national.portal!.secret.length).toBeGreaterThanOrEqual(32);
    const real = loadConfig({ DATA_DIR: tmp(), NATIONAL_PORTAL_URL: 'https://dichvucong.gov.vn/sync/', NATIONAL_PORTAL_SECRET: SECRET, NATIONAL_PORTAL_SYSTEM_ID: 'HPG' });
    expect(real.national).toEqual({ simulator: false, portal: { url: 'https://dichvucong.gov.vn/sync', secret: SECRET, systemId: 'HPG' } });
    expect(loadConfig({ ...prod, DATA_DIR: tmp() }).national).toEqual({ simulator: false, portal: null });
    expect(() => loadConfig({ ...prod, DATA_DIR: tmp(), NATIONAL_PORTAL_URL: 'https://dichvucong.gov.vn' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...prod, DATA_DIR: tmp(), NATIONAL_PORTAL_URL: 'https://dichvucong.gov.vn' })).toThrow(/NATIONAL_PORTAL_SECRET/);
  });

  it('registers the recurring sync only when a portal is configured', () => {
    const db = {} as NationalSyncDeps['db'];
    const portal = new HttpNationalPortal({ url: 'http://127.0.0.1:9', systemId: SYSTEM, secret: SECRET });
    expect(backgroundJobs(db).recurring.map((r) => r.kind)).not.toContain(NATIONAL_SYNC_JOB);
    const jobs = backgroundJobs(db, { national: { db, portal, log: quiet } });
    expect(jobs.recurring.map((r) => r.kind)).toContain(NATIONAL_SYNC_JOB);
    expect(jobs.handlers[NATIONAL_SYNC_JOB]).toBeTypeOf('function');
  });
});
