/**
 * A unit's working calendar: which days are worked (rules + official overrides) and the working
 * periods of a day. Working time is measured by a "working position": the working milliseconds
 * between the start of the tabulated span and an instant. Position and its inverse are O(1) thanks
 * to the prefix tables of DayTable, so every due-date computation is a handful of array reads.
 */
import { AppError } from '../errors/app-error';
import { DayTable } from './day-table';
import { type CalendarOverride, DAY_KINDS, type DayKind } from './holidays';
import { DAY_MS, dayFromYmd, formatDate, MINUTE_MS, parseDate, VN_OFFSET_MS, ymdFromDay } from './time';

/** A working period of the day in local time (Asia/Ho_Chi_Minh), `HH:mm`, end exclusive; `24:00` allowed as an end. */
export interface WorkingPeriod {
  start: string;
  end: string;
}

/** Office hours of Vietnamese agencies unless a unit configures otherwise. */
export const DEFAULT_WORKING_PERIODS: readonly WorkingPeriod[] = [
  { start: '08:00', end: '12:00' },
  { start: '13:00', end: '17:00' },
];

/** How to build a calendar: official overrides, working periods, and years to precompute eagerly. */
export interface WorkingCalendarOptions {
  overrides?: readonly CalendarOverride[];
  periods?: readonly WorkingPeriod[];
  years?: { from: number; to: number };
}

/** One day as the API shows it. */
export interface CalendarDay {
  date: string;
  working: boolean;
  kind: DayKind;
  name: string | null;
}

/** Longest span `days()` answers, in years: bounds the response size. */
export const MAX_RANGE_YEARS = 10;

const HHMM = /^([01]\d|2[0-4]):([0-5]\d)$/;

function parsePeriods(periods: readonly WorkingPeriod[]): { starts: number[]; ends: number[] } {
  const bad = (why: string): never => {
    throw new AppError('CALENDAR_HOURS_INVALID', { message: `working periods: ${why}` });
  };
  const toMs = (s: string): number => {
    const m = HHMM.exec(s);
    if (!m || (m[1] === '24' && m[2] !== '00')) bad(`bad time ${JSON.stringify(s)}`);
    return (+m![1]! * 60 + +m![2]!) * MINUTE_MS;
  };
  if (periods.length === 0) bad('no period');
  const starts = periods.map((p) => toMs(p.start));
  const ends = periods.map((p) => toMs(p.end));
  for (let p = 0; p < periods.length; p++) {
    if (starts[p]! >= ends[p]!) bad(`period ${p} is empty or reversed`);
    if (p > 0 && starts[p]! < ends[p - 1]!) bad(`period ${p} overlaps or is out of order`);
  }
  return { starts, ends };
}

/** Working days and hours of one unit, with O(1) working-time arithmetic. */
export class WorkingCalendar {
  /** The configured working periods. */
  readonly periods: readonly WorkingPeriod[];
  /** Working milliseconds in one working day (8 h by default). */
  readonly dayLengthMs: number;
  private readonly table: DayTable;
  private readonly starts: number[];
  private readonly ends: number[];
  /** Working ms of the day before period p starts, and when it ends. */
  private readonly cumBefore: number[];
  private readonly cumEnd: number[];

  constructor(options: WorkingCalendarOptions = {}) {
    this.periods = options.periods ?? DEFAULT_WORKING_PERIODS;
    const { starts, ends } = parsePeriods(this.periods);
    this.starts = starts;
    this.ends = ends;
    this.cumBefore = [];
    this.cumEnd = [];
    let acc = 0;
    for (let p = 0; p < starts.length; p++) {
      this.cumBefore.push(acc);
      acc += ends[p]! - starts[p]!;
      this.cumEnd.push(acc);
    }
    this.dayLengthMs = acc;
    this.table = new DayTable(options.overrides ?? [], options.years);
  }

  /** The classification of one day number. */
  dayInfo(day: number): CalendarDay {
    this.table.ensureDay(day);
    const i = day - this.table.base;
    const kind = DAY_KINDS[this.table.kinds[i]!]!;
    return { date: formatDate(day), working: this.table.isWorking(day), kind, name: this.table.names[i] ?? null };
  }

