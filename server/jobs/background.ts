/** The service's background jobs: a handler per kind and the recurring schedule, started by server/main.ts. */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { VIOLATION_SWEEP_EVERY_MS, VIOLATION_SWEEP_JOB, violationSweepHandler } from '../features/dossiers/sweep';
import { INDEX_COMPACT_EVERY_MS, INDEX_COMPACT_JOB, indexCompactHandler } from '../features/index/compact';
import { NATIONAL_SYNC_EVERY_MS, NATIONAL_SYNC_JOB, type NationalSyncDeps, nationalSyncHandler } from '../features/national-sync/sync';
import { NOTIFY_JOB } from '../features/notifications/enqueue';
import { type NotifyDeps, notifyHandler } from '../features/notifications/handler';
import type { PaymentDeps } from '../features/payments/deps';
import { PAYMENT_RECONCILE_EVERY_MS, PAYMENT_RECONCILE_JOB, paymentReconcileHandler } from '../features/payments/reconcile';
import { REFORM_REMINDER_EVERY_MS, REFORM_REMINDER_JOB, type ReminderDeps, reformReminderHandler } from '../features/reform/reminders';
import { JOBS_PRUNE_EVERY_MS, JOBS_PRUNE_JOB, jobsPruneHandler } from './prune';
import type { JobHandler, RecurringJob } from './runner';

/** How often each instance polls the jobs table. */
export const JOB_POLL_MS = 5_000;

/** Every job kind the service runs, and which of them recur; `notify` needs the senders and the payment reconciliation the platform (server/main.ts gives them). */
export function backgroundJobs(db: Kysely<DB>, services: { notify?: NotifyDeps; payments?: PaymentDeps; national?: NationalSyncDeps; reform?: ReminderDeps } = {}): { handlers: Record<string, JobHandler>; recurring: RecurringJob[] } {
  return {
    handlers: {
      [VIOLATION_SWEEP_JOB]: violationSweepHandler(db),
      [INDEX_COMPACT_JOB]: indexCompactHandler(),
      [JOBS_PRUNE_JOB]: jobsPruneHandler(),
      ...(services.notify ? { [NOTIFY_JOB]: notifyHandler(services.notify) } : {}),
      ...(services.payments ? { [PAYMENT_RECONCILE_JOB]: paymentReconcileHandler(services.payments) } : {}),
      ...(services.national ? { [NATIONAL_SYNC_JOB]: nationalSyncHandler(services.national) } : {}),
      ...(services.reform ? { [REFORM_REMINDER_JOB]: reformReminderHandler(services.reform) } : {}),
    },
    recurring: [{ kind: VIOLATION_SWEEP_JOB, everyMs: VIOLATION_SWEEP_EVERY_MS }, { kind: INDEX_COMPACT_JOB, everyMs: INDEX_COMPACT_EVERY_MS }, { kind: JOBS_PRUNE_JOB, everyMs: JOBS_PRUNE_EVERY_MS }, ...(services.payments ? [{ kind: PAYMENT_RECONCILE_JOB, everyMs: PAYMENT_RECONCILE_EVERY_MS }] : []), ...(services.national ? [{ kind: NATIONAL_SYNC_JOB, everyMs: NATIONAL_SYNC_EVERY_MS }] : []), ...(services.reform ? [{ kind: REFORM_REMINDER_JOB, everyMs: REFORM_REMINDER_EVERY_MS }] : [])],
  };
}
