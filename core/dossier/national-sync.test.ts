import { describe, expect, it } from 'vitest';
import { type NationalSyncSource, maskPersonName, nationalSyncPayload, nationalSyncRequest, portalTime } from './national-sync';

const source: NationalSyncSource = {
  code: '000.00.30.H26-261201-0001',
  version: 3,
  procedureCode: '2.000488',
  receivingUnitCode: '000.00.30.H26',
  handlingUnitCode: '000.01.03.H26',
  channel: 'postal',
  status: 'processing',
  applicantKind: 'citizen',
  applicantIdNumber: '031085012345',
  applicantName: '  Nguyễn Văn  ân ',
  submittedAt: new Date('2026-12-01T01:02:03.456Z'),
  receivedAt: new Date('2026-12-01T01:30:00Z'),
  dueAt: new Date('2026-12-15T10:00:00Z'),
  finishedAt: null,
  returnedAt: null,
};

describe('the national sync message', () => {
  it('numbers channel and status as the portal does and writes instants as yyyyMMddHHmmss in UTC+7', () => {
    const p = nationalSyncPayload(source);
    expect(p).toEqual({
      MaHoSo: '000.00.30.H26-261201-0001',
      PhienBan: 3,
      MaTTHC: '2.000488',
      MaCoQuan: '000.00.30.H26',
      MaCoQuanXuLy: '000.01.03.H26',
      KenhThucHien: 3,
      TrangThaiHoSo: 4,
      LoaiDoiTuong: 1,
      ChuHoSo: 'Nguyễn V. Â.',
      MaDoiTuong: '031******345',
      NgayNopHoSo: '20261201080203',
      NgayTiepNhan: '20261201083000',
      NgayHenTra: '20261215170000',
      NgayKetThucXuLy: null,
      NgayTra: null,
    });
    expect(portalTime(new Date('2026-12-31T17:00:00Z'))).toBe('20270101000000');
  });

  it('never carries a citizen’s full personal number or full name', () => {
    const p = nationalSyncPayload({ ...source, status: 'returned', finishedAt: new Date('2026-12-10T03:00:00Z'), returnedAt: new Date('2026-12-11T03:00:00Z') });
    const text = JSON.stringify(p);
    expect(text).not.toContain('031085012345');
    expect(text).not.toContain('Văn');
    expect(p).toMatchObject({ TrangThaiHoSo: 10, NgayKetThucXuLy: '20261210100000', NgayTra: '20261211100000' });
    expect(maskPersonName('An')).toBe('An');
    expect(maskPersonName('   ')).toBe('');
  });

  it('sends an organisation’s tax code and name as they are (public register)', () => {
    const p = nationalSyncPayload({ ...source, applicantKind: 'organisation', applicantIdNumber: '0201234569', applicantName: 'Công ty TNHH Hải Âu', channel: 'online', status: 'new' });
    expect(p).toMatchObject({ LoaiDoiTuong: 2, MaDoiTuong: '0201234569', ChuHoSo: 'Công ty TNHH Hải Âu', KenhThucHien: 2, TrangThaiHoSo: 1 });
  });

  it('is a valid request once the sender, the time and a signature are added', () => {
    const message = { ...nationalSyncPayload(source), MaHeThong: 'MOTCUA-HP', ThoiGianGui: '2026-12-01T01:02:03.000Z', signature: 'a'.repeat(64) };
    expect(nationalSyncRequest.safeParse(message).success).toBe(true);
    expect(nationalSyncRequest.safeParse({ ...message, TrangThaiHoSo: 11 }).success).toBe(false);
    expect(nationalSyncRequest.safeParse({ ...message, NgayNopHoSo: '2026-12-01' }).success).toBe(false);
  });
});
