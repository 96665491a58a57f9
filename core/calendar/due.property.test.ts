import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DUE_UNITS, dueAtMs } from './due';
import { DAY_MS, HOUR_MS, MINUTE_MS, parseInstant, VN_OFFSET_MS } from './time';
import { WorkingCalendar } from './working-calendar';

const cal = new WorkingCalendar({
  years: { from: 2025, to: 2035 },
  overrides: [
    { date: '2026-02-28', working: true, name: 'Làm bù' },
    { date: '2027-03-15', working: false, name: 'Nghỉ theo quyết định' },
  ],
});
const LO = parseInstant('2025-01-01T00:00:00+07:00');
const HI = parseInstant('2034-12-31T23:59:59+07:00');
const instant = fc.integer({ min: LO, max: HI });
const amount = fc.integer({ min: 1, max: 60 });
const unit = fc.constantFrom(...DUE_UNITS);
const workingUnit = fc.constantFrom('working_hours' as const, 'working_days' as const);
const RUNS = { numRuns: 1000 };

const localDay = (ms: number) => Math.floor((ms + VN_OFFSET_MS) / DAY_MS);
const timeOfDay = (ms: number) => ms + VN_OFFSET_MS - localDay(ms) * DAY_MS;
const PERIODS: [number, number][] = [
  [8 * HOUR_MS, 12 * HOUR_MS],
  [13 * HOUR_MS, 17 * HOUR_MS],
];

describe('due-date properties', () => {
  it('a working-time due lies inside a working period of a working day, or exactly at a period end', () => {
    fc.assert(
      fc.property(instant, amount, workingUnit, (from, n, u) => {
        const due = dueAtMs(cal, from, n, u);
        expect(cal.isWorkingDay(localDay(due))).toBe(true);
        const tod = timeOfDay(due);
        // (start, end]: never a period start, since the previous period's end reaches the same count first
        expect(PERIODS.some(([s, e]) => tod > s && tod <= e)).toBe(true);
      }),
      RUNS,
    );
  });

  it('a calendar-days due is the close of a working day, on or after the N-th day', () => {
    fc.assert(
      fc.property(instant, amount, (from, n) => {
        const due = dueAtMs(cal, from, n, 'calendar_days');
        expect(cal.isWorkingDay(localDay(due))).toBe(true);
        expect(timeOfDay(due)).toBe(17 * HOUR_MS);
        expect(localDay(due)).toBeGreaterThanOrEqual(localDay(from) + n);
        for (let d = localDay(from) + n; d < localDay(due); d++) expect(cal.isWorkingDay(d)).toBe(false);
      }),
      RUNS,
    );
  });

  it('adding a then b working hours equals adding a + b', () => {
    fc.assert(
      fc.property(instant, amount, amount, workingUnit, (from, a, b, u) => {
        expect(dueAtMs(cal, dueAtMs(cal, from, a, u), b, u)).toBe(dueAtMs(cal, from, a + b, u));
      }),
      RUNS,
    );
  });

  it('counts exactly the amount of working time', () => {
    fc.assert(
      fc.property(instant, amount, (from, n) => {
        expect(cal.workingMsBetween(from, dueAtMs(cal, from, n, 'working_hours'))).toBe(n * HOUR_MS);
        expect(cal.workingMsBetween(from, dueAtMs(cal, from, n, 'working_days'))).toBe(n * cal.dayLengthMs);
      }),
      RUNS,
    );
  });

  it('is monotonic in from and in amount, for every unit', () => {
    fc.assert(
      fc.property(instant, instant, amount, amount, unit, (f1, f2, a1, a2, u) => {
        const [fa, fb] = f1 <= f2 ? [f1, f2] : [f2, f1];
        const [na, nb] = a1 <= a2 ? [a1, a2] : [a2, a1];
        expect(dueAtMs(cal, fa, na, u)).toBeLessThanOrEqual(dueAtMs(cal, fb, na, u));
        expect(dueAtMs(cal, fa, na, u)).toBeLessThanOrEqual(dueAtMs(cal, fa, nb, u));
        expect(dueAtMs(cal, fa, na, u)).toBeGreaterThan(fa);
      }),
      RUNS,
    );
  });

  it('agrees with a naive minute-by-minute count', () => {
    // an independent oracle: walk minutes, counting those inside a period of a working day
    const naive = (from: number, minutes: number): number => {
      let t = from;
      let left = minutes;
      while (left > 0) {
        const tod = timeOfDay(t);
        if (cal.isWorkingDay(localDay(t)) && PERIODS.some(([s, e]) => tod >= s && tod < e)) left--;
        t += MINUTE_MS;
      }
      return t;
    };
    const wholeMinute = instant.map((ms) => ms - (ms % MINUTE_MS));
    fc.assert(
      fc.property(wholeMinute, fc.integer({ min: 1, max: 20 }), (from, hours) => {
        expect(dueAtMs(cal, from, hours, 'working_hours')).toBe(naive(from, hours * 60));
      }),
      { numRuns: 200 },
    );
  });
});
