/** Addresses of the dashboard's pages, so every figure links to what is behind it. */
import { type Period, periodQuery } from './period';

const enc = encodeURIComponent;

/** Indicators computed from publication decisions: their detail is the publication board, not a list of dossiers. */
const FROM_PUBLICATION = new Set(['CKMB.1', 'CKMB.2']);

/** The drill-down of an indicator's numerator or denominator for a unit and period. */
export function drillHref(indicator: string, unit: string, p: Period, part: 'numerator' | 'denominator'): string {
  if (FROM_PUBLICATION.has(indicator)) return '/staff/publication';
  return `/staff/index/${enc(indicator)}?unit=${enc(unit)}&${periodQuery(p)}&part=${part}`;
}

/**
 * The drill-down behind a city rule: R1 the unit's procedures (CLGQ.1's denominator, whose online
 * levels the list shows), R2 the dossiers paid online (TTTT.6's numerator), R3 the fee-bearing
 * procedures paid online (TTTT.5's numerator).
 */
export function ruleHref(rule: string, unit: string, p: Period): string | null {
  if (rule === 'R1') return drillHref('CLGQ.1', unit, p, 'denominator');
  if (rule === 'R2') return drillHref('TTTT.6', unit, p, 'numerator');
  if (rule === 'R3') return drillHref('TTTT.5', unit, p, 'numerator');
  return null;
}

/** The dashboard for a parent and period, with a unit's detail open. */
export function dashboardHref(q: { parent?: string | undefined; unit?: string | undefined } & Period, hash = ''): string {
  const parts = [q.parent ? `parent=${enc(q.parent)}` : '', q.unit ? `unit=${enc(q.unit)}` : '', periodQuery(q)].filter(Boolean);
  return `/staff/index?${parts.join('&')}${hash}`;
}
