import type { DayKind } from '@core/calendar/holidays';

/** One day as `GET /api/v1/calendar/days` answers it. */
export interface CalendarDay {
  date: string;
  working: boolean;
  kind: DayKind;
  name: string | null;
}

/** One official override as `GET /api/v1/calendar/overrides` answers it. */
export interface CalendarOverrideEntry {
  date: string;
  working: boolean;
  name: string;
}

/** The years the server's calendar accepts (core/calendar/time.ts). */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;

/** Weekday keys, Monday first as Vietnamese calendars print them (T2 … CN). */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type WeekdayKey = (typeof WEEKDAYS)[number];

/** Kinds shown in the legend, with a symbol so colour is never the only signal. */
export const KIND_MARKERS: Record<DayKind, string> = {
  workday: '',
  weekend: '',
  holiday: '★',
  compensatory: '↻',
  swapped_workday: '⇄',
  override_off: '✕',
};

/** Kinds listed under the year view (weekly rest and ordinary workdays are not news). */
export const NOTABLE_KINDS: readonly DayKind[] = ['holiday', 'compensatory', 'swapped_workday', 'override_off'];

/** Parses `YYYY-MM-DD` into numbers. */
export function ymd(date: string): [number, number, number] {
  const [y, m, d] = date.slice(0, 10).split('-').map(Number);
  return [y ?? 0, m ?? 0, d ?? 0];
}

/** `YYYY-MM-DD` of a year, month (1–12) and day, without any range check. */
export function dateOf(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Number of days in a month (1–12). */
export function monthLength(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Adds days to a `YYYY-MM-DD` date (calendar arithmetic in UTC, no time zone involved). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = ymd(date);
  const next = new Date(Date.UTC(y, m - 1, d + days));
  return dateOf(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate());
}

/** Monday-first weekday key of a `YYYY-MM-DD` date. */
export function weekdayOf(date: string): WeekdayKey {
  const [y, m, d] = ymd(date);
  const sundayFirst = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return WEEKDAYS[(sundayFirst + 6) % 7] as WeekdayKey;
}

/** Today's date in Vietnam (UTC+7, no DST), whatever the browser's time zone. */
export function todayInVietnam(now = Date.now()): string {
  return new Date(now + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** The current time in Vietnam as `YYYY-MM-DDTHH:mm`, the value format of `<input type="datetime-local">`. */
export function nowLocalInVietnam(now = Date.now()): string {
  return new Date(now + 7 * 3_600_000).toISOString().slice(0, 16);
}

/** A month laid out in weeks, Monday first; `null` pads the first and last week. */
export function monthWeeks(year: number, month: number): (string | null)[][] {
  const first = dateOf(year, month, 1);
  const length = monthLength(year, month);
  const lead = WEEKDAYS.indexOf(weekdayOf(first));
  const cells: (string | null)[] = [...Array<null>(lead).fill(null)];
  for (let d = 0; d < length; d++) cells.push(addDays(first, d));
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** Consecutive notable days with the same kind and name, e.g. the five days of Tết, shown as one line. */
export interface DayRun {
  from: string;
  to: string;
  kind: DayKind;
  name: string | null;
  override: boolean;
  count: number;
}

/** Groups consecutive days with the same kind, name and override flag into runs. */
export function dayRuns(days: readonly Pick<CalendarDay, 'date' | 'kind' | 'name'>[], overrides: ReadonlySet<string> = new Set()): DayRun[] {
  const runs: DayRun[] = [];
  for (const day of days) {
    const override = overrides.has(day.date);
    // A weekend's name is only its weekday ("Thứ Bảy"), so a Saturday and Sunday make one run.
    const name = day.kind === 'weekend' ? null : day.name;
    const last = runs[runs.length - 1];
    if (last && addDays(last.to, 1) === day.date && last.kind === day.kind && last.name === name && last.override === override) {
      last.to = day.date;
      last.count++;
    } else {
      runs.push({ from: day.date, to: day.date, kind: day.kind, name, override, count: 1 });
    }
  }
  return runs;
}

/**
 * The year's holidays, compensatory days and overrides as runs of consecutive days. An override that
 * agrees with the rules keeps the rule's kind but is listed too, marked as an override.
 */
export function notableRuns(days: readonly CalendarDay[], overrides: ReadonlySet<string>): DayRun[] {
  return dayRuns(
    days.filter((day) => overrides.has(day.date) || NOTABLE_KINDS.includes(day.kind)),
    overrides,
  );
}

/** `HH:mm` and `YYYY-MM-DD` of an ISO instant already in +07:00, as the API answers. */
export function splitInstant(iso: string): { date: string; time: string } {
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}
