/**
 * The PAYMENT SIMULATOR (CỔNG THANH TOÁN MÔ PHỎNG): a separate HTTP service standing for the payment
 * platform. Merchants create orders server to server (signed), payers see its page and press
 * "Thanh toán" or "Hủy", it notifies the merchant (signed, retried) and sends the payer back; it
 * answers signed status queries. Protocol: core/payment/protocol.ts, docs/portal.md "Payments".
 */
import { randomInt } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { createOrderRequest, statusQuery } from '@core/payment/protocol';
import { signed, verifyFields } from '../../adapters/payment/hmac';
import { type Delivery, Notifier } from './notifier';
import { donePage, notFoundPage, payPage } from './page';
import { OrderStore, type SimOrder, statusAt } from './store';

/** The payee's name on the simulator's page for this system. */
export const DEMO_MERCHANT_NAME = 'Hệ thống thông tin giải quyết thủ tục hành chính thành phố Hải Phòng';

/** A merchant registered at the simulated platform. */
export interface SimMerchant {
  id: string;
  secret: string;
  /** Shown on the payment page as the payee. */
  name: string;
}

export interface PaymentSimulatorOptions {
  merchants: readonly SimMerchant[];
  /** The address payers' browsers reach the simulator at (default: the address it listens on). */
  publicUrl?: string;
  /** Waits between notification attempts after the first. */
  retryDelaysMs?: readonly number[];
  /** Where to keep orders between runs (default: memory only). */
  ordersFile?: string | null;
  log?: (line: string) => void;
  now?: () => number;
}

/** A running simulator. */
export interface PaymentSimulator {
  url: string;
  app: FastifyInstance;
  /** Every notification attempt, in order (for tests: the exact body, to replay it). */
  deliveries: Delivery[];
  /** Fault injection: drop notifications so that only the merchant's reconciliation learns the outcome. */
  faults: { dropNotifications: boolean };
  close(): Promise<void>;
}

const FORM = 'application/x-www-form-urlencoded';

function refuse(reply: FastifyReply, status: number, code: string, message: string) {
  return reply.code(status).send({ error: { code, message } });
}

