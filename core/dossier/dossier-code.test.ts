import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error';
import { at } from './testing';
import { dossierCodeSchema, formatDossierCode, isDossierCode, parseDossierCode } from './dossier-code';

describe('dossier code', () => {
  it('formats with the date in Vietnamese time', () => {
    expect(formatDossierCode('000.00.15.H26', at('2026-11-30T08:00:00+07:00'), 1)).toBe('000.00.15.H26-261130-0001');
    // 17:30 UTC on 30 Nov is already 1 Dec in Hải Phòng
    expect(formatDossierCode('000.00.15.H26', at('2026-11-30T17:30:00Z'), 27)).toBe('000.00.15.H26-261201-0027');
    expect(formatDossierCode('000.00.15.H26', at('2026-11-30T08:00:00+07:00'), 12345)).toBe('000.00.15.H26-261130-12345');
  });

  it('parses back', () => {
    expect(parseDossierCode('000.00.15.H26-261130-0042')).toEqual({ unitCode: '000.00.15.H26', date: '2026-11-30', sequence: 42 });
  });

  it.each(['000.00.15.H26-261131-0001', '000.00.15.H26-261130-0000', '000.00.15.H26-261130-001', '00.00.15.H26-261130-0001', '000.00.15.H26-261130-01234', 'x'])(
    'refuses %s',
    (code) => {
      expect(isDossierCode(code)).toBe(false);
      expect(() => parseDossierCode(code)).toThrow(AppError);
      expect(dossierCodeSchema.safeParse(code).error?.issues[0]?.message).toBe('DOSSIER_CODE_INVALID');
    },
  );

  it('refuses a sequence it cannot write', () => {
    expect(() => formatDossierCode('000.00.15.H26', 0, 0)).toThrow(AppError);
    expect(() => formatDossierCode('bad', 0, 1)).toThrow(AppError);
  });

  it('format and parse are inverse (property)', () => {
    const instant = fc.integer({ min: at('2000-01-01T00:00:00+07:00'), max: at('2099-12-31T23:59:59+07:00') });
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 999_999 }), (ms, seq) => {
        const code = formatDossierCode('000.00.15.H26', ms, seq);
        const parts = parseDossierCode(code);
        expect(parts.sequence).toBe(seq);
        expect(formatDossierCode(parts.unitCode, at(`${parts.date}T12:00:00+07:00`), parts.sequence)).toBe(code);
      }),
    );
  });
});
