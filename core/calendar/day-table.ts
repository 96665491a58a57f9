/**
 * Precomputed day tables for a contiguous span of years: kind per day, a prefix count of working
 * days and the list of working days by ordinal. Together they turn "how much working time lies
 * before this instant" and its inverse into O(1) array look-ups. The span grows on demand (whole
 * years, memoised per year), which is an internal cache: results never depend on what was asked first.
 */
import { type CalendarOverride, classifyYear, indexOverrides, isWorkingKind, type YearDays } from './holidays';
import { assertSupportedYear, MAX_YEAR, ymdFromDay } from './time';

/** Day tables over the years [fromYear, toYear], extended lazily. */
export class DayTable {
  /** First day number covered (1 January of the first year). */
  base = 0;
  /** One past the last day number covered. */
  end = 0;
  /** Kind code per covered day (index = day − base). */
  kinds: Uint8Array = new Uint8Array(0);
  /** Name per covered day; null for an ordinary workday. */
  names: (string | null)[] = [];
  /** workBefore[i] = number of working days in [base, base + i); length = days + 1. */
  workBefore: Int32Array = new Int32Array(1);
  /** Day numbers of the working days, in order: workingDays[k] is the k-th working day. */
  workingDays: Int32Array = new Int32Array(0);
  /** How many working days the span holds. */
  workingCount = 0;

  private readonly overrides: Map<number, CalendarOverride>;
  private readonly years = new Map<number, YearDays>();
  private fromYear = 0;
  private toYear = -1;

  constructor(overrides: readonly CalendarOverride[], years?: { from: number; to: number }) {
    this.overrides = indexOverrides(overrides);
    if (years) this.cover(years.from, years.to);
  }

  /** Makes sure the day's year (and every year between it and the current span) is tabulated. */
  ensureDay(day: number): void {
    if (day >= this.base && day < this.end) return;
    const year = ymdFromDay(day)[0];
    this.cover(year, year);
  }

  /** Adds the year after the span; used when a due date runs past the tabulated years. */
  extendForward(): void {
    if (this.toYear >= MAX_YEAR) assertSupportedYear(MAX_YEAR + 1);
    const next = this.toYear + 1;
    this.cover(next, next);
  }

  /** Whether a covered day is a working day (O(1): the prefix count steps up on it). */
  isWorking(day: number): boolean {
    const i = day - this.base;
    return this.workBefore[i + 1]! > this.workBefore[i]!;
  }

  /** Extends the span to include [from, to]; rebuilds the flat arrays from the per-year cache. */
  private cover(from: number, to: number): void {
    assertSupportedYear(from);
    assertSupportedYear(to);
    const empty = this.toYear < this.fromYear;
    const lo = empty ? from : Math.min(this.fromYear, from);
    const hi = empty ? to : Math.max(this.toYear, to);
    if (!empty && lo === this.fromYear && hi === this.toYear) return;
    const tables: YearDays[] = [];
    for (let y = lo; y <= hi; y++) {
      let t = this.years.get(y);
      if (!t) {
        t = classifyYear(y, this.overrides);
        this.years.set(y, t);
      }
      tables.push(t);
    }
    const length = tables.reduce((n, t) => n + t.kinds.length, 0);
    const kinds = new Uint8Array(length);
    const names: (string | null)[] = [];
    let offset = 0;
    for (const t of tables) {
      kinds.set(t.kinds, offset);
      for (const n of t.names) names.push(n);
      offset += t.kinds.length;
    }
    const workBefore = new Int32Array(length + 1);
    const working: number[] = [];
    const base = tables[0]!.firstDay;
    for (let i = 0; i < length; i++) {
      const w = isWorkingKind(kinds[i]!);
      workBefore[i + 1] = workBefore[i]! + (w ? 1 : 0);
      if (w) working.push(base + i);
    }
    this.fromYear = lo;
    this.toYear = hi;
    this.base = base;
    this.end = base + length;
    this.kinds = kinds;
    this.names = names;
    this.workBefore = workBefore;
    this.workingDays = Int32Array.from(working);
    this.workingCount = working.length;
  }
}
