/**
 * The reform board: per unit and for the city, counts and rates of on-time / late / overdue work and
 * the list that needs the head's attention. A one-off task counts once; a recurring task counts each
 * occurrence already due or done, plus its next one, so a report late in March stays late.
 */
import { formatDate, localDay, parseDate } from '../calendar/time';
import type { OccurrenceStatus, TaskState, TaskStatus } from './state';

/** Days before a due date from which open work is listed as due soon. */
export const DUE_SOON_DAYS = 7;

export interface BoardCounts {
  total: number;
  not_started: number;
  in_progress: number;
  completed_on_time: number;
  completed_late: number;
  overdue: number;
  cancelled: number;
  awaitingAcceptance: number;
  /** Percentages with one decimal over the work due or done (on time + late + overdue); null when none is. */
  onTimeRate: number | null;
  lateRate: number | null;
  overdueRate: number | null;
}

/** The occurrences of a task the board counts at `now`. */
export function countedOccurrences(status: TaskStatus, now: number): OccurrenceStatus[] {
  const today = localDay(now);
  const out: OccurrenceStatus[] = [];
  let nextTaken = false;
  for (const o of status.occurrences) {
    if (parseDate(o.due) <= today || o.phase === 'completed' || o.awaitingAcceptance) out.push(o);
    else if (!nextTaken) {
      out.push(o);
      nextTaken = true;
    }
  }
  return out;
}

const pct = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 1000) / 10);

/** Counts and rates of a list of counted states. */
export function countStates(items: readonly { state: TaskState; awaitingAcceptance: boolean }[]): BoardCounts {
  const c = { total: items.length, not_started: 0, in_progress: 0, completed_on_time: 0, completed_late: 0, overdue: 0, cancelled: 0, awaitingAcceptance: 0 };
  for (const i of items) {
    c[i.state]++;
    if (i.awaitingAcceptance) c.awaitingAcceptance++;
  }
  const decided = c.completed_on_time + c.completed_late + c.overdue;
  return { ...c, onTimeRate: pct(c.completed_on_time, decided), lateRate: pct(c.completed_late, decided), overdueRate: pct(c.overdue, decided) };
}

/** Why a piece of work is on the head's list. */
export const ATTENTION_REASONS = ['overdue', 'returned', 'awaiting_acceptance', 'due_soon'] as const;
export type AttentionReason = (typeof ATTENTION_REASONS)[number];

export const ATTENTION_LABELS = {
  overdue: { vi: 'Quá hạn chưa hoàn thành', en: 'Overdue' },
  returned: { vi: 'Bị trả lại, cần hoàn thiện', en: 'Returned for more work' },
  awaiting_acceptance: { vi: 'Chờ Văn phòng UBND xác nhận', en: 'Awaiting the Office’s acceptance' },
  due_soon: { vi: 'Sắp đến hạn', en: 'Due soon' },
} as const satisfies Record<AttentionReason, { vi: string; en: string }>;

/** The reason an occurrence needs attention at `now`, or null. */
export function attentionReason(o: OccurrenceStatus, now: number): AttentionReason | null {
  if (o.state === 'overdue') return 'overdue';
  if (o.phase === 'open' && o.returned) return 'returned';
  if (o.awaitingAcceptance) return 'awaiting_acceptance';
  if (o.phase === 'open' && parseDate(o.due) - localDay(now) <= DUE_SOON_DAYS) return 'due_soon';
  return null;
}

/** Order of the attention list: the most pressing reason first, then the earliest due. */
export function compareAttention(a: { reason: AttentionReason; due: string }, b: { reason: AttentionReason; due: string }): number {
  return ATTENTION_REASONS.indexOf(a.reason) - ATTENTION_REASONS.indexOf(b.reason) || a.due.localeCompare(b.due);
}

/** One month of the year's trend: the work due that month by where it stands. */
export interface TrendMonth {
  month: string;
  completed_on_time: number;
  completed_late: number;
  overdue: number;
  open: number;
}

/**
 * The year's trend (the year of `now`, UTC+7): for each month up to the current one, the counted
 * work due in it, completed on time, completed late, overdue, or still open (not yet due, or
 * cancelled work left out).
 */
export function yearTrend(items: readonly { due: string; state: TaskState }[], now: number): TrendMonth[] {
  const today = formatDate(localDay(now));
  const year = today.slice(0, 4);
  const months: TrendMonth[] = [];
  for (let m = 1; m <= Number(today.slice(5, 7)); m++) months.push({ month: `${year}-${String(m).padStart(2, '0')}`, completed_on_time: 0, completed_late: 0, overdue: 0, open: 0 });
  for (const i of items) {
    if (i.state === 'cancelled' || !i.due.startsWith(year)) continue;
    const row = months[Number(i.due.slice(5, 7)) - 1];
    if (!row) continue;
    if (i.state === 'completed_on_time' || i.state === 'completed_late' || i.state === 'overdue') row[i.state]++;
    else row.open++;
  }
  return months;
}
