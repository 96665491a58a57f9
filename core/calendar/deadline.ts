/**
 * The deadline engine: a pure fold of a dossier's clock events into its due instants, and the
 * classification early / on_time / late with the exact margin in working time. Pauses are measured
 * in working time for every unit, so a pause that spans no working time changes nothing.
 */
import { AppError } from '../errors/app-error';
import type {
  ClockEvent,
  ClockPhase,
  DeadlineClassification,
  DeadlineJudgement,
  DeadlinePolicy,
  DeadlineState,
  LegalTime,
  StepBudget,
  StepClock,
} from './deadline-events';
import { DUE_UNITS, dueAtMs } from './due';
import { localDay, MINUTE_MS } from './time';
import type { WorkingCalendar } from './working-calendar';

/** The state before any event. */
export function initialDeadlineState(): DeadlineState {
  return {
    phase: 'not_started',
    startedAt: null,
    dueAt: null,
    legalWorkingMs: 0,
    stoppedAt: null,
    finishedAt: null,
    judgedEndAt: null,
    supplementRequests: 0,
    pausedWorkingMs: 0,
    redate: null,
    steps: [],
    lastEventAt: null,
  };
}

/** Throws DEADLINE_BUDGET_INVALID unless the legal time and step shares make sense. */
export function assertPolicy(policy: DeadlinePolicy): void {
  const { amount, unit } = policy.legal;
  const bad = (why: string): never => {
    throw new AppError('DEADLINE_BUDGET_INVALID', { message: why });
  };
  if (!Number.isSafeInteger(amount) || amount < 0) bad(`legal amount ${amount}`);
  if (!DUE_UNITS.includes(unit)) bad(`legal unit ${unit}`);
  const steps = policy.steps ?? [];
  if (new Set(steps.map((s) => s.step)).size !== steps.length) bad('duplicate step');
  for (const s of steps) if (!(Number.isFinite(s.share) && s.share > 0)) bad(`share of ${s.step}`);
}

/** Legal due from a start; amount 0 (immediate) is due at the end of the working day counting starts on. */
export function legalDue(cal: WorkingCalendar, legal: LegalTime, startMs: number): number {
  if (legal.amount === 0) return cal.endOfWorkingDay(localDay(cal.countingStart(startMs)));
  return dueAtMs(cal, startMs, legal.amount, legal.unit);
}

/** Splits total working ms across steps by share, rounded to whole minutes cumulatively so the parts sum to the total. */
export function splitBudget(totalMs: number, steps: readonly StepBudget[]): number[] {
  const sum = steps.reduce((n, s) => n + s.share, 0);
  const out: number[] = [];
  let cum = 0;
  let prev = 0;
  for (const [i, s] of steps.entries()) {
    cum += s.share;
    const edge = i === steps.length - 1 ? totalMs : Math.round((totalMs * cum) / sum / MINUTE_MS) * MINUTE_MS;
    out.push(edge - prev);
    prev = edge;
  }
  return out;
}

/** Starts (or restarts from zero) the count at `at`. */
function startCount(cal: WorkingCalendar, policy: DeadlinePolicy, s: DeadlineState, at: number): void {
  s.phase = 'running';
  s.stoppedAt = null;
  s.startedAt = at;
  s.dueAt = legalDue(cal, policy.legal, at);
  s.legalWorkingMs = cal.workingMsBetween(at, s.dueAt);
}

function invalid(event: ClockEvent, phase: ClockPhase, why = `in phase ${phase}`): never {
  throw new AppError('DEADLINE_EVENT_INVALID', { message: `${event.type}: ${why}`, params: { event: event.type } });
}

function budgetOf(policy: DeadlinePolicy, s: DeadlineState, step: string): number {
  const steps = policy.steps ?? [];
  const i = steps.findIndex((b) => b.step === step);
  if (i < 0) throw new AppError('DEADLINE_STEP_UNKNOWN', { message: `unknown step ${step}`, params: { step } });
  return splitBudget(s.legalWorkingMs, steps)[i]!;
}

function startStep(cal: WorkingCalendar, policy: DeadlinePolicy, s: DeadlineState, step: string, at: number): StepClock {
  const budgetMs = budgetOf(policy, s, step);
  return { step, budgetMs, startedAt: at, dueAt: cal.addWorking(at, budgetMs), endedAt: null };
}

