/**
 * Types of the deadline engine: the clock events a dossier records, the policy (legal time and
 * step budgets) and the state the engine folds them into. Instants are epoch milliseconds; convert
 * at the edge with parseInstant / formatInstant.
 */
import type { DueUnit } from './due';

/** The legal processing time of a procedure; amount 0 means an immediate result (see deadline.ts). */
export interface LegalTime {
  amount: number;
  unit: DueUnit;
}

/** A workflow step's share of the legal time. Shares are weights: the legal time is split in proportion, always summing to the whole. */
export interface StepBudget {
  step: string;
  share: number;
}

/** What the engine needs besides the events. Steps are optional; the first one starts on receipt. */
export interface DeadlinePolicy {
  legal: LegalTime;
  steps?: readonly StepBudget[];
}

/**
 * What happens to a dossier's clock, in time order (`at` = epoch ms, non-decreasing):
 * - `received`: a complete dossier is accepted (Mẫu 01); the clock starts and the first step begins.
 * - `supplement_requested`: processing needs more documents (Mẫu 02); the clock stops.
 * - `supplement_received`: the complete supplement arrives; the legal time restarts from zero, as does the current step's budget.
 * - `paused`: waiting for the applicant (e.g. fee payment, `reason`); the clock stops.
 * - `resumed`: the applicant acted; the remaining working time carries over, so every due moves by the working time spent paused.
 * - `redated`: an apology (Mẫu 04) sets `newDueAt`; allowed once per dossier and never earlier than the current due.
 * - `step_started`: hand-over to `step` (Mẫu 05); the previous step ends, the new one gets its budget from now.
 * - `finished`: the dossier ends (result, refusal, stop or withdrawal); the clock stops for good.
 */
export type ClockEvent =
  | { type: 'received'; at: number }
  | { type: 'supplement_requested'; at: number }
  | { type: 'supplement_received'; at: number }
  | { type: 'paused'; at: number; reason: string }
  | { type: 'resumed'; at: number }
  | { type: 'redated'; at: number; newDueAt: number; reason: string }
  | { type: 'step_started'; at: number; step: string }
  | { type: 'finished'; at: number };

/** Where the clock is. */
export type ClockPhase = 'not_started' | 'running' | 'awaiting_supplement' | 'paused' | 'finished';

/** One step's own clock. */
export interface StepClock {
  step: string;
  /** Working ms this step is given. */
  budgetMs: number;
  startedAt: number;
  dueAt: number;
  /** When the step was handed over or the dossier finished; null while open. */
  endedAt: number | null;
}

/** The apology that moved the due date. */
export interface Redate {
  at: number;
  previousDueAt: number;
  newDueAt: number;
  reason: string;
}

/** The folded state of a dossier's clock. */
export interface DeadlineState {
  phase: ClockPhase;
  /** Start of the current count: the receipt, or the last complete supplement. */
  startedAt: number | null;
  /** The due instant now in force (after pauses and re-dating). */
  dueAt: number | null;
  /** Working ms of the legal time from startedAt (what step budgets split). */
  legalWorkingMs: number;
  /** When the clock stopped (paused or awaiting a supplement); null while it runs. */
  stoppedAt: number | null;
  /** When the dossier finished. */
  finishedAt: number | null;
  /** The instant that is judged against the due: finish, or the stop it finished in. */
  judgedEndAt: number | null;
  supplementRequests: number;
  /** Working ms spent paused, excluded from the count. */
  pausedWorkingMs: number;
  redate: Redate | null;
  /** Steps in the order they ran; the last may be open. */
  steps: StepClock[];
  lastEventAt: number | null;
}

/** How a dossier or a step stands: early/on_time/late once ended (or late while open past due), else pending. */
export type DeadlineStatus = 'not_started' | 'pending' | 'early' | 'on_time' | 'late';

/** A judgement against a due, with the exact margin in working time (positive = time to spare, negative = late by). */
export interface DeadlineJudgement {
  status: DeadlineStatus;
  dueAt: number | null;
  /** The instant judged: the end, or `at` for an open clock (its stop instant when stopped). */
  judgedAt: number | null;
  marginWorkingMinutes: number;
  marginWorkingHours: number;
}

/** The dossier's judgement plus each step's, and whether the index must count it late (late, or more than one supplement request). */
export interface DeadlineClassification extends DeadlineJudgement {
  indexLate: boolean;
  steps: (DeadlineJudgement & { step: string })[];
}
