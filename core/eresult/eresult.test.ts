import { describe, expect, it } from 'vitest';
import { eresultStatus, maskHolder, parseResultCode, resultCode } from './eresult';

describe('e-result rules', () => {
  it('numbers result codes per dossier and parses them back', () => {
    expect(resultCode('000.01.03.H26-261201-0001', 1)).toBe('000.01.03.H26-261201-0001-KQ1');
    expect(parseResultCode('000.01.03.H26-261201-0001-kq12')).toEqual({ dossierCode: '000.01.03.H26-261201-0001', n: 12 });
    expect(parseResultCode('ABC-KQ0')).toBeNull();
    expect(parseResultCode('ABC KQ1')).toBeNull();
    expect(() => resultCode('X', 0)).toThrow(RangeError);
  });
  it('decides the status: revoked before superseded before valid; unknown when absent', () => {
    expect(eresultStatus(undefined)).toBe('unknown');
    expect(eresultStatus({ revokedAt: null, supersededBy: null })).toBe('valid');
    expect(eresultStatus({ revokedAt: null, supersededBy: 'X-KQ2' })).toBe('superseded');
    expect(eresultStatus({ revokedAt: new Date(), supersededBy: 'X-KQ2' })).toBe('revoked');
  });
  it('masks the holder to initials', () => {
    expect(maskHolder('Nguyễn Văn  An')).toBe('N***** V** A*');
    expect(maskHolder('Ư')).toBe('Ư*');
  });
});
