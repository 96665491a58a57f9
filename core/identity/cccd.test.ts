import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CCCD_PROVINCES, cccdSchema, isPlausibleCccd, isValidCccd, parseCccd } from './cccd';

const provinceCodes = Object.keys(CCCD_PROVINCES);
const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));

describe('parseCccd', () => {
  it('has the 63 provinces of Circular 07/2016, Hải Phòng being 031', () => {
    expect(provinceCodes).toHaveLength(63);
    expect(CCCD_PROVINCES['031']).toBe('Hải Phòng');
    expect(CCCD_PROVINCES['001']).toBe('Hà Nội');
    expect(CCCD_PROVINCES['096']).toBe('Cà Mau');
  });

  it('decodes a Hải Phòng woman born in 2003', () => {
    expect(parseCccd('031303004567')).toEqual({
      ok: true,
      value: '031303004567',
      province: { code: '031', name: 'Hải Phòng' },
      sex: 'female',
      century: 21,
      birthYearSuffix: '03',
      birthYear: 2003,
    });
  });

  it('decodes a Hà Nội man born in 1985 and trims spaces', () => {
    const r = parseCccd(' 001085012345 ');
    expect(r).toMatchObject({ ok: true, sex: 'male', century: 20, birthYear: 1985, province: { code: '001' } });
  });

  it.each([
    ['03120300456', 'format'],
    ['0312030045678', 'format'],
    ['03120300456a', 'format'],
    ['', 'format'],
    ['003203004567', 'province'],
    ['000203004567', 'province'],
    ['097203004567', 'province'],
    ['100203004567', 'province'],
  ])('refuses %j (%s)', (value, reason) => {
    expect(parseCccd(value)).toEqual({ ok: false, reason });
  });

  it('accepts every province × century/sex digit × year (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...provinceCodes), fc.integer({ min: 0, max: 9 }), digits(2), digits(6), (p, g, yy, rest) => {
        const r = parseCccd(`${p}${g}${yy}${rest}`);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.sex).toBe(g % 2 === 0 ? 'male' : 'female');
        expect(r.birthYear).toBe(1900 + Math.floor(g / 2) * 100 + Number(yy));
      }),
    );
  });

  it('refuses any prefix that is not a province code (property)', () => {
    const notProvince = digits(3).filter((p) => !provinceCodes.includes(p));
    fc.assert(fc.property(notProvince, digits(9), (p, rest) => !isValidCccd(p + rest)));
  });

  it('isPlausibleCccd refuses a birth year in the future', () => {
    expect(isPlausibleCccd('031303004567', 2026)).toBe(true);
    expect(isPlausibleCccd('031330004567', 2026)).toBe(false);
    expect(isPlausibleCccd('031430004567', 2026)).toBe(false);
  });

  it('cccdSchema reports IDENTITY_CCCD_INVALID', () => {
    expect(cccdSchema.parse(' 031303004567')).toBe('031303004567');
    const r = cccdSchema.safeParse('097203004567');
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('IDENTITY_CCCD_INVALID');
  });
});
