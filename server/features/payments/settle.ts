/**
 * Settling a payment: the platform's notification or the reconciliation's status answer moves an
 * online payment to paid, failed or expired; an officer's entry records a counter or postal payment
 * as paid. A payment becoming paid, in one transaction: the row, the receipt, the audit event, the
 * `payment_received` notification and, when that settles what an awaiting-fee dossier owes, the
 * `fee_paid` action performed by the system.
 */
import type { Transaction } from 'kysely';
import type { WorkingCalendar } from '@core/calendar/working-calendar';
import type { Dossier } from '@core/dossier/dossier';
import { transitionOf } from '@core/dossier/workflow';
import { AppError } from '@core/errors/app-error';
import { CURRENCY } from '@core/payment/money';
import { type SettleEvent, settle } from '@core/payment/state';
import type { OrderReport } from '../../adapters/payment/gateway';
import type { DB } from '../../db/schema';
import type { DossierRow } from '../../db/tables/dossiers';
import type { PaymentRow } from '../../db/tables/payments';
import type { AuditActor } from '../../http/actor';
import { appendAudit } from '../audit/append';
import { performActionIn } from '../dossiers/commands';
import { findDossierById } from '../dossiers/queries';
import type { ProcedureRules } from '../dossiers/rules';
import { hasContact } from '../notifications/actions';
import { enqueueNotification } from '../notifications/enqueue';
import { PAYMENT_SYSTEM_ACTOR, type PaymentDeps, platformName } from './deps';
import { dueOf } from './due';
import { findPaymentByOrder, lockDossier, lockPayment, paymentsOfDossier, procedureName, unitWithParent, updatePayment } from './queries';
import { renderReceipt } from './receipt';

/** Who caused a settlement, for the audit trail. */
export interface SettleWho {
  actor: AuditActor;
  requestId: string;
  source: 'notification' | 'reconciliation' | 'staff';
}

/** The receipt number of an online payment: `BL` + the order id's unique part. */
export const receiptNumberOf = (orderId: string) => `BL${orderId.replace(/^TT/, '')}`;

/** The event a platform report means for a payment, or null when it means no change yet. */
export function eventOf(report: OrderReport, payment: Pick<PaymentRow, 'expires_at'>, now: number): SettleEvent | null {
  switch (report.status) {
    case 'paid':
      if (!report.transactionId) throw new AppError('VALIDATION_FAILED', { message: `paid report of ${report.orderId} without a transaction id` });
      return { type: 'paid', transactionId: report.transactionId };
    case 'cancelled':
      return { type: 'failed' };
    case 'expired':
      return { type: 'expired' };
    case 'not_found':
      // the order never reached the platform (a crash between our insert and its answer): dead once its time is up
      return payment.expires_at !== null && payment.expires_at.getTime() < now ? { type: 'expired' } : null;
    default:
      return null;
  }
}

/** Renders and stores the e-receipt of an online payment about to be paid; answers its blob address. */
async function issueReceipt(deps: PaymentDeps, p: PaymentRow, dossier: DossierRow, report: OrderReport, paidAt: number): Promise<string> {
  const [unit, procedure] = await Promise.all([unitWithParent(deps.db, dossier.unit_id), procedureName(deps.db, dossier.procedure_version_id)]);
  const pdf = await renderReceipt({
    receiptNumber: receiptNumberOf(p.order_id!),
    issuedAt: paidAt,
    agency: { parent: unit?.parent ?? null, name: unit?.name ?? '' },
    payer: { name: dossier.applicant_name, kind: dossier.applicant_kind, idNumber: dossier.applicant_id_number },
    dossierCode: dossier.code,
    procedure: procedure ?? dossier.procedure_code,
    description: p.description ?? 'Phí, lệ phí giải quyết thủ tục hành chính',
    amount: Number(p.amount),
    method: 'online',
    platform: platformName(deps.gateway),
    transactionId: report.transactionId,
    orderId: p.order_id,
    paidAt,
  });
  return (await deps.blobs.put(pdf)).sha256;
}

/** What deciding fee_paid needs, read before the transaction (the caches read outside it; the embedded engine has one connection). */
export interface DecideInputs {
  rules: ProcedureRules;
  calendar: WorkingCalendar;
  handlingUnitId: string;
}

/** Reads the rules and calendar a dossier's fee_paid would be decided against. */
export async function decideInputsOf(deps: PaymentDeps, dossier: Pick<DossierRow, 'procedure_version_id' | 'handling_unit_id'>): Promise<DecideInputs> {
  const [rules, calendar] = await Promise.all([deps.rules.forVersion(dossier.procedure_version_id), deps.calendars.forUnit(dossier.handling_unit_id)]);
  return { rules, calendar, handlingUnitId: dossier.handling_unit_id };
}

/** The fee_paid input of a payment method. */
const FEE_PAID_METHOD = { online: 'online', counter: 'cash', post: 'post' } as const;

/**
 * Performs fee_paid as the system when the dossier awaits its fee and nothing is outstanding any
 * more. A refusal by the workflow (it never should) leaves the payment recorded and is logged:
 * money taken is never lost because a transition could not be made.
 */
