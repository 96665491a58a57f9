import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseInstant } from '@core/calendar/time';
import { DEFAULT_HOURLY_COST, DEFAULT_TARGET } from '@core/internal-procedures/cost';
import { createTestDatabase } from '../../tests/support/database';
import type { Database } from '../db/database';
import { buildSummary } from '../features/internal-procedures/present';
import { listProcedures, listReviews, listVersions } from '../features/internal-procedures/queries';
import { seedDemoInternalProcedures } from './internal-procedures';

const NOW = parseInstant('2026-12-01T10:00:00+07:00');

describe('demo internal procedures', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase('pglite');
  });
  afterAll(() => database.close());

  it('seeds four procedures once, one reviewed and simplified, one reviewed and kept', async () => {
    expect(await seedDemoInternalProcedures(database.db, { now: NOW })).toBe(4);
    expect(await seedDemoInternalProcedures(database.db, { now: NOW })).toBe(0);
    const procs = await listProcedures(database.db);
    expect(procs.map((p) => p.name)).toContain('Thẩm định dự thảo văn bản quy phạm pháp luật');
    expect(await listVersions(database.db, procs.map((p) => p.id))).toHaveLength(5);
    const reviews = await listReviews(database.db, procs.map((p) => p.id));
    expect(reviews.map((r) => [r.cost_before, r.cost_after, r.decision_date])).toEqual([
      [25_920_000, 14_250_000, '2026-11-01'],
      // (24 h + 40 h) × 40 000 + 100 000 + 4 h × 90 000
      [3_020_000, null, '2026-11-11'],
    ]);
    const s = buildSummary(procs, reviews, DEFAULT_TARGET);
    expect(s.city).toMatchObject({ reviewed: 2, simplified: 1, simplifiedPercent: 50, cut: 11_670_000, cutPercent: 40.32, targetMet: true });
    expect(DEFAULT_HOURLY_COST).toBe(40_000);
  });
});
