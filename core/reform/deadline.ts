/**
 * Deadlines of reform tasks (nhiệm vụ CCHC): a date, a recurring report (monthly / quarterly), or a
 * number of working days from a start date on the legal clock. A rule resolves to its occurrences,
 * each a period with its due date; a one-off rule has the single period `once`.
 */
import { AppError } from '../errors/app-error';
import { dueAtMs } from '../calendar/due';
import { dayFromYmd, dayStartMs, formatDate, localDay, parseDate, ymdFromDay } from '../calendar/time';
import type { WorkingCalendar } from '../calendar/working-calendar';

/** How a task's deadline is given. */
export type DeadlineRule =
  | { kind: 'date'; date: string }
  /** Day `day` of every month from `from` to `to` (a short month uses its last day). */
  | { kind: 'monthly'; day: number; from: string; to: string }
  /** Day `day` of the last month of every quarter from `from` to `to`. */
  | { kind: 'quarterly'; day: number; from: string; to: string }
  /** `days` working days after `start` (the start day itself not counted). */
  | { kind: 'working_days'; days: number; start: string };

export const DEADLINE_KINDS = ['date', 'monthly', 'quarterly', 'working_days'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/** One period of a task and the date its work is due (inclusive: due by the end of that day, Vietnamese time). */
export interface Occurrence {
  period: string;
  due: string;
}

/** The one period of a one-off task. */
export const ONCE = 'once';
/** Longest span of a recurring rule, in years (a plan is yearly; five covers a medium-term plan). */
export const MAX_RECURRING_YEARS = 5;
/** Most working days a deadline may count. */
export const MAX_WORKING_DAYS = 365;

const lastDayOf = (y: number, m: number) => ymdFromDay(dayFromYmd(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1) - 1)[2];

/** The first working day on or after `day` (a recurring report due on a day off is due the next working day). */
function nextWorkingDay(cal: WorkingCalendar, day: number): number {
  let d = day;
  while (!cal.isWorkingDay(d)) d++;
  return d;
}

function invalid(reason: string): never {
  throw new AppError('REFORM_DEADLINE_INVALID', { message: reason });
}

/** Throws REFORM_DEADLINE_INVALID unless the rule is well formed (real dates, day 1–31, from ≤ to, bounded spans). */
export function assertDeadlineRule(rule: DeadlineRule): void {
  const date = (s: string) => {
    try {
      return parseDate(s);
    } catch {
      return invalid(`bad date ${s}`);
    }
  };
  if (rule.kind === 'date') return void date(rule.date);
  if (rule.kind === 'working_days') {
    date(rule.start);
    if (!Number.isInteger(rule.days) || rule.days < 1 || rule.days > MAX_WORKING_DAYS) invalid(`days ${rule.days}`);
    return;
  }
  if (!Number.isInteger(rule.day) || rule.day < 1 || rule.day > 31) invalid(`day ${rule.day}`);
  const [from, to] = [date(rule.from), date(rule.to)];
  if (to < from) invalid('from after to');
  if (to - from > MAX_RECURRING_YEARS * 366) invalid('span too long');
}

/** The occurrences of a rule, in due order; working days and recurring due dates use the legal clock `cal`. */
export function occurrencesOf(rule: DeadlineRule, cal: WorkingCalendar): Occurrence[] {
  assertDeadlineRule(rule);
  if (rule.kind === 'date') return [{ period: ONCE, due: rule.date }];
  if (rule.kind === 'working_days') {
    // counting starts the day after the start date (Civil Code art. 147), at its first working minute
    const due = dueAtMs(cal, dayStartMs(parseDate(rule.start) + 1), rule.days, 'working_days');
    return [{ period: ONCE, due: formatDate(localDay(due - 1)) }];
  }
  const [fy, fm] = ymdFromDay(parseDate(rule.from));
  const [ty, tm] = ymdFromDay(parseDate(rule.to));
  const out: Occurrence[] = [];
  // months as one running index (year × 12 + month − 1)
  for (let i = fy * 12 + fm - 1; i <= ty * 12 + tm - 1; i++) {
    const [y, m] = [Math.floor(i / 12), (i % 12) + 1];
    if (rule.kind === 'quarterly' && m % 3 !== 0) continue;
    const day = nextWorkingDay(cal, dayFromYmd(y, m, Math.min(rule.day, lastDayOf(y, m))));
    const period = rule.kind === 'monthly' ? `${y}-${String(m).padStart(2, '0')}` : `${y}-Q${m / 3}`;
    out.push({ period, due: formatDate(day) });
  }
  // a quarterly rule whose span ends before any quarter's last month still owes that quarter's report
  if (out.length === 0 && rule.kind === 'quarterly') {
    const qm = Math.ceil(fm / 3) * 3;
    out.push({ period: `${fy}-Q${qm / 3}`, due: formatDate(nextWorkingDay(cal, dayFromYmd(fy, qm, Math.min(rule.day, lastDayOf(fy, qm))))) });
  }
  return out;
}

/** Throws REFORM_DEADLINE_BEFORE_PLAN when any part of the rule (or a due date) falls before the plan's date. */
export function assertAfterPlan(rule: DeadlineRule, occurrences: readonly Occurrence[], planDate: string): void {
  const starts = rule.kind === 'date' ? rule.date : rule.kind === 'working_days' ? rule.start : rule.from;
  const early = [starts, ...occurrences.map((o) => o.due)].find((d) => d < planDate);
  if (early) throw new AppError('REFORM_DEADLINE_BEFORE_PLAN', { params: { due: early, plan: planDate } });
}

/** The last instant (epoch ms) work due on `due` is on time: the end of that day in Vietnam. */
export function dueEndMs(due: string): number {
  return dayStartMs(parseDate(due) + 1) - 1;
}

/** A task's deadline checked against its plan: the rule's occurrences, or REFORM_DEADLINE_INVALID / REFORM_DEADLINE_BEFORE_PLAN. */
export function planTaskDeadline(rule: DeadlineRule, planDate: string, cal: WorkingCalendar): Occurrence[] {
  const occurrences = occurrencesOf(rule, cal);
  assertAfterPlan(rule, occurrences, planDate);
  return occurrences;
}
