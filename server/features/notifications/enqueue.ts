import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import { insertJob } from '../../jobs/queries';

/** The job kind that delivers one notification (e-mail and/or SMS) to a dossier's applicant. */
export const NOTIFY_JOB = 'notify';

/** What happened that the applicant must hear about (issue 6: receipt, supplement, fee, result, apology). */
export const NOTIFICATION_EVENTS = [
  'submitted',
  'received',
  'supplement_requested',
  'fee_due',
  'payment_received',
  'result_ready',
  'apology',
  'refused',
  'feedback_answered',
] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

export interface NotificationRequest {
  event: NotificationEvent;
  dossierId: string;
  /** Event-specific facts for the message (due date, amount, items…); no secrets except the lookup secret on `submitted`. */
  data?: Record<string, unknown>;
}

/**
 * Schedules a notification inside the caller's transaction (outbox): it is sent exactly when the
 * change that caused it commits, by the `notify` job (server/features/notifications), with retries.
 */
export async function enqueueNotification(trx: Transaction<DB>, n: NotificationRequest): Promise<void> {
  await insertJob(trx, { kind: NOTIFY_JOB, payload: n });
}

/**
 * Schedules several notifications with one statement, inside the caller's transaction: for a caller
 * that writes many dossiers at once (the counter intake's group commit). Nothing when the list is empty.
 */
export async function enqueueNotifications(trx: Transaction<DB>, ns: readonly NotificationRequest[]): Promise<void> {
  if (ns.length === 0) return;
  // due now by this process's clock, as insertJob does (the database's now() may run ahead of it)
  const runAt = new Date();
  await trx
    .insertInto('jobs')
    .values(ns.map((n) => ({ kind: NOTIFY_JOB, payload: JSON.stringify(n), run_at: runAt })))
    .execute();
}
