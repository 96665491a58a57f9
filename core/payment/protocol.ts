/**
 * The payment platform's server-to-server protocol (the one the local simulator speaks; see
 * docs/portal.md "Payments"): JSON messages, each carrying an HMAC-SHA256 `signature` over the
 * canonical string of its other fields. Pure: the HMAC itself is computed by the server
 * (server/adapters/payment/hmac.ts) over `canonicalString`.
 */
import { z } from 'zod';
import { CURRENCY, vndAmount } from './money';

/** Our order id: 6–40 letters, digits, `-` or `_` (unique per payment attempt). */
export const ORDER_ID_PATTERN = /^[A-Za-z0-9_-]{6,40}$/;
export const orderIdSchema = z.string().regex(ORDER_ID_PATTERN);

/** A signed field's value; absent (undefined or null) fields are not signed. */
export type SignedValue = string | number | boolean | null | undefined;

/** RFC 3986 percent-encoding: the same bytes in every implementation. */
const encode = (v: string) => encodeURIComponent(v).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * The string a message's signature covers: every field but `signature` whose value is not null,
 * sorted by name (code-unit order), as `name=value` with the value percent-encoded (UTF-8, RFC 3986),
 * joined by `&`. Numbers print as JSON does (integers only here), booleans as `true`/`false`.
 */
export function canonicalString(fields: Readonly<Record<string, SignedValue>>): string {
  return Object.keys(fields)
    .filter((k) => k !== 'signature' && fields[k] !== null && fields[k] !== undefined)
    .sort()
    .map((k) => `${encode(k)}=${encode(String(fields[k]))}`)
    .join('&');
}

const signature = z.string().regex(/^[0-9a-f]{64}$/);
const iso = z.string().min(20).max(40);
const text = (max: number) => z.string().min(1).max(max);
const currency = z.literal(CURRENCY);

/** `POST {gateway}/api/orders`: the merchant asks for a payment page for one order. */
export const createOrderRequest = z.object({
  merchantId: text(40),
  orderId: orderIdSchema,
  amount: vndAmount,
  currency,
  description: text(255),
  returnUrl: z.url(),
  notifyUrl: z.url(),
  /** After this instant the order can no longer be paid (ISO 8601). */
  expiresAt: iso,
  createdAt: iso,
  signature,
});
export type CreateOrderRequest = z.infer<typeof createOrderRequest>;

/** The gateway's answer: where to send the payer, and its own reference of the order. */
export const createOrderResponse = z.object({
  merchantId: text(40),
  orderId: orderIdSchema,
  providerRef: text(100),
  paymentUrl: z.url(),
  signature,
});
export type CreateOrderResponse = z.infer<typeof createOrderResponse>;

/** What became of an order, in notifications and status answers. */
export const ORDER_STATUSES = ['pending', 'paid', 'cancelled', 'expired', 'not_found'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** `POST {notifyUrl}`: the gateway tells the merchant an order was paid or cancelled (retried until answered 200). */
export const notification = z.object({
  merchantId: text(40),
  orderId: orderIdSchema,
  status: z.enum(['paid', 'cancelled']),
  amount: z.number().int(),
  currency: z.string().max(3),
  /** The gateway's transaction id, unique per successful payment. */
  transactionId: text(100).nullable().optional(),
  paidAt: iso.nullable().optional(),
  signature,
});
export type Notification = z.infer<typeof notification>;

/** `POST {gateway}/api/orders/query`: the merchant asks what became of an order (reconciliation). */
export const statusQuery = z.object({
  merchantId: text(40),
  orderId: orderIdSchema,
  requestedAt: iso,
  signature,
});
export type StatusQuery = z.infer<typeof statusQuery>;

/** The gateway's signed answer to a status query. */
export const statusResponse = z.object({
  merchantId: text(40),
  orderId: orderIdSchema,
  status: z.enum(ORDER_STATUSES),
  amount: z.number().int().nullable().optional(),
  currency: z.string().max(3).nullable().optional(),
  transactionId: text(100).nullable().optional(),
  paidAt: iso.nullable().optional(),
  signature,
});
export type StatusResponse = z.infer<typeof statusResponse>;
