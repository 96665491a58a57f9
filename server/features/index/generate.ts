/**
 * The synthetic history generator (`npm run generate -- --dossiers N`; docs/index.md, "Generator and
 * benchmark"): a realistic three-year history of dossiers in `index_history_dossiers` (read-only
 * imported history that counts in the index) for the units and procedures of the catalogue, to
 * measure the index at 1 M and 10 M dossiers.
 *
 * The rows are made by the database itself, a batch at a time, by `INSERT … SELECT FROM
 * generate_series` with random() (no row crosses the wire): one transaction per batch, the batch's
 * random sequence seeded with `setseed` from the run's seed, so a seed gives the same history. The
 * (unit, procedure) pairs are the catalogue's implementing units of each active procedure, weighted
 * by a Zipf popularity of the procedure and a size per unit; a pair is drawn by `width_bucket` over
 * their cumulative weights.
 *
 * Shares (u = 0 three years ago … 1 now; volume grows by half over the period):
 * - channel: online (procedures offered online only) 44 % + 24 % × u of dossiers, × 1.2 for full-process
 *   online procedures and × 0.8 for partial; 4 % postal; the rest at the counter (working days, 7:30–17:00);
 * - processing: due after the procedure's time (working days × 7/5 calendar days); 10 % − 5 % × u
 *   finished late (up to 60 % past due), the others between 15 % and 100 % of the time;
 *   2.5 % not accepted, 1.5 % withdrawn, 0.7 % stopped; dossiers whose planned finish is after now are
 *   open, and 1 % of those received in the last 180 days stay open past their due;
 * - supplement requests: 0 (87 %), 1 (11 %), 2 (1.6 %), 3 (0.4 %);
 * - fees: the procedure's financial obligation or fixed fee, 4 % exempt; paid online 78 % + 17 % × u
 *   of online dossiers and 8 % + 37 % × u of the others;
 * - e-result (processed or returned): 82 % + 16 % × u online, 45 % + 45 % × u otherwise; components
 *   digitised 45 % + 45 % × u; a reused component 8 % + 47 % × u; synced to the national portal
 *   93 % + 6.5 % × u; a complaint 1 %;
 * - ratings (returned dossiers, 35 % + 20 % × u rated): 87 % all 2, 11.5 % lowest 1, 1.5 % a 0.
 */
import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema';
import { mulberry32 } from '../../seed/random';

