/**
 * Vietnamese lunar calendar by the astronomical method (Hồ Ngọc Đức's algorithm): months start on the
 * local day of the new moon and the leap month is the first month without a major solar term. The
 * local day depends on the time zone, which is why Vietnam (UTC+7) and China (UTC+8) sometimes
 * disagree (e.g. Tết 2030); the zone is a parameter so tests can show it.
 */
import { AppError } from '../errors/app-error';
import { assertSupportedYear } from './time';

/** Vietnam's zone for the lunar calendar, in hours east of UTC. */
export const VN_TIME_ZONE = 7;

const PI = Math.PI;
const INT = Math.floor;

/** A lunar date; `leap` marks the intercalary month (tháng nhuận). */
export interface LunarDate {
  day: number;
  month: number;
  year: number;
  leap: boolean;
}

/** Julian day number of a date (Gregorian from 1582-10-15, Julian before). */
export function jdFromDate(dd: number, mm: number, yy: number): number {
  const a = INT((14 - mm) / 12);
  const y = yy + 4800 - a;
  const m = mm + 12 * a - 3;
  const jd = dd + INT((153 * m + 2) / 5) + 365 * y + INT(y / 4) - INT(y / 100) + INT(y / 400) - 32045;
  return jd < 2299161 ? dd + INT((153 * m + 2) / 5) + 365 * y + INT(y / 4) - 32083 : jd;
}

/** [day, month, year] of a Julian day number. */
export function jdToDate(jd: number): [number, number, number] {
  let b = 0;
  let c = jd + 32082;
  if (jd > 2299160) {
    const a = jd + 32044;
    b = INT((4 * a + 3) / 146097);
    c = a - INT((b * 146097) / 4);
  }
  const d = INT((4 * c + 3) / 1461);
  const e = c - INT((1461 * d) / 4);
  const m = INT((5 * e + 2) / 153);
  return [e - INT((153 * m + 2) / 5) + 1, m + 3 - 12 * INT(m / 10), b * 100 + d - 4800 + INT(m / 10)];
}

/** Julian day (fractional, UT) of the k-th new moon after 1900-01-01 (Meeus' series, as in the original). */
function newMoon(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  const dr = PI / 180;
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd1 += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * dr);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3;
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3;
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3;
  let c1 = (0.1734 - 0.000393 * T) * Math.sin(M * dr) + 0.0021 * Math.sin(2 * dr * M);
  c1 = c1 - 0.4068 * Math.sin(Mpr * dr) + 0.0161 * Math.sin(dr * 2 * Mpr);
  c1 -= 0.0004 * Math.sin(dr * 3 * Mpr);
  c1 = c1 + 0.0104 * Math.sin(dr * 2 * F) - 0.0051 * Math.sin(dr * (M + Mpr));
  c1 = c1 - 0.0074 * Math.sin(dr * (M - Mpr)) + 0.0004 * Math.sin(dr * (2 * F + M));
  c1 = c1 - 0.0004 * Math.sin(dr * (2 * F - M)) - 0.0006 * Math.sin(dr * (2 * F + Mpr));
  c1 = c1 + 0.001 * Math.sin(dr * (2 * F - Mpr)) + 0.0005 * Math.sin(dr * (2 * Mpr + M));
  const deltat = T < -11 ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3 : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd1 + c1 - deltat;
}

/** Apparent solar longitude in radians [0, 2π) at a (fractional) Julian day. */
function sunLongitude(jdn: number): number {
  const T = (jdn - 2451545.0) / 36525;
  const T2 = T * T;
  const dr = PI / 180;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(dr * M);
  DL = DL + (0.019993 - 0.000101 * T) * Math.sin(dr * 2 * M) + 0.00029 * Math.sin(dr * 3 * M);
  const L = (L0 + DL) * dr;
  return L - PI * 2 * INT(L / (PI * 2));
}

/** Solar-term sector (0…11, 30° each) of the sun at local midnight starting the given day. */
export function getSunLongitude(dayNumber: number, timeZone: number): number {
  return INT((sunLongitude(dayNumber - 0.5 - timeZone / 24) / PI) * 6);
}

/** Julian day number of the local day on which the k-th new moon falls. */
export function getNewMoonDay(k: number, timeZone: number): number {
  return INT(newMoon(k) + 0.5 + timeZone / 24);
}

