import { AppError } from '../errors/app-error';

/** Vietnam's legal time is a fixed UTC+7 (no DST since 1975), so one constant offset suffices. */
export const VN_OFFSET_MS = 7 * 3_600_000;
/** Milliseconds in a day, hour and minute. */
export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;
export const MINUTE_MS = 60_000;
/** The years the lunar calendar (and so the holiday rules) is trusted for. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;

/** Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's days_from_civil: no Date, no time zone). */
export function dayFromYmd(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * ((m + 9) % 12) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The Gregorian [year, month, day] of a day number (inverse of dayFromYmd). */
export function ymdFromDay(day: number): [number, number, number] {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/** Day of the week of a day number: 0 = Sunday … 6 = Saturday. */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** The Vietnamese local day number (UTC+7) an instant falls on. */
export function localDay(ms: number): number {
  return Math.floor((ms + VN_OFFSET_MS) / DAY_MS);
}

/** The instant local midnight (UTC+7) starts the given day. */
export function dayStartMs(day: number): number {
  return day * DAY_MS - VN_OFFSET_MS;
}

/** Throws CALENDAR_YEAR_OUT_OF_RANGE for a year the calendar refuses to guess. */
export function assertSupportedYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new AppError('CALENDAR_YEAR_OUT_OF_RANGE', { message: `year ${year} outside ${MIN_YEAR}–${MAX_YEAR}`, params: { year } });
  }
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** `YYYY-MM-DD` of a day number. */
export function formatDate(day: number): string {
  const [y, m, d] = ymdFromDay(day);
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

function daysInMonth(y: number, m: number): number {
  return dayFromYmd(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1) - dayFromYmd(y, m, 1);
}

function validYmd(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of a strict `YYYY-MM-DD` string; throws CALENDAR_DATE_INVALID otherwise (e.g. 2025-02-29). */
export function parseDate(s: string): number {
  const m = DATE_RE.exec(s);
  if (!m || !validYmd(+m[1]!, +m[2]!, +m[3]!)) {
    throw new AppError('CALENDAR_DATE_INVALID', { message: `invalid date ${JSON.stringify(s)}`, params: { value: s } });
  }
  return dayFromYmd(+m[1]!, +m[2]!, +m[3]!);
}

/** True when the string is a real calendar date in `YYYY-MM-DD` form. */
export function isIsoDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  return m !== null && validYmd(+m[1]!, +m[2]!, +m[3]!);
}

const INSTANT_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * Epoch milliseconds of an ISO 8601 instant. The offset is mandatory: a local time without one is
 * ambiguous for a legal deadline, so it is refused with CALENDAR_OFFSET_REQUIRED, not guessed.
 */
export function parseInstant(s: string): number {
  const m = INSTANT_RE.exec(s);
  const bad = (): never => {
    throw new AppError('CALENDAR_DATE_INVALID', { message: `invalid instant ${JSON.stringify(s)}`, params: { value: s } });
  };
  if (!m) return bad();
  const [y, mo, d, h, mi, sec] = [+m[1]!, +m[2]!, +m[3]!, +m[4]!, +m[5]!, +(m[6] ?? 0)];
  if (!validYmd(y, mo, d) || h > 23 || mi > 59 || sec > 59) return bad();
  const off = m[8];
  if (off === undefined) {
    throw new AppError('CALENDAR_OFFSET_REQUIRED', { message: `instant without offset ${JSON.stringify(s)}`, params: { value: s } });
  }
  let offsetMin = 0;
  if (off !== 'Z') {
    const oh = +off.slice(1, 3);
    const om = +off.slice(4, 6);
    if (oh > 14 || om > 59) return bad();
    offsetMin = (off[0] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const frac = m[7] ? Math.floor(+`0.${m[7]}` * 1000) : 0;
  return dayFromYmd(y, mo, d) * DAY_MS + h * HOUR_MS + mi * MINUTE_MS + sec * 1000 + frac - offsetMin * MINUTE_MS;
}

/** ISO 8601 of an instant in Vietnamese time, e.g. `2026-03-02T12:00:00+07:00` (milliseconds only when non-zero). */
export function formatInstant(ms: number): string {
  const local = ms + VN_OFFSET_MS;
  const day = Math.floor(local / DAY_MS);
  const tod = local - day * DAY_MS;
  const h = Math.floor(tod / HOUR_MS);
  const mi = Math.floor((tod % HOUR_MS) / MINUTE_MS);
  const sec = Math.floor((tod % MINUTE_MS) / 1000);
  const milli = tod % 1000;
  const fraction = milli === 0 ? '' : `.${String(milli).padStart(3, '0')}`;
  return `${formatDate(day)}T${pad2(h)}:${pad2(mi)}:${pad2(sec)}${fraction}+07:00`;
}
