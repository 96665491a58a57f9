/** The year a head is graded on, read on the local (UTC+7) calendar at an injected instant. */
import { dayFromYmd, dayStartMs, formatDate, localDay, ymdFromDay } from '../calendar/time';
import { AppError } from '../errors/app-error';

/** A year so far: its instants [fromMs, toMs), those up to now [fromMs, untilMs), its days for the index (to today at most) and the instant it is judged at. */
export interface YearPeriod {
  year: number;
  fromMs: number;
  toMs: number;
  untilMs: number;
  fromDay: string;
  toDay: string;
  asOf: number;
}

/** The year `year` as of `now`; ACCOUNTABILITY_YEAR_INVALID for a year that has not begun. */
export function yearPeriod(year: number, now: number): YearPeriod {
  const today = localDay(now);
  const [current] = ymdFromDay(today);
  if (!Number.isInteger(year) || year < 2000 || year > current) throw new AppError('ACCOUNTABILITY_YEAR_INVALID');
  const first = dayFromYmd(year, 1, 1);
  const next = dayFromYmd(year + 1, 1, 1);
  const toMs = dayStartMs(next);
  return { year, fromMs: dayStartMs(first), toMs, untilMs: Math.min(toMs, now + 1), fromDay: formatDate(first), toDay: formatDate(Math.min(today, next - 1)), asOf: Math.min(now, toMs - 1) };
}
