/**
 * `npm run bench intake`: accepted dossiers per second through HTTP (the app listening on loopback,
 * CLIENTS concurrent clients, each dossier a counter intake, one upload of its 3 scanned components,
 * and the accept that numbers it and issues the receipt) on PGlite and, when TEST_DATABASE_URL names a server, PostgreSQL in a scratch
 * database; next to a raw-SQL baseline inserting the same rows (dossier, 3 files, sequence, 3 audit
 * events) with the same concurrency in the same run. Checks 0 duplicate or missing codes on one unit.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { buildApp } from '../server/app';
import { loadConfig, } from '../server/config/config';
import { type Database, openDatabase } from '../server/db/database';
import { migrate } from '../server/db/migrate';
import { DEMO_PASSWORD } from '../server/seed/demo-org';
import { seedDemo } from '../server/seed/demo';
import { withScratchPostgres } from './lib/support';

const CLIENTS = 50;
/** A province procedure with three required components. */
const PROCEDURE = '2.000505';
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

/** A small, distinct, complete PDF. */
const pdf = () => Buffer.from(`%PDF-1.4\n% ${randomBytes(512).toString('hex')}\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`, 'latin1');

/** The three components as one multipart body, each file after its componentId. */
function multipart(files: [string, Buffer][]) {
  const boundary = `----bench${randomBytes(8).toString('hex')}`;
  const body = Buffer.concat([
    ...files.flatMap(([componentId, bytes]) => [
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="componentId"\r\n\r\n${componentId}\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="scan.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
      bytes,
      Buffer.from('\r\n'),
    ]),
    Buffer.from(`--${boundary}--\r\n`),
  ]);
  return { body, type: `multipart/form-data; boundary=${boundary}` };
}

/** Runs `total` jobs over `clients` concurrent workers; returns the elapsed seconds. */
async function pool(total: number, clients: number, job: (i: number) => Promise<void>): Promise<number> {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: clients }, async () => {
    while (next < total) await job(next++);
  }));
  return (performance.now() - t0) / 1000;
}

/** The HTTP run: returns dossiers/s and the codes given. */
async function viaHttp(database: Database, total: number): Promise<{ rate: number; codes: string[] }> {
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-')), SESSION_SECRET: 'bench-secret-bench-secret-bench-secret-0123', LOG_LEVEL: 'silent', LOGIN_RATE_LIMIT: '10000' });
  const app = await buildApp({ config, database, version: 'bench' }, { webDist: path.join(os.tmpdir(), 'no-web-client') });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  try {
    const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'motcua', password: DEMO_PASSWORD }) });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const csrf = (await login.json()).csrfToken as string;
    const headers = { cookie, 'x-csrf-token': csrf };
    const call = async (url: string, body: Buffer | string, type: string) => {
      const res = await fetch(`${base}${url}`, { method: 'POST', headers: { ...headers, 'content-type': type }, body: typeof body === 'string' ? body : new Uint8Array(body) });
      const json = await res.json();
      if (!res.ok) throw new Error(`${url} → ${res.status} ${JSON.stringify(json).slice(0, 300)}`);
      return json;
    };
    const intake = JSON.stringify({ procedureCode: PROCEDURE, applicant: { kind: 'citizen', idNumber: '031090123456', name: 'Nguyễn Văn An' }, channel: 'counter', returnMethod: 'counter' });
    const codes: string[] = [];
    const seconds = await pool(total, CLIENTS, async () => {
      const { dossier } = await call('/api/v1/dossiers', intake, 'application/json');
      const m = multipart([
        ['1', pdf()],
        ['2', pdf()],
        ['3', pdf()],
      ]);
      await call(`/api/v1/dossiers/${dossier.id}/files`, m.body, m.type);
      const accepted = await call(`/api/v1/dossiers/${dossier.id}/actions/accept`, JSON.stringify({ version: 1, input: { components: ['1', '2', '3'] } }), 'application/json');
      codes.push(accepted.dossier.code);
    });
    return { rate: total / seconds, codes };
  } finally {
    await app.close();
  }
}

