/**
 * `npm run bench index [-- --sizes 1000000,10000000]`: the Decision 766 index on PostgreSQL at 1 M
 * (default) and 10 M dossiers (docs/index.md, "Generator and benchmark"). For each size, on the
 * database DATABASE_URL (default `motcua_bench_index` on 127.0.0.1:5432, created, migrated and
 * demo-seeded as `npm start` does; never the `postgres` database the tests use):
 * - the synthetic history is topped up to the size (server/features/index/generate.ts; bulk mode
 *   with the rebuild after it when more than 100 k rows are missing), then VACUUM ANALYZE; a
 *   database built by a migration edited since is dropped and made afresh;
 * - index query p50 / p95 / max for the whole city over a year and for one commune over a month
 *   (200 samples each: random city-year windows and communes × month windows, half of them
 *   calendar-aligned), through unitIndex — what GET /api/v1/index runs;
 * - the time from an action to its effect: one history dossier inserted (the table's triggers
 *   refresh the index in the same transaction; syncIndexFacts is called too, as a command would),
 *   committed, then unitIndex polled until the dossier shows (p50 / p95 of 30);
 * - a full rebuild (rebuildIndex: recompute, compare with the live tables), which must find no
 *   difference; the database size and the index tables' sizes;
 * - EXPLAIN (ANALYZE, BUFFERS) of the slowest statements of the slowest city-year query.
 * The figures of each size are also written to bench-results/index-<size>.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CompiledQuery, type KyselyPlugin, PostgresQueryCompiler, sql } from 'kysely';
import type { IndexResponse } from '../core/index/api';
import { loadConfig } from '../server/config/config';
import { type Database, openDatabase } from '../server/db/database';
import { generateHistory } from '../server/features/index/generate';
import { rebuildIndex } from '../server/features/index/rebuild';
import { unitIndex } from '../server/features/index/service';
import { syncIndexFacts } from '../server/features/index/sync';
import { initialiseDatabase } from '../server/main';
import { adminQuery, withDatabase } from '../tests/support/templates';
import { rng } from './lib/support';

const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/motcua_bench_index';
const SAMPLES = 200;
const EFFECT_SAMPLES = 30;
/** Above this many missing rows the history is written in bulk (triggers off) and the index rebuilt after. */
const BULK_ABOVE = 100_000;
const DAY = 86_400_000;
const UTC7 = 7 * 3_600_000;

const dayOf = (ms: number) => new Date(ms + UTC7).toISOString().slice(0, 10);
const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const lastOfMonth = (d: string) => {
  const [y, m] = [Number(d.slice(0, 4)), Number(d.slice(5, 7))];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};
const round1 = (x: number) => Math.round(x * 10) / 10;
function percentiles(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)] as number;
  return { p50: round1(at(0.5)), p95: round1(at(0.95)), max: round1(s[s.length - 1] as number) };
}

function sizesFromArgs(): number[] {
  const i = process.argv.indexOf('--sizes');
  const raw = i >= 0 ? process.argv[i + 1] : undefined;
  const sizes = (raw ?? '1000000').split(',').map((x) => Number(x.replace(/_/g, '')));
  if (sizes.some((n) => !Number.isInteger(n) || n < 1000)) throw new Error(`bench index: --sizes wants whole numbers ≥ 1000, got ${raw}`);
  return sizes;
}

