/** The JSON views of payments and of what is due (core/payment/api.ts). */
import { formatInstant } from '@core/calendar/time';
import type { AmountDueView, PaymentView } from '@core/payment/api';
import { CURRENCY } from '@core/payment/money';
import type { PaymentRow } from '../../db/tables/payments';
import type { DueOfDossier } from './due';

const iso = (d: Date | null) => (d === null ? null : formatInstant(d.getTime()));

/** One payment; `receiptBase` is the caller's route to the dossier's payments (citizen or staff). */
export function presentPayment(p: PaymentRow, receiptBase: string): PaymentView {
  return {
    id: p.id,
    method: p.method,
    amount: Number(p.amount),
    currency: CURRENCY,
    status: p.status,
    orderId: p.order_id,
    transactionId: p.provider_txn_id,
    receiptNumber: p.receipt_number,
    receiptUrl: p.receipt_sha256 ? `${receiptBase}/${p.id}/receipt.pdf` : null,
    paymentUrl: p.status === 'pending' ? p.payment_url : null,
    createdAt: formatInstant(p.created_at.getTime()),
    paidAt: iso(p.paid_at),
    settledAt: iso(p.settled_at),
  };
}

/** What is due; `online` = the payment platform is configured. */
export function presentDue({ due, fees }: Pick<DueOfDossier, 'due' | 'fees'>, online: boolean): AmountDueView {
  return {
    required: due.required,
    basis: due.basis,
    currency: CURRENCY,
    fees: fees.map((f) => ({ name: f.name, amount: f.amount, rule: f.rule })),
    total: due.total,
    paid: due.paid,
    outstanding: due.outstanding,
    confirmed: due.confirmed,
    payableOnline: online && due.outstanding > 0,
    demand: due.demand ? { at: formatInstant(due.demand.at), amount: due.demand.amount, reason: due.demand.reason } : null,
  };
}

/** The route under which a dossier's payments are, for a citizen or for staff. */
export function paymentsBase(kind: 'citizen' | 'staff', ref: string): string {
  const r = encodeURIComponent(ref);
  return kind === 'citizen' ? `/api/v1/portal/dossiers/${r}/payments` : `/api/v1/dossiers/${r}/payments`;
}
