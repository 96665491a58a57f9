/**
 * The reconciliation: a recurring job asks the payment platform about online payments pending
 * longer than PAYMENT_RECONCILE_AFTER_MINUTES and settles them as a notification would have (paid,
 * failed, expired). A notification that never came is thus made good within one run.
 */
import type { JobHandler } from '../../jobs/runner';
import { PAYMENT_SYSTEM_ACTOR, type PaymentDeps } from './deps';
import { stalePendingPayments } from './queries';
import { settleReport } from './settle';

/** The job kind of the reconciliation. */
export const PAYMENT_RECONCILE_JOB = 'payment.reconcile';
/** How often it runs. */
export const PAYMENT_RECONCILE_EVERY_MS = 2 * 60_000;

/** What a run did. */
export interface ReconcileResult {
  examined: number;
  /** Payments whose status changed (paid, failed, expired). */
  settled: number;
  /** Payments the platform could not be asked about, or whose answer could not be settled (tried again next run). */
  failed: number;
  firstError?: unknown;
}

/** Asks the platform about each online payment pending since before `now − reconcileAfter` and settles it. */
export async function reconcilePayments(deps: PaymentDeps, now: number, opts: { batchSize?: number; requestId?: string } = {}): Promise<ReconcileResult> {
  const result: ReconcileResult = { examined: 0, settled: 0, failed: 0 };
  const gateway = deps.gateway;
  if (!gateway) return result;
  const requestId = opts.requestId ?? `reconcile-${now}`;
  const stale = await stalePendingPayments(deps.db, new Date(now - deps.reconcileAfterMs), opts.batchSize ?? 100);
  for (const p of stale) {
    result.examined += 1;
    try {
      const report = await gateway.queryOrder(p.order_id!);
      const done = await settleReport(deps, report, { actor: PAYMENT_SYSTEM_ACTOR, requestId, source: 'reconciliation' });
      if (done.changed) {
        result.settled += 1;
        deps.log.info({ orderId: p.order_id, status: done.payment.status }, 'payment settled by reconciliation');
      }
    } catch (err) {
      // one payment that cannot be settled must not stop the others
      result.failed += 1;
      result.firstError ??= err;
    }
  }
  return result;
}

/** The reconciliation as a job handler. */
export function paymentReconcileHandler(deps: PaymentDeps): JobHandler {
  return async (_payload, ctx) => {
    const result = await reconcilePayments({ ...deps, db: ctx.db }, Date.now(), { requestId: `job-${ctx.jobId}` });
    if (result.failed > 0) {
      const first = result.firstError instanceof Error ? result.firstError.message : String(result.firstError);
      throw new Error(`payment reconciliation: ${result.failed} payment(s) not settled; first: ${first}`);
    }
  };
}