/** Start (Julian day) of lunar month 11 of the given year: the month containing the winter solstice. */
export function getLunarMonth11(yy: number, timeZone: number): number {
  const off = jdFromDate(31, 12, yy) - 2415021;
  const k = INT(off / 29.530588853);
  const nm = getNewMoonDay(k, timeZone);
  // month 11 must contain the solstice (sector 9): if this new moon is after it, take the previous one
  return getSunLongitude(nm, timeZone) >= 9 ? getNewMoonDay(k - 1, timeZone) : nm;
}

/** Offset (in months after month 11) of the leap month of a 13-month lunar year starting at a11. */
export function getLeapMonthOffset(a11: number, timeZone: number): number {
  const k = INT((a11 - 2415021.076998695) / 29.530588853 + 0.5);
  let i = 1;
  let arc = getSunLongitude(getNewMoonDay(k + i, timeZone), timeZone);
  let last: number;
  // the leap month is the first one whose start and next start lie in the same solar-term sector
  do {
    last = arc;
    i++;
    arc = getSunLongitude(getNewMoonDay(k + i, timeZone), timeZone);
  } while (arc !== last && i < 14);
  return i - 1;
}

/** Lunar date of a Gregorian date. Years outside 1900–2199 are refused. */
export function convertSolar2Lunar(dd: number, mm: number, yy: number, timeZone = VN_TIME_ZONE): LunarDate {
  assertSupportedYear(yy);
  const dayNumber = jdFromDate(dd, mm, yy);
  let k = INT((dayNumber - 2415021.076998695) / 29.530588853) + 1;
  let monthStart = getNewMoonDay(k, timeZone);
  // The mean-lunation estimate of k can be one lunation too high (e.g. 2054-05-07, 2062-04-09):
  // step back until the month starts on or before the day, never leaving a lunar day 0.
  while (monthStart > dayNumber) monthStart = getNewMoonDay(--k, timeZone);
  let a11 = getLunarMonth11(yy, timeZone);
  let b11 = a11;
  let lunarYear: number;
  if (a11 >= monthStart) {
    lunarYear = yy;
    a11 = getLunarMonth11(yy - 1, timeZone);
  } else {
    lunarYear = yy + 1;
    b11 = getLunarMonth11(yy + 1, timeZone);
  }
  const diff = INT((monthStart - a11) / 29);
  let leap = false;
  let month = diff + 11;
  if (b11 - a11 > 365) {
    const leapDiff = getLeapMonthOffset(a11, timeZone);
    if (diff >= leapDiff) {
      month = diff + 10;
      leap = diff === leapDiff;
    }
  }
  if (month > 12) month -= 12;
  if (month >= 11 && diff < 4) lunarYear -= 1;
  return { day: dayNumber - monthStart + 1, month, year: lunarYear, leap };
}

/** Julian day number of a lunar date; refuses a non-existent leap month or day 30 of a 29-day month. */
export function lunarToJd(day: number, month: number, year: number, leap = false, timeZone = VN_TIME_ZONE): number {
  assertSupportedYear(year);
  const invalid = (why: string): never => {
    throw new AppError('CALENDAR_DATE_INVALID', { message: `lunar ${day}/${month}${leap ? 'L' : ''}/${year}: ${why}` });
  };
  if (!Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(day) || day < 1 || day > 30) invalid('out of range');
  const a11 = getLunarMonth11(month < 11 ? year - 1 : year, timeZone);
  const b11 = getLunarMonth11(month < 11 ? year : year + 1, timeZone);
  const k = INT(0.5 + (a11 - 2415021.076998695) / 29.530588853);
  let off = month - 11;
  if (off < 0) off += 12;
  if (b11 - a11 > 365) {
    const leapOff = getLeapMonthOffset(a11, timeZone);
    let leapMonth = leapOff - 2;
    if (leapMonth < 0) leapMonth += 12;
    if (leap && month !== leapMonth) invalid('no such leap month');
    if (leap || off >= leapOff) off += 1;
  } else if (leap) {
    invalid('no leap month this year');
  }
  const monthStart = getNewMoonDay(k + off, timeZone);
  if (monthStart + day - 1 >= getNewMoonDay(k + off + 1, timeZone)) invalid('month has 29 days');
  return monthStart + day - 1;
}

/** Gregorian {day, month, year} of a lunar date (see lunarToJd for what is refused). */
export function convertLunar2Solar(day: number, month: number, year: number, leap = false, timeZone = VN_TIME_ZONE): { day: number; month: number; year: number } {
  const [d, m, y] = jdToDate(lunarToJd(day, month, year, leap, timeZone));
  return { day: d, month: m, year: y };
}
