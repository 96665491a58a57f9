/**
 * Rebuild of the index from the truth: every fact recomputed from index_fact_source (the dossiers,
 * payments, e-results, warehouse, ratings, feedback, national sync and imported history), every
 * count summed afresh from those facts, both compared with the live tables the database keeps up
 * to date; the live tables are replaced only when they differ. Runs in one transaction that holds
 * off writers (readers go on), so the comparison is exact. `npm run index:rebuild`.
 */
import { type Kysely, sql } from 'kysely';
import { MEASURES } from '@core/index/facts';
import type { DB } from '../../db/schema';
import { compactCounts } from './queries';

export interface RebuildReport {
  facts: number;
  counts: number;
  /** Facts that differed (missing, extra or changed) plus count rows that differed (zero rows ignored). */
  factDifferences: number;
  countDifferences: number;
  differences: number;
  replaced: boolean;
  ms: number;
}

export type RebuildStep = 'facts' | 'counts' | 'compare' | 'replace' | 'done';

const cols = MEASURES.join(', ');
const sums = (alias: string) => MEASURES.map((m) => `sum(${alias}.${m})::${m === 'processing_seconds' ? 'bigint' : 'int'} AS ${m}`).join(', ');
const nonZero = MEASURES.map((m) => `${m} <> 0`).join(' OR ');

/** Recomputes, compares and (when they differ, unless `checkOnly`) replaces the index tables. */
export async function rebuildIndex(db: Kysely<DB>, opts: { checkOnly?: boolean; onStep?: (step: RebuildStep) => void } = {}): Promise<RebuildReport> {
  const t0 = performance.now();
  const step = opts.onStep ?? (() => {});
  return db.transaction().execute(async (trx) => {
    // writers wait (their triggers write the facts); readers go on with the old figures
    await sql`LOCK TABLE index_facts, index_counts, index_count_deltas IN SHARE ROW EXCLUSIVE MODE`.execute(trx);
    // the live figures are the counts plus the pending deltas: fold them first
    await compactCounts(trx);
    step('facts');
    await sql`CREATE TEMP TABLE rb_facts ON COMMIT DROP AS SELECT * FROM index_fact_source`.execute(trx);
    step('counts');
    await sql
      .raw(`CREATE TEMP TABLE rb_day ON COMMIT DROP AS
        SELECT k.unit_id, k.day AS period, k.procedure_id, ${sums('k')}
        FROM rb_facts f, index_contrib(ROW(f.*)::index_facts) k
        GROUP BY k.unit_id, k.day, k.procedure_id`)
      .execute(trx);
    await sql
      .raw(`CREATE TEMP TABLE rb_counts ON COMMIT DROP AS
        SELECT 'd'::char(1) AS grain, unit_id, period, procedure_id, ${cols} FROM rb_day
        UNION ALL
        SELECT 'm', unit_id, date_trunc('month', r.period)::date, procedure_id, ${sums('r')} FROM rb_day r GROUP BY 2, 3, 4
        UNION ALL
        SELECT 'y', unit_id, date_trunc('year', r.period)::date, procedure_id, ${sums('r')} FROM rb_day r GROUP BY 2, 3, 4`)
      .execute(trx);
    step('compare');
    const n = async (q: string) => Number((await sql.raw<{ n: string | number }>(q).execute(trx)).rows[0]?.n ?? 0);
    const factDifferences =
      (await n('SELECT count(*) AS n FROM (SELECT * FROM rb_facts EXCEPT ALL SELECT * FROM index_facts) x')) +
      (await n('SELECT count(*) AS n FROM (SELECT * FROM index_facts EXCEPT ALL SELECT * FROM rb_facts) x'));
    const live = `SELECT grain, unit_id, period, procedure_id, ${cols} FROM index_counts WHERE ${nonZero}`;
    const fresh = `SELECT grain, unit_id, period, procedure_id, ${cols} FROM rb_counts WHERE ${nonZero}`;
    const countDifferences = (await n(`SELECT count(*) AS n FROM (${fresh} EXCEPT ALL ${live}) x`)) + (await n(`SELECT count(*) AS n FROM (${live} EXCEPT ALL ${fresh}) x`));
    const facts = await n('SELECT count(*) AS n FROM rb_facts');
    const counts = await n(`SELECT count(*) AS n FROM rb_counts WHERE ${nonZero}`);
    const differences = factDifferences + countDifferences;
    const replaced = differences > 0 && !opts.checkOnly;
    if (replaced) {
      step('replace');
      await sql`DELETE FROM index_facts`.execute(trx);
      await sql`INSERT INTO index_facts SELECT * FROM rb_facts`.execute(trx);
      await sql`DELETE FROM index_counts`.execute(trx);
      await sql.raw(`INSERT INTO index_counts (grain, unit_id, period, procedure_id, ${cols}) SELECT grain, unit_id, period, procedure_id, ${cols} FROM rb_counts`).execute(trx);
    }
    step('done');
    return { facts, counts, factDifferences, countDifferences, differences, replaced, ms: Math.round(performance.now() - t0) };
  });
}
