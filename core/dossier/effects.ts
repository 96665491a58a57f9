/**
 * What each action does beyond the status change of the workflow table: its preconditions that
 * need the clock or the input, the clock events it records and the forms it issues. Each effect
 * mutates a draft copy; `decide` builds the draft and checks the table first.
 */
import type { ClockEvent, DeadlineState } from '../calendar/deadline-events';
import { formatInstant } from '../calendar/time';
import { AppError } from '../errors/app-error';
import type { Action, FormCode } from './actions';
import type { Actor, DecideContext } from './context';
import { apologyDeadline, supplementDeadline } from './deadline-rules';
import type { Dossier } from './dossier';
import { formatDossierCode, parseDossierCode } from './dossier-code';
import type { ActionInput } from './inputs';

/** The working copy an effect changes. */
export interface Draft {
  d: Dossier;
  before: DeadlineState;
  actor: Actor;
  ctx: DecideContext;
  events: ClockEvent[];
  forms: FormCode[];
  note: string | null;
  /** Set when the action gives the dossier to someone: a control-slip (Mẫu 05) line. */
  receiver: { id: string | null; unit: string | null } | null;
}

type Effect<A extends Action> = (x: Draft, input: ActionInput<A>) => void;

const clockRuns = (x: Draft) => x.before.phase === 'running';
const clockOpen = (x: Draft) => x.before.phase !== 'not_started' && x.before.phase !== 'finished';

function finish(x: Draft): void {
  if (clockOpen(x)) x.events.push({ type: 'finished', at: x.ctx.now });
}

function accept(x: Draft, input: ActionInput<'accept'>): void {
  const { now, components = [] } = x.ctx;
  const known = new Set(components.map((c) => c.id));
  const unknown = input.components.find((c) => !known.has(c));
  if (unknown !== undefined) throw new AppError('DOSSIER_COMPONENT_UNKNOWN', { params: { component: unknown } });
  const ticked = new Set(input.components);
  const missing = components.filter((c) => c.required && !ticked.has(c.id));
  if (missing.length > 0) {
    throw new AppError('DOSSIER_COMPONENTS_MISSING', {
      params: { items: missing.map((c) => c.name).join('; ') },
      fields: missing.map((c) => ({ field: `components.${c.id}`, code: 'DOSSIER_COMPONENTS_MISSING', message: c.name })),
    });
  }
  const code = input.code.trim();
  // a dossier numbered at submission (online) keeps its code
  if (x.d.code !== null) {
    if (code !== x.d.code) throw new AppError('DOSSIER_CODE_INVALID', { message: `${code} is not the code ${x.d.code} given at submission` });
  } else if (formatDossierCode(x.d.receivingUnitCode, now, parseDossierCode(code).sequence) !== code) {
    // the sequence is the caller's; the unit and the local date of receipt are not
    throw new AppError('DOSSIER_CODE_INVALID', { message: `${code} is not a code of ${x.d.receivingUnitCode} on this day` });
  }
  x.d.code = code;
  x.d.receivedAt = now;
  x.d.receivedComponents = [...new Set(input.components)];
  x.events.push({ type: 'received', at: now });
  // an immediate result needs no receipt unless the applicant asks for one
  if (x.ctx.policy.legal.amount > 0 || input.receipt) x.forms.push('mau_01');
}

function requestSupplementProcessing(x: Draft): void {
  const { calendar, now } = x.ctx;
  if (now > supplementDeadline(calendar, x.d.receivedAt!)) throw new AppError('DOSSIER_SUPPLEMENT_TOO_LATE');
  x.d.supplementCount += 1;
  x.events.push({ type: 'supplement_requested', at: now });
  x.forms.push('mau_02');
}