  /** Every day from `from` to `to` inclusive (`YYYY-MM-DD`); refuses reversed ranges and ranges over 10 years. */
  days(from: string, to: string): CalendarDay[] {
    const a = parseDate(from);
    const b = parseDate(to);
    if (b < a) throw new AppError('CALENDAR_RANGE_INVALID', { message: `${from} > ${to}`, params: { from, to } });
    const [y, m, d] = ymdFromDay(a);
    if (b >= dayFromYmd(y + MAX_RANGE_YEARS, m, d)) {
      throw new AppError('CALENDAR_RANGE_TOO_LONG', { message: `${from}..${to} exceeds ${MAX_RANGE_YEARS} years`, params: { from, to } });
    }
    this.table.ensureDay(a);
    this.table.ensureDay(b);
    const out: CalendarDay[] = [];
    for (let day = a; day <= b; day++) out.push(this.dayInfo(day));
    return out;
  }

  /** Whether a day number is a working day. */
  isWorkingDay(day: number): boolean {
    this.table.ensureDay(day);
    return this.table.isWorking(day);
  }

  /** Working ms from the span start to the instant (non-decreasing; flat outside working time). */
  workingPosition(ms: number): number {
    const local = ms + VN_OFFSET_MS;
    const day = Math.floor(local / DAY_MS);
    const t = this.table;
    if (day < t.base || day >= t.end) t.ensureDay(day);
    const i = day - t.base;
    const before = t.workBefore[i]!;
    let pos = before * this.dayLengthMs;
    if (t.workBefore[i + 1]! === before) return pos;
    const tod = local - day * DAY_MS;
    const starts = this.starts;
    const ends = this.ends;
    for (let p = 0; p < starts.length; p++) {
      const s = starts[p]!;
      if (tod <= s) break;
      pos += Math.min(tod, ends[p]!) - s;
    }
    return pos;
  }

  /** The earliest instant whose working position is `pos` (> 0): a period end wins over the next start. */
  instantAtPosition(pos: number): number {
    const L = this.dayLengthMs;
    const j = Math.max(0, Math.ceil(pos / L) - 1);
    const t = this.table;
    while (j >= t.workingCount) t.extendForward();
    return this.instantInDay(t.workingDays[j]!, pos - j * L, true);
  }

  /** Where counting starts for an instant: itself inside a working period, else the next period start. */
  countingStart(ms: number): number {
    const pos = this.workingPosition(ms);
    const L = this.dayLengthMs;
    const j = Math.floor(pos / L);
    const t = this.table;
    while (j >= t.workingCount) t.extendForward();
    return this.instantInDay(t.workingDays[j]!, pos - j * L, false);
  }

  /** The instant `durationMs` of working time after `fromMs` (itself when the duration is ≤ 0). */
  addWorking(fromMs: number, durationMs: number): number {
    if (durationMs <= 0) return fromMs;
    return this.instantAtPosition(this.workingPosition(fromMs) + durationMs);
  }

  /** Signed working ms from a to b (negative when b is before a). */
  workingMsBetween(a: number, b: number): number {
    this.table.ensureDay(Math.floor((a + VN_OFFSET_MS) / DAY_MS));
    this.table.ensureDay(Math.floor((b + VN_OFFSET_MS) / DAY_MS));
    return this.workingPosition(b) - this.workingPosition(a);
  }

  /** Civil Code art. 147–148: end of working hours of the n-th day after from's date, or of the next working day. */
  calendarDaysDue(fromMs: number, n: number): number {
    return this.endOfWorkingDay(this.nextWorkingDay(Math.floor((fromMs + VN_OFFSET_MS) / DAY_MS) + n));
  }

  /** The first working day on or after a day number. */
  nextWorkingDay(day: number): number {
    const t = this.table;
    if (day < t.base || day >= t.end) t.ensureDay(day);
    const k = t.workBefore[day - t.base]!;
    while (k >= t.workingCount) t.extendForward();
    return t.workingDays[k]!;
  }

  /** The instant the last working period of a day ends (17:00 by default). */
  endOfWorkingDay(day: number): number {
    return day * DAY_MS - VN_OFFSET_MS + this.ends[this.ends.length - 1]!;
  }

  /** Instant at working offset r within a working day; `atEnd` picks a period's end over the next start. */
  private instantInDay(day: number, r: number, atEnd: boolean): number {
    const cumEnd = this.cumEnd;
    const last = cumEnd.length - 1;
    let p = 0;
    while (p < last && (atEnd ? r > cumEnd[p]! : r >= cumEnd[p]!)) p++;
    return day * DAY_MS - VN_OFFSET_MS + this.starts[p]! + r - this.cumBefore[p]!;
  }
}
