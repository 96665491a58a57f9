/** Which dossier actions the applicant hears about, and the facts each notification carries. */
import type { Action } from '@core/dossier/actions';
import type { Decision } from '@core/dossier/decide';
import type { DossierRow } from '../../db/tables/dossiers';
import type { NotificationEvent, NotificationRequest } from './enqueue';

/** The action → event table (issue 6: receipt, supplement request, fee due, result ready, apology; and refusal). */
export const ACTION_EVENTS: Partial<Record<Action, NotificationEvent>> = {
  accept: 'received',
  request_supplement: 'supplement_requested',
  request_supplement_processing: 'supplement_requested',
  await_fee: 'fee_due',
  issue_result: 'result_ready',
  apologise: 'apology',
  refuse: 'refused',
};

/**
 * Actions replayed by the demo seed (server/seed/dossiers.ts) carry this request id prefix: their
 * simulated history is not news to anyone, and notifying it would flood the simulated mailbox.
 */
const SIMULATED_HISTORY = 'demo-seed:';
/**
 * An action recorded at an instant this far from the wall clock is a replay (the seed, a test of
 * time), not news: the applicant is told what happens now. Requests always act at the wall clock.
 */
const REPLAY_DRIFT_MS = 60 * 60_000;

/** Whether a dossier's stored contact has anywhere to send to (an e-mail address or a phone number). */
export function hasContact(contact: unknown): boolean {
  const c = (contact ?? {}) as { email?: unknown; phone?: unknown };
  return (typeof c.email === 'string' && c.email.trim() !== '') || (typeof c.phone === 'string' && c.phone.trim() !== '');
}

/** Whether an action at `now` is a replay of history rather than something happening now. */
export function isReplay(who: { requestId: string; now: number }, wallClock: number): boolean {
  return who.requestId.startsWith(SIMULATED_HISTORY) || Math.abs(wallClock - who.now) > REPLAY_DRIFT_MS;
}

/**
 * The notification an action owes the applicant, or null (not an action they hear about, nowhere
 * to send it, or a replay of history). `row` is the dossier as written by the action.
 */
export function actionNotification(
  who: { requestId: string; now: number },
  row: Pick<DossierRow, 'id' | 'code' | 'due_at' | 'applicant_contact'>,
  action: string,
  decision: Pick<Decision, 'input'>,
  wallClock = Date.now(),
): NotificationRequest | null {
  const event = ACTION_EVENTS[action as Action];
  if (!event || !hasContact(row.applicant_contact) || isReplay(who, wallClock)) return null;
  const input = (decision.input ?? {}) as Record<string, unknown>;
  const pick = (...keys: string[]) => Object.fromEntries(keys.filter((k) => input[k] !== undefined && input[k] !== null).map((k) => [k, input[k]]));
  const common = { at: who.now, ...(row.code ? { code: row.code } : {}) };
  const specific: Record<NotificationEvent, Record<string, unknown>> = {
    submitted: {},
    received: row.due_at ? { dueAt: row.due_at.getTime() } : {},
    supplement_requested: pick('items', 'note'),
    fee_due: pick('amount', 'reason'),
    payment_received: {},
    result_ready: pick('number', 'eResult'),
    apology: pick('reason', 'newDueAt'),
    refused: pick('reason'),
    feedback_answered: {},
  };
  return { event, dossierId: row.id, data: { ...common, ...specific[event] } };
}