function apologise(x: Draft, input: ActionInput<'apologise'>): void {
  const { calendar, now } = x.ctx;
  if (x.d.redateUsed || x.before.redate) throw new AppError('DOSSIER_APOLOGY_ALREADY_ISSUED');
  const due = x.before.dueAt!;
  if (now > apologyDeadline(calendar, due)) {
    const iso = formatInstant(due);
    // "09:15 16/03/2026" reads the same in both languages of the message
    const dueAt = `${iso.slice(11, 16)} ${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
    throw new AppError('DOSSIER_APOLOGY_TOO_LATE', { message: `apology after ${iso}`, params: { dueAt } });
  }
  if (input.newDueAt <= due) throw new AppError('DEADLINE_REDATE_EARLIER', { message: `${input.newDueAt} <= ${due}` });
  x.d.redateUsed = true;
  x.events.push({ type: 'redated', at: now, newDueAt: input.newDueAt, reason: input.reason });
  x.forms.push('mau_04');
}

function returnResult(x: Draft, input: ActionInput<'return_result'>): void {
  const method = input.method ?? x.d.returnMethod;
  const missing = (field: string, what: string): never => {
    throw new AppError('DOSSIER_RETURN_DETAILS_REQUIRED', {
      message: `${method} return without ${field}`,
      params: { field },
      fields: [{ field, code: 'DOSSIER_RETURN_DETAILS_REQUIRED', message: what }],
    });
  };
  if (method === 'counter' && !input.collectedBy) missing('collectedBy', 'Người nhận kết quả');
  if (method === 'post' && !input.trackingNumber) missing('trackingNumber', 'Số hiệu bưu gửi');
  if (method === 'online' && !x.d.result?.eResult) missing('eResult', 'Kết quả điện tử');
  x.d.returned = { at: x.ctx.now, method, collectedBy: input.collectedBy ?? null, trackingNumber: input.trackingNumber ?? null };
}

/** The effect of every action. */
export const EFFECTS: { [A in Action]: Effect<A> } = {
  accept,
  request_supplement: (x) => {
    x.d.intakeSupplementCount += 1;
    x.forms.push('mau_02');
  },
  refuse: (x) => void x.forms.push('mau_03'),
  hand_over: (x, input) => {
    if (input.toUnit) x.d.unitCode = input.toUnit;
    x.receiver = { id: input.receiverId ?? null, unit: x.d.unitCode };
  },
  assign: (x, input) => {
    x.d.assigneeId = input.assigneeId;
    x.receiver = { id: input.assigneeId, unit: x.d.unitCode };
  },
  submit_review: (x, input) => {
    x.receiver = { id: input.receiverId ?? null, unit: x.d.unitCode };
  },
  approve: (x) => {
    x.receiver = { id: null, unit: x.d.unitCode };
  },
  return_for_rework: (x) => {
    x.receiver = { id: x.d.assigneeId, unit: x.d.unitCode };
  },
  request_supplement_processing: requestSupplementProcessing,
  receive_supplement: (x) => {
    if (x.before.phase === 'awaiting_supplement') x.events.push({ type: 'supplement_received', at: x.ctx.now });
  },
  await_fee: (x, input) => {
    if (clockRuns(x)) x.events.push({ type: 'paused', at: x.ctx.now, reason: input.reason });
    x.d.feeDemand = { at: x.ctx.now, amount: input.amount ?? null, reason: input.reason };
  },
  fee_paid: (x) => {
    if (x.before.phase === 'paused') x.events.push({ type: 'resumed', at: x.ctx.now });
  },
  apologise,
  transfer_interagency: (x, input) => {
    if (input.toUnit === x.d.unitCode) throw new AppError('DOSSIER_TRANSFER_TARGET_INVALID');
    x.d.transfers = [...x.d.transfers, { at: x.ctx.now, fromUnit: x.d.unitCode, toUnit: input.toUnit, reference: input.reference ?? null }];
    x.receiver = { id: null, unit: input.toUnit };
    x.d.unitCode = input.toUnit;
    x.d.assigneeId = null;
  },
  stop: (x) => {
    finish(x);
    x.forms.push('mau_03');
  },
  withdraw: finish,
  issue_result: (x, input) => {
    x.d.result = { issuedAt: x.ctx.now, number: input.number ?? null, eResult: input.eResult };
    x.receiver = { id: null, unit: x.d.receivingUnitCode };
    finish(x);
  },
  return_result: returnResult,
};
