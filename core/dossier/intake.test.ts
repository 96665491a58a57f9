import { describe, expect, it } from 'vitest';
import { intakeBody } from './intake';

const citizen = { kind: 'citizen', idNumber: '031303004567', name: 'Nguyễn Thị Hường', phone: '0912 345 678' };
const company = { kind: 'organisation', taxCode: '0100109106-001', name: 'Chi nhánh Tập đoàn Viettel tại Hải Phòng' };
const body = { procedureCode: '1.001612', applicant: citizen, channel: 'counter', returnMethod: 'counter' };
const codes = (value: unknown) => intakeBody.safeParse(value).error?.issues.map((i) => i.message) ?? [];

describe('intakeBody', () => {
  it('accepts a citizen at the counter and an organisation by post, normalising the tax code', () => {
    expect(intakeBody.parse(body).applicant).toMatchObject({ kind: 'citizen', idNumber: '031303004567' });
    const postal = intakeBody.parse({ ...body, applicant: company, channel: 'postal', postal: { trackingNumber: 'EB123456789VN', deliveredAt: '2026-03-02T10:00:00+07:00' } });
    expect(postal.applicant).toMatchObject({ taxCode: '0100109106001' });
    expect(postal.postal?.deliveredAt).toBe(Date.parse('2026-03-02T03:00:00Z'));
  });

  it('refuses an invalid CCCD or tax code with their codes', () => {
    expect(codes({ ...body, applicant: { ...citizen, idNumber: '097303004567' } })).toEqual(['IDENTITY_CCCD_INVALID']);
    expect(codes({ ...body, applicant: { ...company, taxCode: '0100109107' } })).toEqual(['IDENTITY_TAX_CODE_INVALID']);
  });

  it('a postal dossier needs its postal details', () => {
    expect(codes({ ...body, channel: 'postal' })).toEqual(['DOSSIER_POSTAL_DETAILS_REQUIRED']);
  });
});
