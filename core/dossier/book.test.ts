import { describe, expect, it } from 'vitest';
import { foldDeadline } from '../calendar/deadline';
import { formatInstant } from '../calendar/time';
import { AppError } from '../errors/app-error';
import { BOOK_MAX_DAYS, type BookEntry, bookPeriod, compareDossierCodes, dossierBookRow, dossierBookRows } from './book';
import { decide } from './decide';
import type { Dossier } from './dossier';
import { at, CAL, ctxAt, LEADER, OTHER_UNIT, POLICY, T0, UNIT, validInput, walk } from './testing';

const names = { unit: (code: string) => ({ [UNIT]: 'Trung tâm Phục vụ hành chính công', [OTHER_UNIT]: 'Sở Xây dựng' })[code] ?? code };
const entry = (dossier: Dossier): BookEntry => ({
  dossier,
  procedure: 'Cấp phiếu lý lịch tư pháp',
  applicant: { name: 'Nguyễn Thị Hường', address: 'Số 18 Lạch Tray, Hải Phòng', phone: '0912 345 678' },
  calendar: CAL,
  policy: POLICY,
});
const codeOf = (e: unknown) => (e instanceof AppError ? e.code : String(e));
const thrown = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return codeOf(e);
  }
  return 'no error';
};
// walk() takes one action every 15 minutes from 09:00 Monday 2 March 2026
const ACCEPTED_AT = T0 + 15 * 60_000;
const RECEIPT_DUE = foldDeadline(CAL, POLICY, [{ type: 'received', at: ACCEPTED_AT }]).dueAt!;

describe('bookPeriod', () => {
  it('covers local (UTC+7) days, the last one included', () => {
    expect(bookPeriod('2026-03-01', '2026-03-31')).toEqual({ from: at('2026-03-01T00:00:00+07:00'), to: at('2026-04-01T00:00:00+07:00') });
    expect(bookPeriod('2026-03-02', '2026-03-02')).toEqual({ from: at('2026-03-02T00:00:00+07:00'), to: at('2026-03-03T00:00:00+07:00') });
  });

  it('refuses a reversed, too long or impossible period with its code', () => {
    expect(thrown(() => bookPeriod('2026-03-02', '2026-03-01'))).toBe('DOSSIER_BOOK_PERIOD_INVALID');
    expect(thrown(() => bookPeriod('2028-01-01', '2028-12-31'))).toBe('no error'); // 366 days of a leap year
    expect(BOOK_MAX_DAYS).toBe(366);
    expect(thrown(() => bookPeriod('2026-01-01', '2027-01-02'))).toBe('DOSSIER_BOOK_PERIOD_TOO_LONG');
    expect(thrown(() => bookPeriod('2026-02-29', '2026-03-01'))).toBe('CALENDAR_DATE_INVALID');
  });
});

describe('dossierBookRow', () => {
  it('a returned dossier: dates of each column, processing unit, resolved ahead of its due', () => {
    const { dossier, now } = walk(['accept', 'hand_over', 'assign', 'submit_review', 'approve', 'issue_result', 'return_result']);
    const at = (action: string) => dossier.history.find((h) => h.action === action)!.at;
    expect(dossierBookRow(entry(dossier), names, now)).toEqual({
      code: dossier.code,
      procedure: 'Cấp phiếu lý lịch tư pháp',
      sets: 1,
      applicant: 'Nguyễn Thị Hường',
      contact: 'Số 18 Lạch Tray, Hải Phòng — 0912 345 678',
      leadUnit: 'Trung tâm Phục vụ hành chính công',
      receivedAt: ACCEPTED_AT,
      dueAt: RECEIPT_DUE,
      handedOverAt: at('hand_over'),
      resultReceivedAt: at('issue_result'),
      returnedAt: at('return_result'),
      note: 'Giải quyết trước hạn',
    });
  });

  it('a dossier never accepted has no row', () => {
    expect(dossierBookRow(entry(walk([]).dossier), names, T0)).toBeNull();
    expect(dossierBookRow(entry(walk(['refuse']).dossier), names, T0)).toBeNull();
  });

  it('an open dossier past its due says so; before it, it is in progress', () => {
    const { dossier } = walk(['accept', 'hand_over', 'assign']);
    expect(dossierBookRow(entry(dossier), names, RECEIPT_DUE)!.note).toBe('Đang giải quyết');
    expect(dossierBookRow(entry(dossier), names, RECEIPT_DUE + 60_000)!.note).toBe('Đang giải quyết, quá hạn');
  });

  it('keeps the receipt’s appointment and notes the apology and the new date', () => {
    const { dossier, now } = walk(['accept', 'hand_over', 'assign']);
    const apologised = decide(dossier, 'apologise', LEADER, validInput('apologise', dossier, now), ctxAt(now)).dossier;
    const newDue = CAL.addWorking(RECEIPT_DUE, 3 * CAL.dayLengthMs);
    const row = dossierBookRow(entry(apologised), names, RECEIPT_DUE + 60_000)!;
    expect(row.dueAt).toBe(RECEIPT_DUE);
    expect(formatInstant(newDue).slice(0, 10)).toBe('2026-03-19');
    expect(row.note).toBe('Đang giải quyết; Đã có phiếu xin lỗi; Hẹn trả mới 19/03/2026');
  });

  it('notes supplement requests, the status while waiting, and inter-agency transfers', () => {
    const waiting = walk(['accept', 'hand_over', 'assign', 'request_supplement_processing']).dossier;
    expect(dossierBookRow(entry(waiting), names, T0)!.note).toBe('Chờ bổ sung hồ sơ; Yêu cầu bổ sung 1 lần');
    const transferred = walk(['accept', 'hand_over', 'assign', 'transfer_interagency']).dossier;
    const row = dossierBookRow(entry(transferred), names, T0)!;
    expect(row.leadUnit).toBe('Trung tâm Phục vụ hành chính công');
    expect(row.note).toBe('Đang giải quyết; Liên thông: Sở Xây dựng');
    const stopped = walk(['accept', 'hand_over', 'assign', 'stop']).dossier;
    expect(dossierBookRow(entry(stopped), names, T0)!.note).toBe('Dừng xử lý');
  });

  it('leaves out an empty contact', () => {
    const { dossier } = walk(['accept']);
    const row = dossierBookRow({ ...entry(dossier), applicant: { name: 'Công ty TNHH Cảng Xanh', address: ' ', phone: null } }, names, T0)!;
    expect(row.contact).toBeUndefined();
  });
});

describe('dossierBookRows', () => {
  it('lists received dossiers in code order: day, then number (a five-digit number after 9999)', () => {
    const { dossier } = walk(['accept']);
    const withCode = (code: string) => entry({ ...dossier, code });
    const codes = [`${UNIT}-260303-0001`, `${UNIT}-260302-10000`, `${UNIT}-260302-9999`, `${UNIT}-260302-0002`];
    const rows = dossierBookRows([...codes.map(withCode), entry(walk([]).dossier)], names, T0);
    expect(rows.map((r) => r.code)).toEqual([`${UNIT}-260302-0002`, `${UNIT}-260302-9999`, `${UNIT}-260302-10000`, `${UNIT}-260303-0001`]);
    expect(compareDossierCodes(`${UNIT}-260302-0002`, `${UNIT}-260302-0002`)).toBe(0);
  });
});
