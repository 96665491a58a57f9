/**
 * `npm run bench intake`: accepted dossiers per second through HTTP (the app listening on loopback,
 * CLIENTS concurrent clients of one one-stop officer, one unit; the clients run in a worker thread,
 * off the server's event loop) on PGlite and, on the PostgreSQL server of BENCH_DATABASE_URL /
 * TEST_DATABASE_URL (else the local one), in a scratch database.
 *
 * - HTTP, counter screen: each dossier is one multipart `POST /api/v1/dossiers` carrying the intake,
 *   its 3 scanned components and the accept (checklist ticked), as the counter screen sends it: the
 *   dossier is numbered and its receipt (Mẫu 01) issued. Three audit events per dossier.
 * - HTTP, three requests: intake, upload, accept (the path the portal and postal intake keep), fewer dossiers.
 * - Raw SQL, one transaction per dossier: the same rows (the dossier with the state and contact the
 *   app wrote, 3 file rows, the day's number, 3 audit events hash-chained on a chain of their own,
 *   the same payloads) with the same concurrency, in the fewest statements (number and chain head
 *   in one, every row in the next).
 * - Raw SQL, group commit: the same rows again, the transactions grouped as the app groups them.
 *
 * The counter and raw runs alternate in ROUNDS so that load from elsewhere weighs on them alike.
 * Checks 0 duplicate or missing codes among the unit's codes of the day.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Insertable, type Transaction, sql } from 'kysely';
import { formatDossierCode } from '../core/dossier/dossier-code';
import { buildApp } from '../server/app';
import { loadConfig } from '../server/config/config';
import { type Database, openDatabase } from '../server/db/database';
import { migrate } from '../server/db/migrate';
import type { DB, NewAuditEvent } from '../server/db/schema';
import type { DossierFilesTable, DossiersTable } from '../server/db/tables/dossiers';
import { auditHash } from '../server/features/audit/hash';
import { GroupCommitter } from '../server/features/dossiers/group-commit';
import { DEMO_PASSWORD } from '../server/seed/demo-org';
import { seedDemo } from '../server/seed/demo';
import { type LoadJob, runLoad } from './lib/load';
import { withScratchPostgres } from './lib/support';

const CLIENTS = 50;
/** A province procedure with three required components, received at the city service centre. */
const PROCEDURE = '2.000505';
const CENTRE = '000.00.30.H26';
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

/** Runs `total` jobs over `clients` concurrent workers; returns the elapsed seconds. */
async function pool(total: number, clients: number, job: (i: number) => Promise<void>): Promise<number> {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < total) await job(next++);
    }),
  );
  return (performance.now() - t0) / 1000;
}

const intake = { procedureCode: PROCEDURE, applicant: { kind: 'citizen', idNumber: '031090123456', name: 'Nguyễn Văn An', address: 'Số 1 Lê Chân, Hải Phòng', phone: '0912345678' }, channel: 'counter', returnMethod: 'counter' };

/** The app on loopback, a one-stop officer of the centre signed in, and `total` dossiers sent by the client worker through `flow`. */
async function viaHttp(database: Database, flow: LoadJob['flow'], total: number): Promise<{ rate: number; codes: string[] }> {
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-')), SESSION_SECRET: 'bench-secret-bench-secret-bench-secret-0123', LOG_LEVEL: 'silent', LOGIN_RATE_LIMIT: '10000' });
  const app = await buildApp({ config, database, version: 'bench' }, { webDist: path.join(os.tmpdir(), 'no-web-client') });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  try {
    const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'motcua', password: DEMO_PASSWORD }) });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const csrf = (await login.json()).csrfToken as string;
    const { seconds, codes } = await runLoad({ base, headers: { cookie, 'x-csrf-token': csrf }, clients: CLIENTS, total, flow, intake, components: ['1', '2', '3'] });
    return { rate: total / seconds, codes };
  } finally {
    await app.close();
  }
}

