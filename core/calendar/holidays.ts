/**
 * Default public-holiday rules of the Labour Code 2019 (art. 111–112) for any year, plus official
 * overrides, producing one classified entry per day. Rules are data-driven per year so a year's
 * table can be built once and cached by the working calendar.
 */
import { lunarToJd } from './lunar';
import { assertSupportedYear, dayFromYmd, parseDate, weekday } from './time';

/** How a day is classified; the numeric code of a kind is its index here. */
export const DAY_KINDS = ['workday', 'weekend', 'holiday', 'compensatory', 'swapped_workday', 'override_off'] as const;
/** One of DAY_KINDS. */
export type DayKind = (typeof DAY_KINDS)[number];

/** Numeric kind codes, stored in Uint8Arrays by the calendar tables. */
export const KIND = { workday: 0, weekend: 1, holiday: 2, compensatory: 3, swapped_workday: 4, override_off: 5 } as const satisfies Record<DayKind, number>;

/** True for the kind codes that are working days. */
export function isWorkingKind(code: number): boolean {
  return code === KIND.workday || code === KIND.swapped_workday;
}

/** An official decision for one date (e.g. the government's Tết schedule, a swapped Saturday). */
export interface CalendarOverride {
  /** `YYYY-MM-DD` */
  date: string;
  /** true = a working day (even if the rules say off), false = a day off. */
  working: boolean;
  /** The reason shown to users, in Vietnamese. */
  name: string;
}

/** Vietnamese names of the statutory holidays and of weekly rest, as printed on the calendar. */
export const HOLIDAY_NAMES = {
  newYear: 'Tết Dương lịch',
  tet: 'Tết Nguyên đán',
  hungKings: 'Giỗ Tổ Hùng Vương',
  reunification: 'Ngày Giải phóng miền Nam, thống nhất đất nước',
  labour: 'Quốc tế Lao động',
  nationalDay: 'Quốc khánh',
  saturday: 'Thứ Bảy',
  sunday: 'Chủ nhật',
  compensatoryPrefix: 'Nghỉ bù',
} as const;

/** The classification of every day of one Gregorian year. */
export interface YearDays {
  year: number;
  /** Day number (days since 1970-01-01) of 1 January. */
  firstDay: number;
  /** Kind code per day of the year (see KIND). */
  kinds: Uint8Array;
  /** Name per day of the year; null for an ordinary workday. */
  names: (string | null)[];
}

/** One statutory holiday date (before compensation). */
export interface StatutoryHoliday {
  day: number;
  name: string;
}

const jdToDay = (jd: number): number => jd - 2440588;

/** The statutory holidays of a year, in date order (Labour Code 2019 art. 112). */
export function statutoryHolidays(year: number): StatutoryHoliday[] {
  assertSupportedYear(year);
  const tet = jdToDay(lunarToJd(1, 1, year));
  const sep2 = dayFromYmd(year, 9, 2);
  const list: StatutoryHoliday[] = [{ day: dayFromYmd(year, 1, 1), name: HOLIDAY_NAMES.newYear }];
  // Tết: the last day of the old lunar year (29th or 30th of month 12, whichever is last) and 1–4 of the new
  for (let i = -1; i <= 3; i++) list.push({ day: tet + i, name: HOLIDAY_NAMES.tet });
  list.push({ day: jdToDay(lunarToJd(10, 3, year)), name: HOLIDAY_NAMES.hungKings });
  list.push({ day: dayFromYmd(year, 4, 30), name: HOLIDAY_NAMES.reunification });
  list.push({ day: dayFromYmd(year, 5, 1), name: HOLIDAY_NAMES.labour });
  // the adjacent day is 1 Sep, except when 2 Sep is a Monday: then 1 Sep is a Sunday and 3 Sep is taken
  const adjacent = weekday(sep2) === 1 ? sep2 + 1 : sep2 - 1;
  list.push({ day: Math.min(sep2, adjacent), name: HOLIDAY_NAMES.nationalDay }, { day: Math.max(sep2, adjacent), name: HOLIDAY_NAMES.nationalDay });
  return list.sort((a, b) => a.day - b.day);
}

/**
 * Classifies every day of a year by the default rules: weekly rest, statutory holidays and their
 * compensation. A holiday on a Saturday or Sunday owes one compensatory day, paid on the next
 * day that is neither weekend nor holiday, in order (so Tết over a weekend or 30/4 + 1/5 on Sat/Sun
 * chain onto Monday, Tuesday…). Two holidays on one date (Hùng Kings' day can meet 30/4) also owe a day,
 * so no statutory day off is lost.
 */
export function ruleYear(year: number): YearDays {
  const firstDay = dayFromYmd(year, 1, 1);
  const length = dayFromYmd(year + 1, 1, 1) - firstDay;
  const kinds = new Uint8Array(length);
  const names: (string | null)[] = new Array(length).fill(null);
  const byDay = new Map<number, string[]>();
  for (const h of statutoryHolidays(year)) byDay.set(h.day, [...(byDay.get(h.day) ?? []), h.name]);
  const owed: string[] = [];
  for (let i = 0; i < length; i++) {
    const dow = weekday(firstDay + i);
    const isWeekend = dow === 0 || dow === 6;
    const holiday = byDay.get(firstDay + i);
    if (holiday) {
      kinds[i] = KIND.holiday;
      names[i] = [...new Set(holiday)].join('; ');
      if (isWeekend) owed.push(holiday[0]!);
      for (const extra of holiday.slice(1)) owed.push(extra);
    } else if (isWeekend) {
      kinds[i] = KIND.weekend;
      names[i] = dow === 6 ? HOLIDAY_NAMES.saturday : HOLIDAY_NAMES.sunday;
    } else if (owed.length > 0) {
      kinds[i] = KIND.compensatory;
      names[i] = `${HOLIDAY_NAMES.compensatoryPrefix} ${owed.shift()}`;
    }
  }
  return { year, firstDay, kinds, names };
}

/**
 * A year's classification with official overrides applied on top of the rules (overrides win):
 * working=true on an off day → swapped_workday; working=false on a workday → override_off;
 * otherwise the rule kind stays and the override's name replaces the rule's name.
 */
export function classifyYear(year: number, overrides: ReadonlyMap<number, CalendarOverride> = new Map()): YearDays {
  const table = ruleYear(year);
  for (let i = 0; i < table.kinds.length; i++) {
    const o = overrides.get(table.firstDay + i);
    if (!o) continue;
    const ruleWorking = table.kinds[i] === KIND.workday;
    if (o.working) table.kinds[i] = ruleWorking ? KIND.workday : KIND.swapped_workday;
    else if (ruleWorking) table.kinds[i] = KIND.override_off;
    table.names[i] = o.name;
  }
  return table;
}

/** Indexes overrides by day number, validating dates; a later entry for the same date wins. */
export function indexOverrides(overrides: readonly CalendarOverride[]): Map<number, CalendarOverride> {
  const map = new Map<number, CalendarOverride>();
  for (const o of overrides) map.set(parseDate(o.date), o);
  return map;
}
