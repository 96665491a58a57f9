import { describe, expect, it } from 'vitest';
import { parseInstant } from '@core/calendar/time';
import { maskEmail, maskEmailsIn } from '../../adapters/mail/mask-address';
import { maskPhone } from '../../adapters/sms/mask-phone';
import { actionNotification } from './actions';
import { NOTIFICATION_EVENTS } from './enqueue';
import { renderNotification } from './render';
import type { NotificationFacts } from './templates';

const facts: NotificationFacts = {
  applicantName: 'Nguyễn Văn An',
  code: '000.00.30.H26-261130-0007',
  procedureName: 'Cấp Phiếu lý lịch tư pháp',
  receivingUnit: 'Trung tâm Phục vụ hành chính công thành phố',
  handlingUnit: 'Phòng Hành chính tư pháp',
  returnMethod: 'online',
  dueAt: parseInstant('2026-12-14T17:00:00+07:00'),
};
const URL = 'https://dichvucong.haiphong.gov.vn';

describe('notification messages', () => {
  it('renders every event in both languages: subject, text, HTML and SMS', () => {
    for (const event of NOTIFICATION_EVENTS) {
      for (const locale of ['vi', 'en'] as const) {
        const r = renderNotification(event, facts, { items: ['Bản chụp CCCD'], amount: 200000, reason: 'Lý do', newDueAt: facts.dueAt! + 86_400_000 }, locale, URL);
        expect(r.subject, `${event} ${locale}`).toContain(facts.code);
        expect(r.text).toContain(locale === 'vi' ? 'Kính gửi Nguyễn Văn An,' : 'Dear Nguyễn Văn An,');
        expect(r.text).toContain(URL);
        expect(r.html).toContain(`<html lang="${locale}">`);
        expect(r.sms.length, `${event} ${locale} SMS`).toBeLessThanOrEqual(160);
        expect(r.sms).toContain(facts.code);
      }
    }
  });

  it('says the Vietnamese with its diacritics, the due date and the amounts as written in Vietnam', () => {
    const received = renderNotification('received', facts, {}, 'vi', URL);
    expect(received.subject).toBe('Hồ sơ 000.00.30.H26-261130-0007 đã được tiếp nhận');
    expect(received.text).toContain('Ngày hẹn trả kết quả: 14/12/2026 17:00');
    expect(received.sms).toBe('Hồ sơ 000.00.30.H26-261130-0007 đã được tiếp nhận. Hẹn trả kết quả: 14/12/2026.');
    const fee = renderNotification('fee_due', facts, { amount: 1_250_000, reason: 'Lệ phí cấp phiếu' }, 'vi', URL);
    expect(fee.text).toContain('Số tiền: 1.250.000 đồng');
    expect(renderNotification('fee_due', facts, { amount: 1_250_000 }, 'en', URL).text).toContain('Amount: VND 1,250,000');
    const supplement = renderNotification('supplement_requested', facts, { items: ['Tờ khai có chữ ký', 'Bản chụp CCCD rõ nét'], note: 'Nộp trước thứ Sáu' }, 'vi', URL);
    expect(supplement.text).toContain('1. Tờ khai có chữ ký\n2. Bản chụp CCCD rõ nét');
    expect(supplement.html).toContain('<ol><li>Tờ khai có chữ ký</li><li>Bản chụp CCCD rõ nét</li></ol>');
    const paid = renderNotification('payment_received', facts, { amount: 200000, method: 'online', receiptNumber: 'BL-2026-000123' }, 'vi', URL);
    expect(paid.text).toContain('Số tiền: 200.000 đồng\nHình thức: thanh toán trực tuyến\nSố biên lai: BL-2026-000123');
    expect(renderNotification('result_ready', { ...facts, returnMethod: 'counter' }, {}, 'vi', URL).text).toContain(`Mời Ông/Bà đến nhận kết quả tại ${facts.receivingUnit}.`);
  });

  it('names a dossier without a code by its procedure, and escapes everything in the HTML', () => {
    const r = renderNotification('refused', { ...facts, code: null, applicantName: '<script>alert(1)</script>' }, { reason: 'Thiếu "tờ khai" & ảnh' }, 'vi', URL);
    expect(r.subject).toBe('Hồ sơ “Cấp Phiếu lý lịch tư pháp” không được tiếp nhận');
    expect(r.html).not.toContain('<script>');
    expect(r.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(r.html).toContain('Thiếu &quot;tờ khai&quot; &amp; ảnh');
  });

  it('puts the lookup secret in the e-mail of a submission, never in its SMS', () => {
    const r = renderNotification('submitted', facts, { code: facts.code!, lookupSecret: 'K7M2-Q9XA' }, 'vi', URL);
    expect(r.text).toContain('Mã tra cứu: K7M2-Q9XA');
    expect(r.html).toContain('K7M2-Q9XA');
    expect(r.sms).not.toContain('K7M2-Q9XA');
  });

  it('masks phone numbers and e-mail addresses', () => {
    expect(maskPhone('0912345678')).toBe('091****678');
    expect(maskPhone('0912 345 678')).toBe('091****678');
    expect(maskPhone('+84912345678')).toBe('+84******678');
    expect(maskEmail('an.nguyen@example.vn')).toBe('a***@example.vn');
    expect(maskEmailsIn('550 <an.nguyen@example.vn>: mailbox unavailable')).toBe('550 <a***@example.vn>: mailbox unavailable');
  });

  it('maps the actions the applicant hears about, only when there is a contact and not for replays of history', () => {
    const row = { id: 'd1', code: 'X-1', due_at: new Date(facts.dueAt!), applicant_contact: { phone: '0912345678' } };
    const now = parseInstant('2026-12-01T09:00:00+07:00');
    const who = { requestId: 'req-1', now };
    expect(actionNotification(who, row, 'accept', { input: { code: 'X-1', components: ['1'] } }, now)).toEqual({ event: 'received', dossierId: 'd1', data: { at: now, code: 'X-1', dueAt: facts.dueAt } });
    expect(actionNotification(who, row, 'await_fee', { input: { reason: 'Lệ phí', amount: 200000 } }, now)?.data).toEqual({ at: now, code: 'X-1', reason: 'Lệ phí', amount: 200000 });
    expect(actionNotification(who, row, 'request_supplement_processing', { input: { items: ['A'] } }, now)?.event).toBe('supplement_requested');
    expect(actionNotification(who, row, 'hand_over', { input: {} }, now)).toBeNull();
    expect(actionNotification(who, { ...row, applicant_contact: { address: 'Số 1 Lê Chân' } }, 'accept', { input: {} }, now)).toBeNull();
    // the demo seed's replayed history, and an action recorded at another instant than the wall clock's
    expect(actionNotification({ requestId: 'demo-seed:2026-12-01T02:00:00.000Z', now }, row, 'accept', { input: {} }, now)).toBeNull();
    expect(actionNotification({ requestId: 'test-accept', now: now - 2 * 3_600_000 }, row, 'accept', { input: {} }, now)).toBeNull();
    expect(actionNotification({ requestId: 'req-2', now: now - 60_000 }, row, 'accept', { input: {} }, now)?.event).toBe('received');
  });
});
