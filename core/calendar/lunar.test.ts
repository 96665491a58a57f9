import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error';
import { convertLunar2Solar, convertSolar2Lunar, lunarToJd } from './lunar';
import { dayFromYmd, ymdFromDay } from './time';

/*
 * Known Gregorian dates of Tết (1/1 lunar) and Giỗ Tổ Hùng Vương (10/3 lunar) in Vietnam, 1990–2050,
 * typed in from published Vietnamese calendars (lịch vạn niên, the government's yearly holiday notices
 * for the recent years) and cross-checked against the independent tables of the vacanza/holidays
 * project (Chinese tables with their Vietnamese corrections: Tết 2007, 2030; Hùng Kings 2009, 2037, 2038).
 * Not produced by this code: they are the yardstick it is measured against.
 */
const TET: Record<number, string> = {
  1990: '01-27', 1991: '02-15', 1992: '02-04', 1993: '01-23', 1994: '02-10', 1995: '01-31', 1996: '02-19',
  1997: '02-07', 1998: '01-28', 1999: '02-16', 2000: '02-05', 2001: '01-24', 2002: '02-12', 2003: '02-01',
  2004: '01-22', 2005: '02-09', 2006: '01-29', 2007: '02-17', 2008: '02-07', 2009: '01-26', 2010: '02-14',
  2011: '02-03', 2012: '01-23', 2013: '02-10', 2014: '01-31', 2015: '02-19', 2016: '02-08', 2017: '01-28',
  2018: '02-16', 2019: '02-05', 2020: '01-25', 2021: '02-12', 2022: '02-01', 2023: '01-22', 2024: '02-10',
  2025: '01-29', 2026: '02-17', 2027: '02-06', 2028: '01-26', 2029: '02-13', 2030: '02-02', 2031: '01-23',
  2032: '02-11', 2033: '01-31', 2034: '02-19', 2035: '02-08', 2036: '01-28', 2037: '02-15', 2038: '02-04',
  2039: '01-24', 2040: '02-12', 2041: '02-01', 2042: '01-22', 2043: '02-10', 2044: '01-30', 2045: '02-17',
  2046: '02-06', 2047: '01-26', 2048: '02-14', 2049: '02-02', 2050: '01-23',
};

const HUNG_KINGS: Record<number, string> = {
  1990: '04-05', 1991: '04-24', 1992: '04-12', 1993: '04-01', 1994: '04-20', 1995: '04-09', 1996: '04-27',
  1997: '04-16', 1998: '04-06', 1999: '04-25', 2000: '04-14', 2001: '04-03', 2002: '04-22', 2003: '04-11',
  2004: '04-28', 2005: '04-18', 2006: '04-07', 2007: '04-26', 2008: '04-15', 2009: '04-04', 2010: '04-23',
  2011: '04-12', 2012: '03-31', 2013: '04-19', 2014: '04-09', 2015: '04-28', 2016: '04-16', 2017: '04-06',
  2018: '04-25', 2019: '04-14', 2020: '04-02', 2021: '04-21', 2022: '04-10', 2023: '04-29', 2024: '04-18',
  2025: '04-07', 2026: '04-26', 2027: '04-16', 2028: '04-04', 2029: '04-23', 2030: '04-12', 2031: '04-01',
  2032: '04-19', 2033: '04-09', 2034: '04-28', 2035: '04-17', 2036: '04-06', 2037: '04-24', 2038: '04-13',
  2039: '04-03', 2040: '04-20', 2041: '04-10', 2042: '04-29', 2043: '04-19', 2044: '04-07', 2045: '04-26',
  2046: '04-15', 2047: '04-04', 2048: '04-22', 2049: '04-11', 2050: '04-01',
};

const solar = (d: number, m: number, y: number, leap = false, tz?: number): string => {
  const r = convertLunar2Solar(d, m, y, leap, tz);
  return `${r.year}-${String(r.month).padStart(2, '0')}-${String(r.day).padStart(2, '0')}`;
};

