import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatTaxCode, isValidTaxCode, parseTaxCode, TAX_CODE_WEIGHTS, taxCheckDigit, taxCodeSchema } from './tax-code';

const nine = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 }).map((d) => d.join(''));

describe('parseTaxCode', () => {
  it.each(['0100109106', '0300588569', '0100112437', '0101243150', '0100686174'])('accepts the real code %s', (code) => {
    expect(parseTaxCode(code)).toEqual({ ok: true, value: code, parent: code, branch: null });
  });

  it('accepts a 13-digit branch code with or without the dash, normalised', () => {
    expect(parseTaxCode('0100109106-001')).toEqual({ ok: true, value: '0100109106001', parent: '0100109106', branch: '001' });
    expect(parseTaxCode('0100109106999')).toMatchObject({ ok: true, value: '0100109106999', branch: '999' });
    expect(formatTaxCode('0100109106001')).toBe('0100109106-001');
  });

  it.each([
    ['0100109107', 'check_digit'],
    ['0100109106-000', 'branch'],
    ['0100109107-001', 'check_digit'],
    ['010010910', 'format'],
    ['01001091060', 'format'],
    ['0100109106--001', 'format'],
    ['0100109106-01', 'format'],
    ['01001O9106', 'format'],
  ])('refuses %j (%s)', (value, reason) => {
    expect(parseTaxCode(value)).toEqual({ ok: false, reason });
  });

  it('refuses nine digits whose sum is ≡ 0 mod 11 whatever the last digit', () => {
    // 0,0,0,0,0,0,0,0,0 sums to 0: the check would be 10, so no code starts with nine zeros
    expect(taxCheckDigit('000000000')).toBeNull();
    for (let d = 0; d <= 9; d++) expect(isValidTaxCode(`000000000${d}`)).toBe(false);
  });

  it('exactly one last digit completes any nine digits, unless none does (property)', () => {
    fc.assert(
      fc.property(nine, (first9) => {
        const sum = [...first9].reduce((s, c, i) => s + Number(c) * TAX_CODE_WEIGHTS[i]!, 0);
        const valid = [...'0123456789'].filter((d) => isValidTaxCode(first9 + d));
        expect(valid).toEqual(sum % 11 === 0 ? [] : [String(10 - (sum % 11))]);
      }),
    );
  });

  it('changing one digit of a valid code makes it invalid (property)', () => {
    const valid = nine.filter((n) => taxCheckDigit(n) !== null).map((n) => n + taxCheckDigit(n));
    fc.assert(
      fc.property(valid, fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 9 }), (code, pos, delta) => {
        const changed = code.slice(0, pos) + ((Number(code[pos]) + delta) % 10) + code.slice(pos + 1);
        // weights are distinct and coprime with 11, so a single-digit change always breaks the sum
        expect(isValidTaxCode(changed)).toBe(false);
      }),
    );
  });

  it('taxCodeSchema normalises and reports IDENTITY_TAX_CODE_INVALID', () => {
    expect(taxCodeSchema.parse(' 0100109106-001 ')).toBe('0100109106001');
    const r = taxCodeSchema.safeParse('0100109107');
    expect(r.error?.issues[0]?.message).toBe('IDENTITY_TAX_CODE_INVALID');
  });
});
