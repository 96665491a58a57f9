/**
 * Test factories for the dossier domain (used by core and server tests): a calendar, a procedure
 * policy, actors per role, a valid input for every action, and dossiers walked to any status by
 * `decide` itself, so fixtures can never hold a state the workflow cannot reach.
 */
import type { Role } from '../access/roles';
import { foldDeadline } from '../calendar/deadline';
import type { DeadlinePolicy } from '../calendar/deadline-events';
import { formatInstant, HOUR_MS, parseInstant } from '../calendar/time';
import { WorkingCalendar } from '../calendar/working-calendar';
import type { Action } from './actions';
import type { Actor, DecideContext, ProcedureComponent } from './context';
import { decide } from './decide';
import { type Dossier, newDossier, type Stage } from './dossier';
import { formatDossierCode } from './dossier-code';
import type { Status } from './status';

/** The receiving one-stop unit. */
export const UNIT = '000.00.15.H26';
/** Another agency, for inter-agency transfers. */
export const OTHER_UNIT = '000.00.16.H26';
/** One shared calendar (default holidays, 08:00–12:00, 13:00–17:00). */
export const CAL = new WorkingCalendar({ years: { from: 2026, to: 2027 } });
/** 10 working days split over five steps. */
export const POLICY: DeadlinePolicy = {
  legal: { amount: 10, unit: 'working_days' },
  steps: [
    { step: 'reception', share: 0.5 },
    { step: 'handling', share: 6 },
    { step: 'review', share: 1.5 },
    { step: 'approval', share: 1 },
    { step: 'issue', share: 1 },
  ],
};
/** The procedure's checklist: two required components, one optional. */
export const COMPONENTS: readonly ProcedureComponent[] = [
  { id: 'don', name: 'Đơn đề nghị cấp phép', required: true },
  { id: 'cccd', name: 'Bản sao Căn cước công dân', required: true },
  { id: 'khac', name: 'Giấy tờ khác (nếu có)', required: false },
];

/** Epoch ms of an ISO instant. */
export const at = parseInstant;
/** Monday 2 March 2026, 09:00 in Hải Phòng: a plain working day. */
export const T0 = at('2026-03-02T09:00:00+07:00');

/** An actor holding one role. */
export const actor = (role: Role, id = `u-${role}`): Actor => ({ id, roles: [role] });
/** A one-stop officer. */
export const ONESTOP = actor('onestop_officer');
/** A specialist. */
export const SPECIALIST = actor('specialist');
/** A unit leader. */
export const LEADER = actor('unit_leader');

/** A decide context at `now`. */
export const ctxAt = (now: number, extra: Partial<DecideContext> = {}): DecideContext => ({
  now,
  calendar: CAL,
  policy: POLICY,
  components: COMPONENTS,
  ...extra,
});

/** A valid input for every action on a dossier at `now`. */
export function validInput(action: Action, d: Dossier, now: number): unknown {
  switch (action) {
    case 'accept':
      return { code: formatDossierCode(d.receivingUnitCode, now, 1), components: ['don', 'cccd'] };
    case 'request_supplement':
    case 'request_supplement_processing':
      return { items: ['Bản sao Căn cước công dân'] };
    case 'apologise': {
      const due = foldDeadline(CAL, POLICY, d.clock).dueAt!;
      return { reason: 'Cần xác minh thực địa', newDueAt: formatInstant(CAL.addWorking(due, 3 * CAL.dayLengthMs)) };
    }
    case 'refuse':
    case 'return_for_rework':
    case 'stop':
    case 'await_fee':
      return { reason: 'Lý do theo quy định' };
    case 'hand_over':
    case 'submit_review':
      return { receiverId: 'u-unit_leader' };
    case 'assign':
      return { assigneeId: 'u-specialist' };
    case 'fee_paid':
      return { method: 'online' };
    case 'transfer_interagency':
      return { toUnit: OTHER_UNIT, reference: 'LT-2026-001' };
    case 'issue_result':
      return { number: '15/GP-UBND', eResult: true };
    case 'return_result':
      return { collectedBy: 'Nguyễn Thị Hường' };
    default:
      return {};
  }
}

const WHO: Record<Action, Actor> = {
  accept: ONESTOP,
  request_supplement: ONESTOP,
  refuse: ONESTOP,
  hand_over: ONESTOP,
  assign: LEADER,
  submit_review: SPECIALIST,
  approve: LEADER,
  return_for_rework: LEADER,
  request_supplement_processing: SPECIALIST,
  receive_supplement: ONESTOP,
  await_fee: SPECIALIST,
  fee_paid: ONESTOP,
  apologise: LEADER,
  transfer_interagency: LEADER,
  stop: LEADER,
  withdraw: ONESTOP,
  issue_result: SPECIALIST,
  return_result: ONESTOP,
};

/** Applies actions in turn, one every `stepMs`, each by a role allowed to and with a valid input. */
export function walk(actions: readonly Action[], start = T0, stepMs = HOUR_MS / 4): { dossier: Dossier; now: number } {
  let d = newDossier({ unitCode: UNIT, channel: 'counter', returnMethod: 'counter', submittedAt: start });
  let now = start;
  for (const a of actions) {
    now += stepMs;
    d = decide(d, a, WHO[a], validInput(a, d, now), ctxAt(now)).dossier;
  }
  return { dossier: d, now: now + stepMs };
}

const TO_PROCESSING: Action[] = ['accept', 'hand_over', 'assign'];

/** Paths from new to each status (and processing stage). */
export const PATHS: Record<Status, Action[]> & Record<`processing:${Stage}`, Action[]> = {
  new: [],
  accepted: ['accept'],
  not_accepted: ['refuse'],
  processing: TO_PROCESSING,
  'processing:handling': TO_PROCESSING,
  'processing:review': [...TO_PROCESSING, 'submit_review'],
  'processing:approved': [...TO_PROCESSING, 'submit_review', 'approve'],
  supplement_requested: [...TO_PROCESSING, 'request_supplement_processing'],
  awaiting_fee: [...TO_PROCESSING, 'await_fee'],
  withdrawn: ['withdraw'],
  stopped: [...TO_PROCESSING, 'stop'],
  processed: [...TO_PROCESSING, 'submit_review', 'approve', 'issue_result'],
  returned: [...TO_PROCESSING, 'submit_review', 'approve', 'issue_result', 'return_result'],
};

/** A dossier in a status (processing at a given stage), and an instant shortly after its last action. */
export function dossierIn(status: Status, stage: Stage = 'handling'): { dossier: Dossier; now: number } {
  return walk(status === 'processing' ? PATHS[`processing:${stage}`] : PATHS[status]);
}
