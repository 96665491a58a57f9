/**
 * How much working time a dossier and its current step have left, and whether that is at risk:
 * what the queues (due soon, overdue) and the dossier page show.
 */
import { classifyDeadline, foldDeadline } from '../calendar/deadline';
import type { DeadlineClassification, DeadlinePolicy } from '../calendar/deadline-events';
import { MINUTE_MS } from '../calendar/time';
import type { WorkingCalendar } from '../calendar/working-calendar';
import type { Dossier } from './dossier';

/** Share of the legal working time below which an open dossier is "at risk" (configurable, 20 % by default). */
export const DEFAULT_AT_RISK_SHARE = 0.2;

/** Where an open dossier's clock stands; finished dossiers say whether they ended in time. */
export type TimingStatus = 'not_started' | 'on_track' | 'at_risk' | 'overdue' | 'clock_stopped' | 'finished_on_time' | 'finished_late';

/** The timing of a dossier (and its open step) at an instant. */
export interface DossierTiming {
  status: TimingStatus;
  dueAt: number | null;
  /** Working minutes left until the due (negative when late); 0 before the clock starts. */
  remainingWorkingMinutes: number;
  step: { step: string; dueAt: number; remainingWorkingMinutes: number; status: 'on_track' | 'at_risk' | 'overdue' } | null;
  classification: DeadlineClassification;
}

const openStatus = (remainingMs: number, budgetMs: number, share: number): 'on_track' | 'at_risk' | 'overdue' =>
  remainingMs < 0 ? 'overdue' : remainingMs < budgetMs * share ? 'at_risk' : 'on_track';

/** The timing of a dossier at `at`. */
export function dossierTiming(d: Pick<Dossier, 'clock'>, cal: WorkingCalendar, policy: DeadlinePolicy, at: number, atRiskShare = DEFAULT_AT_RISK_SHARE): DossierTiming {
  const state = foldDeadline(cal, policy, d.clock);
  const classification = classifyDeadline(cal, state, at);
  const base = { dueAt: state.dueAt, remainingWorkingMinutes: classification.marginWorkingMinutes, classification, step: null };
  if (state.phase === 'not_started') return { ...base, status: 'not_started' };
  if (state.phase === 'finished') return { ...base, status: classification.status === 'late' ? 'finished_late' : 'finished_on_time' };
  if (state.stoppedAt !== null) return { ...base, status: 'clock_stopped' };
  const remainingMs = cal.workingMsBetween(at, state.dueAt!);
  const open = state.steps.at(-1)?.endedAt === null ? state.steps.at(-1)! : null;
  const step = open && {
    step: open.step,
    dueAt: open.dueAt,
    remainingWorkingMinutes: cal.workingMsBetween(at, open.dueAt) / MINUTE_MS,
    status: openStatus(cal.workingMsBetween(at, open.dueAt), open.budgetMs, atRiskShare),
  };
  return { ...base, status: openStatus(remainingMs, state.legalWorkingMs, atRiskShare), remainingWorkingMinutes: remainingMs / MINUTE_MS, step };
}
