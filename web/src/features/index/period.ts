/**
 * The periods the index is read over (a year, a quarter, a month, or any range of days) and how they
 * travel in the address (`?from&to`), so a figure's link carries its period. Days are in Hải Phòng
 * time (UTC+7). No schema code: the public page uses it too.
 */

export type PeriodKind = 'year' | 'quarter' | 'month' | 'custom';

export interface Period {
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Today in Hải Phòng as YYYY-MM-DD. */
export const todayVn = (now = Date.now()): string => new Date(now + 7 * 3_600_000).toISOString().slice(0, 10);

/** The last day of a month (1–12). */
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);

export const yearPeriod = (year: number): Period => ({ from: `${year}-01-01`, to: `${year}-12-31` });
export const quarterPeriod = (year: number, q: number): Period => ({ from: `${year}-${pad(q * 3 - 2)}-01`, to: lastDay(year, q * 3) });
export const monthPeriod = (year: number, m: number): Period => ({ from: `${year}-${pad(m)}-01`, to: lastDay(year, m) });

/** Which kind of period a range is, and its year / quarter / month, for the picker to show it. */
export function describePeriod(p: Period): { kind: PeriodKind; year: number; quarter: number; month: number } {
  const year = Number(p.from.slice(0, 4));
  const month = Number(p.from.slice(5, 7));
  const quarter = Math.ceil(month / 3);
  const same = (q: Period) => q.from === p.from && q.to === p.to;
  if (same(yearPeriod(year))) return { kind: 'year', year, quarter: 1, month: 1 };
  if (same(quarterPeriod(year, quarter))) return { kind: 'quarter', year, quarter, month };
  if (same(monthPeriod(year, month))) return { kind: 'month', year, quarter, month };
  return { kind: 'custom', year, quarter, month };
}

/** The period of the address (`?from&to`), by default the current year so far. */
export function periodFromSearch(search: URLSearchParams, now = Date.now()): Period {
  const from = search.get('from') ?? '';
  const to = search.get('to') ?? '';
  if (DAY.test(from) && DAY.test(to) && from <= to) return { from, to };
  const today = todayVn(now);
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}

/** `from=…&to=…` of a period. */
export const periodQuery = (p: Period): string => `from=${p.from}&to=${p.to}`;

/** The years offered by the pickers: this one and the four before it. */
export function pickerYears(now = Date.now()): number[] {
  const year = Number(todayVn(now).slice(0, 4));
  return [year, year - 1, year - 2, year - 3, year - 4];
}
