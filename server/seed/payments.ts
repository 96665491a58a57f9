/**
 * The payment behind a demo dossier's `fee_paid` (docs/portal.md, Payments): the demo history
 * records the fee as the system would have — a paid `payments` row (online through the payment
 * simulator, at the counter, or through the post) with its `dossier.payment_paid` audit event, in the
 * transaction of the `fee_paid` action — so the online-payment rates of the index read true rows.
 * Seeded online payments carry no rendered receipt PDF (the receipt number is there).
 */
import type { Transaction } from 'kysely';
import type { Dossier } from '@core/dossier/dossier';
import { CURRENCY } from '@core/payment/money';
import { SIMULATOR_PROVIDER } from '../adapters/payment';
import type { DB } from '../db/schema';
import type { DossierRow } from '../db/tables/dossiers';
import type { AuditActor } from '../http/actor';
import { appendAudit } from '../features/audit/append';
import { newOrderId } from '../features/payments/commands';
import { insertPayment } from '../features/payments/queries';
import { receiptNumberOf } from '../features/payments/settle';

/** What the seed's fee_paid input says (core/dossier/inputs.ts). */
interface FeePaidInput {
  method: 'cash' | 'post' | 'online';
  receipt?: string;
}

/**
 * Inserts the paid payment a `fee_paid` confirms, with its audit event, inside the action's
 * transaction. The amount is the staff's last demand, else the version's fixed fees (`fixedFees`);
 * nothing is written when neither names an amount.
 */
export async function seedFeePayment(
  trx: Transaction<DB>,
  x: { row: DossierRow; input: FeePaidInput; at: number; fixedFees: number; payer: AuditActor & { id: string }; officer: AuditActor & { id: string }; requestId: string; txnId: string },
): Promise<void> {
  const amount = (x.row.state as Dossier).feeDemand?.amount ?? x.fixedFees;
  if (!amount || amount <= 0) return;
  const at = new Date(x.at);
  const online = x.input.method === 'online';
  const orderId = online ? newOrderId(x.at) : null;
  const paid = await insertPayment(trx, {
    dossier_id: x.row.id,
    unit_id: x.row.unit_id,
    method: online ? 'online' : x.input.method === 'cash' ? 'counter' : 'post',
    amount,
    status: 'paid',
    order_id: orderId,
    provider: online ? SIMULATOR_PROVIDER : null,
    provider_txn_id: online ? x.txnId : null,
    receipt_number: orderId ? receiptNumberOf(orderId) : (x.input.receipt ?? `BL${x.txnId}`),
    description: online ? 'Phí, lệ phí giải quyết thủ tục hành chính' : x.input.method === 'cash' ? 'Nộp tại Bộ phận Một cửa' : 'Nộp qua dịch vụ bưu chính',
    created_by_kind: online ? 'citizen' : 'staff',
    created_by: online ? x.payer.id : x.officer.id,
    created_at: at,
    paid_at: at,
    settled_at: at,
  });
  await appendAudit(trx, {
    actor: online ? x.payer : x.officer,
    action: 'dossier.payment_paid',
    entityType: 'dossier',
    entityId: x.row.id,
    unitId: x.row.unit_id,
    after: { paymentId: paid.id, method: paid.method, amount, currency: CURRENCY, orderId, transactionId: paid.provider_txn_id, receiptNumber: paid.receipt_number, source: online ? 'notification' : 'staff' },
    requestId: x.requestId,
    at,
  });
}
