/**
 * `decide`: the one pure function every dossier action goes through. It checks the workflow table
 * (status, role, stage), the action's input and rules, and returns the new state with the clock
 * events, forms and violations the action produces; or throws an AppError and changes nothing.
 */
import type { Role } from '../access/roles';
import { foldDeadline } from '../calendar/deadline';
import type { ClockEvent, DeadlineState } from '../calendar/deadline-events';
import { AppError } from '../errors/app-error';
import { ERRORS, type ErrorCode } from '../errors/catalogue';
import { type Action, type FormCode, isAction } from './actions';
import type { Actor, DecideContext } from './context';
import type { Dossier, HistoryEntry } from './dossier';
import { type Draft, EFFECTS } from './effects';
import { DEFAULT_HANDOVER_RULE, handOverDueAt } from './handover';
import { ACTION_INPUTS, type ActionInput } from './inputs';
import { detectViolations, type Violation } from './violations';
import { rolesAllow, stageAllows, type Transition, targetStatus, transitionOf } from './workflow';

/** The outcome of an action: the new state and what the server must store, issue and record. */
export interface Decision {
  dossier: Dossier;
  /** The history line appended (also the audit event's payload). */
  entry: HistoryEntry;
  /** Clock events this action appended to `dossier.clock`. */
  clockEvents: ClockEvent[];
  /** Forms to (re)issue as PDFs; Mẫu 05 whenever a control-slip line was added. */
  forms: FormCode[];
  /** Violations that this action made visible (not those the dossier already showed). */
  violations: Violation[];
  /** The deadline state after the action. */
  deadline: DeadlineState;
  /** The parsed input (items listed once, instants in ms): for the audit event and the forms. */
  input: unknown;
}

/** The transition an actor may take, or throws DOSSIER_ACTION_UNKNOWN / _NOT_ALLOWED / DOSSIER_ROLE_NOT_ALLOWED / DOSSIER_STAGE_INVALID. */
export function authorize(dossier: Pick<Dossier, 'status' | 'stage'>, action: string, roles: readonly Role[]): Transition {
  if (!isAction(action)) throw new AppError('DOSSIER_ACTION_UNKNOWN', { params: { action } });
  const params = { action, status: dossier.status };
  const t = transitionOf(dossier.status, action);
  if (!t) throw new AppError('DOSSIER_ACTION_NOT_ALLOWED', { message: `${action} in ${dossier.status}`, params });
  if (!rolesAllow(t, roles)) throw new AppError('DOSSIER_ROLE_NOT_ALLOWED', { message: `${action} by ${roles.join(',')}`, params });
  if (!stageAllows(t, dossier)) throw new AppError('DOSSIER_STAGE_INVALID', { message: `${action} at ${dossier.stage}`, params });
  return t;
}

/** Parses an action's input; a schema issue naming one of our codes becomes that code, else VALIDATION_FAILED. */
export function parseActionInput<A extends Action>(action: A, raw: unknown): ActionInput<A> {
  const parsed = ACTION_INPUTS[action].safeParse(raw ?? {});
  if (parsed.success) return parsed.data as ActionInput<A>;
  const fields = parsed.error.issues.map((i) => ({ field: i.path.join('.') || '(body)', code: i.code as string, message: i.message }));
  const own = fields.map((f) => f.message).find((m): m is ErrorCode => m in ERRORS);
  throw new AppError(own ?? 'VALIDATION_FAILED', { message: `${action}: ${fields.map((f) => f.field).join(', ')}`, fields });
}

/** Moves the step pointer as the transition says, recording the step start on the clock. */
function moveStep(x: Draft, t: Transition): void {
  const steps = x.ctx.policy.steps ?? [];
  const to = t.step === 'next' ? x.d.stepIndex + 1 : t.step === 'back' ? x.d.stepIndex - 1 : x.d.stepIndex;
  if (to === x.d.stepIndex || to < 0 || to >= steps.length) return;
  x.d.stepIndex = to;
  if (x.before.phase === 'running') x.events.push({ type: 'step_started', at: x.ctx.now, step: steps[to]!.step });
}

/** Adds the control-slip line of a hand-over: the step it ends, that step's due and whether it was met. */
function recordHandOver(x: Draft, action: Action): void {
  if (!x.receiver) return;
  const { calendar, now } = x.ctx;
  const open = x.before.steps.at(-1)?.endedAt === null ? x.before.steps.at(-1)! : null;
  const stepDueAt =
    action === 'hand_over'
      ? handOverDueAt(calendar, x.d.channel, x.d.receivedAt!, x.ctx.handOverRule ?? DEFAULT_HANDOVER_RULE)
      : (open?.dueAt ?? null);
  x.d.handovers = [
    ...x.d.handovers,
    {
      action,
      at: now,
      giverId: x.actor.id,
      receiverId: x.receiver.id,
      receiverUnit: x.receiver.unit,
      step: open?.step ?? null,
      stepDueAt,
      onTime: stepDueAt === null ? null : now <= stepDueAt,
    },
  ];
  x.forms.push('mau_05');
}

/**
 * Decides one action on a dossier. Checks, in order: the version the caller saw, the workflow
 * table, the input, then the action's own rules; any failure throws and nothing changes.
 */
export function decide(dossier: Dossier, action: string, actor: Actor, input: unknown, ctx: DecideContext): Decision {
  if (ctx.expectedVersion !== undefined && ctx.expectedVersion !== dossier.version) {
    throw new AppError('DOSSIER_VERSION_STALE', { message: `version ${ctx.expectedVersion} ≠ ${dossier.version}` });
  }
  const t = authorize(dossier, action, actor.roles);
  const a = action as Action;
  const parsed = parseActionInput(a, input);
  const { calendar, policy, now } = ctx;
  const before = foldDeadline(calendar, policy, dossier.clock);
  const d: Dossier = { ...dossier };
  const said = parsed as { note?: string; reason?: string; items?: string[] };
  const note = said.reason ?? said.note ?? null;
  const x: Draft = { d, before, actor, ctx, events: [], forms: [], note, receiver: null };
  (EFFECTS[a] as (x: Draft, input: unknown) => void)(x, parsed);

  const to = targetStatus(t, dossier);
  // a wait remembers where the dossier goes back to when the applicant acts
  if (to === 'supplement_requested' || to === 'awaiting_fee') d.priorStatus = dossier.status;
  else if (t.to === 'prior') d.priorStatus = null;
  if (t.stage !== undefined) d.stage = t.stage;
  moveStep(x, t);
  recordHandOver(x, a);

  d.status = to;
  d.version = dossier.version + 1;
  d.clock = [...dossier.clock, ...x.events];
  // folding validates the new events against the engine (e.g. a re-date earlier than the due)
  const deadline = foldDeadline(calendar, policy, d.clock);
  const entry: HistoryEntry = { action: a, at: now, actorId: actor.id, from: dossier.status, to, unitCode: dossier.unitCode, note: x.note, items: said.items ?? null };
  d.history = [...dossier.history, entry];

  const vctx = { calendar, policy, handOverRule: ctx.handOverRule };
  // a dossier has at most one violation per kind: report the kinds not visible at its previous action
  const lastAt = dossier.history.at(-1)?.at ?? dossier.submittedAt;
  const known = new Set(detectViolations(dossier, vctx, lastAt).map((v) => v.kind));
  const violations = detectViolations(d, vctx, now).filter((v) => !known.has(v.kind));
  return { dossier: d, entry, clockEvents: x.events, forms: x.forms, violations, deadline, input: parsed };
}
