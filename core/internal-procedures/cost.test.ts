import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { procedureBody, versionBody } from './api';
import { type Step, complianceCost, costCut, progress, progressBoard, stepHours } from './cost';

const step = (order: number, time: number, unit: Step['unit'], hourlyCost: number | null, otherCosts = 0): Step => ({ order, name: `Bước ${order}`, actor: 'Chuyên viên', time, unit, hourlyCost, otherCosts });

describe('the standard cost model', () => {
  it('costs each step as time × hourly cost + other costs, adds fees, × yearly frequency (exact đồng)', () => {
    // 2 h × 50 000 + 30 000 = 130 000; 1.5 working days = 12 h × 40 000 (default) = 480 000; 0.25 h × 45 000 = 11 250
    const c = complianceCost({ steps: [step(2, 1.5, 'working_days', null), step(1, 2, 'hours', 50_000, 30_000), step(3, 0.25, 'hours', 45_000)], fees: 100_000, yearlyFrequency: 12 });
    expect(c.steps.map((s) => [s.order, s.hours, s.hourlyCost, s.timeCost, s.total])).toEqual([
      [1, 2, 50_000, 100_000, 130_000],
      [2, 12, 40_000, 480_000, 480_000],
      [3, 0.25, 45_000, 11_250, 11_250],
    ]);
    expect(c).toMatchObject({ stepsTotal: 621_250, fees: 100_000, perRun: 721_250, yearly: 8_655_000 });
    // a configurable default hourly cost
    expect(complianceCost({ steps: [step(1, 1, 'working_days', null)], fees: 0, yearlyFrequency: 3 }, 35_000).yearly).toBe(840_000);
  });

  it('rounds a step’s time cost to the đồng once', () => {
    expect(complianceCost({ steps: [step(1, 1 / 3, 'hours', 40_000)], fees: 0, yearlyFrequency: 1 }).steps[0]!.timeCost).toBe(13_333);
    expect(stepHours({ time: 0.5, unit: 'working_days' })).toBe(4);
  });

  it('computes the cut in đồng and %', () => {
    expect(costCut(8_655_000, 5_193_000)).toEqual({ before: 8_655_000, after: 5_193_000, cut: 3_462_000, percent: 40 });
    expect(costCut(3, 2).percent).toBe(33.33);
    expect(costCut(0, 0).percent).toBeNull();
  });

  it('measures progress against the target: ≥ 20 % of reviewed procedures simplified and ≥ 20 % of cost cut', () => {
    const items = [
      { unitId: 'a', before: 1_000_000, after: 600_000 },
      { unitId: 'a', before: 2_000_000, after: null },
      { unitId: 'b', before: 2_000_000, after: null },
      { unitId: 'b', before: 5_000_000, after: null },
      { unitId: 'b', before: 1_000_000, after: null },
    ];
    const p = progress(items);
    // 1 of 5 = 20 % simplified; cut 400 000 of 11 000 000 = 3.64 %
    expect(p).toMatchObject({ reviewed: 5, simplified: 1, simplifiedPercent: 20, costBefore: 11_000_000, costAfter: 10_600_000, cut: 400_000, cutPercent: 3.64, proceduresTargetMet: true, costTargetMet: false, targetMet: false });
    const board = progressBoard([...items.slice(0, 4), { unitId: 'b', before: 1_000_000, after: null }].map((i, n) => (n === 3 ? { ...i, after: 2_000_000 } : i)));
    expect(board.units.map((u) => [u.unitId, u.progress.simplified, u.progress.cutPercent, u.progress.targetMet])).toEqual([
      ['a', 1, 13.33, false],
      ['b', 1, 37.5, true],
    ]);
    expect(board.city).toMatchObject({ simplified: 2, simplifiedPercent: 40, cut: 3_400_000, cutPercent: 30.91, targetMet: true });
    // a configurable target
    expect(progress(items, { proceduresPercent: 25, costPercent: 3 })).toMatchObject({ proceduresTargetMet: false, costTargetMet: true, targetMet: false });
    expect(progress([])).toMatchObject({ reviewed: 0, simplifiedPercent: null, targetMet: false });
  });

  const stepArb = fc.record({ time: fc.integer({ min: 0, max: 400 }).map((n) => n / 4), unit: fc.constantFrom('hours' as const, 'working_days' as const), hourlyCost: fc.option(fc.integer({ min: 0, max: 500_000 })), otherCosts: fc.integer({ min: 0, max: 5_000_000 }) });

  it('property: the cut is never negative when every step’s time and costs decrease (and fees, frequency do not grow)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(stepArb, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 1, maxLength: 12 }), fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 1, max: 500 }), (rows, fees, freq) => {
        const before = rows.map(([s], i) => step(i + 1, s.time, s.unit, s.hourlyCost, s.otherCosts));
        const after = rows.map(([s, a, b], i) => step(i + 1, s.time * a, s.unit, s.hourlyCost === null ? null : Math.floor(s.hourlyCost * b), Math.floor(s.otherCosts * b)));
        const c = costCut(complianceCost({ steps: before, fees, yearlyFrequency: freq }).yearly, complianceCost({ steps: after, fees: Math.floor(fees / 2), yearlyFrequency: freq }).yearly);
        expect(c.cut).toBeGreaterThanOrEqual(0);
        expect(c.percent === null || (c.percent >= 0 && c.percent <= 100)).toBe(true);
      }),
    );
  });

  it('property: yearly cost is whole đồng, = per run × frequency, and the sum of its steps plus fees', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 1, maxLength: 12 }), fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 1, max: 500 }), (rows, fees, freq) => {
        const c = complianceCost({ steps: rows.map((s, i) => step(i + 1, s.time, s.unit, s.hourlyCost, s.otherCosts)), fees, yearlyFrequency: freq });
        expect(Number.isSafeInteger(c.yearly)).toBe(true);
        expect(c.yearly).toBe(c.perRun * freq);
        expect(c.perRun).toBe(c.steps.reduce((n, s) => n + s.timeCost + s.otherCosts, 0) + fees);
      }),
    );
  });

  it('property: the city’s cut is the sum of the units’ cuts', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ unitId: fc.constantFrom('a', 'b', 'c'), before: fc.integer({ min: 0, max: 1e9 }), after: fc.option(fc.integer({ min: 0, max: 1e9 })) })), (items) => {
        const b = progressBoard(items);
        expect(b.units.reduce((n, u) => n + u.progress.cut, 0)).toBe(b.city.cut);
        expect(b.units.reduce((n, u) => n + u.progress.simplified, 0)).toBe(b.city.simplified);
      }),
    );
  });

  it('refuses negative times and costs, empty steps and duplicate orders with their codes', () => {
    const ok = { steps: [{ order: 1, name: 'Tiếp nhận', actor: 'Văn thư', time: 1, unit: 'hours' }], fees: 0, yearlyFrequency: 4 };
    expect(versionBody.safeParse(ok).success).toBe(true);
    const codes = (v: unknown) => (versionBody.safeParse(v).error?.issues ?? []).map((i) => i.message);
    expect(codes({ ...ok, steps: [{ ...ok.steps[0], time: -1 }] })).toEqual(['INTERNAL_PROC_STEP_INVALID']);
    expect(codes({ ...ok, steps: [{ ...ok.steps[0], otherCosts: -5 }] })).toEqual(['INTERNAL_PROC_COST_INVALID']);
    expect(codes({ ...ok, steps: [] })).toEqual(['INTERNAL_PROC_STEPS_REQUIRED']);
    expect(codes({ ...ok, steps: [ok.steps[0], ok.steps[0]] })).toEqual(['INTERNAL_PROC_STEP_ORDER_DUPLICATE']);
    expect(codes({ ...ok, yearlyFrequency: 0 })).toEqual(['INTERNAL_PROC_FREQUENCY_INVALID']);
    expect(procedureBody.safeParse({ ...ok, code: 'a b', name: 'x', field: 'y', ownerUnitId: '00000000-0000-4000-8000-000000000000' }).error?.issues[0]?.message).toBe('INTERNAL_PROC_CODE_INVALID');
  });
});