async function confirmFee(trx: Transaction<DB>, deps: PaymentDeps, dossier: DossierRow, paid: PaymentRow, requestId: string, inputs: DecideInputs): Promise<boolean> {
  const d = dossier.state as Dossier;
  if (d.status !== 'awaiting_fee') return false;
  const { due } = await dueOf(trx, dossier, { payments: await paymentsOfDossier(trx, dossier.id) });
  if (due.outstanding > 0 || due.confirmed) return false;
  if (inputs.handlingUnitId !== dossier.handling_unit_id) {
    // moved to another unit since the calendar was read: its staff confirm the fee
    deps.log.warn({ dossierId: dossier.id, paymentId: paid.id }, 'fee_paid after a payment skipped: the dossier changed unit meanwhile');
    return false;
  }
  const { rules, calendar } = inputs;
  const roles = transitionOf('awaiting_fee', 'fee_paid')?.roles ?? [];
  const input = { method: FEE_PAID_METHOD[paid.method], ...(paid.receipt_number ? { receipt: paid.receipt_number } : {}) };
  try {
    await performActionIn(trx, { db: deps.db, actor: PAYMENT_SYSTEM_ACTOR, requestId, now: Date.now() }, { row: dossier, rules, calendar }, roles, 'fee_paid', { version: d.version, input });
    return true;
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    deps.log.warn({ dossierId: dossier.id, paymentId: paid.id, code: err.code }, 'fee_paid after a payment was refused by the workflow');
    return false;
  }
}

/** What follows a payment becoming paid, inside its transaction: audit, notification, fee_paid. */
export async function afterPaid(trx: Transaction<DB>, deps: PaymentDeps, paid: PaymentRow, who: SettleWho, inputs: DecideInputs): Promise<{ feePaid: boolean }> {
  const dossier = await lockDossier(trx, paid.dossier_id);
  if (!dossier) throw new AppError('NOT_FOUND', { message: `dossier ${paid.dossier_id} of payment ${paid.id}` });
  await appendAudit(trx, {
    actor: who.actor,
    action: 'dossier.payment_paid',
    entityType: 'dossier',
    entityId: dossier.id,
    unitId: dossier.unit_id,
    after: { paymentId: paid.id, method: paid.method, amount: Number(paid.amount), currency: CURRENCY, orderId: paid.order_id, transactionId: paid.provider_txn_id, receiptNumber: paid.receipt_number, source: who.source },
    requestId: who.requestId,
  });
  if (hasContact(dossier.applicant_contact)) {
    await enqueueNotification(trx, {
      event: 'payment_received',
      dossierId: dossier.id,
      data: { at: paid.settled_at?.getTime() ?? Date.now(), ...(dossier.code ? { code: dossier.code } : {}), amount: Number(paid.amount), method: paid.method, receiptNumber: paid.receipt_number },
    });
  }
  return { feePaid: await confirmFee(trx, deps, dossier, paid, who.requestId, inputs) };
}

/** What a settlement did. */
export interface Settled {
  payment: PaymentRow;
  /** False for a replay or a word that changes nothing (the payment was already in that state). */
  changed: boolean;
  feePaid: boolean;
}

/**
 * Settles the online payment a platform report is about. Checks the amount and currency against
 * the order (PAYMENT_AMOUNT_MISMATCH, nothing changed); a report that changes nothing (a replay, a
 * failure heard after the payment) answers `changed: false`. Idempotent under concurrency: the
 * payment row is locked and re-judged before anything is written.
 */
export async function settleReport(deps: PaymentDeps, report: OrderReport, who: SettleWho): Promise<Settled> {
  const p = await findPaymentByOrder(deps.db, report.orderId);
  if (p?.method !== 'online') throw new AppError('PAYMENT_ORDER_UNKNOWN', { params: { orderId: report.orderId } });
  if (report.amount !== null && (report.amount !== Number(p.amount) || report.currency !== CURRENCY)) {
    throw new AppError('PAYMENT_AMOUNT_MISMATCH', { message: `order ${p.order_id}: ${report.amount} ${report.currency} reported, ${p.amount} ${CURRENCY} ordered` });
  }
  if (report.status === 'paid' && report.amount === null) throw new AppError('PAYMENT_AMOUNT_MISMATCH', { message: `order ${p.order_id}: paid without an amount` });
  const now = Date.now();
  const event = eventOf(report, p, now);
  if (event === null || settle({ status: p.status, transactionId: p.provider_txn_id }, event) === null) return { payment: p, changed: false, feePaid: false };
  const paidAt = report.paidAt?.getTime() ?? now;
  // rendered before the transaction (≈ 30 ms); a blob never referenced, if another settlement wins, is harmless
  let receipt: string | null = null;
  let inputs: DecideInputs | null = null;
  if (event.type === 'paid') {
    const dossier = (await findDossierById(deps.db, p.dossier_id))!;
    receipt = await issueReceipt(deps, p, dossier, report, paidAt);
    inputs = await decideInputsOf(deps, dossier);
  }
  return deps.db.transaction().execute(async (trx) => {
    const locked = (await lockPayment(trx, p.id))!;
    const next = settle({ status: locked.status, transactionId: locked.provider_txn_id }, event);
    if (next === null) return { payment: locked, changed: false, feePaid: false };
    const at = new Date();
    if (next === 'paid') {
      const paid = await updatePayment(trx, p.id, {
        status: 'paid',
        provider_txn_id: (event as { transactionId: string }).transactionId,
        paid_at: new Date(paidAt),
        settled_at: at,
        receipt_number: receiptNumberOf(p.order_id!),
        receipt_sha256: receipt,
        failure_reason: null,
      });
      const { feePaid } = await afterPaid(trx, deps, paid, who, inputs!);
      return { payment: paid, changed: true, feePaid };
    }
    const ended = await updatePayment(trx, p.id, { status: next, settled_at: at, failure_reason: report.status });
    await appendAudit(trx, {
      actor: who.actor,
      action: next === 'failed' ? 'dossier.payment_failed' : 'dossier.payment_expired',
      entityType: 'dossier',
      entityId: p.dossier_id,
      unitId: p.unit_id,
      after: { paymentId: p.id, orderId: p.order_id, amount: Number(p.amount), reported: report.status, source: who.source },
      requestId: who.requestId,
    });
    return { payment: ended, changed: true, feePaid: false };
  });
}
