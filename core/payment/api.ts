/**
 * Boundary schemas of the payment routes, shared with the web client (portal and back office).
 * Stable: the portal's pages parse these. Instants are ISO 8601 in Vietnamese time (+07:00);
 * amounts are whole đồng.
 *
 * - citizen: `GET|POST /api/v1/portal/dossiers/{code}/payments`,
 *   `GET /api/v1/portal/dossiers/{code}/payments/{paymentId}/receipt.pdf`
 * - staff: `GET|POST /api/v1/dossiers/{ref}/payments`, `GET /api/v1/dossiers/{ref}/payments/{paymentId}/receipt.pdf`
 * - gateway: `POST /api/v1/payments/notify` (core/payment/protocol.ts `notification`)
 */
import { z } from 'zod';
import { instantSchema } from '../calendar/schemas';
import { parseInstant } from '../calendar/time';
import { CURRENCY, vndAmount } from './money';
import { ORDER_ID_PATTERN } from './protocol';
import { PAYMENT_METHODS, PAYMENT_STATUSES } from './state';

/** `{paymentId}` in the path. */
export const paymentIdSchema = z.uuid();

/** One payment of a dossier. */
export const paymentView = z.object({
  id: z.string(),
  method: z.enum(PAYMENT_METHODS),
  amount: z.number().int(),
  currency: z.literal(CURRENCY),
  status: z.enum(PAYMENT_STATUSES),
  /** Online: our order id at the gateway (also in the return address `?payment=`). */
  orderId: z.string().nullable(),
  /** Online, once paid: the gateway's transaction id. */
  transactionId: z.string().nullable(),
  /** The receipt number: the e-receipt's (online) or the paper receipt's (counter, post). */
  receiptNumber: z.string().nullable(),
  /** Where to download the electronic receipt (biên lai điện tử) PDF; null while there is none. */
  receiptUrl: z.string().nullable(),
  /** Online and still pending: the gateway's payment page, to continue paying. */
  paymentUrl: z.string().nullable(),
  createdAt: z.string(),
  paidAt: z.string().nullable(),
  /** When the status became what it is (paid, failed, expired). */
  settledAt: z.string().nullable(),
});
export type PaymentView = z.infer<typeof paymentView>;

/** A fee of the dossier's procedure version. */
export const feeView = z.object({ name: z.string(), amount: z.number().int().nullable(), rule: z.string().nullable() });

/** What the applicant owes now (core/payment/due.ts). */
export const amountDueView = z.object({
  /** The procedure carries a financial obligation, or the staff asked for a fee. */
  required: z.boolean(),
  basis: z.enum(['none', 'fixed_fees', 'fee_demand']),
  currency: z.literal(CURRENCY),
  /** The fees of the procedure version the dossier keeps (fixed amounts and rules in words). */
  fees: z.array(feeView),
  total: z.number().int(),
  paid: z.number().int(),
  outstanding: z.number().int(),
  /** The fee was confirmed paid (fee_paid) after the last demand. */
  confirmed: z.boolean(),
  /** The outstanding amount can be paid online now (something is due, the dossier is open, the gateway is configured). */
  payableOnline: z.boolean(),
  /** The staff's last fee demand (await_fee): when, the amount stated (null = the fixed fees), why. */
  demand: z.object({ at: z.string(), amount: z.number().int().nullable(), reason: z.string() }).nullable(),
});
export type AmountDueView = z.infer<typeof amountDueView>;

/** `GET …/payments`: what is due, and every payment (newest first). */
export const paymentsResponse = z.object({ due: amountDueView, payments: z.array(paymentView) });
export type PaymentsResponse = z.infer<typeof paymentsResponse>;

/** `POST /api/v1/portal/dossiers/{code}/payments`: no fields — the amount is what is outstanding, never the payer's choice. */
export const startPaymentBody = z.object({}).nullish();

/** Its answer: the payment (pending) and the gateway page to send the browser to. */
export const startPaymentResponse = z.object({ payment: paymentView, redirectUrl: z.string() });
export type StartPaymentResponse = z.infer<typeof startPaymentResponse>;

/** `POST /api/v1/dossiers/{ref}/payments`: a payment taken at the counter or through the postal operator, with its receipt number. */
export const recordPaymentBody = z.object({
  method: z.enum(['counter', 'post']),
  amount: vndAmount,
  receiptNumber: z.string().trim().min(1).max(50),
  /** When it was paid (default: now); not in the future. */
  paidAt: instantSchema.transform((s) => parseInstant(s)).optional(),
});
export type RecordPaymentBody = z.input<typeof recordPaymentBody>;

/** Its answer: the payment recorded and what is due after it. */
export const recordPaymentResponse = z.object({ payment: paymentView, due: amountDueView });

/**
 * The query the gateway's return adds to the portal's dossier page `/ho-so/{code}?payment=…`:
 * `payment` (our order id), and from the gateway `orderId` and `status` (paid | cancelled).
 * Informational only: the page reloads `GET …/payments` for the truth.
 */
export const paymentReturnQuery = z.object({
  payment: z.string().regex(ORDER_ID_PATTERN),
  status: z.enum(['paid', 'cancelled']).optional(),
});
