import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndexResponse } from '@core/index/api';
import { createTestDatabase, ENGINES } from '../../../tests/support/database';
import type { Database } from '../../db/database';
import { generateHistory, type HistoryShares, historyShares } from './generate';
import { rebuildIndex } from './rebuild';
import { unitIndex } from './service';

const CITY = '000.00.00.H26';
const N = 2000;
const NOW = new Date('2026-11-30T03:00:00Z');
const day = (ms: number) => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10);
const indicator = (r: IndexResponse, code: string) => r.groups.flatMap((g) => g.indicators).find((i) => i.code === code)!;

describe.each(ENGINES)('the synthetic history generator (%s)', (engine) => {
  let database: Database;
  let batch: string;
  let shares: HistoryShares;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    const report = await generateHistory(database.db, { dossiers: N, seed: 766, batchSize: 700, now: NOW });
    batch = report.batch;
    shares = await historyShares(database.db, batch, NOW);
  }, 120_000);
  afterAll(() => database.close());

  it('writes N read-only history dossiers for the implementing units of the catalogue, over the last 3 years', async () => {
    const { rows } = await sql<{ n: number; units: number; procedures: number; first: Date; last: Date; bad_pairs: number; codes: number; importers: string }>`
      SELECT count(*)::int AS n, count(DISTINCT h.unit_id)::int AS units, count(DISTINCT h.procedure_id)::int AS procedures,
        min(h.received_at) AS first, max(h.received_at) AS last, count(DISTINCT h.code)::int AS codes, string_agg(DISTINCT h.imported_by, ',') AS importers,
        count(*) FILTER (WHERE NOT EXISTS (
          SELECT 1 FROM procedures p JOIN procedure_units pu ON pu.version_id = p.current_version_id AND pu.role = 'implementing'
          WHERE p.id = h.procedure_id AND pu.target_unit_id = h.unit_id))::int AS bad_pairs
      FROM index_history_dossiers h WHERE h.import_batch = ${batch}::uuid`.execute(database.db);
    const r = rows[0]!;
    expect(r.n).toBe(N);
    expect(r.codes).toBe(N);
    expect(r.importers).toBe('generator');
    expect(r.bad_pairs).toBe(0);
    expect(r.units).toBeGreaterThanOrEqual(10);
    expect(r.procedures).toBeGreaterThanOrEqual(30);
    expect(new Date(r.first).getTime()).toBeGreaterThanOrEqual(NOW.getTime() - 3 * 366 * 86_400_000);
    expect(new Date(r.last).getTime()).toBeLessThanOrEqual(NOW.getTime());
    // more recent years hold more dossiers (the volume grows)
    const { rows: years } = await sql<{ recent: number; old: number }>`
      SELECT count(*) FILTER (WHERE received_at >= ${new Date(NOW.getTime() - 365 * 86_400_000)}::timestamptz)::int AS recent,
             count(*) FILTER (WHERE received_at < ${new Date(NOW.getTime() - 2 * 365 * 86_400_000)}::timestamptz)::int AS old
      FROM index_history_dossiers WHERE import_batch = ${batch}::uuid`.execute(database.db);
    expect(years[0]!.recent).toBeGreaterThan(years[0]!.old);
  });

  it('has realistic shares: online rising, a few late and open overdue, mostly 2s, about 1 % complaints', () => {
    expect(shares.onlineFirstYear).toBeGreaterThan(0.25);
    expect(shares.onlineLastYear).toBeLessThan(0.7);
    expect(shares.onlineLastYear).toBeGreaterThan(shares.onlineFirstYear);
    expect(shares.paidOnlineLastYear).toBeGreaterThan(shares.paidOnlineFirstYear);
    expect(shares.postal).toBeGreaterThan(0.01);
    expect(shares.postal).toBeLessThan(0.08);
    expect(shares.late).toBeGreaterThan(0.03);
    expect(shares.late).toBeLessThan(0.12);
    expect(shares.openOverdue).toBeGreaterThan(0);
    expect(shares.openOverdue).toBeLessThan(0.01);
    expect(shares.supplemented).toBeGreaterThan(0.07);
    expect(shares.supplemented).toBeLessThan(0.2);
    expect(shares.feeRequired).toBeGreaterThan(0.3);
    expect(shares.eResult).toBeGreaterThan(0.5);
    expect(shares.synced).toBeGreaterThan(0.9);
    expect(shares.complaint).toBeLessThan(0.025);
    expect(shares.ratedAllTwo).toBeGreaterThan(0.75);
    expect(shares.ratedZero).toBeLessThan(0.06);
  });

  it('keeps every row consistent with the import rules (finished ⇔ finishing status, paid only with a fee, ratings and their lowest)', async () => {
    const { rows } = await sql<{ bad: number }>`
      SELECT count(*)::int AS bad FROM index_history_dossiers
      WHERE import_batch = ${batch}::uuid AND (
        (ratings IS NULL) <> (rated_lowest IS NULL)
        OR (ratings IS NOT NULL AND (cardinality(ratings) <> 9 OR rated_lowest <> (SELECT min(x) FROM unnest(ratings) x)))
        OR (due_at IS NOT NULL AND due_at < received_at)
        OR (sync_code = 5 AND supplement_requests = 0)
        OR (e_result AND sync_code NOT IN (9, 10)))`.execute(database.db);
    expect(rows[0]!.bad).toBe(0);
  });

  it('is in the index at once (the triggers), which a rebuild confirms, and the city counts every dossier received', async () => {
    const check = await rebuildIndex(database.db, { checkOnly: true });
    expect(check.differences).toBe(0);
    const from = day(NOW.getTime() - 364 * 86_400_000);
    const to = day(NOW.getTime());
    const r = await unitIndex(database.db, { unit: CITY, from, to }, NOW);
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM index_fact_source WHERE index_day(received_at) BETWEEN ${from}::date AND ${to}::date`.execute(database.db);
    expect(indicator(r, 'CLGQ.3').denominator).toBe(rows[0]!.n);
    expect(indicator(r, 'CLGQ.3').denominator).toBeGreaterThan(N / 3);
    const onTime = indicator(r, 'TDGQ.1').rate as number;
    expect(onTime).toBeGreaterThan(0.75);
    expect(onTime).toBeLessThan(0.98);
    expect(indicator(r, 'CKMB.4').rate as number).toBeGreaterThan(0.9);
    expect(r.total).toBeGreaterThan(40);
    expect(r.total).toBeLessThanOrEqual(100);
  });

  it('gives the same history for the same seed, and in bulk mode leaves the index to the rebuild', async () => {
    const again = await generateHistory(database.db, { dossiers: N, seed: 766, batchSize: 700, now: NOW, bulk: true });
    const digest = async (b: string) =>
      (
        await sql<{ d: string }>`
          SELECT md5(string_agg(concat_ws('|', unit_id, procedure_id, channel, received_at, due_at, finished_at, sync_code, supplement_requests, fee_required,
            paid, components_digitised, reused_component, e_result, synced_to_national, complaint, ratings), ';' ORDER BY split_part(code, '-', 4)::int)) AS d
          FROM index_history_dossiers WHERE import_batch = ${b}::uuid`.execute(database.db)
      ).rows[0]!.d;
    expect(await digest(again.batch)).toBe(await digest(batch));
    const stale = await rebuildIndex(database.db);
    expect(stale.factDifferences).toBe(N);
    expect(stale.replaced).toBe(true);
    expect((await rebuildIndex(database.db, { checkOnly: true })).differences).toBe(0);
  });
});
