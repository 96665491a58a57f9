/**
 * Feedback (phản ánh, kiến nghị — PAKN): a citizen's complaint (`phan_anh`) or proposal
 * (`kien_nghi`) sent to a unit, answered within a number of working days counted on the unit's
 * legal clock.
 */
import { dueAtMs } from '../calendar/due';
import type { WorkingCalendar } from '../calendar/working-calendar';

/** The kinds of feedback. */
export const FEEDBACK_KINDS = ['phan_anh', 'kien_nghi'] as const;
/** One kind. */
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

/** Vietnamese and English names of the kinds. */
export const FEEDBACK_KIND_LABELS = {
  phan_anh: { vi: 'Phản ánh', en: 'Complaint' },
  kien_nghi: { vi: 'Kiến nghị', en: 'Proposal' },
} as const satisfies Record<FeedbackKind, { vi: string; en: string }>;

/** Default time to answer, in working days (configuration `FEEDBACK_ANSWER_WORKING_DAYS`). */
export const DEFAULT_FEEDBACK_ANSWER_WORKING_DAYS = 10;

/** The instant an answer is due: `days` working days (of the unit's calendar) after submission. */
export function feedbackDueAt(calendar: WorkingCalendar, submittedAt: number, days: number): number {
  return dueAtMs(calendar, submittedAt, days, 'working_days');
}

/** Where a feedback stands: waiting (open or overdue) or answered (on time or late). */
export const FEEDBACK_STATES = ['open', 'overdue', 'answered', 'answered_late'] as const;
/** One state. */
export type FeedbackState = (typeof FEEDBACK_STATES)[number];

/** Vietnamese and English names of the states. */
export const FEEDBACK_STATE_LABELS = {
  open: { vi: 'Đang xử lý', en: 'Open' },
  overdue: { vi: 'Quá hạn trả lời', en: 'Overdue' },
  answered: { vi: 'Đã trả lời', en: 'Answered' },
  answered_late: { vi: 'Đã trả lời quá hạn', en: 'Answered late' },
} as const satisfies Record<FeedbackState, { vi: string; en: string }>;

/** The state of a feedback at `now` (epoch ms). */
export function feedbackState(f: { dueAt: number; answeredAt: number | null }, now: number): FeedbackState {
  if (f.answeredAt !== null) return f.answeredAt > f.dueAt ? 'answered_late' : 'answered';
  return now > f.dueAt ? 'overdue' : 'open';
}
