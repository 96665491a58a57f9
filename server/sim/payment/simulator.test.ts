import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '@core/errors/app-error';
import { HttpPaymentGateway } from '../../adapters/payment/http-gateway';
import { DEMO_MERCHANT_NAME, type PaymentSimulator, startPaymentSimulator } from './server';

const SECRET = 'sim-test-secret-0123456789abcdef-0123456789';
const MERCHANT = 'MOTCUA-HP';

/** A merchant's notify endpoint that answers the queued statuses in turn (then 200), keeping what it received. */
function merchant(): Promise<{ url: string; answers: number[]; received: unknown[]; server: Server }> {
  const answers: number[] = [];
  const received: unknown[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      received.push(JSON.parse(body));
      res.statusCode = answers.shift() ?? 200;
      res.end('{}');
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/notify`, answers, received, server })));
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'resolved';
  } catch (err) {
    return err instanceof AppError ? err.code : String(err);
  }
}

describe('the payment simulator and the protocol client', () => {
  let sim: PaymentSimulator;
  let shop: Awaited<ReturnType<typeof merchant>>;
  let gateway: HttpPaymentGateway;
  let clock = Date.now();
  let n = 0;
  const order = (amount = 200_000) => ({ orderId: `TT261130T${String(++n).padStart(4, '0')}`, amount, description: 'Nộp phí, lệ phí hồ sơ 000.00.15.H26-261130-0001', returnUrl: 'http://portal.test/ho-so/X?payment=1', notifyUrl: shop.url, expiresAt: new Date(clock + 15 * 60_000) });
  const pay = (url: string, action: string) => fetch(url, { method: 'POST', body: new URLSearchParams({ action }), redirect: 'manual' });

  beforeAll(async () => {
    shop = await merchant();
    sim = await startPaymentSimulator({ port: 0, merchants: [{ id: MERCHANT, secret: SECRET, name: DEMO_MERCHANT_NAME }], retryDelaysMs: [10, 10, 10], now: () => clock });
    gateway = new HttpPaymentGateway({ url: sim.url, merchantId: MERCHANT, secret: SECRET });
  });
  afterAll(async () => {
    await sim.close();
    shop.server.close();
  });

  it('creates an order and shows its page: labelled a simulator, in Vietnamese, with the amount and both buttons', async () => {
    const o = order();
    const created = await gateway.createOrder(o);
    expect(created.paymentUrl).toBe(`${sim.url}/pay/${created.providerRef}`);
    // the same order asked again is the same order
    expect((await gateway.createOrder(o)).providerRef).toBe(created.providerRef);
    const page = await fetch(created.paymentUrl);
    const html = await page.text();
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('name="viewport"');
    expect(html).toContain('CỔNG THANH TOÁN MÔ PHỎNG');
    expect(html).toContain('200.000 đồng');
    expect(html).toContain(DEMO_MERCHANT_NAME);
    expect(html).toContain('>Thanh toán</button>');
    expect(html).toContain('>Hủy</button>');
    expect((await gateway.queryOrder(o.orderId)).status).toBe('pending');
    expect((await gateway.queryOrder('TT261130NOPE')).status).toBe('not_found');
  });

  it('pays: notifies the merchant signed, retrying until it answers 200, and sends the payer back', async () => {
    const o = order(150_000);
    const { paymentUrl } = await gateway.createOrder(o);
    shop.answers.push(500, 503);
    const before = shop.received.length;
    const res = await pay(paymentUrl, 'pay');
    expect(res.status).toBe(303);
    const back = new URL(res.headers.get('location')!);
    expect([back.origin + back.pathname, back.searchParams.get('payment'), back.searchParams.get('orderId'), back.searchParams.get('status')]).toEqual(['http://portal.test/ho-so/X', '1', o.orderId, 'paid']);
    await expect.poll(() => sim.deliveries.filter((d) => d.orderId === o.orderId).map((d) => d.status)).toEqual([500, 503, 200]);
    const sent = shop.received.slice(before);
    expect(sent).toHaveLength(3);
    const report = gateway.readNotification(sent[2]);
    expect(report).toMatchObject({ orderId: o.orderId, status: 'paid', amount: 150_000, currency: 'VND' });
    expect(report.transactionId).toMatch(/^SIM\d{8}\d{8}$/);
    // the status query agrees, and paying again takes no second transaction
    expect(await gateway.queryOrder(o.orderId)).toMatchObject({ status: 'paid', transactionId: report.transactionId });
    expect((await pay(paymentUrl, 'pay')).status).toBe(303);
    expect((await gateway.queryOrder(o.orderId)).transactionId).toBe(report.transactionId);
    expect(await (await fetch(paymentUrl)).text()).toContain('Đơn hàng này đã được thanh toán.');
  });

  it('cancels with a signed notification; an expired order can no longer be paid', async () => {
    const c = order();
    const { paymentUrl } = await gateway.createOrder(c);
    const res = await pay(paymentUrl, 'cancel');
    expect(new URL(res.headers.get('location')!).searchParams.get('status')).toBe('cancelled');
    expect(gateway.readNotification(shop.received.at(-1))).toMatchObject({ orderId: c.orderId, status: 'cancelled', transactionId: null });

    const e = order();
    const late = await gateway.createOrder(e);
    clock += 16 * 60_000;
    expect((await pay(late.paymentUrl, 'pay')).status).toBe(410);
    expect((await gateway.queryOrder(e.orderId)).status).toBe('expired');
  });

  it('refuses a wrong secret, a tampered notification and an unreachable platform', async () => {
    const wrong = new HttpPaymentGateway({ url: sim.url, merchantId: MERCHANT, secret: `${SECRET}x` });
    expect(await codeOf(wrong.createOrder(order()))).toBe('PAYMENT_GATEWAY_UNAVAILABLE');
    const body = shop.received.at(-1) as Record<string, unknown>;
    expect(await codeOf(Promise.resolve().then(() => gateway.readNotification({ ...body, amount: 1 })))).toBe('PAYMENT_SIGNATURE_INVALID');
    expect(await codeOf(Promise.resolve().then(() => wrong.readNotification(body)))).toBe('PAYMENT_SIGNATURE_INVALID');
    expect(await codeOf(Promise.resolve().then(() => gateway.readNotification({ orderId: 'x' })))).toBe('VALIDATION_FAILED');
    const dead = new HttpPaymentGateway({ url: 'http://127.0.0.1:9', merchantId: MERCHANT, secret: SECRET, timeoutMs: 2_000 });
    expect(await codeOf(dead.queryOrder('TT261130AAAA'))).toBe('PAYMENT_GATEWAY_UNAVAILABLE');
  });
});