/** What the app wrote for one accepted dossier: the row and its three audit events, as templates for the raw rows. */
async function templates(database: Database) {
  const row = await database.db.selectFrom('dossiers').selectAll().where('code', 'is not', null).where('procedure_code', '=', PROCEDURE).limit(1).executeTakeFirstOrThrow();
  const events = await database.db.selectFrom('audit_events').selectAll().where('entity_id', '=', row.id).orderBy('seq').execute();
  const files = await database.db.selectFrom('dossier_files').selectAll().where('dossier_id', '=', row.id).execute();
  return { row, events, files };
}

/** Raw SQL: `n` accepted dossiers in the caller's transaction, in two statements: the numbers with the chain head, then every row. */
async function rawDossiers(trx: Transaction<DB>, t: Awaited<ReturnType<typeof templates>>, n: number): Promise<void> {
  const now = Date.now();
  const head = await sql<{ last_no: number; last_seq: number; last_hash: string }>`
    WITH s AS (INSERT INTO dossier_sequences (unit_id, day, last_no) VALUES (${t.row.unit_id}, '2099-01-01', ${n})
      ON CONFLICT (unit_id, day) DO UPDATE SET last_no = dossier_sequences.last_no + ${n} RETURNING last_no)
    SELECT s.last_no, h.last_seq, h.last_hash FROM s, (SELECT last_seq, last_hash FROM audit_chains WHERE chain_key = 'bench-raw' FOR UPDATE) h`.execute(trx);
  let { last_no: no, last_seq: seq, last_hash: prev } = head.rows[0]!;
  no -= n;
  const at = new Date(now);
  const dossiers: Insertable<DossiersTable>[] = [];
  const files: Insertable<DossierFilesTable>[] = [];
  const events: NewAuditEvent[] = [];
  for (let k = 0; k < n; k++) {
    const id = randomUUID();
    const code = formatDossierCode(CENTRE, Date.parse('2099-01-01T09:00:00+07:00'), ++no);
    const { id: _, created_at: __, updated_at: ___, ...row } = t.row;
    dossiers.push({ ...row, id, code, state: JSON.stringify({ ...(row.state as object), code }), applicant_contact: JSON.stringify(row.applicant_contact), submitted_at: at, received_at: at });
    for (const f of t.files) files.push({ dossier_id: id, unit_id: f.unit_id, component_id: f.component_id, sha256: createHash('sha256').update(randomBytes(16)).digest('hex'), mime: f.mime, size: f.size, filename: f.filename, uploaded_by: f.uploaded_by });
    for (const e of t.events) {
      seq += 1;
      const after = e.action === 'dossier.accept' ? { ...(e.after as object), code } : e.after;
      const content = { chainKey: 'bench-raw', seq, occurredAt: at.toISOString(), actorKind: e.actor_kind, actorId: e.actor_id, actorName: e.actor_name, action: e.action, entityType: 'dossier', entityId: id, unitId: e.unit_id, before: e.before ?? null, after: after ?? null, requestId: e.request_id };
      const hash = auditHash(prev, content);
      events.push({ chain_key: 'bench-raw', seq, occurred_at: at, actor_kind: e.actor_kind, actor_id: e.actor_id, actor_name: e.actor_name, action: e.action, entity_type: 'dossier', entity_id: id, unit_id: e.unit_id, before: e.before === null ? null : JSON.stringify(e.before), after: after === null ? null : JSON.stringify(after), request_id: e.request_id, prev_hash: prev, hash });
      prev = hash;
    }
  }
  await trx
    .with('d', (db) => db.insertInto('dossiers').values(dossiers))
    .with('f', (db) => db.insertInto('dossier_files').values(files))
    .with('e', (db) => db.insertInto('audit_events').values(events))
    .updateTable('audit_chains')
    .set({ last_seq: seq, last_hash: prev })
    .where('chain_key', '=', 'bench-raw')
    .execute();
}

