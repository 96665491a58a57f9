import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeIndex, type IndexParts, satisfactionRate, scoreOf } from './compute';
import { DEFAULT_INDEX_SETTINGS, GROUPS, INDICATORS, indexSettingsSchema } from './config';
import { periodParts, zeroMeasures } from './facts';

const DAY = 86_400_000;
const days = (from: string, to: string) => {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
};
/** The days a period part stands for. */
const expand = (grain: 'd' | 'm' | 'y', start: string) => {
  if (grain === 'd') return [start];
  const y = Number(start.slice(0, 4));
  const m = Number(start.slice(5, 7));
  const end = grain === 'y' ? `${y}-12-31` : new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  return days(start, end);
};

describe('periodParts', () => {
  it('reads whole years, whole months, then days', () => {
    expect(periodParts('2025-01-01', '2025-12-31')).toEqual({ y: ['2025-01-01'], m: [], d: [] });
    expect(periodParts('2026-11-01', '2026-11-30')).toEqual({ y: [], m: ['2026-11-01'], d: [] });
    expect(periodParts('2026-02-27', '2026-04-02')).toEqual({ y: [], m: ['2026-03-01'], d: ['2026-02-27', '2026-02-28', '2026-04-01', '2026-04-02'] });
    expect(periodParts('2024-12-31', '2026-01-01')).toEqual({ y: ['2025-01-01'], m: [], d: ['2024-12-31', '2026-01-01'] });
  });

  it('covers every day of any period exactly once', () => {
    const day = fc.integer({ min: Date.parse('2023-01-01'), max: Date.parse('2027-12-31') }).map((t) => new Date(Math.floor(t / DAY) * DAY).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, (a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const parts = periodParts(from, to);
        const covered = (['y', 'm', 'd'] as const).flatMap((g) => parts[g].flatMap((p) => expand(g, p)));
        expect(covered.sort()).toEqual(days(from, to));
      }),
      { numRuns: 300 },
    );
  });
});

describe('scoring', () => {
  it('full marks at the threshold, proportional below, proportional without threshold, 0 without a rate', () => {
    expect(scoreOf(0.8, 6, 0.8)).toBe(6);
    expect(scoreOf(0.4, 6, 0.8)).toBeCloseTo(3, 12);
    expect(scoreOf(0.5, 20, null)).toBe(10);
    expect(scoreOf(null, 20, null)).toBe(0);
  });

  it('MDHL.4 is 1 − (1 − on-time rate) − dissatisfied share, floored at 0', () => {
    expect(satisfactionRate(0.9, { numerator: 5, denominator: 100 })).toBeCloseTo(0.85);
    expect(satisfactionRate(0.1, { numerator: 50, denominator: 100 })).toBe(0);
    expect(satisfactionRate(null, { numerator: 0, denominator: 0 })).toBeNull();
  });

  it('the default configuration splits every group into exactly its statutory points', () => {
    expect(indexSettingsSchema.safeParse(DEFAULT_INDEX_SETTINGS).success).toBe(true);
    for (const g of GROUPS) expect(INDICATORS.filter((i) => i.group === g.code).reduce((s, i) => s + DEFAULT_INDEX_SETTINGS.indicators[i.code].max, 0)).toBe(g.max);
    const bad = structuredClone(DEFAULT_INDEX_SETTINGS);
    bad.indicators['CKMB.1'].max = 6;
    const r = indexSettingsSchema.safeParse(bad);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toContain('INDEX_GROUP_SUM:CKMB:18');
  });

  it('a unit with every rate perfect scores 100, the city rules judge only what they can', () => {
    const counts = { ...zeroMeasures(), received: 10, online: 10, synced: 10, fee_required: 4, paid_online: 4, paid_any: 4, reused: 10, finished: 10, on_time: 10, early: 3, returned: 8, returned_eresult: 8, returned_digitised: 8 };
    const parts: IndexParts = {
      procedures: { total: 5, online: 5, fullOnline: 5, complete: 5 },
      publication: { numerator: 2, denominator: 2 },
      publicising: { numerator: 1, denominator: 1 },
      counts,
      openLate: 0,
      feeProcedures: { numerator: 2, denominator: 2 },
    };
    const r = computeIndex(parts, DEFAULT_INDEX_SETTINGS);
    expect(r.total).toBe(100);
    expect(r.cityRules.map((c) => [c.code, c.met, c.points])).toEqual([
      ['R1', true, 1],
      ['R2', true, 1],
      ['R3', true, 1],
    ]);
    expect(r.timeliness).toEqual({ early: 3, onTime: 7, late: 0, openLate: 0 });

    // nothing received, no payments: dossier indicators score 0, R2/R3 neither bonus nor penalty
    const empty = computeIndex({ ...parts, counts: zeroMeasures(), feeProcedures: { numerator: 0, denominator: 0 } }, DEFAULT_INDEX_SETTINGS);
    const tdgq = empty.groups.find((g) => g.code === 'TDGQ')?.indicators[0];
    expect(tdgq).toMatchObject({ rate: null, score: 0 });
    expect(empty.cityRules.map((c) => [c.code, c.met, c.points])).toEqual([
      ['R1', true, 1],
      ['R2', null, 0],
      ['R3', null, 0],
    ]);
  });

  it('open dossiers past their due count against TDGQ.1; two supplement requests make a dossier late', () => {
    const parts: IndexParts = {
      procedures: { total: 0, online: 0, fullOnline: 0, complete: 0 },
      publication: { numerator: 0, denominator: 0 },
      publicising: { numerator: 0, denominator: 0 },
      counts: { ...zeroMeasures(), finished: 8, on_time: 6, late: 2 },
      openLate: 2,
      feeProcedures: { numerator: 0, denominator: 0 },
    };
    const tdgq = computeIndex(parts, DEFAULT_INDEX_SETTINGS).groups.find((g) => g.code === 'TDGQ')?.indicators[0];
    expect(tdgq).toMatchObject({ numerator: 6, denominator: 10, rate: 0.6, score: 12 });
    const below = computeIndex({ ...parts, procedures: { total: 10, online: 3, fullOnline: 3, complete: 10 } }, DEFAULT_INDEX_SETTINGS);
    expect(below.cityRules[0]).toMatchObject({ code: 'R1', rate: 0.3, met: false, points: -1 });
  });
});
