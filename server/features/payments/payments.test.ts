import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signed } from '../../adapters/payment/hmac';
import { loadConfig } from '../../config/config';
import { DEMO_MERCHANT_NAME, type PaymentSimulator, startPaymentSimulator } from '../../sim/payment/server';
import { type Client, type TestApp, createTestApp } from '../../../tests/support/app';
import { ENGINES } from '../../../tests/support/database';
import { act, intakeFor } from '../../../tests/support/dossiers';
import { pdfTextRuns } from '../../../tests/support/pdf-text';
import { type PaymentDeps, paymentDeps } from './deps';
import { reconcilePayments } from './reconcile';

const SECRET = 'payments-test-secret-0123456789abcdef-0123';
const AN = '031085012345';
const BINH = '031192004567';
/** Lý lịch tư pháp: a fixed fee of 200 000 đồng, received at the city service centre (motcua). */
const FEE = 200_000;

/** A loopback port free right now (the app must know its own address before it listens: it is in the notify URL). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

const pay = (url: string, action: 'pay' | 'cancel') => fetch(url, { method: 'POST', body: new URLSearchParams({ action }), redirect: 'manual' });

describe.each(ENGINES)('fees paid online, at the counter and by post (%s)', (engine) => {
  let t: TestApp;
  let sim: PaymentSimulator;
  let deps: PaymentDeps;
  let appUrl: string;
  let motcua: Client;
  let an: Client;
  let binh: Client;
  let clock = Date.now();

  beforeAll(async () => {
    const port = await freePort();
    appUrl = `http://127.0.0.1:${port}`;
    sim = await startPaymentSimulator({ port: 0, merchants: [{ id: 'MOTCUA-HP', secret: SECRET, name: DEMO_MERCHANT_NAME }], retryDelaysMs: [10, 10], now: () => clock });
    const env = { PUBLIC_URL: appUrl, PAYMENT_GATEWAY_URL: sim.url, PAYMENT_SECRET: SECRET, BLOB_DIR: mkdtempSync(path.join(os.tmpdir(), 'motcua-pay-blobs-')) };
    t = await createTestApp(engine, { env });
    await t.app.listen({ port, host: '127.0.0.1' });
    // the reconciliation job's deps, over the same database and blob store as the app
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'motcua-pay-')), SESSION_SECRET: 'x'.repeat(40), ...env });
    deps = paymentDeps(config, t.database.db, { info: () => {}, warn: () => {} });
    [motcua, an, binh] = await Promise.all([t.login('motcua'), t.loginCitizen(AN), t.loginCitizen(BINH)]);
  });
  afterAll(async () => {
    await sim.close();
    await t.close();
  });

  /** A dossier of An's registered at the centre (status new, known by its id). */
  async function ansDossier(): Promise<string> {
    const res = await motcua.post('/api/v1/dossiers', { ...intakeFor('2.000488', AN), channel: 'online', returnMethod: 'online' });
    expect(res.statusCode).toBe(201);
    return res.json().dossier.id;
  }
  const portal = (ref: string) => `/api/v1/portal/dossiers/${ref}/payments`;
  const db = () => t.database.db;
  const paidEvents = async (dossierId: string) => (await db().selectFrom('audit_events').select('seq').where('entity_id', '=', dossierId).where('action', '=', 'dossier.payment_paid').execute()).length;
  const receivedNotices = async (dossierId: string) =>
    (await db().selectFrom('jobs').select('id').where('kind', '=', 'notify').where('payload', '@>', JSON.stringify({ event: 'payment_received', dossierId })).execute()).length;

  it('pays the fixed fee through the simulator: page, payment, signed notification, receipt; the back office sees it online', async () => {
    const id = await ansDossier();
    const due = (await an.get(portal(id))).json();
    expect(due).toMatchObject({ due: { required: true, basis: 'fixed_fees', total: FEE, paid: 0, outstanding: FEE, payableOnline: true, currency: 'VND' }, payments: [] });
    expect(due.due.fees[0]).toMatchObject({ amount: FEE });

    const started = await an.post(portal(id), {});
    expect(started.statusCode).toBe(201);
    const { payment, redirectUrl } = started.json();
    expect(payment).toMatchObject({ method: 'online', status: 'pending', amount: FEE, currency: 'VND', paymentUrl: redirectUrl, receiptUrl: null });
    expect(redirectUrl.startsWith(`${sim.url}/pay/`)).toBe(true);
    // a second click offers the same payment
    expect((await an.post(portal(id), {})).json().payment.id).toBe(payment.id);

    const page = await (await fetch(redirectUrl)).text();
    expect(page).toContain('CỔNG THANH TOÁN MÔ PHỎNG');
    expect(page).toContain('200.000 đồng');
    const back = await pay(redirectUrl, 'pay');
    expect(back.status).toBe(303);
    const landing = new URL(back.headers.get('location')!);
    expect(`${landing.origin}${landing.pathname}`).toBe(`${appUrl}/ho-so/${id}`);
    expect(landing.searchParams.get('payment')).toBe(payment.orderId);
    expect(sim.deliveries.filter((d) => d.orderId === payment.orderId).map((d) => d.status)).toEqual([200]);

    const after = (await an.get(portal(id))).json();
    expect(after.due).toMatchObject({ paid: FEE, outstanding: 0, payableOnline: false });
    const p = after.payments[0];
    expect(p).toMatchObject({ id: payment.id, status: 'paid', receiptNumber: `BL${payment.orderId.slice(2)}`, paymentUrl: null });
    expect(p.transactionId).toMatch(/^SIM/);
    const receipt = await an.get(p.receiptUrl);
    expect(receipt.headers['content-type']).toBe('application/pdf');
    const text = pdfTextRuns((receipt as unknown as { rawPayload: Buffer }).rawPayload).join(' ');
    for (const s of ['BIÊN LAI THU PHÍ, LỆ PHÍ', 'Nguyễn Văn An', '200.000 đồng', 'Hai trăm nghìn đồng', p.transactionId]) expect(text).toContain(s);

    const staff = (await motcua.get(`/api/v1/dossiers/${id}/payments`)).json();
    expect(staff.payments).toEqual([expect.objectContaining({ id: payment.id, method: 'online', status: 'paid', receiptUrl: `/api/v1/dossiers/${id}/payments/${payment.id}/receipt.pdf` })]);
    expect((await motcua.get(staff.payments[0].receiptUrl)).statusCode).toBe(200);
    expect(await paidEvents(id)).toBe(1);
    expect(await receivedNotices(id)).toBe(1);
    // nothing more to pay
    expect((await an.post(portal(id), {})).json().error.code).toBe('PAYMENT_NOTHING_DUE');
  });

  it('a payment that settles what an awaiting-fee dossier owes performs fee_paid as the system', async () => {
    const id = await ansDossier();
    const code = (await act(motcua, id, 'accept', 1, { components: ['1', '2'] })).json().dossier.code;
    const wait = await act(motcua, code, 'await_fee', 2, { reason: 'Chờ nộp lệ phí và phí sao', amount: 350_000 });
    expect(wait.json().dossier.status).toBe('awaiting_fee');
    expect((await an.get(portal(code))).json().due).toMatchObject({ basis: 'fee_demand', total: 350_000, outstanding: 350_000, demand: { amount: 350_000, reason: 'Chờ nộp lệ phí và phí sao' } });
    const { redirectUrl, payment } = (await an.post(portal(code), {})).json();
    expect(payment.amount).toBe(350_000);
    expect((await pay(redirectUrl, 'pay')).status).toBe(303);
    const dossier = (await motcua.get(`/api/v1/dossiers/${code}`)).json().dossier;
    expect(dossier.status).toBe('accepted');
    expect(dossier.history.at(-1)).toMatchObject({ action: 'fee_paid', actorId: 'system:payments' });
    expect((await an.get(portal(code))).json().due).toMatchObject({ outstanding: 0, confirmed: true });
  });

  it('refuses a notification with a wrong signature or amount, changing nothing; a replay pays once', async () => {
    const id = await ansDossier();
    const { redirectUrl, payment } = (await an.post(portal(id), {})).json();
    const forged = signed(`${SECRET}-not-ours`, { merchantId: 'MOTCUA-HP', orderId: payment.orderId, status: 'paid', amount: FEE, currency: 'VND', transactionId: 'SIM2026113099999999', paidAt: new Date().toISOString() });
    const bad = await t.app.inject({ method: 'POST', url: '/api/v1/payments/notify', payload: forged });
    expect([bad.statusCode, bad.json().error.code]).toEqual([400, 'PAYMENT_SIGNATURE_INVALID']);
    const wrongAmount = signed(SECRET, { ...forged, signature: undefined, amount: FEE - 1 });
    const short = await t.app.inject({ method: 'POST', url: '/api/v1/payments/notify', payload: wrongAmount, headers: { 'accept-language': 'en' } });
    expect([short.statusCode, short.json().error.code]).toEqual([400, 'PAYMENT_AMOUNT_MISMATCH']);
    expect(short.json().error.message).toMatch(/does not match the order/);
    const fractional = signed(SECRET, { ...forged, signature: undefined, amount: FEE + 0.5 });
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/payments/notify', payload: fractional })).statusCode).toBe(400);
    const unknown = signed(SECRET, { ...forged, signature: undefined, orderId: 'TT000000UNKNOWN' });
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/payments/notify', payload: unknown })).json().error.code).toBe('PAYMENT_ORDER_UNKNOWN');
    expect((await an.get(portal(id))).json().payments[0]).toMatchObject({ status: 'pending', transactionId: null });
    expect(await paidEvents(id)).toBe(0);

    await pay(redirectUrl, 'pay');
    const delivered = sim.deliveries.find((d) => d.orderId === payment.orderId && d.status === 200)!;
    for (let i = 0; i < 3; i++) {
      const again = await t.app.inject({ method: 'POST', url: '/api/v1/payments/notify', payload: delivered.body });
      expect([again.statusCode, again.json().result]).toEqual([200, 'duplicate']);
    }
    const payments = (await an.get(portal(id))).json().payments;
    expect(payments.filter((p: { status: string }) => p.status === 'paid')).toHaveLength(1);
    expect(await paidEvents(id)).toBe(1);
    expect(await receivedNotices(id)).toBe(1);
    // another transaction on the paid order is refused
    const second = signed(SECRET, { ...(delivered.body as Record<string, string>), signature: undefined, transactionId: 'SIM2026113000000001' });
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/payments/notify', payload: second })).json().error.code).toBe('PAYMENT_ALREADY_SETTLED');
  });

  it('the reconciliation settles payments whose notification never came: paid, cancelled, expired', async () => {
    const [paidId, cancelledId, expiredId] = [await ansDossier(), await ansDossier(), await ansDossier()];
    const start = async (id: string) => (await an.post(portal(id), {})).json();
    const [p1, p2, p3] = [await start(paidId), await start(cancelledId), await start(expiredId)];
    sim.faults.dropNotifications = true;
    try {
      await pay(p1.redirectUrl, 'pay');
      await pay(p2.redirectUrl, 'cancel');
    } finally {
      sim.faults.dropNotifications = false;
    }
    expect((await an.get(portal(paidId))).json().payments[0].status).toBe('pending');
    // not yet stale: nothing asked
    expect((await reconcilePayments(deps, Date.now())).examined).toBe(0);
    clock += 20 * 60_000;
    const run = await reconcilePayments(deps, Date.now() + 20 * 60_000);
    expect(run).toMatchObject({ failed: 0 });
    expect(run.settled).toBeGreaterThanOrEqual(3);
    const [a, b, c] = await Promise.all([paidId, cancelledId, expiredId].map(async (id) => (await an.get(portal(id))).json()));
    expect(a.payments[0]).toMatchObject({ id: p1.payment.id, status: 'paid' });
    expect(a.payments[0].receiptUrl).not.toBeNull();
    expect(b.payments[0]).toMatchObject({ id: p2.payment.id, status: 'failed' });
    expect(c.payments[0]).toMatchObject({ id: p3.payment.id, status: 'expired' });
    expect(b.due.outstanding).toBe(FEE);
    // a second run finds nothing left, and the late notification of the paid one changes nothing
    expect((await reconcilePayments(deps, Date.now() + 20 * 60_000)).settled).toBe(0);
    expect(await paidEvents(paidId)).toBe(1);
    // the cancelled one can be paid again: a new order (the platform's clock back to the app's)
    clock = Date.now();
    const retry = await start(cancelledId);
    expect(retry.payment.id).not.toBe(p2.payment.id);
  });

  it('records counter and postal payments (once per receipt number), and fee_paid follows', async () => {
    const id = await ansDossier();
    const url = `/api/v1/dossiers/${id}/payments`;
    for (const amount of [150_000.5, -1, 0, '200000']) {
      const res = await motcua.post(url, { method: 'counter', amount, receiptNumber: '0000123' });
      expect([res.statusCode, res.json().error.code], String(amount)).toEqual([400, 'PAYMENT_AMOUNT_INVALID']);
    }
    expect((await motcua.post(url, { method: 'online', amount: FEE, receiptNumber: '0000123' })).statusCode).toBe(400);
    const half = await motcua.post(url, { method: 'counter', amount: 100_000, receiptNumber: 'BL-0000123' });
    expect(half.statusCode).toBe(201);
    expect(half.json()).toMatchObject({ payment: { method: 'counter', status: 'paid', amount: 100_000, receiptNumber: 'BL-0000123', receiptUrl: null }, due: { paid: 100_000, outstanding: 100_000 } });
    const again = await motcua.post(url, { method: 'post', amount: 100_000, receiptNumber: 'BL-0000123' });
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'PAYMENT_RECEIPT_DUPLICATE']);
    expect((await motcua.post(url, { method: 'counter', amount: 1, receiptNumber: 'X', paidAt: '2099-01-01T08:00:00+07:00' })).json().error.code).toBe('PAYMENT_PAID_AT_INVALID');
    // the citizen pays the rest online
    expect((await an.get(portal(id))).json().due.outstanding).toBe(100_000);

    const code = (await act(motcua, id, 'accept', 1, { components: ['1', '2'] })).json().dossier.code;
    await act(motcua, code, 'await_fee', 2, { reason: 'Chờ nộp phần lệ phí còn lại' });
    const rest = await motcua.post(`/api/v1/dossiers/${code}/payments`, { method: 'post', amount: 100_000, receiptNumber: 'BC-77' });
    expect(rest.json().due).toMatchObject({ outstanding: 0, confirmed: true });
    const dossier = (await motcua.get(`/api/v1/dossiers/${code}`)).json().dossier;
    expect([dossier.status, dossier.history.at(-1).action]).toEqual(['accepted', 'fee_paid']);
    expect((await motcua.get(`/api/v1/dossiers/${code}/payments`)).json().payments.map((p: { method: string }) => p.method)).toEqual(['post', 'counter']);
  });

  it('keeps payments to the dossier’s own people: another citizen gets 404, staff outside the unit or role 403', async () => {
    const id = await ansDossier();
    for (const res of [await binh.get(portal(id)), await binh.post(portal(id), {})]) expect([res.statusCode, res.json().error.code]).toEqual([404, 'NOT_FOUND']);
    expect(await db().selectFrom('payments').select('id').where('dossier_id', '=', id).execute()).toEqual([]);
    const ward = await t.login('motcua.xa');
    const outside = await ward.post(`/api/v1/dossiers/${id}/payments`, { method: 'counter', amount: FEE, receiptNumber: 'W-1' });
    expect([outside.statusCode, outside.json().error.code]).toEqual([403, 'FORBIDDEN_OUTSIDE_UNIT']);
    const specialist = await t.login('chuyenvien');
    expect((await specialist.post(`/api/v1/dossiers/${id}/payments`, { method: 'counter', amount: FEE, receiptNumber: 'S-1' })).json().error.code).toBe('FORBIDDEN');
    expect((await t.app.inject({ method: 'GET', url: portal(id) })).statusCode).toBe(401);
  });
});
