/** Payment commands: a citizen starts an online payment; an officer records one taken at the counter or by post. */
import { randomInt } from 'node:crypto';
import { formatInstant } from '@core/calendar/time';
import { AppError } from '@core/errors/app-error';
import type { recordPaymentBody } from '@core/payment/api';
import type { z } from 'zod';
import type { DossierRow } from '../../db/tables/dossiers';
import type { PaymentRow } from '../../db/tables/payments';
import type { AuditActor } from '../../http/actor';
import { appendAudit } from '../audit/append';
import type { PaymentDeps } from './deps';
import { dueOf } from './due';
import { insertPayment, lockDossier, receiptNumberTaken, updatePayment } from './queries';
import { afterPaid, decideInputsOf } from './settle';

/** Who acts and when. */
export interface PaymentCtx {
  actor: AuditActor & { id: string; kind: 'citizen' | 'staff' };
  requestId: string;
  now: number;
}

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** A new order id: `TT` + the local date (YYMMDD) + 8 random characters, e.g. `TT261130K7Q2M9XA`. */
export function newOrderId(now: number): string {
  const day = formatInstant(now).slice(2, 10).replace(/-/g, '');
  let tail = '';
  for (let i = 0; i < 8; i++) tail += ALPHABET[randomInt(ALPHABET.length)];
  return `TT${day}${tail}`;
}

/** A pending payment's page stays offered while more than this is left before it expires. */
const REUSE_MARGIN_MS = 2 * 60_000;
/** A pending payment without its page yet is being set up (the platform call in flight) for at most this long. */
const SETUP_MS = 30_000;

/** The `?payment=` return address on the portal's dossier page. */
export function returnUrlOf(publicUrl: string, row: Pick<DossierRow, 'id' | 'code'>, orderId: string): string {
  return `${publicUrl}/ho-so/${encodeURIComponent(row.code ?? row.id)}?payment=${orderId}`;
}

/**
 * Starts paying what a dossier owes online: the outstanding amount, never a figure the payer
 * chooses. A pending payment of that amount whose page is still open is offered again (a double
 * click or a return to the page pays once); otherwise a new pending payment is written first (so a
 * notification can never be about an order we do not know), then the order is created at the platform.
 */
