/**
 * How index figures are ranked and written in reports (the dashboard, the public page, the .xlsx and
 * PDF exports), so that every place ranks and rounds alike. Pure.
 */
// types only: the public page ranks units too, and must not load the configuration's schema code (zod)
import type { GroupCode } from './config';

/** The group codes in display order (as GROUPS in config.ts; the type below fails if one is missing). */
const GROUP_CODES = ['CKMB', 'TDGQ', 'CLGQ', 'TTTT', 'MDSH', 'MDHL'] as const satisfies readonly GroupCode[];
const allGroups: Exclude<GroupCode, (typeof GROUP_CODES)[number]> extends never ? true : never = true;
void allGroups;

/** What a unit's ranking reads. */
export interface Rankable {
  unit: { code: string; name: string };
  total: number;
  cityPoints: number;
  groups: readonly { code: string; score: number }[];
}

/** What units are ranked by: the total, the city rule's points, or a group's score. */
export type RankKey = 'total' | 'cityPoints' | GroupCode;
export const RANK_KEYS: readonly RankKey[] = ['total', ...GROUP_CODES, 'cityPoints'];

/** The figure a ranking key reads. */
export function rankValue(u: Rankable, key: RankKey): number {
  if (key === 'total') return u.total;
  if (key === 'cityPoints') return u.cityPoints;
  return u.groups.find((g) => g.code === key)?.score ?? 0;
}

/**
 * The units in order of the key, highest first, each with its rank: equal figures share a rank and
 * the next rank skips (1, 2, 2, 4), the way league tables and the national portal rank. Ties are
 * listed by unit code, so the order is stable.
 */
export function rankUnits<T extends Rankable>(units: readonly T[], key: RankKey = 'total'): { rank: number; unit: T }[] {
  const sorted = [...units].sort((a, b) => rankValue(b, key) - rankValue(a, key) || a.unit.code.localeCompare(b.unit.code));
  let rank = 0;
  return sorted.map((unit, i) => {
    if (i === 0 || rankValue(unit, key) !== rankValue(sorted[i - 1]!, key)) rank = i + 1;
    return { rank, unit };
  });
}

const LOCALES = { vi: 'vi-VN', en: 'en-GB' } as const;

/** Points with two decimals: `85,25` in Vietnamese, `85.25` in English. */
export function formatPoints(points: number, language: 'vi' | 'en' = 'vi'): string {
  return new Intl.NumberFormat(LOCALES[language], { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(points);
}

/** Signed points of the city rule: `+1`, `−1`, `0`. */
export function formatSignedPoints(points: number, language: 'vi' | 'en' = 'vi'): string {
  const n = new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: 2 }).format(Math.abs(points));
  return points > 0 ? `+${n}` : points < 0 ? `−${n}` : n;
}

/** A rate as a percentage with one decimal (`85,3 %`), or an en dash when there was nothing to count. */
export function formatRate(rate: number | null, language: 'vi' | 'en' = 'vi'): string {
  if (rate === null) return '–';
  const n = new Intl.NumberFormat(LOCALES[language], { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(rate * 100);
  return language === 'vi' ? `${n} %` : `${n}%`;
}

/** `dd/mm/yyyy` of a `YYYY-MM-DD` day. */
export const dmy = (day: string): string => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