/** A transaction id as platforms print them: `SIM` + local date + 8 digits. */
function transactionId(now: number): string {
  const d = new Date(now + 7 * 3_600_000).toISOString().slice(0, 10).replace(/-/g, '');
  return `SIM${d}${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;
}

/** The URL to send the payer back to, with the order id and its outcome. */
function returnTo(o: SimOrder, status: string): string {
  const u = new URL(o.returnUrl);
  u.searchParams.set('orderId', o.orderId);
  u.searchParams.set('status', status);
  return u.toString();
}

/** Builds the simulator's HTTP service (not listening). */
export function buildPaymentSimulator(opts: PaymentSimulatorOptions, publicUrl: () => string): { app: FastifyInstance; notifier: Notifier } {
  const merchants = new Map(opts.merchants.map((m) => [m.id, m]));
  const now = opts.now ?? Date.now;
  const log = opts.log ?? (() => {});
  const store = new OrderStore(opts.ordersFile ?? null);
  const notifier = new Notifier({ secretOf: (id) => merchants.get(id)?.secret, store, retryDelaysMs: opts.retryDelaysMs ?? [2_000, 10_000, 60_000, 300_000], log });
  const app = Fastify({ logger: false, bodyLimit: 64 * 1024 });
  app.addContentTypeParser(FORM, { parseAs: 'string' }, (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))));
  app.addHook('onSend', async (_req, reply) => {
    reply.header('x-simulator', 'payment');
    reply.header('cache-control', 'no-store');
  });

  app.get('/', async (_req, reply) => reply.type('text/plain; charset=utf-8').send('CỔNG THANH TOÁN MÔ PHỎNG — payment platform simulator. Protocol: docs/portal.md, Payments.\n'));

  app.post('/api/orders', async (req, reply) => {
    const parsed = createOrderRequest.safeParse(req.body);
    if (!parsed.success) return refuse(reply, 400, 'INVALID_REQUEST', parsed.error.issues.map((i) => i.path.join('.')).join(', '));
    const r = parsed.data;
    const merchant = merchants.get(r.merchantId);
    if (!merchant || !verifyFields(merchant.secret, r, r.signature)) return refuse(reply, 401, 'INVALID_SIGNATURE', 'signature does not match');
    const expiresAt = Date.parse(r.expiresAt);
    if (Number.isNaN(expiresAt) || expiresAt <= now()) return refuse(reply, 400, 'INVALID_EXPIRY', 'expiresAt must be in the future');
    let order = store.find(r.merchantId, r.orderId);
    if (order && (order.amount !== r.amount || order.notifyUrl !== r.notifyUrl)) return refuse(reply, 409, 'ORDER_EXISTS', 'another order has this id');
    order ??= store.add({ merchantId: r.merchantId, orderId: r.orderId, amount: r.amount, currency: r.currency, description: r.description, returnUrl: r.returnUrl, notifyUrl: r.notifyUrl, expiresAt, createdAt: now() });
    log(`order ${order.orderId}: ${order.amount} ${order.currency}`);
    return reply.code(201).send(signed(merchant.secret, { merchantId: order.merchantId, orderId: order.orderId, providerRef: order.token, paymentUrl: `${publicUrl()}/pay/${order.token}` }));
  });

  app.post('/api/orders/query', async (req, reply) => {
    const parsed = statusQuery.safeParse(req.body);
    if (!parsed.success) return refuse(reply, 400, 'INVALID_REQUEST', parsed.error.issues.map((i) => i.path.join('.')).join(', '));
    const q = parsed.data;
    const merchant = merchants.get(q.merchantId);
    if (!merchant || !verifyFields(merchant.secret, q, q.signature)) return refuse(reply, 401, 'INVALID_SIGNATURE', 'signature does not match');
    const o = store.find(q.merchantId, q.orderId);
    const answer = o
      ? { merchantId: o.merchantId, orderId: o.orderId, status: statusAt(o, now()), amount: o.amount, currency: o.currency, transactionId: o.transactionId, paidAt: o.paidAt === null ? null : new Date(o.paidAt).toISOString() }
      : { merchantId: q.merchantId, orderId: q.orderId, status: 'not_found' };
    return signed(merchant.secret, answer);
  });

  app.get<{ Params: { token: string } }>('/pay/:token', async (req, reply) => {
    const o = store.byPageToken(req.params.token);
    const html = reply.type('text/html; charset=utf-8');
    if (!o) return html.code(404).send(notFoundPage());
    const name = merchants.get(o.merchantId)?.name ?? o.merchantId;
    const status = statusAt(o, now());
    if (status !== 'pending') return html.send(donePage(o, name, status, returnTo(o, status === 'paid' ? 'paid' : 'cancelled')));
    return html.send(payPage(o, name, `/pay/${o.token}`));
  });

  app.post<{ Params: { token: string }; Body: { action?: string } }>('/pay/:token', async (req, reply) => {
    const o = store.byPageToken(req.params.token);
    if (!o) return reply.type('text/html; charset=utf-8').code(404).send(notFoundPage());
    const action = req.body?.action;
    const status = statusAt(o, now());
    const name = merchants.get(o.merchantId)?.name ?? o.merchantId;
    if (status === 'expired') return reply.type('text/html; charset=utf-8').code(410).send(donePage(o, name, 'expired', returnTo(o, 'cancelled')));
    if (status === 'pending') {
      if (action !== 'pay' && action !== 'cancel') return reply.type('text/html; charset=utf-8').code(400).send(payPage(o, name, `/pay/${o.token}`));
      if (action === 'pay') {
        o.status = 'paid';
        o.paidAt = now();
        o.transactionId = transactionId(o.paidAt);
      } else o.status = 'cancelled';
      store.save();
      log(`order ${o.orderId}: ${o.status}${o.transactionId ? ` (${o.transactionId})` : ''}`);
      await notifier.deliver(o);
    }
    return reply.redirect(returnTo(o, o.status === 'paid' ? 'paid' : 'cancelled'), 303);
  });

  app.addHook('onClose', async () => notifier.stop());
  return { app, notifier };
}

/** Starts the simulator on `port` (0 = any free port) and answers its address and handles. */
export async function startPaymentSimulator(opts: PaymentSimulatorOptions & { port: number; host?: string }): Promise<PaymentSimulator> {
  let url = '';
  const { app, notifier } = buildPaymentSimulator(opts, () => opts.publicUrl ?? url);
  await app.listen({ port: opts.port, host: opts.host ?? '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  url = `http://${opts.host && opts.host !== '0.0.0.0' ? opts.host : '127.0.0.1'}:${port}`;
  return {
    url,
    app,
    deliveries: notifier.deliveries,
    faults: {
      get dropNotifications() {
        return notifier.dropNotifications;
      },
      set dropNotifications(v: boolean) {
        notifier.dropNotifications = v;
      },
    },
    close: () => app.close(),
  };
}
