/**
 * Where a reform task stands, derived purely from its deadline occurrences, its events and an
 * injected instant `now` — never the machine's clock. Completion counts from the day the lead unit
 * marked it, once the city Office accepts it; a return voids the mark.
 */
import { type Occurrence, dueEndMs } from './deadline';

/** The states of a task (and of each occurrence of a recurring one). */
export const TASK_STATES = ['not_started', 'in_progress', 'completed_on_time', 'completed_late', 'overdue', 'cancelled'] as const;
export type TaskState = (typeof TASK_STATES)[number];

export const TASK_STATE_LABELS = {
  not_started: { vi: 'Chưa thực hiện', en: 'Not started' },
  in_progress: { vi: 'Đang thực hiện', en: 'In progress' },
  completed_on_time: { vi: 'Hoàn thành đúng hạn', en: 'Completed on time' },
  completed_late: { vi: 'Hoàn thành quá hạn', en: 'Completed late' },
  overdue: { vi: 'Quá hạn chưa hoàn thành', en: 'Overdue' },
  cancelled: { vi: 'Đã hủy', en: 'Cancelled' },
} as const satisfies Record<TaskState, { vi: string; en: string }>;

/** What happened to a task; `period` names the occurrence (`once` for a one-off task). */
export const EVENT_KINDS = ['report', 'completion_marked', 'completion_accepted', 'completion_returned', 'cancelled'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export interface TaskEvent {
  kind: EventKind;
  period: string;
  at: number;
}

/** The workflow phase of one occurrence, which decides the actions allowed on it. */
export type Phase = 'open' | 'awaiting_acceptance' | 'completed' | 'cancelled';
export type TaskAction = 'report' | 'complete' | 'accept' | 'return';

/** Workflow as data: the actions allowed in each phase (server and client read it). */
export const ACTIONS_BY_PHASE = {
  open: ['report', 'complete'],
  awaiting_acceptance: ['report', 'accept', 'return'],
  completed: [],
  cancelled: [],
} as const satisfies Record<Phase, readonly TaskAction[]>;

/** One occurrence as judged at `now`. */
export interface OccurrenceStatus extends Occurrence {
  state: TaskState;
  phase: Phase;
  reports: number;
  /** When the lead unit marked the accepted (or pending) completion. */
  completedAt: number | null;
  /** A completion waits for the city Office. */
  awaitingAcceptance: boolean;
  /** The last completion was returned and not marked again. */
  returned: boolean;
}

/** The occurrence's phase and state from its own events (in time order) and the task's cancellation. */
export function occurrenceStatus(o: Occurrence, events: readonly TaskEvent[], now: number, cancelledAt: number | null): OccurrenceStatus {
  let reports = 0;
  let marked: number | null = null;
  let accepted: number | null = null;
  let returned = false;
  for (const e of events) {
    if (e.period !== o.period || e.at > now) continue;
    if (e.kind === 'report') reports++;
    else if (e.kind === 'completion_marked' && accepted === null) [marked, returned] = [e.at, false];
    else if (e.kind === 'completion_returned' && accepted === null) [marked, returned] = [null, true];
    else if (e.kind === 'completion_accepted' && marked !== null) accepted = marked;
  }
  const end = dueEndMs(o.due);
  const base = { ...o, reports, returned };
  if (accepted !== null) return { ...base, phase: 'completed', state: accepted <= end ? 'completed_on_time' : 'completed_late', completedAt: accepted, awaitingAcceptance: false };
  if (cancelledAt !== null && cancelledAt <= now) return { ...base, phase: 'cancelled', state: 'cancelled', completedAt: null, awaitingAcceptance: false };
  const awaiting = marked !== null;
  // a completion marked in time is not overdue while the Office decides; one marked late already is
  const judgedAt = awaiting ? marked! : now;
  const state: TaskState = judgedAt > end ? 'overdue' : awaiting || reports > 0 || returned ? 'in_progress' : 'not_started';
  return { ...base, phase: awaiting ? 'awaiting_acceptance' : 'open', state, completedAt: marked, awaitingAcceptance: awaiting };
}

/** A task's state and the status of each of its occurrences. */
export interface TaskStatus {
  state: TaskState;
  occurrences: OccurrenceStatus[];
  /** The occurrence work goes to now: the first not completed (null when all are done or the task is cancelled). */
  current: OccurrenceStatus | null;
}

/**
 * Summarises a task: cancelled; else overdue when any occurrence is; else, all completed, late when
 * any was late; else the state of the first occurrence still open.
 */
export function taskStatus(occurrences: readonly Occurrence[], events: readonly TaskEvent[], now: number): TaskStatus {
  const sorted = [...events].sort((a, b) => a.at - b.at);
  const cancel = sorted.find((e) => e.kind === 'cancelled' && e.at <= now);
  const statuses = occurrences.map((o) => occurrenceStatus(o, sorted, now, cancel?.at ?? null));
  const open = statuses.find((s) => s.phase === 'open' || s.phase === 'awaiting_acceptance') ?? null;
  let state: TaskState;
  if (cancel) state = 'cancelled';
  else if (statuses.some((s) => s.state === 'overdue')) state = 'overdue';
  else if (!open) state = statuses.some((s) => s.state === 'completed_late') ? 'completed_late' : 'completed_on_time';
  else state = statuses.some((s) => s.phase === 'completed') && open.state === 'not_started' ? 'in_progress' : open.state;
  return { state, occurrences: statuses, current: cancel ? null : open };
}

/** The actions allowed on an occurrence. */
export function allowedActions(o: Pick<OccurrenceStatus, 'phase'>): readonly TaskAction[] {
  return ACTIONS_BY_PHASE[o.phase];
}