/** Creates the benchmark database when it is missing; refuses the maintenance database the tests use. */
async function ensureDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!name || name === 'postgres' || !/^[a-z0-9_]+$/.test(name)) throw new Error(`bench index: refusing database "${name}" (give a dedicated one, e.g. ${DEFAULT_URL})`);
  const admin = withDatabase(url, 'postgres');
  const pg = await import('pg');
  const client = new pg.default.Client({ connectionString: admin });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await adminQuery(admin, `CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
}

const count = async (database: Database, q: string) => Number((await sql.raw<{ n: string | number }>(q).execute(database.db)).rows[0]?.n ?? 0);

/** Statement timings of the queries run through a Kysely instance (SQL, parameters, ms). */
function statementRecorder() {
  const compiler = new PostgresQueryCompiler();
  const started = new Map<unknown, { sql: string; parameters: readonly unknown[]; t0: number }>();
  const done: { sql: string; parameters: readonly unknown[]; ms: number }[] = [];
  const plugin: KyselyPlugin = {
    transformQuery(args) {
      const c = compiler.compileQuery(args.node, args.queryId);
      started.set(args.queryId, { sql: c.sql, parameters: c.parameters, t0: performance.now() });
      return args.node;
    },
    async transformResult(args) {
      const s = started.get(args.queryId);
      if (s) done.push({ sql: s.sql, parameters: s.parameters, ms: performance.now() - s.t0 });
      return args.result;
    },
  };
  return { plugin, done };
}

/** Index query latencies over `samples` windows for units chosen by `pick`. */
async function queryLatencies(database: Database, windows: { unit: string; from: string; to: string }[]) {
  const ms: number[] = [];
  let slowest = { ms: 0, window: windows[0] as { unit: string; from: string; to: string } };
  for (const w of windows) {
    const t0 = performance.now();
    await unitIndex(database.db, w);
    const t = performance.now() - t0;
    ms.push(t);
    if (t > slowest.ms) slowest = { ms: t, window: w };
  }
  return { ...percentiles(ms), slowest };
}

/** EXPLAIN (ANALYZE, BUFFERS) of the `top` slowest statements of one index query. */
async function explainSlowest(database: Database, window: { unit: string; from: string; to: string }, top = 2): Promise<{ ms: number; sql: string; plan: string[] }[]> {
  const rec = statementRecorder();
  await unitIndex(database.db.withPlugin(rec.plugin), window);
  const slow = [...rec.done].sort((a, b) => b.ms - a.ms).slice(0, top);
  const out: { ms: number; sql: string; plan: string[] }[] = [];
  for (const s of slow) {
    const { rows } = await database.db.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`EXPLAIN (ANALYZE, BUFFERS) ${s.sql}`, [...s.parameters]));
    out.push({ ms: round1(s.ms), sql: s.sql.replace(/\s+/g, ' ').trim(), plan: rows.map((r) => r['QUERY PLAN']) });
  }
  return out;
}

/** From a history insert (its transaction) to the index showing it: received + 1 on the commune's day. */
async function effectLatencies(database: Database, unit: { id: string; code: string }, procedureId: string) {
  const db = database.db;
  const received = async () => {
    const today = dayOf(Date.now());
    const r: IndexResponse = await unitIndex(db, { unit: unit.code, from: today, to: today });
    return r.groups.flatMap((g) => g.indicators).find((i) => i.code === 'CKMB.4')?.denominator ?? 0;
  };
  const effect: number[] = [];
  const action: number[] = [];
  const ids: string[] = [];
  const batch = (await sql<{ id: string }>`SELECT gen_random_uuid() AS id`.execute(db)).rows[0]!.id;
  for (let i = 0; i < EFFECT_SAMPLES; i++) {
    const before = await received();
    const t0 = performance.now();
    await db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ id: string }>`
        INSERT INTO index_history_dossiers (code, procedure_id, unit_id, channel, received_at, due_at, finished_at, sync_code, supplement_requests,
          fee_required, paid, components_digitised, reused_component, e_result, synced_to_national, complaint, result_paper, ratings, rated_lowest,
          import_batch, imported_by)
        VALUES (${`BENCH-EFFECT-${batch.slice(0, 8)}-${i}`}, ${procedureId}::uuid, ${unit.id}::uuid, 'online', now(), now() + interval '3 days', NULL, 4, 0,
          false, NULL, true, false, false, true, false, false, NULL, NULL, ${batch}::uuid, 'bench')
        RETURNING id`.execute(trx);
      const id = rows[0]!.id;
      ids.push(id);
      await syncIndexFacts(trx, [id]);
    });
    action.push(performance.now() - t0);
    for (;;) {
      if ((await received()) > before) break;
      if (performance.now() - t0 > 10_000) throw new Error('bench index: a history insert did not show in the index within 10 s');
    }
    effect.push(performance.now() - t0);
  }
  // leave the history as generated (the delete refreshes the index through the same triggers)
  await db.transaction().execute(async (trx) => {
    await sql`DELETE FROM index_history_dossiers WHERE import_batch = ${batch}::uuid`.execute(trx);
    await syncIndexFacts(trx, ids);
  });
  const e = percentiles(effect);
  const a = percentiles(action);
  return { effect_p50_ms: e.p50, effect_p95_ms: e.p95, effect_max_ms: e.max, effect_action_p50_ms: a.p50, effect_action_p95_ms: a.p95 };
}

async function runSize(database: Database, size: number, log: (m: string) => void): Promise<Record<string, unknown>> {
  const db = database.db;
  const figures: Record<string, unknown> = { dossiers: size };
  const live = await count(database, 'SELECT count(*) AS n FROM dossiers');
  const target = size - live;
  let history = await count(database, 'SELECT count(*) AS n FROM index_history_dossiers');
  // a history already generated for this size (± 1 %) is kept; a larger one is emptied
  if (history > size * 1.01) {
    log(`history holds ${history.toLocaleString('en-US')} rows, more than ${size.toLocaleString('en-US')}: emptying it`);
    await sql`TRUNCATE index_history_dossiers`.execute(db);
    await rebuildIndex(db);
    history = 0;
  }
  const missing = target - history;
  if (missing > 0) {
    const bulk = missing > BULK_ABOVE;
    log(`generating ${missing.toLocaleString('en-US')} history dossiers${bulk ? ' (bulk: index triggers off, rebuild after)' : ' (index kept live by the triggers)'}`);
    let lastPct = -1;
    const g = await generateHistory(db, {
      dossiers: missing,
      seed: 766 + history,
      bulk,
      onProgress: (done, total) => {
        const pct = Math.floor((100 * done) / total);
        if (pct >= lastPct + 5) {
          lastPct = pct;
          log(`  ${pct} % (${done.toLocaleString('en-US')})`);
        }
      },
    });
    figures.generated = missing;
    figures.generate_mode = bulk ? 'bulk' : 'live-triggers';
    figures.generate_seconds = round1(g.ms / 1000);
    figures.generate_rows_per_second = Math.round(missing / (g.ms / 1000));
    if (bulk) {
      log('rebuilding the index after the bulk load');
      const r = await rebuildIndex(db);
      figures.rebuild_after_bulk_seconds = round1(r.ms / 1000);
    }
  }
  log('VACUUM ANALYZE');
  for (const t of ['index_history_dossiers', 'index_facts', 'index_counts']) await sql.raw(`VACUUM ANALYZE ${t}`).execute(db);
  figures.facts = await count(database, 'SELECT count(*) AS n FROM index_facts');
  figures.count_rows = await count(database, 'SELECT count(*) AS n FROM index_counts');

  const units = (await sql<{ id: string; code: string; kind: string }>`SELECT id, code, kind FROM units WHERE valid_to IS NULL ORDER BY code`.execute(db)).rows;
  const city = (await sql<{ code: string }>`SELECT code FROM units WHERE parent_id IS NULL AND successor_id IS NULL ORDER BY code LIMIT 1`.execute(db)).rows[0]!.code;
  const communes = units.filter((u) => u.kind === 'commune');
  const random = rng(20261201 + size);
  const today = dayOf(Date.now());
  const cityWindows = Array.from({ length: SAMPLES }, (_, i) => {
    if (i % 2 === 0) {
      const y = Number(today.slice(0, 4)) - 1 - Math.floor(random() * 2);
      return { unit: city, from: `${y}-01-01`, to: `${y}-12-31` };
    }
    // a year ending at the latest today
    const from = addDays(today, -364 - Math.floor(random() * 365));
    return { unit: city, from, to: addDays(from, 364) };
  });
  const communeWindows = Array.from({ length: SAMPLES }, (_, i) => {
    const unit = communes[Math.floor(random() * communes.length)]!.code;
    // a month ending at the latest today, within the history
    const from = addDays(today, -29 - Math.floor(random() * (3 * 365 - 60)));
    if (i % 2 === 0 && lastOfMonth(from) <= today) {
      const first = `${from.slice(0, 7)}-01`;
      return { unit, from: first, to: lastOfMonth(first) };
    }
    return { unit, from, to: addDays(from, 29) };
  });
  log('index queries: warming up');
  for (const w of [...cityWindows.slice(0, 5), ...communeWindows.slice(0, 5)]) await unitIndex(db, w);
  log(`index queries: city × year, ${SAMPLES} samples`);
  const cityYear = await queryLatencies(database, cityWindows);
  log(`index queries: commune × month, ${SAMPLES} samples`);
  const communeMonth = await queryLatencies(database, communeWindows);
  Object.assign(figures, {
    city_year_p50_ms: cityYear.p50,
    city_year_p95_ms: cityYear.p95,
    city_year_max_ms: cityYear.max,
    commune_month_p50_ms: communeMonth.p50,
    commune_month_p95_ms: communeMonth.p95,
    commune_month_max_ms: communeMonth.max,
  });

  log(`action → effect, ${EFFECT_SAMPLES} samples`);
  const commune = units.find((u) => u.code === communes[0]!.code)!;
  const pair = (
    await sql<{ procedure_id: string }>`
      SELECT p.id AS procedure_id FROM procedures p JOIN procedure_units pu ON pu.version_id = p.current_version_id AND pu.role = 'implementing'
      WHERE pu.target_unit_id = ${commune.id}::uuid AND p.status = 'active' ORDER BY p.code LIMIT 1`.execute(db)
  ).rows[0];
  if (!pair) throw new Error(`bench index: no procedure implemented by ${commune.code}`);
  Object.assign(figures, await effectLatencies(database, commune, pair.procedure_id));

  log('full rebuild (recompute and compare)');
  const r = await rebuildIndex(db);
  Object.assign(figures, { rebuild_seconds: round1(r.ms / 1000), rebuild_differences: r.differences, rebuild_facts: r.facts, rebuild_count_rows: r.counts });

  const mb = async (q: string) => Math.round((await count(database, q)) / 1024 / 1024);
  Object.assign(figures, {
    database_mb: await mb('SELECT pg_database_size(current_database()) AS n'),
    history_table_mb: await mb(`SELECT pg_total_relation_size('index_history_dossiers') AS n`),
    facts_table_mb: await mb(`SELECT pg_total_relation_size('index_facts') AS n`),
    counts_table_mb: await mb(`SELECT pg_total_relation_size('index_counts') AS n`),
  });

  log('EXPLAIN ANALYZE of the slowest statements of the slowest city × year and commune × month queries');
  figures.plans = {
    city_year: { window: cityYear.slowest.window, statements: await explainSlowest(database, cityYear.slowest.window) },
    commune_month: { window: communeMonth.slowest.window, statements: await explainSlowest(database, communeMonth.slowest.window) },
  };
  return figures;
}

export default async function bench(): Promise<Record<string, unknown>> {
  const sizes = sizesFromArgs();
  const url = process.env.DATABASE_URL || DEFAULT_URL;
  const log = (m: string) => console.log(`[bench index] ${m}`);
  await ensureDatabase(url);
  const config = loadConfig({ ...process.env, DATABASE_URL: url, BLOB_DIR: path.join(os.tmpdir(), 'motcua-bench-index-blobs') });
  let database = await openDatabase({ databaseUrl: url });
  const out: Record<string, unknown> = { database: new URL(url).pathname.slice(1), sizes };
  try {
    try {
      await initialiseDatabase(database, config, (m) => log(m));
    } catch (err) {
      // the benchmark's database is disposable: one built by a migration edited since is made afresh
      if (!(err instanceof Error && /was edited after it was applied/.test(err.message))) throw err;
      log(`${err.message} — recreating the benchmark database`);
      await database.close();
      const name = new URL(url).pathname.slice(1);
      await adminQuery(withDatabase(url, 'postgres'), `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await ensureDatabase(url);
      database = await openDatabase({ databaseUrl: url });
      await initialiseDatabase(database, config, (m) => log(m));
    }
    for (const size of sizes) {
      log(`— ${size.toLocaleString('en-US')} dossiers —`);
      const figures = await runSize(database, size, log);
      const { plans, ...numbers } = figures as { plans: Record<string, { window: unknown; statements: { ms: number; sql: string; plan: string[] }[] }> };
      for (const [k, v] of Object.entries(numbers)) out[`${size}_${k}`] = v;
      for (const [name, p] of Object.entries(plans)) {
        log(`slowest ${name} query ${JSON.stringify(p.window)}:`);
        for (const s of p.statements) console.log(`  -- ${s.ms} ms: ${s.sql.slice(0, 300)}\n${s.plan.map((l) => `     ${l}`).join('\n')}`);
      }
      mkdirSync('bench-results', { recursive: true });
      const file = path.join('bench-results', `index-${size}.json`);
      writeFileSync(file, `${JSON.stringify({ name: 'index', at: new Date().toISOString(), node: process.version, cpu: os.cpus()[0]?.model, size, figures }, null, 2)}\n`);
      log(`written to ${file}`);
    }
  } finally {
    await database.close();
  }
  return out;
}
