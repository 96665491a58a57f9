/**
 * The lifecycle state of one dossier: what the workflow and the deadline engine need, nothing about
 * the applicant or files (the server stores those beside it). Instants are epoch milliseconds.
 */
import type { ClockEvent } from '../calendar/deadline-events';
import type { Action } from './actions';
import type { Channel, ReturnMethod } from './channel';
import type { Status } from './status';

/** Where a dossier in processing stands inside the processing unit. */
export const STAGES = ['handling', 'review', 'approved'] as const;
/** A processing sub-step: being handled by a specialist, awaiting the leader, or signed. */
export type Stage = (typeof STAGES)[number];

/** One line of the control slip (Mẫu 05): a hand-over from one person or unit to the next. */
export interface HandOver {
  action: Action;
  at: number;
  giverId: string;
  receiverId: string | null;
  /** The unit receiving (differs from the dossier's unit for inter-agency transfers). */
  receiverUnit: string | null;
  /** The step that ends with this hand-over, and its due instant (null when the procedure has no step budgets). */
  step: string | null;
  stepDueAt: number | null;
  onTime: boolean | null;
}

/** An inter-agency (liên thông) transfer: the same dossier moves on, with the other agency's reference. */
export interface Transfer {
  at: number;
  fromUnit: string;
  toUnit: string;
  reference: string | null;
}

/** One performed action, kept with the dossier (the audit chain keeps its own copy). */
export interface HistoryEntry {
  action: Action;
  at: number;
  actorId: string;
  from: Status;
  to: Status;
  unitCode: string;
  /** The reason or note given with the action. */
  note: string | null;
  /** The items asked for by a supplement request (each once), else null. */
  items: string[] | null;
}

/** The issued result. */
export interface DossierResult {
  issuedAt: number;
  number: string | null;
  eResult: boolean;
}

/** How the result went back to the applicant. */
export interface ResultReturn {
  at: number;
  method: ReturnMethod;
  collectedBy: string | null;
  trackingNumber: string | null;
}

/** The lifecycle state of a dossier. */
export interface Dossier {
  /** `<unit code>-<YYMMDD>-<NNNN>`, given on accept; null while new. */
  code: string | null;
  /** The one-stop unit that received the dossier and keeps its number. */
  receivingUnitCode: string;
  /** The unit handling it now (changes on inter-agency transfer; the dossier stays one). */
  unitCode: string;
  status: Status;
  /** Incremented by every action; the API's optimistic-concurrency token. */
  version: number;
  channel: Channel;
  returnMethod: ReturnMethod;
  stage: Stage | null;
  /** Where receive_supplement and fee_paid go back to. */
  priorStatus: Status | null;
  /** Index of the current step in the procedure's step budgets. */
  stepIndex: number;
  /** Supplement requests during processing (more than one counts the dossier late). */
  supplementCount: number;
  /** Supplement requests at intake (Mẫu 02 before acceptance; no clock yet). */
  intakeSupplementCount: number;
  redateUsed: boolean;
  /** The clock events, in order, that `foldDeadline` turns into due instants. */
  clock: ClockEvent[];
  submittedAt: number;
  receivedAt: number | null;
  /** Checklist ids of the components received on acceptance (printed on Mẫu 01). */
  receivedComponents: string[];
  assigneeId: string | null;
  handovers: HandOver[];
  transfers: Transfer[];
  history: HistoryEntry[];
  result: DossierResult | null;
  returned: ResultReturn | null;
  /** The last fee demand (await_fee): when, the amount stated (null = the procedure's fixed fees) and why. Absent on older states. */
  feeDemand?: FeeDemand | null;
}

/** A fee demand made with await_fee; what is paid after it counts against it (core/payment/due.ts). */
export interface FeeDemand {
  at: number;
  amount: number | null;
  reason: string;
}

/** What a new dossier needs: who received it, how it came, how the result goes back, and when. */
export interface NewDossier {
  unitCode: string;
  channel: Channel;
  returnMethod: ReturnMethod;
  submittedAt: number;
}

/** A dossier in status new (counter and postal intake create it before the check; the portal on submission). */
export function newDossier(input: NewDossier): Dossier {
  return {
    code: null,
    receivingUnitCode: input.unitCode,
    unitCode: input.unitCode,
    status: 'new',
    version: 1,
    channel: input.channel,
    returnMethod: input.returnMethod,
    stage: null,
    priorStatus: null,
    stepIndex: 0,
    supplementCount: 0,
    intakeSupplementCount: 0,
    redateUsed: false,
    clock: [],
    submittedAt: input.submittedAt,
    receivedAt: null,
    receivedComponents: [],
    assigneeId: null,
    handovers: [],
    transfers: [],
    history: [],
    result: null,
    returned: null,
  };
}