/** Applies one event to a state, returning a new state; throws on an event the state does not allow. */
export function applyClockEvent(cal: WorkingCalendar, policy: DeadlinePolicy, state: DeadlineState, e: ClockEvent): DeadlineState {
  const phase = state.phase;
  if (state.lastEventAt !== null && e.at < state.lastEventAt) invalid(e, phase, 'out of time order');
  const s: DeadlineState = { ...state, steps: state.steps.map((x) => ({ ...x })), lastEventAt: e.at };
  const open = s.steps.at(-1)?.endedAt === null ? s.steps.at(-1)! : null;
  switch (e.type) {
    case 'received': {
      if (phase !== 'not_started') invalid(e, phase);
      startCount(cal, policy, s, e.at);
      const first = policy.steps?.[0];
      if (first) s.steps.push(startStep(cal, policy, s, first.step, e.at));
      return s;
    }
    case 'supplement_requested':
      if (phase !== 'running') invalid(e, phase);
      s.phase = 'awaiting_supplement';
      s.stoppedAt = e.at;
      s.supplementRequests += 1;
      return s;
    case 'supplement_received': {
      if (phase !== 'awaiting_supplement') invalid(e, phase);
      // restart from zero: the time used before the request no longer counts
      startCount(cal, policy, s, e.at);
      if (open) s.steps[s.steps.length - 1] = startStep(cal, policy, s, open.step, e.at);
      return s;
    }
    case 'paused':
      if (phase !== 'running') invalid(e, phase);
      s.phase = 'paused';
      s.stoppedAt = e.at;
      return s;
    case 'resumed': {
      if (phase !== 'paused') invalid(e, phase);
      // shifting by the paused working time keeps the remaining time; zero working time keeps the exact due
      const shift = cal.workingMsBetween(state.stoppedAt!, e.at);
      s.phase = 'running';
      s.stoppedAt = null;
      s.pausedWorkingMs += shift;
      s.dueAt = cal.addWorking(s.dueAt!, shift);
      if (open) open.dueAt = cal.addWorking(open.dueAt, shift);
      return s;
    }
    case 'redated':
      if (phase !== 'running' && phase !== 'paused') invalid(e, phase);
      if (s.redate) throw new AppError('DEADLINE_REDATE_ALREADY_USED', { message: 'second re-dating' });
      if (e.newDueAt < s.dueAt!) throw new AppError('DEADLINE_REDATE_EARLIER', { message: `${e.newDueAt} < ${s.dueAt}` });
      s.redate = { at: e.at, previousDueAt: s.dueAt!, newDueAt: e.newDueAt, reason: e.reason };
      s.dueAt = e.newDueAt;
      return s;
    case 'step_started':
      if (phase !== 'running') invalid(e, phase);
      if (open) open.endedAt = e.at;
      s.steps.push(startStep(cal, policy, s, e.step, e.at));
      return s;
    case 'finished':
      if (phase === 'not_started' || phase === 'finished') invalid(e, phase);
      s.phase = 'finished';
      s.finishedAt = e.at;
      // a dossier ending while its clock is stopped is judged at the stop: waiting time is excluded
      s.judgedEndAt = s.stoppedAt ?? e.at;
      if (open) open.endedAt = e.at;
      return s;
  }
}

/** Folds a dossier's events (in time order) into its deadline state. */
export function foldDeadline(cal: WorkingCalendar, policy: DeadlinePolicy, events: readonly ClockEvent[]): DeadlineState {
  assertPolicy(policy);
  return events.reduce((s, e) => applyClockEvent(cal, policy, s, e), initialDeadlineState());
}

/** Judges an end (or an open clock at `at`) against a due, with the margin in working time. */
export function judge(cal: WorkingCalendar, dueAt: number, end: number, ended: boolean): DeadlineJudgement {
  const marginMs = cal.workingMsBetween(end, dueAt);
  let status: DeadlineJudgement['status'];
  if (end > dueAt) status = 'late';
  else if (!ended) status = 'pending';
  else status = localDay(end) < localDay(dueAt) ? 'early' : 'on_time';
  return { status, dueAt, judgedAt: end, marginWorkingMinutes: marginMs / MINUTE_MS, marginWorkingHours: marginMs / 3_600_000 };
}

/**
 * Classifies a state: finished dossiers by their judged end; open ones as of `at` (an open dossier
 * past its due is already late; a stopped clock is judged at its stop). Early = ended on a date before
 * the due date; on_time = ended on the due date, no later than the due instant.
 */
export function classifyDeadline(cal: WorkingCalendar, state: DeadlineState, at: number): DeadlineClassification {
  if (state.phase === 'not_started' || state.dueAt === null) {
    const none = { status: 'not_started' as const, dueAt: null, judgedAt: null, marginWorkingMinutes: 0, marginWorkingHours: 0 };
    return { ...none, indexLate: false, steps: [] };
  }
  const ended = state.phase === 'finished';
  const end = ended ? state.judgedEndAt! : (state.stoppedAt ?? at);
  const overall = judge(cal, state.dueAt, end, ended);
  const steps = state.steps.map((st) => ({ step: st.step, ...judge(cal, st.dueAt, st.endedAt ?? end, st.endedAt !== null) }));
  return { ...overall, indexLate: overall.status === 'late' || state.supplementRequests > 1, steps };
}
