/** The client of the HMAC payment protocol (core/payment/protocol.ts): the local simulator, or a platform speaking it. */
import { AppError } from '@core/errors/app-error';
import { CURRENCY } from '@core/payment/money';
import { type SignedValue, createOrderResponse, notification, statusResponse } from '@core/payment/protocol';
import type { z } from 'zod';
import type { CreatedOrder, NewOrder, OrderReport, PaymentGateway } from './gateway';
import { signed, verifyFields } from './hmac';

export interface HttpGatewayOptions {
  /** The platform's base URL, server to server. */
  url: string;
  merchantId: string;
  secret: string;
  /** Per request; the payer is waiting. */
  timeoutMs?: number;
  /** Stored as `payments.provider`. */
  name?: string;
}

const unavailable = (message: string, cause?: unknown) => new AppError('PAYMENT_GATEWAY_UNAVAILABLE', { message, cause });

/** Speaks the protocol over HTTP with JSON bodies; every answer's signature is checked before it is believed. */
export class HttpPaymentGateway implements PaymentGateway {
  readonly name: string;

  constructor(private readonly o: HttpGatewayOptions) {
    this.name = o.name ?? 'hmac-gateway';
  }

  /** Posts a signed message and returns the answer parsed and verified. */
  private async call<S extends z.ZodType<Record<string, SignedValue> & { signature: string; merchantId: string }>>(path: string, body: Record<string, SignedValue>, schema: S): Promise<z.infer<S>> {
    let res: Response;
    try {
      res = await fetch(`${this.o.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(signed(this.o.secret, body)),
        signal: AbortSignal.timeout(this.o.timeoutMs ?? 10_000),
      });
    } catch (err) {
      throw unavailable(`${path}: ${err instanceof Error ? err.message : String(err)}`, err);
    }
    const data: unknown = await res.json().catch(() => undefined);
    if (!res.ok) throw unavailable(`${path}: HTTP ${res.status}`);
    const parsed = schema.safeParse(data);
    if (!parsed.success) throw unavailable(`${path}: answer not in the protocol`);
    const answer = parsed.data as z.infer<S>;
    if (answer.merchantId !== this.o.merchantId || !verifyFields(this.o.secret, answer, answer.signature)) throw unavailable(`${path}: answer signature invalid`);
    return answer;
  }

  async createOrder(order: NewOrder): Promise<CreatedOrder> {
    const answer = await this.call(
      '/api/orders',
      {
        merchantId: this.o.merchantId,
        orderId: order.orderId,
        amount: order.amount,
        currency: CURRENCY,
        description: order.description,
        returnUrl: order.returnUrl,
        notifyUrl: order.notifyUrl,
        expiresAt: order.expiresAt.toISOString(),
        createdAt: new Date().toISOString(),
      },
      createOrderResponse,
    );
    if (answer.orderId !== order.orderId) throw unavailable('/api/orders: answer for another order');
    return { providerRef: answer.providerRef, paymentUrl: answer.paymentUrl };
  }

  async queryOrder(orderId: string): Promise<OrderReport> {
    const answer = await this.call('/api/orders/query', { merchantId: this.o.merchantId, orderId, requestedAt: new Date().toISOString() }, statusResponse);
    if (answer.orderId !== orderId) throw unavailable('/api/orders/query: answer for another order');
    return report(answer);
  }

  readNotification(body: unknown): OrderReport {
    const parsed = notification.safeParse(body);
    if (!parsed.success) {
      throw new AppError('VALIDATION_FAILED', { message: 'payment notification not in the protocol', fields: parsed.error.issues.map((i) => ({ field: i.path.join('.') || '(body)', code: i.code, message: i.message })) });
    }
    const n = parsed.data;
    if (n.merchantId !== this.o.merchantId || !verifyFields(this.o.secret, n, n.signature)) throw new AppError('PAYMENT_SIGNATURE_INVALID', { message: `notification for order ${n.orderId}` });
    return report(n);
  }
}

function report(m: { orderId: string; status: OrderReport['status']; amount?: number | null; currency?: string | null; transactionId?: string | null; paidAt?: string | null }): OrderReport {
  const paidAt = m.paidAt ? new Date(m.paidAt) : null;
  return {
    orderId: m.orderId,
    status: m.status,
    amount: m.amount ?? null,
    currency: m.currency ?? null,
    transactionId: m.transactionId ?? null,
    paidAt: paidAt && !Number.isNaN(paidAt.getTime()) ? paidAt : null,
  };
}
