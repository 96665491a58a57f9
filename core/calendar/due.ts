/**
 * Due dates: the hot path works on epoch milliseconds (`dueAtMs`); the ISO-string functions are the
 * edge used by the API, which validate input, format the answer in +07:00 and explain it.
 */
import { AppError } from '../errors/app-error';
import type { DayKind } from './holidays';
import { dayStartMs, formatInstant, HOUR_MS, localDay, MINUTE_MS, parseInstant } from './time';
import type { WorkingCalendar } from './working-calendar';

/** Units a legal processing time can be expressed in. */
export const DUE_UNITS = ['working_days', 'working_hours', 'calendar_days'] as const;
/** One of DUE_UNITS. */
export type DueUnit = (typeof DUE_UNITS)[number];

/** A non-working day the count went over, and why it is not worked. */
export interface SkippedDay {
  date: string;
  kind: DayKind;
  name: string | null;
}

/** Why the due instant is what it is. */
export interface DueExplanation {
  unit: DueUnit;
  amount: number;
  /** The instant asked for, normalised to +07:00. */
  from: string;
  /** Where counting started: `from` itself, or the next working-period start (working units); the day after from's date (calendar days). */
  countingStartsAt: string;
  /** Working minutes counted: the amount in minutes (working units); working minutes from `from` to the due instant (calendar days). */
  workingMinutes: number;
  /** Non-working days passed over, in order: from from's date to the due date (working units); from the n-th day to the due date (calendar days). */
  skipped: SkippedDay[];
}

/** The answer of `GET /api/v1/calendar/due`. */
export interface DueResult {
  dueAt: string;
  explanation: DueExplanation;
}

/** Hot path: the due instant (epoch ms) of `amount` units from `fromMs`; inputs are trusted. */
export function dueAtMs(cal: WorkingCalendar, fromMs: number, amount: number, unit: DueUnit): number {
  if (unit === 'working_hours') return cal.addWorking(fromMs, amount * HOUR_MS);
  if (unit === 'working_days') return cal.addWorking(fromMs, amount * cal.dayLengthMs);
  return cal.calendarDaysDue(fromMs, amount);
}

/** Throws CALENDAR_AMOUNT_INVALID unless the amount is a positive safe integer. */
export function assertAmount(amount: unknown): asserts amount is number {
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount <= 0) {
    throw new AppError('CALENDAR_AMOUNT_INVALID', { message: `amount ${String(amount)}`, params: { value: String(amount) } });
  }
}

/** Throws CALENDAR_UNIT_INVALID unless the unit is one of DUE_UNITS. */
export function assertUnit(unit: unknown): asserts unit is DueUnit {
  if (typeof unit !== 'string' || !(DUE_UNITS as readonly string[]).includes(unit)) {
    throw new AppError('CALENDAR_UNIT_INVALID', { message: `unit ${String(unit)}`, params: { value: String(unit) } });
  }
}

/** Validated, explained due date for the API: `from` is ISO 8601 with offset. */
export function computeDue(cal: WorkingCalendar, input: { from: string; amount: unknown; unit: unknown }): DueResult {
  const fromMs = parseInstant(input.from);
  assertAmount(input.amount);
  assertUnit(input.unit);
  const { amount, unit } = input;
  const due = dueAtMs(cal, fromMs, amount, unit);
  const fromDay = localDay(fromMs);
  const calendar = unit === 'calendar_days';
  // calendar days count every day from the next one; only the days that pushed the end are "skipped"
  const start = calendar ? dayStartMs(fromDay + 1) : cal.countingStart(fromMs);
  const counted = calendar ? cal.workingMsBetween(fromMs, due) : unit === 'working_days' ? amount * cal.dayLengthMs : amount * HOUR_MS;
  return {
    dueAt: formatInstant(due),
    explanation: {
      unit,
      amount,
      from: formatInstant(fromMs),
      countingStartsAt: formatInstant(start),
      workingMinutes: counted / MINUTE_MS,
      skipped: skippedDays(cal, calendar ? fromDay + amount : fromDay, localDay(due)),
    },
  };
}

/** Non-working days in [fromDay, toDay], with their kind and name. */
export function skippedDays(cal: WorkingCalendar, fromDay: number, toDay: number): SkippedDay[] {
  const out: SkippedDay[] = [];
  for (let day = fromDay; day <= toDay; day++) {
    if (cal.isWorkingDay(day)) continue;
    const { date, kind, name } = cal.dayInfo(day);
    out.push({ date, kind, name });
  }
  return out;
}

/** `hours` working hours after `from` (ISO with offset), explained. */
export function addWorkingHours(cal: WorkingCalendar, from: string, hours: number): DueResult {
  return computeDue(cal, { from, amount: hours, unit: 'working_hours' });
}

/** `days` working days after `from`: days × the length of the working day, explained. */
export function addWorkingDays(cal: WorkingCalendar, from: string, days: number): DueResult {
  return computeDue(cal, { from, amount: days, unit: 'working_days' });
}

/** `days` calendar days after `from` (Civil Code art. 147–148), explained. */
export function addCalendarDays(cal: WorkingCalendar, from: string, days: number): DueResult {
  return computeDue(cal, { from, amount: days, unit: 'calendar_days' });
}

/** Signed working minutes from a to b (ISO strings with offset or epoch ms); negative when b is earlier. */
export function workingMinutesBetween(cal: WorkingCalendar, a: string | number, b: string | number): number {
  const am = typeof a === 'number' ? a : parseInstant(a);
  const bm = typeof b === 'number' ? b : parseInstant(b);
  return cal.workingMsBetween(am, bm) / MINUTE_MS;
}
