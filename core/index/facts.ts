/**
 * The measures the database sums per unit, procedure and period (index_counts; each dossier's fact
 * adds to its received day and its finished day — the SQL function `index_contrib` is their only
 * definition, docs/index.md) and how a period of days is read from those sums.
 */

/** The measures summed per unit, procedure and period (columns of index_counts). */
export const MEASURES = [
  'received',
  'online',
  'synced',
  'fee_required',
  'paid_online',
  'paid_any',
  'reused',
  'dissatisfied',
  'finished',
  'early',
  'on_time',
  'late',
  'processing_seconds',
  'returned',
  'returned_eresult',
  'returned_digitised',
] as const;
export type Measure = (typeof MEASURES)[number];
export type Measures = Record<Measure, number>;

export const zeroMeasures = (): Measures => Object.fromEntries(MEASURES.map((m) => [m, 0])) as Measures;

/** The grains of index_counts: a period query reads whole years, whole months, then single days. */
export const GRAINS = ['d', 'm', 'y'] as const;
export type Grain = (typeof GRAINS)[number];

const DAY_MS = 86_400_000;

/**
 * How a period `from`…`to` (inclusive days) is read from index_counts: the starts of the whole
 * years in it, of the whole months outside those, and the single days left at the edges. Pure, so
 * the split is tested alone.
 */
export function periodParts(from: string, to: string): Record<Grain, string[]> {
  const parts: Record<Grain, string[]> = { d: [], m: [], y: [] };
  const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
  const nextMonth = (d: string) => {
    const y = Number(d.slice(0, 4));
    const m = Number(d.slice(5, 7));
    return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  };
  let cur = from;
  while (cur <= to) {
    const yearEnd = `${cur.slice(0, 4)}-12-31`;
    if (cur.endsWith('-01-01') && yearEnd <= to) {
      parts.y.push(cur);
      cur = addDays(yearEnd, 1);
    } else if (cur.endsWith('-01') && addDays(nextMonth(cur), -1) <= to) {
      parts.m.push(cur);
      cur = nextMonth(cur);
    } else {
      parts.d.push(cur);
      cur = addDays(cur, 1);
    }
  }
  return parts;
}
