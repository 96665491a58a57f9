/**
 * Payments of a dossier's fees: how they were made and the state machine of one payment. A payment
 * settles once; a repeated or late word from the gateway never pays twice (see `settle`).
 */
import { AppError } from '../errors/app-error';

/** How a fee was paid: online through the payment platform, in cash at the one-stop counter, or through the postal operator. */
export const PAYMENT_METHODS = ['online', 'counter', 'post'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** pending (online, waiting for the payer / the gateway) → paid | failed (cancelled, refused) | expired. */
export const PAYMENT_STATUSES = ['pending', 'paid', 'failed', 'expired'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export const PAYMENT_METHOD_LABELS = {
  online: { vi: 'Trực tuyến', en: 'Online' },
  counter: { vi: 'Tại Bộ phận Một cửa', en: 'At the counter' },
  post: { vi: 'Qua bưu chính', en: 'Through the post' },
} as const satisfies Record<PaymentMethod, { vi: string; en: string }>;

export const PAYMENT_STATUS_LABELS = {
  pending: { vi: 'Đang chờ thanh toán', en: 'Awaiting payment' },
  paid: { vi: 'Đã thanh toán', en: 'Paid' },
  failed: { vi: 'Không thành công', en: 'Failed' },
  expired: { vi: 'Đã hết hạn', en: 'Expired' },
} as const satisfies Record<PaymentStatus, { vi: string; en: string }>;

/** What the gateway (or the reconciliation) says about an online payment. */
export type SettleEvent = { type: 'paid'; transactionId: string } | { type: 'failed' } | { type: 'expired' };

/** The payment as far as settling it is concerned. */
export interface Settleable {
  status: PaymentStatus;
  transactionId: string | null;
}

/**
 * The status a payment moves to on an event, or `null` when the event changes nothing (a replay,
 * or a failure/expiry heard after the payment was paid). A signed "paid" wins over an earlier
 * failed/expired (the money was taken); "paid" with a different transaction id than the one
 * recorded is refused with PAYMENT_ALREADY_SETTLED.
 */
export function settle(p: Settleable, e: SettleEvent): PaymentStatus | null {
  if (p.status === 'paid') {
    if (e.type === 'paid' && e.transactionId !== p.transactionId) {
      throw new AppError('PAYMENT_ALREADY_SETTLED', { message: `order already paid by ${p.transactionId}, not ${e.transactionId}` });
    }
    return null;
  }
  if (e.type === 'paid') return 'paid';
  return p.status === 'pending' ? e.type : null;
}

/** True when a payment's status will not change any more except to `paid` by a late confirmation. */
export function isFinal(status: PaymentStatus): boolean {
  return status !== 'pending';
}
