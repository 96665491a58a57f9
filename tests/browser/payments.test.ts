
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpPaymentGateway } from '../../server/adapters/payment/http-gateway';
import { DEMO_MERCHANT_NAME, type PaymentSimulator, startPaymentSimulator } from '../../server/sim/payment/server';
import { openPage, openSignedIn, scrollWidth, TEXT, unlabelledInputs, useBrowserSuite, withParams, PHONE, axeViolations } from './harness';

const P = TEXT.vi.payments;


describe('payments in the browser at 360 px', () => {
  const suite = useBrowserSuite();
  let sim: PaymentSimulator;

  beforeAll(async () => {
    sim = await startPaymentSimulator({ port: 0, merchants: [{ id: 'MOTCUA-HP', secret: 'browser-payment-secret-0123456789abcdef', name: DEMO_MERCHANT_NAME }] });
  });
  afterAll(() => sim.close());

  it('the simulator’s payment page is labelled, accessible and fits a phone', async () => {
    const gateway = new HttpPaymentGateway({ url: sim.url, merchantId: 'MOTCUA-HP', secret: 'browser-payment-secret-0123456789abcdef' });
    const order = await gateway.createOrder({
      orderId: 'TT261130BROWSER1',
      amount: 200_000,
      description: 'Nộp phí, lệ phí hồ sơ 000.00.15.H26-261130-0001 — Cấp Phiếu lý lịch tư pháp',
      returnUrl: `${suite.server.url}/ho-so/x?payment=TT261130BROWSER1`,
      notifyUrl: `${suite.server.url}/api/v1/payments/notify`,
      expiresAt: new Date(Date.now() + 15 * 60_000),
    });
    const { context, page } = await openPage(suite.browser, PHONE);
    try {
      await page.goto(order.paymentUrl);
      await page.getByRole('heading', { level: 1, name: 'Xác nhận thanh toán' }).waitFor();
      await page.getByText('CỔNG THANH TOÁN MÔ PHỎNG').waitFor();
      await page.getByText('200.000 đồng').waitFor();
      await page.getByRole('button', { name: 'Thanh toán' }).waitFor();
      await page.getByRole('button', { name: 'Hủy' }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
      expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    } finally {
      await context.close();
    }
  });

  it('a one-stop officer records a counter payment on the dossier page and sees it listed', async () => {
    const { context, page } = await openSignedIn(suite, 'motcua', PHONE);
    try {
      const me = await (await page.request.get(`${suite.server.url}/api/v1/auth/me`)).json();
      const created = await page.request.post(`${suite.server.url}/api/v1/dossiers`, {
        headers: { 'x-csrf-token': me.csrfToken },
        data: { procedureCode: '2.000488', applicant: { kind: 'citizen', idNumber: '031085012345', name: 'Nguyễn Văn An', phone: '0912345678' }, channel: 'counter', returnMethod: 'counter' },
      });
      expect(created.status()).toBe(201);
      const id = (await created.json()).dossier.id;
      await page.goto(`${suite.server.url}/staff/dossiers/${id}`);
      const section = page.getByRole('region', { name: P.title });
      await section.getByText('200.000 đồng').first().waitFor();
      await section.getByText(P.none).waitFor();

      await section.getByRole('textbox', { name: P.record.amount }).fill('1500000');
      await section.getByRole('button', { name: P.record.submit }).click();
      // the receipt number is required: nothing is sent without it
      await section.getByText(withParams(TEXT.vi.dossiers.invalid.required, { field: P.record.receiptNumber })).waitFor();
      await section.getByRole('textbox', { name: P.record.receiptNumber }).fill('BL-0000001');
      await section.getByRole('button', { name: P.record.submit }).click();
      await section.getByText(withParams(P.record.done, { amount: '1.500.000 đồng' })).waitFor();
      const item = section.getByRole('listitem');
      await item.getByText('Tại Bộ phận Một cửa').waitFor();
      await item.getByText('Đã thanh toán').waitFor();
      await item.getByText(withParams(P.receiptNumber, { number: 'BL-0000001' })).waitFor();

      expect(await axeViolations(page)).toEqual([]);
      expect(await unlabelledInputs(page)).toEqual([]);
      expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    } finally {
      await context.close();
    }
  });
});
