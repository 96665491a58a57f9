import { describe, expect, it } from 'vitest';
import { MAX_VND, formatVnd, isVndAmount, vndAmount, vndInWords } from './money';

describe('amounts in đồng', () => {
  it('accepts positive whole đồng only', () => {
    expect(vndAmount.safeParse(200_000).success).toBe(true);
    for (const bad of [0, -1, 1.5, 200_000.01, Number.NaN, MAX_VND + 1, '200000', null]) {
      const r = vndAmount.safeParse(bad);
      expect(r.success, String(bad)).toBe(false);
      expect(r.error?.issues[0]?.message).toBe('PAYMENT_AMOUNT_INVALID');
      expect(isVndAmount(bad)).toBe(false);
    }
  });

  it('prints amounts with the Vietnamese and English separators', () => {
    expect(formatVnd(200_000)).toBe('200.000 đồng');
    expect(formatVnd(1_234_567, 'en')).toBe('1,234,567 VND');
    expect(formatVnd(500)).toBe('500 đồng');
  });

  it('writes amounts in words as receipts print them', () => {
    const cases: [number, string][] = [
      [0, 'Không đồng'],
      [5, 'Năm đồng'],
      [10, 'Mười đồng'],
      [15, 'Mười lăm đồng'],
      [21, 'Hai mươi mốt đồng'],
      [24, 'Hai mươi tư đồng'],
      [25, 'Hai mươi lăm đồng'],
      [105, 'Một trăm linh năm đồng'],
      [111, 'Một trăm mười một đồng'],
      [15_000, 'Mười lăm nghìn đồng'],
      [200_000, 'Hai trăm nghìn đồng'],
      [1_005_000, 'Một triệu không trăm linh năm nghìn đồng'],
      [1_000_500, 'Một triệu năm trăm đồng'],
      [1_000_050, 'Một triệu không trăm năm mươi đồng'],
      [2_500_000_000, 'Hai tỷ năm trăm triệu đồng'],
      [1_000_000_001, 'Một tỷ không trăm linh một đồng'],
      [MAX_VND, 'Chín trăm chín mươi chín tỷ chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi chín đồng'],
    ];
    for (const [n, words] of cases) expect(vndInWords(n), String(n)).toBe(words);
    expect(() => vndInWords(1.5)).toThrow(RangeError);
  });
});