export interface GenerateOptions {
  /** How many dossiers to add. */
  dossiers: number;
  /** The run's seed (a 32-bit integer); the same seed, count, batch size and instant give the same history. */
  seed: number;
  /** Rows per INSERT (one transaction each). */
  batchSize?: number;
  /** The end of the history; default now. */
  now?: Date;
  /** How far back the history goes, in years; default 3. */
  years?: number;
  /**
   * Every dossier finished (at its planned finish, even past `now`): a history closed before the
   * system started, as the demo's; default off (dossiers whose finish is after `now` stay open).
   */
  allFinished?: boolean;
  /** `imported_by` of the rows. */
  importedBy?: string;
  /**
   * Bulk mode (PostgreSQL superuser only): the rows are written with `session_replication_role =
   * replica`, which skips the triggers that keep the index live, so the index is stale until
   * rebuildIndex runs (the caller must run it). About 10× faster for millions of rows (measured:
   * 36–87 k rows/s against 4.6 k with the triggers); default off.
   */
  bulk?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export interface GenerateReport {
  /** The run's `import_batch`. */
  batch: string;
  dossiers: number;
  /** (unit, procedure) pairs drawn from. */
  pairs: number;
  from: string;
  to: string;
  ms: number;
}

/** One (implementing unit, procedure) pair with what the generator needs of the procedure. */
interface Pair {
  unitId: string;
  unitCode: string;
  unitKind: string;
  procedureId: string;
  onlineLevel: 'full' | 'partial' | 'none';
  fee: boolean;
  /** The current version's result is a paper document (stored on the row, as the history import does). */
  resultPaper: boolean;
  dueSeconds: number;
}

const DAY_S = 86_400;
const UTC7_MS = 7 * 3_600_000;
/** Growth of the volume: the density of the time fraction u is ∝ 1 + GROWTH × u. */
const GROWTH = 0.5;

/** The procedure's time in seconds, calendar-approximated (5 working days a week). */
function dueSeconds(amount: number | null, unit: string | null): number {
  const a = amount ?? 0;
  if (unit === 'immediate' || (unit !== null && a <= 0)) return 4 * 3600;
  if (unit === 'working_hours') return Math.max(2, a) * 3600;
  if (unit === 'calendar_days') return a * DAY_S;
  if (unit === 'working_days') return Math.ceil((a * 7) / 5) * DAY_S;
  return 10 * DAY_S;
}

/** The pairs the history is drawn from: every active procedure with each unit implementing it (its current version). */
export async function historyPairs(db: Kysely<DB>): Promise<Pair[]> {
  const { rows } = await sql<{
    unit_id: string;
    unit_code: string;
    unit_kind: string;
    procedure_id: string;
    online_level: 'full' | 'partial' | 'none';
    fee: boolean;
    result_paper: boolean;
    processing_amount: string | null;
    processing_unit: string | null;
  }>`
    SELECT DISTINCT u.id AS unit_id, u.code AS unit_code, u.kind AS unit_kind, p.id AS procedure_id, v.online_level,
      (v.financial_obligation OR EXISTS (SELECT 1 FROM procedure_fees f WHERE f.version_id = v.id AND f.amount > 0)) AS fee,
      (v.result_paper IS TRUE) AS result_paper, v.processing_amount, v.processing_unit
    FROM procedures p
    JOIN procedure_versions v ON v.id = p.current_version_id
    JOIN procedure_units pu ON pu.version_id = v.id AND pu.role = 'implementing'
    JOIN units u ON u.id = pu.target_unit_id AND u.valid_to IS NULL
    WHERE p.status = 'active'
    ORDER BY u.code, p.id`.execute(db);
  return rows.map((r) => ({
    unitId: r.unit_id,
    unitCode: r.unit_code,
    unitKind: r.unit_kind,
    procedureId: r.procedure_id,
    onlineLevel: r.online_level,
    fee: r.fee,
    resultPaper: r.result_paper,
    dueSeconds: dueSeconds(r.processing_amount === null ? null : Number(r.processing_amount), r.processing_unit),
  }));
}

/**
 * Weights of the pairs from the seed: a procedure's popularity is Zipf (1 / rank^0.9) over a shuffled
 * ranking, a commune's size 0.6–1.4; a city-level unit serves the whole city (× 6). Answers the
 * cumulative thresholds for width_bucket: [0, w1, w1 + w2, …] over a total of 1.
 */
function cumulativeWeights(pairs: readonly Pair[], seed: number): number[] {
  const rand = mulberry32(seed);
  const procedures = [...new Set(pairs.map((p) => p.procedureId))];
  for (let i = procedures.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [procedures[i], procedures[j]] = [procedures[j]!, procedures[i]!];
  }
  const popularity = new Map(procedures.map((id, rank) => [id, 1 / (rank + 1) ** 0.9]));
  const size = new Map<string, number>();
  for (const p of pairs) if (!size.has(p.unitId)) size.set(p.unitId, p.unitKind === 'commune' ? 0.6 + 0.8 * rand() : 6);
  const weights = pairs.map((p) => (popularity.get(p.procedureId) ?? 0) * (size.get(p.unitId) ?? 1));
  const total = weights.reduce((s, w) => s + w, 0);
  const cum: number[] = [];
  let acc = 0;
  for (const w of weights) {
    cum.push(acc / total);
    acc += w;
  }
  return cum;
}

/** A value for setseed in [-1, 1] from the run's seed and a batch number. */
const batchSeed = (seed: number, batch: number) => (mulberry32((seed ^ Math.imul(batch + 1, 0x9e3779b1)) >>> 0)() * 2 - 1);

/**
 * Adds `dossiers` synthetic history dossiers. Codes are `HIS-<unit code>-<run tag>-<n>` (the run
 * tag: the first 8 hex digits of the batch id), unique across runs. The database's triggers keep
 * the index live as for any import, except in bulk mode (then rebuild it: rebuildIndex).
 */
export async function generateHistory(db: Kysely<DB>, opts: GenerateOptions): Promise<GenerateReport> {
  const t0 = performance.now();
  const pairs = await historyPairs(db);
  if (pairs.length === 0) throw new Error('generate: no active procedure has an implementing unit (seed the catalogue first)');
  const batchSize = opts.batchSize ?? 50_000;
  const importedBy = opts.importedBy ?? 'generator';
  const now = opts.now ?? new Date();
  const years = opts.years ?? 3;
  const batch = randomUUID();
  const tag = batch.slice(0, 8);
  // the history's first day (UTC+7) and its midnight as an epoch, so days and hours are plain arithmetic
  const fromDay = new Date(now.getTime() - years * 365 * DAY_S * 1000 + UTC7_MS).toISOString().slice(0, 10);
  const fromEpoch = Date.parse(`${fromDay}T00:00:00+07:00`) / 1000;
  const nowEpoch = now.getTime() / 1000;
  const days = Math.ceil((nowEpoch - fromEpoch) / DAY_S);
  const cum = cumulativeWeights(pairs, opts.seed);

  const col = <K extends keyof Pair>(k: K) => pairs.map((p) => p[k]);
  const unitIds = col('unitId');
  const unitCodes = col('unitCode');
  const procedureIds = col('procedureId');
  const onlineLevels = col('onlineLevel');
  const fees = col('fee');
  const papers = col('resultPaper');
  const dues = col('dueSeconds');

  opts.onProgress?.(0, opts.dossiers);
  for (let start = 0, n = 0; start < opts.dossiers; start += batchSize, n++) {
    const end = Math.min(opts.dossiers, start + batchSize);
    await db.transaction().execute(async (trx) => {
      // the statement is large and runs once per batch: compiling it (JIT) costs more than it saves
      await sql`SET LOCAL jit = off`.execute(trx);
      if (opts.bulk) await sql`SET LOCAL session_replication_role = replica`.execute(trx);
      await sql`SELECT setseed(${batchSeed(opts.seed, n)}::float8)`.execute(trx);
      await sql`
        INSERT INTO index_history_dossiers (code, procedure_id, unit_id, channel, received_at, due_at, finished_at, sync_code,
          supplement_requests, fee_required, paid, components_digitised, reused_component, e_result, synced_to_national,
          complaint, result_paper, ratings, rated_lowest, import_batch, imported_by)
        SELECT
          'HIS-' || f.unit_code || '-' || ${tag}::text || '-' || f.g,
          f.procedure_id, f.unit_id, f.channel, f.received_at,
          CASE WHEN f.sync_code = 3 THEN NULL ELSE f.received_at + make_interval(secs => f.due_s) END,
          f.finished_at, f.sync_code::smallint,
          (CASE WHEN f.sync_code = 3 THEN 0 WHEN f.sync_code = 5 THEN greatest(1, f.supplements) ELSE f.supplements END)::smallint,
          f.fee_required,
          CASE WHEN NOT f.fee_required OR f.sync_code IN (1, 2, 6) OR (f.sync_code IN (7, 8) AND f.r_paid < 0.5) THEN NULL
               WHEN f.r_paid < (CASE WHEN f.channel = 'online' THEN 0.78 + 0.17 * f.u ELSE 0.08 + 0.37 * f.u END) THEN 'online'
               ELSE 'offline' END,
          f.sync_code NOT IN (1, 3) AND f.r_dig < 0.45 + 0.45 * f.u,
          f.sync_code NOT IN (1, 3) AND f.r_reuse < 0.08 + 0.47 * f.u,
          f.sync_code IN (9, 10) AND f.r_er < (CASE WHEN f.channel = 'online' THEN 0.82 + 0.16 * f.u ELSE 0.45 + 0.45 * f.u END),
          f.r_sync < 0.93 + 0.065 * f.u,
          f.r_compl < 0.01,
          f.paper,
          CASE WHEN f.lowest IS NOT NULL THEN ARRAY[
            ${sql.join(
              Array.from({ length: 9 }, (_, k) => sql.raw(`(CASE WHEN f.pos = ${k} THEN f.lowest ELSE greatest(f.lowest, CASE WHEN random() < 0.9 THEN 2 ELSE 1 END) END)`)),
            )}
          ]::smallint[] END,
          f.lowest::smallint,
          ${batch}::uuid, ${importedBy}::text
        FROM (
          SELECT e.*,
            CASE WHEN e.sync_code = 10 AND e.r_rated < 0.35 + 0.2 * e.u THEN
              CASE WHEN e.r_mood < 0.015 THEN 0 WHEN e.r_mood < 0.13 THEN 1 ELSE 2 END END AS lowest,
            floor(e.r_pos * 9)::int AS pos,
            (e.fee AND e.sync_code <> 3 AND e.r_fee < 0.96) AS fee_required
          FROM (
            SELECT d.*,
              CASE WHEN d.open THEN NULL ELSE d.planned END AS finished_at,
              CASE
                WHEN d.early_end > 0 THEN d.early_end
                WHEN d.open AND d.supplements > 0 AND d.r_status < 0.5 THEN 5
                WHEN d.open AND d.r_status < 0.6 THEN 4
                WHEN d.open AND d.r_status < 0.8 THEN 2
                WHEN d.open AND d.r_status < 0.9 AND d.fee THEN 6
                WHEN d.open AND d.channel = 'online' AND d.r_status >= 0.95 THEN 1
                WHEN d.open THEN 4
                WHEN d.planned > ${new Date(now.getTime() - 5 * DAY_S * 1000)}::timestamptz AND d.r_x < 0.5 THEN 9
                ELSE 10
              END AS sync_code
            FROM (
              SELECT c.*,
                (${!opts.allFinished}::boolean AND c.early_end = 0 AND (c.planned > ${now}::timestamptz
                  OR (c.r_open < 0.01 AND c.received_at > ${new Date(now.getTime() - 180 * DAY_S * 1000)}::timestamptz))) AS open
              FROM (
                SELECT r.*,
                  CASE WHEN r.r_status < 0.025 THEN 3 WHEN r.r_status < 0.04 THEN 7 WHEN r.r_status < 0.047 THEN 8 ELSE 0 END AS early_end,
                  r.received_at + make_interval(secs => greatest(600, r.due_s * CASE
                    WHEN r.r_status < 0.025 THEN 0.1 * r.r_dur
                    WHEN r.r_status < 0.047 THEN 0.8 * r.r_dur
                    WHEN r.r_late < 0.10 - 0.05 * r.u THEN 1.02 + 0.6 * r.r_dur
                    ELSE 0.15 + 0.85 * sqrt(r.r_dur) END)) AS planned
                FROM (
                  SELECT q.*,
                    least(${now}::timestamptz - interval '1 minute', to_timestamp(${fromEpoch}::float8 + 86400.0 * (q.day_index +
                      CASE WHEN q.channel = 'online' THEN q.r_hour
                           ELSE (CASE extract(isodow FROM ${fromDay}::date + q.day_index) WHEN 6 THEN 2 WHEN 7 THEN 1 ELSE 0 END) + (7.5 + 9.5 * q.r_hour) / 24 END))) AS received_at
                  FROM (
                    SELECT b.*,
                      least(${days - 1}::int, floor(b.u * ${days}::int)::int) AS day_index,
                      CASE WHEN b.online_level <> 'none' AND b.r_ch < (0.44 + 0.24 * b.u) * (CASE WHEN b.online_level = 'full' THEN 1.2 ELSE 0.8 END) THEN 'online'
                           WHEN b.r_ch > 0.96 THEN 'postal' ELSE 'counter' END AS channel
                    FROM (
                      SELECT a.*, p.unit_id, p.unit_code, p.procedure_id, p.online_level, p.fee, p.paper, p.due_s,
                        (sqrt(1 + 2 * ${GROWTH}::float8 * a.r_t * (1 + ${GROWTH}::float8 / 2)) - 1) / ${GROWTH}::float8 AS u
                      FROM (
                        SELECT g, width_bucket(random(), ${cum}::float8[]) AS pi,
                          random() AS r_t, random() AS r_hour, random() AS r_ch, random() AS r_dur, random() AS r_late,
                          random() AS r_status, random() AS r_open, random() AS r_x, random() AS r_fee, random() AS r_paid,
                          random() AS r_er, random() AS r_dig, random() AS r_reuse, random() AS r_sync, random() AS r_compl,
                          random() AS r_rated, random() AS r_mood, random() AS r_pos,
                          (CASE WHEN random() < 0.87 THEN 0 WHEN random() < 0.846 THEN 1 WHEN random() < 0.8 THEN 2 ELSE 3 END) AS supplements
                        FROM generate_series(${start + 1}::int, ${end}::int) AS g OFFSET 0
                      ) a
                      JOIN unnest(${unitIds}::uuid[], ${unitCodes}::text[], ${procedureIds}::uuid[], ${onlineLevels}::text[], ${fees}::boolean[], ${papers}::boolean[], ${dues}::float8[])
                        WITH ORDINALITY AS p(unit_id, unit_code, procedure_id, online_level, fee, paper, due_s, i) ON p.i = a.pi OFFSET 0
                    ) b OFFSET 0
                  ) q OFFSET 0
                ) r OFFSET 0
              ) c OFFSET 0
            ) d OFFSET 0
          ) e OFFSET 0
        ) f`.execute(trx);
    });
    opts.onProgress?.(end, opts.dossiers);
  }
  return {
    batch,
    dossiers: opts.dossiers,
    pairs: pairs.length,
    from: fromDay,
    to: new Date(now.getTime() + UTC7_MS).toISOString().slice(0, 10),
    ms: Math.round(performance.now() - t0),
  };
}

/** The shares of a generated batch (or of every history dossier), to check and print a run. */
export interface HistoryShares {
  dossiers: number;
  /** Online dossiers, in the first and in the last year of the history. */
  onlineFirstYear: number;
  onlineLastYear: number;
  postal: number;
  /** Finished after their due, of the finished with a due. */
  late: number;
  open: number;
  openOverdue: number;
  supplemented: number;
  feeRequired: number;
  /** Paid online, of those paid, in the first and in the last year. */
  paidOnlineFirstYear: number;
  paidOnlineLastYear: number;
  /** Of the processed or returned dossiers. */
  eResult: number;
  digitised: number;
  reused: number;
  synced: number;
  complaint: number;
  rated: number;
  /** Of the rated: every criterion 2, and at least one 0. */
  ratedAllTwo: number;
  ratedZero: number;
}

/** The shares of the history dossiers (of one batch when given), each a fraction. */
export async function historyShares(db: Kysely<DB>, batch?: string, now: Date = new Date()): Promise<HistoryShares> {
  const lastYear = new Date(now.getTime() - 365 * DAY_S * 1000);
  const firstYearEnd = new Date(now.getTime() - 2 * 365 * DAY_S * 1000);
  const where = batch ? sql`WHERE import_batch = ${batch}::uuid` : sql``;
  const { rows } = await sql<Record<string, number | null>>`
    SELECT
      count(*)::float8 AS dossiers,
      avg((channel = 'online')::int) FILTER (WHERE received_at < ${firstYearEnd}::timestamptz) AS online_first,
      avg((channel = 'online')::int) FILTER (WHERE received_at >= ${lastYear}::timestamptz) AS online_last,
      avg((channel = 'postal')::int) AS postal,
      avg((finished_at > due_at)::int) FILTER (WHERE finished_at IS NOT NULL AND due_at IS NOT NULL) AS late,
      avg((finished_at IS NULL)::int) AS open,
      avg((finished_at IS NULL AND due_at < ${now}::timestamptz)::int) AS open_overdue,
      avg((supplement_requests > 0)::int) AS supplemented,
      avg(fee_required::int) AS fee_required,
      avg((paid = 'online')::int) FILTER (WHERE paid IS NOT NULL AND received_at < ${firstYearEnd}::timestamptz) AS paid_online_first,
      avg((paid = 'online')::int) FILTER (WHERE paid IS NOT NULL AND received_at >= ${lastYear}::timestamptz) AS paid_online_last,
      avg(e_result::int) FILTER (WHERE sync_code IN (9, 10)) AS e_result,
      avg(components_digitised::int) AS digitised,
      avg(reused_component::int) AS reused,
      avg(synced_to_national::int) AS synced,
      avg(complaint::int) AS complaint,
      avg((ratings IS NOT NULL)::int) FILTER (WHERE sync_code = 10) AS rated,
      avg((rated_lowest = 2)::int) FILTER (WHERE ratings IS NOT NULL) AS rated_all_two,
      avg((rated_lowest = 0)::int) FILTER (WHERE ratings IS NOT NULL) AS rated_zero
    FROM index_history_dossiers ${where}`.execute(db);
  const r = rows[0]!;
  const v = (k: string) => Number(r[k] ?? 0);
  return {
    dossiers: v('dossiers'),
    onlineFirstYear: v('online_first'),
    onlineLastYear: v('online_last'),
    postal: v('postal'),
    late: v('late'),
    open: v('open'),
    openOverdue: v('open_overdue'),
    supplemented: v('supplemented'),
    feeRequired: v('fee_required'),
    paidOnlineFirstYear: v('paid_online_first'),
    paidOnlineLastYear: v('paid_online_last'),
    eResult: v('e_result'),
    digitised: v('digitised'),
    reused: v('reused'),
    synced: v('synced'),
    complaint: v('complaint'),
    rated: v('rated'),
    ratedAllTwo: v('rated_all_two'),
    ratedZero: v('rated_zero'),
  };
}
