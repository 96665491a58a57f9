/**
 * Publication deadlines (Decree 63/2010 art. 15, 24, as amended): the city publishes its procedure
 * list at least 5 working days before the underlying law takes effect, and publicises it on the
 * national database within 5 working days after the decision is signed. Pure: the working-day rule
 * is a predicate, so the legal clock (`core/calendar`) plugs in with its holidays and overrides.
 */

/** Whether a `YYYY-MM-DD` date is a working day. */
export type IsWorkingDay = (date: string) => boolean;

/** The legal lead and lag, in working days, and how close to a deadline counts as "at risk". Configuration with these defaults. */
export interface PublicationPolicy {
  publishLeadDays: number;
  publiciseWithinDays: number;
  atRiskDays: number;
}

/** The legal defaults: 5 working days before, 5 after, at risk from 2 left. */
export const DEFAULT_PUBLICATION_POLICY: PublicationPolicy = { publishLeadDays: 5, publiciseWithinDays: 5, atRiskDays: 2 };

const DAY = 86_400_000;
const toMs = (d: string) => Date.parse(`${d}T00:00:00Z`);
const toDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The date `n` working days after `date` (n > 0), or before it (n < 0); `date` itself is not counted. */
export function shiftWorkingDays(date: string, n: number, isWorkingDay: IsWorkingDay): string {
  const step = n < 0 ? -DAY : DAY;
  let ms = toMs(date);
  for (let left = Math.abs(n); left > 0; ) {
    ms += step;
    if (isWorkingDay(toDate(ms))) left--;
  }
  return toDate(ms);
}

/** Working days strictly after `from` up to and including `to` (negative when `to` is earlier). */
export function workingDaysBetween(from: string, to: string, isWorkingDay: IsWorkingDay): number {
  const a = toMs(from);
  const b = toMs(to);
  const [lo, hi, sign] = a <= b ? [a, b, 1] : [b, a, -1];
  let count = 0;
  for (let ms = lo + DAY; ms <= hi; ms += DAY) if (isWorkingDay(toDate(ms))) count++;
  return sign * count;
}

/** Latest signing date of the city's decision for a law effective on `effectiveOn`: 5 working days before it. */
export function cityDecisionDue(effectiveOn: string, isWorkingDay: IsWorkingDay, policy = DEFAULT_PUBLICATION_POLICY): string {
  return shiftWorkingDays(effectiveOn, -policy.publishLeadDays, isWorkingDay);
}

/** Latest date to publicise a city decision signed on `signedOn` on the national database. */
export function publiciseDue(signedOn: string, isWorkingDay: IsWorkingDay, policy = DEFAULT_PUBLICATION_POLICY): string {
  return shiftWorkingDays(signedOn, policy.publiciseWithinDays, isWorkingDay);
}

/** How an open obligation stands. */
export type DeadlineState = 'due' | 'at_risk' | 'late';

/** How an open obligation stands on `today`: working days left (due / at risk) or working days overdue (late). */
export function deadlineState(dueOn: string, today: string, isWorkingDay: IsWorkingDay, policy = DEFAULT_PUBLICATION_POLICY): { state: DeadlineState; days: number } {
  if (today > dueOn) return { state: 'late', days: workingDaysBetween(dueOn, today, isWorkingDay) };
  const left = workingDaysBetween(today, dueOn, isWorkingDay);
  return { state: left <= policy.atRiskDays ? 'at_risk' : 'due', days: left };
}
