/**
 * The dossier state machine as data: per status, the actions allowed, the roles that may take each,
 * the status it leads to and, inside processing, the stage it needs and sets. Read by the API
 * (`availableActions`, `decide`) and by the UI to show the buttons.
 */
import type { Role } from '../access/roles';
import type { Action } from './actions';
import type { Dossier, Stage } from './dossier';
import type { Status } from './status';

/** One allowed action in one status. `to: 'prior'` goes back to the status before the wait. */
export interface Transition {
  roles: readonly Role[];
  to: Status | 'prior';
  /** Processing stages the action needs (any when absent). */
  stages?: readonly Stage[];
  /** The stage after the action (unchanged when absent). */
  stage?: Stage | null;
  /** Whether the dossier moves to the next or previous step of the procedure (a control-slip line). */
  step?: 'next' | 'back';
}

const ONESTOP = ['onestop_officer'] as const;
const LEADERS = ['unit_leader', 'agency_head'] as const;
const SIGNERS = ['unit_leader', 'agency_head', 'city_leader'] as const;
const HANDLERS = ['specialist', 'unit_leader'] as const;

/** The workflow table. Statuses with no entry are final. */
export const AVAILABLE_ACTIONS = {
  new: {
    accept: { roles: ONESTOP, to: 'accepted' },
    request_supplement: { roles: ONESTOP, to: 'supplement_requested' },
    refuse: { roles: ONESTOP, to: 'not_accepted' },
    withdraw: { roles: ONESTOP, to: 'withdrawn' },
  },
  accepted: {
    hand_over: { roles: ONESTOP, to: 'processing', stage: 'handling', step: 'next' },
    await_fee: { roles: ONESTOP, to: 'awaiting_fee' },
    withdraw: { roles: ONESTOP, to: 'withdrawn' },
  },
  not_accepted: {},
  processing: {
    assign: { roles: LEADERS, to: 'processing', stages: ['handling'] },
    submit_review: { roles: ['specialist'], to: 'processing', stages: ['handling'], stage: 'review', step: 'next' },
    approve: { roles: SIGNERS, to: 'processing', stages: ['review'], stage: 'approved', step: 'next' },
    return_for_rework: { roles: SIGNERS, to: 'processing', stages: ['review'], stage: 'handling', step: 'back' },
    request_supplement_processing: { roles: HANDLERS, to: 'supplement_requested', stages: ['handling', 'review'] },
    await_fee: { roles: HANDLERS, to: 'awaiting_fee' },
    apologise: { roles: LEADERS, to: 'processing' },
    transfer_interagency: { roles: LEADERS, to: 'processing', stages: ['handling'] },
    stop: { roles: LEADERS, to: 'stopped' },
    withdraw: { roles: ONESTOP, to: 'withdrawn' },
    issue_result: { roles: HANDLERS, to: 'processed', stages: ['approved'], stage: null },
  },
  supplement_requested: {
    receive_supplement: { roles: ['onestop_officer', 'specialist'], to: 'prior' },
    stop: { roles: LEADERS, to: 'stopped' },
    withdraw: { roles: ONESTOP, to: 'withdrawn' },
  },
  awaiting_fee: {
    fee_paid: { roles: ['onestop_officer', 'specialist'], to: 'prior' },
    apologise: { roles: LEADERS, to: 'awaiting_fee' },
    stop: { roles: LEADERS, to: 'stopped' },
    withdraw: { roles: ONESTOP, to: 'withdrawn' },
  },
  withdrawn: {},
  stopped: {},
  processed: {
    return_result: { roles: ONESTOP, to: 'returned' },
  },
  returned: {},
} as const satisfies Record<Status, Partial<Record<Action, Transition>>>;

/** The transition for an action in a status, or null when the status does not allow it. */
export function transitionOf(status: Status, action: Action): Transition | null {
  const row: Partial<Record<Action, Transition>> = AVAILABLE_ACTIONS[status];
  return row[action] ?? null;
}

/** True when one of the roles may take the transition. */
export function rolesAllow(t: Transition, roles: readonly Role[]): boolean {
  return t.roles.some((r) => roles.includes(r));
}

/** True when the dossier's processing stage suits the transition. */
export function stageAllows(t: Transition, dossier: Pick<Dossier, 'stage'>): boolean {
  return !t.stages || (dossier.stage !== null && t.stages.includes(dossier.stage));
}

/**
 * The actions the caller may take now: allowed in the status, for one of the roles, at the
 * current stage. Rules that need the clock (apology timing, the 3-day supplement window) are
 * checked by `decide`, which answers with a precise error.
 */
export function availableActions(dossier: Pick<Dossier, 'status' | 'stage'>, roles: readonly Role[]): Action[] {
  const row: Partial<Record<Action, Transition>> = AVAILABLE_ACTIONS[dossier.status];
  return (Object.entries(row) as [Action, Transition][]).filter(([, t]) => rolesAllow(t, roles) && stageAllows(t, dossier)).map(([a]) => a);
}

/** The status an action leads to from a dossier (resolving `prior`). */
export function targetStatus(t: Transition, dossier: Pick<Dossier, 'status' | 'priorStatus'>): Status {
  return t.to === 'prior' ? (dossier.priorStatus ?? dossier.status) : t.to;
}

/**
 * The unit whose scope decides whether a person may act with a role: one-stop officers act for the
 * unit that received the dossier (they keep intake, withdrawal and return), everyone else for the
 * unit handling it now.
 */
export function actingUnit(dossier: Pick<Dossier, 'receivingUnitCode' | 'unitCode'>, role: Role): string {
  return role === 'onestop_officer' ? dossier.receivingUnitCode : dossier.unitCode;
}