describe('lunar calendar at UTC+7', () => {
  it('has a reference entry for every year 1990–2050', () => {
    for (let y = 1990; y <= 2050; y++) {
      expect(TET[y], `Tết ${y}`).toBeDefined();
      expect(HUNG_KINGS[y], `Hùng Kings ${y}`).toBeDefined();
    }
  });

  it.each(Object.entries(TET))('Tết %s falls on the published date', (year, md) => {
    expect(solar(1, 1, +year)).toBe(`${year}-${md}`);
  });

  it.each(Object.entries(HUNG_KINGS))('Giỗ Tổ Hùng Vương %s falls on the published date', (year, md) => {
    expect(solar(10, 3, +year)).toBe(`${year}-${md}`);
  });

  it('differs from the Chinese calendar (UTC+8) where the new moon falls between 23:00 and 24:00 in Hanoi', () => {
    expect(solar(1, 1, 2030)).toBe('2030-02-02');
    expect(solar(1, 1, 2030, false, 8)).toBe('2030-02-03');
    expect(solar(1, 1, 2007, false, 8)).toBe('2007-02-18');
    expect(solar(10, 3, 2009, false, 8)).toBe('2009-04-05');
    expect(solar(10, 3, 2037, false, 8)).toBe('2037-04-25');
    // and agree elsewhere
    expect(solar(1, 1, 2026, false, 8)).toBe('2026-02-17');
  });

  it('knows the last day of the lunar year is the 29th or the 30th of month 12', () => {
    expect(convertSolar2Lunar(9, 2, 2024)).toEqual({ day: 30, month: 12, year: 2023, leap: false });
    expect(convertSolar2Lunar(28, 1, 2025)).toEqual({ day: 29, month: 12, year: 2024, leap: false });
    expect(convertSolar2Lunar(16, 2, 2026)).toEqual({ day: 29, month: 12, year: 2025, leap: false });
    expect(() => lunarToJd(30, 12, 2025)).toThrow(AppError);
  });

  it('places leap months (2023: month 2, 2025: month 6)', () => {
    expect(convertSolar2Lunar(22, 3, 2023)).toEqual({ day: 1, month: 2, year: 2023, leap: true });
    expect(convertSolar2Lunar(25, 7, 2025)).toEqual({ day: 1, month: 6, year: 2025, leap: true });
    expect(solar(1, 6, 2025, true)).toBe('2025-07-25');
    expect(() => lunarToJd(1, 7, 2025, true)).toThrow(AppError);
    expect(() => lunarToJd(1, 6, 2026, true)).toThrow(AppError);
  });

  it('refuses years outside 1900–2199 instead of guessing', () => {
    for (const y of [1899, 2200, 1500]) {
      expect(() => convertSolar2Lunar(1, 6, y)).toThrowError(expect.objectContaining({ code: 'CALENDAR_YEAR_OUT_OF_RANGE' }));
      expect(() => convertLunar2Solar(1, 1, y)).toThrowError(expect.objectContaining({ code: 'CALENDAR_YEAR_OUT_OF_RANGE' }));
    }
    expect(solar(1, 1, 1900)).toBe('1900-01-31');
    expect(convertSolar2Lunar(31, 12, 2199).year).toBe(2199);
  });

  it('never gives lunar day 0 where the mean-lunation estimate overshoots (found by the property below)', () => {
    for (const [d, m, y] of [
      [7, 5, 2054],
      [9, 4, 2062],
    ] as const) {
      const l = convertSolar2Lunar(d, m, y);
      expect(l.day).toBeGreaterThanOrEqual(29);
      expect(lunarToJd(l.day, l.month, l.year, l.leap) - 2440588).toBe(dayFromYmd(y, m, d));
    }
  });

  it('round-trips every day between Tết 1900 and the end of 2199 (property)', () => {
    const first = dayFromYmd(1900, 1, 31);
    const last = dayFromYmd(2199, 12, 31);
    fc.assert(
      fc.property(fc.integer({ min: first, max: last }), (day) => {
        const [y, m, d] = ymdFromDay(day);
        const l = convertSolar2Lunar(d, m, y);
        expect(l.day).toBeGreaterThanOrEqual(1);
        expect(l.day).toBeLessThanOrEqual(30);
        expect(lunarToJd(l.day, l.month, l.year, l.leap) - 2440588).toBe(day);
      }),
      { numRuns: 2000 },
    );
  });
});