export async function startOnlinePayment(deps: PaymentDeps, ctx: PaymentCtx, row: DossierRow): Promise<PaymentRow> {
  const gateway = deps.gateway;
  if (!gateway) throw new AppError('PAYMENT_ONLINE_UNAVAILABLE');
  const rules = await deps.rules.forVersion(row.procedure_version_id);
  const prepared = await deps.db.transaction().execute(async (trx) => {
    const current = (await lockDossier(trx, row.id))!;
    const { due, payments } = await dueOf(trx, current);
    if (!due.inWindow) throw new AppError('PAYMENT_NOT_PAYABLE');
    if (due.outstanding <= 0) throw new AppError('PAYMENT_NOTHING_DUE');
    const open = payments.find((p) => p.method === 'online' && p.status === 'pending' && Number(p.amount) === due.outstanding && (p.expires_at?.getTime() ?? 0) > ctx.now + REUSE_MARGIN_MS);
    if (open?.payment_url) return { reused: true, payment: open, code: current.code };
    if (open && ctx.now - open.created_at.getTime() < SETUP_MS) throw new AppError('PAYMENT_IN_PROGRESS');
    const orderId = newOrderId(ctx.now);
    const description = `Nộp phí, lệ phí hồ sơ ${current.code ?? ''} — ${rules.name}`.replace(/\s+/g, ' ').slice(0, 255);
    const payment = await insertPayment(trx, {
      dossier_id: current.id,
      unit_id: current.unit_id,
      method: 'online',
      amount: due.outstanding,
      status: 'pending',
      order_id: orderId,
      provider: gateway.name,
      expires_at: new Date(ctx.now + deps.orderTtlMs),
      description,
      created_by_kind: ctx.actor.kind,
      created_by: ctx.actor.id,
      created_at: new Date(ctx.now),
    });
    await appendAudit(trx, {
      actor: ctx.actor,
      action: 'dossier.payment_started',
      entityType: 'dossier',
      entityId: current.id,
      unitId: current.unit_id,
      after: { paymentId: payment.id, orderId, amount: due.outstanding, basis: due.basis, provider: gateway.name },
      requestId: ctx.requestId,
    });
    return { reused: false, payment, code: current.code };
  });
  if (prepared.reused) return prepared.payment;
  const p = prepared.payment;
  try {
    const order = await gateway.createOrder({
      orderId: p.order_id!,
      amount: Number(p.amount),
      description: p.description!,
      returnUrl: returnUrlOf(deps.publicUrl, { id: row.id, code: prepared.code }, p.order_id!),
      notifyUrl: `${deps.publicUrl}/api/v1/payments/notify`,
      expiresAt: p.expires_at!,
    });
    return await updatePayment(deps.db, p.id, { provider_ref: order.providerRef, payment_url: order.paymentUrl });
  } catch (err) {
    // nothing can be paid on an order the platform does not have: the attempt ends here
    await deps.db.transaction().execute(async (trx) => {
      await updatePayment(trx, p.id, { status: 'failed', settled_at: new Date(), failure_reason: 'gateway_unavailable' });
      await appendAudit(trx, { actor: ctx.actor, action: 'dossier.payment_failed', entityType: 'dossier', entityId: row.id, unitId: row.unit_id, after: { paymentId: p.id, orderId: p.order_id, reason: 'gateway_unavailable' }, requestId: ctx.requestId });
    });
    deps.log.warn({ orderId: p.order_id, err: err instanceof Error ? err.message : String(err) }, 'payment platform refused or unreachable');
    throw err instanceof AppError ? err : new AppError('PAYMENT_GATEWAY_UNAVAILABLE', { cause: err });
  }
}

/**
 * Records a payment an officer took at the counter or that came through the postal operator, with
 * its paper receipt's number (once per unit): paid at once, audited, the applicant notified, and
 * fee_paid performed when that settles what an awaiting-fee dossier owes.
 */
export async function recordOfflinePayment(deps: PaymentDeps, ctx: PaymentCtx, row: DossierRow, body: z.output<typeof recordPaymentBody>): Promise<{ payment: PaymentRow; feePaid: boolean }> {
  const paidAt = body.paidAt ?? ctx.now;
  if (paidAt > ctx.now + 60_000 || paidAt < row.submitted_at.getTime()) throw new AppError('PAYMENT_PAID_AT_INVALID');
  const receiptNumber = body.receiptNumber;
  const duplicate = () => new AppError('PAYMENT_RECEIPT_DUPLICATE', { params: { receiptNumber } });
  const inputs = await decideInputsOf(deps, row);
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const current = (await lockDossier(trx, row.id))!;
      const { due } = await dueOf(trx, current);
      if (!due.inWindow) throw new AppError('PAYMENT_NOT_PAYABLE');
      if (await receiptNumberTaken(trx, current.unit_id, receiptNumber)) throw duplicate();
      const payment = await insertPayment(trx, {
        dossier_id: current.id,
        unit_id: current.unit_id,
        method: body.method,
        amount: body.amount,
        status: 'paid',
        receipt_number: receiptNumber,
        description: body.method === 'counter' ? 'Nộp tại Bộ phận Một cửa' : 'Nộp qua dịch vụ bưu chính',
        created_by_kind: 'staff',
        created_by: ctx.actor.id,
        created_at: new Date(ctx.now),
        paid_at: new Date(paidAt),
        settled_at: new Date(ctx.now),
      });
      const { feePaid } = await afterPaid(trx, deps, payment, { actor: ctx.actor, requestId: ctx.requestId, source: 'staff' }, inputs);
      return { payment, feePaid };
    });
  } catch (err) {
    // two officers entering the same receipt number at once: the unique index decides
    if ((err as { code?: string }).code === '23505') throw duplicate();
    throw err;
  }
}