/** The raw-SQL baseline: the same rows per dossier, one transaction each, same concurrency. */
async function viaSql(database: Database, total: number): Promise<number> {
  const { db } = database;
  const ids = await sql<{ unit: string; proc: string; ver: string }>`
    SELECT u.id AS unit, p.id AS proc, p.current_version_id AS ver FROM units u, procedures p WHERE u.code = '000.00.30.H26' AND p.code = ${PROCEDURE}`.execute(db);
  const { unit, proc, ver } = ids.rows[0]!;
  const state = JSON.stringify({ status: 'accepted', history: [{ action: 'accept' }], clock: [{ type: 'received' }] });
  return pool(total, CLIENTS, () =>
    db.transaction().execute(async (trx) => {
      const no = await sql<{ last_no: number }>`
        INSERT INTO dossier_sequences (unit_id, day, last_no) VALUES (${unit}, '2099-01-01', 1)
        ON CONFLICT (unit_id, day) DO UPDATE SET last_no = dossier_sequences.last_no + 1 RETURNING last_no`.execute(trx);
      const code = `000.00.30.H26-990101-${String(no.rows[0]!.last_no).padStart(4, '0')}`;
      const d = await sql<{ id: string }>`
        INSERT INTO dossiers (unit_id, handling_unit_id, code, procedure_id, procedure_version_id, procedure_code, applicant_kind, applicant_id_number,
          applicant_name, channel, return_method, status, sync_code, version, submitted_at, received_at, due_at, state)
        VALUES (${unit}, ${unit}, ${code}, ${proc}, ${ver}, ${PROCEDURE}, 'citizen', '031090123456', 'Nguyễn Văn An', 'counter', 'counter',
          'accepted', 2, 2, now(), now(), now(), ${state}) RETURNING id`.execute(trx);
      for (const c of ['1', '2', '3']) {
        const sha = createHash('sha256').update(randomBytes(16)).digest('hex');
        await sql`INSERT INTO dossier_files (dossier_id, unit_id, component_id, sha256, mime, size, filename, uploaded_by)
          VALUES (${d.rows[0]!.id}, ${unit}, ${c}, ${sha}, 'application/pdf', 1200, 'scan.pdf', 'bench')`.execute(trx);
      }
      const head = await sql<{ last_seq: number }>`
        INSERT INTO audit_chains (chain_key, last_seq, last_hash) VALUES ('bench-baseline', 3, 'x')
        ON CONFLICT (chain_key) DO UPDATE SET last_seq = audit_chains.last_seq + 3 RETURNING last_seq`.execute(trx);
      for (let k = 2; k >= 0; k--) {
        await sql`INSERT INTO audit_events (chain_key, seq, occurred_at, actor_kind, action, entity_type, entity_id, after, prev_hash, hash)
          VALUES ('bench-baseline', ${head.rows[0]!.last_seq - k}, now(), 'staff', 'dossier.bench', 'dossier', ${d.rows[0]!.id}, ${state}, 'x', 'x')`.execute(trx);
      }
    }),
  );
}

/** Duplicate and missing numbers among one unit's codes of one day. */
function codeCheck(codes: string[]) {
  const numbers = codes.map((c) => Number(c.split('-').at(-1)));
  const distinct = new Set(codes).size;
  const max = Math.max(...numbers);
  return { duplicates: codes.length - distinct, missing: max - distinct };
}

async function run(database: Database, label: string, total: number): Promise<Record<string, number>> {
  await migrate(database.db);
  await seedDemo(database.db);
  const warm = await viaHttp(database, CLIENTS); // warm-up: plans, JIT, caches
  const http = await viaHttp(database, total);
  await viaSql(database, CLIENTS);
  const baseline = total / (await viaSql(database, total));
  // every code the unit gave today, warm-up included, must be distinct and 1..n
  const check = codeCheck([...warm.codes, ...http.codes]);
  return {
    [`${label}_dossiers`]: total,
    [`${label}_http_dossiers_per_s`]: round(http.rate),
    [`${label}_raw_sql_dossiers_per_s`]: round(baseline),
    [`${label}_http_to_raw_sql_ratio`]: round(http.rate / baseline, 2),
    [`${label}_duplicate_codes`]: check.duplicates,
    [`${label}_missing_codes`]: check.missing,
  };
}

/** Both engines, one after the other, in this process. */
export default async function (): Promise<Record<string, number>> {
  const figures: Record<string, number> = { clients: CLIENTS };
  const lite = await openDatabase({ dataDir: null });
  try {
    Object.assign(figures, await run(lite, 'pglite', 300));
  } finally {
    await lite.close();
  }
  Object.assign(figures, await withScratchPostgres((database) => run(database, 'postgresql', 1000)));
  return figures;
}