/** The raw-SQL baselines on templates of what the app wrote: each runs `n` dossiers and answers the seconds taken. */
async function rawBaselines(database: Database) {
  const { db } = database;
  const t = await templates(database);
  await db.insertInto('audit_chains').values({ chain_key: 'bench-raw', last_seq: 0, last_hash: '0'.repeat(64) }).execute();
  const one = () => db.transaction().execute((trx) => rawDossiers(trx, t, 1));
  const groups = new GroupCommitter<null, null>(async (_key, items) => {
    await db.transaction().execute((trx) => rawDossiers(trx, t, items.length));
    return items.map(() => ({ ok: true as const, value: null }));
  });
  return {
    /** One transaction per dossier. */
    perDossier: (n: number) => pool(n, CLIENTS, one),
    /** Transactions grouped as the app groups them. */
    grouped: (n: number) => pool(n, CLIENTS, async () => void (await groups.submit('bench', null))),
  };
}

/** Duplicate and missing numbers among one unit's codes of one day. */
function codeCheck(codes: string[]) {
  const numbers = codes.map((c) => Number(c.split('-').at(-1)));
  const distinct = new Set(codes).size;
  const max = Math.max(...numbers);
  return { duplicates: codes.length - distinct, missing: max - distinct };
}

/** Rounds the measured runs are split into, HTTP and SQL in turn, so that a change of load on the shared machine weighs on both alike. */
const ROUNDS = 4;

/** `BENCH_INDEX=off`: the Decision 766 index's triggers disabled, to measure what keeping the index live costs the intake. */
const INDEX_OFF = process.env.BENCH_INDEX === 'off';
const INDEX_TABLES = ['dossiers', 'dossier_files', 'payments', 'eresults', 'documents', 'dossier_document_reuse', 'dossier_ratings', 'feedback', 'index_history_dossiers'];

async function run(database: Database, label: string, total: number, threeRequests: number): Promise<Record<string, number>> {
  await migrate(database.db);
  await seedDemo(database.db);
  if (INDEX_OFF) for (const t of INDEX_TABLES) await sql.raw(`ALTER TABLE ${t} DISABLE TRIGGER USER`).execute(database.db);
  const codes = (await viaHttp(database, 'counter', CLIENTS)).codes; // warm-up: plans, JIT, caches
  const raw = await rawBaselines(database);
  await raw.perDossier(CLIENTS);
  await raw.grouped(CLIENTS);
  const seconds = { http: 0, perDossier: 0, grouped: 0 };
  const n = Math.ceil(total / ROUNDS);
  for (let r = 0; r < ROUNDS; r++) {
    const http = await viaHttp(database, 'counter', n);
    codes.push(...http.codes);
    seconds.http += n / http.rate;
    seconds.perDossier += await raw.perDossier(n);
    seconds.grouped += await raw.grouped(n);
  }
  const three = await viaHttp(database, 'three', threeRequests);
  // every code the unit gave today, warm-up and three-request path included, must be distinct and 1..n
  const check = codeCheck([...codes, ...three.codes]);
  const rate = (s: number) => (n * ROUNDS) / s;
  return {
    [`${label}_dossiers`]: n * ROUNDS,
    [`${label}_http_dossiers_per_s`]: round(rate(seconds.http)),
    [`${label}_raw_sql_dossiers_per_s`]: round(rate(seconds.perDossier)),
    [`${label}_http_to_raw_sql_ratio`]: round(seconds.perDossier / seconds.http, 2),
    [`${label}_raw_sql_grouped_dossiers_per_s`]: round(rate(seconds.grouped)),
    [`${label}_http_to_raw_sql_grouped_ratio`]: round(seconds.grouped / seconds.http, 2),
    [`${label}_http_three_requests_dossiers`]: threeRequests,
    [`${label}_http_three_requests_dossiers_per_s`]: round(three.rate),
    [`${label}_duplicate_codes`]: check.duplicates,
    [`${label}_missing_codes`]: check.missing,
  };
}

/** Both engines, one after the other, in this process. */
export default async function (): Promise<Record<string, number>> {
  const figures: Record<string, number> = { clients: CLIENTS, index_triggers_on: INDEX_OFF ? 0 : 1 };
  const lite = await openDatabase({ dataDir: null });
  try {
    Object.assign(figures, await run(lite, 'pglite', 300, 100));
  } finally {
    await lite.close();
  }
  Object.assign(figures, await withScratchPostgres((database) => run(database, 'postgresql', 2000, 300)));
  return figures;
}
