/**
 * The index of one unit over one period from its counted parts: every indicator's numerator,
 * denominator, rate and score, the groups, the total and the city's bonus/penalty rule. Pure: the
 * server gathers the parts (server/features/index/queries.ts), this function does the arithmetic.
 */
import { CITY_RULES, type CityRuleCode, GROUPS, type GroupCode, INDICATORS, type IndexSettings, type IndicatorCode } from './config';
import type { Measures } from './facts';

/** A numerator over a denominator. */
export interface Part {
  numerator: number;
  denominator: number;
}

/** What the server counts for a unit and period. */
export interface IndexParts {
  /** Active procedures of the unit (implemented by it or a unit under it). */
  procedures: { total: number; online: number; fullOnline: number; complete: number };
  /** CKMB.1 and CKMB.2 from the catalogue's publication control (core/catalogue/rates.ts). */
  publication: Part;
  publicising: Part;
  /** The sums of index_counts over the period. */
  counts: Measures;
  /** Dossiers still open at the end of the period whose due instant is before it (TDGQ.1). */
  openLate: number;
  /** Procedures with a fee-requiring dossier received in the period, and those with one paid online. */
  feeProcedures: Part;
}

/** One indicator's working. */
export interface IndicatorResult {
  code: IndicatorCode;
  numerator: number;
  denominator: number;
  rate: number | null;
  score: number;
  max: number;
  threshold: number | null;
}

export interface GroupResult {
  code: GroupCode;
  score: number;
  max: number;
  indicators: IndicatorResult[];
}

export interface CityRuleResult {
  code: CityRuleCode;
  numerator: number;
  denominator: number;
  rate: number | null;
  threshold: number;
  /** null when the rule has nothing to judge (its denominator is 0): neither bonus nor penalty. */
  met: boolean | null;
  points: number;
}

export interface IndexResult {
  total: number;
  groups: GroupResult[];
  cityRules: CityRuleResult[];
  /** The city rule's points summed (bonus positive, penalty negative). */
  cityPoints: number;
  /** TDGQ.1's detail: counts of dossiers finished early, on time (not early) and late, and open past due. */
  timeliness: { early: number; onTime: number; late: number; openLate: number };
}

/** Rounded to 2 decimals for display and comparison; the rate stays exact. */
const round2 = (x: number) => Math.round(x * 100) / 100;

/** A rate, null when there is nothing to divide by. */
export const rateOf = (p: Part): number | null => (p.denominator === 0 ? null : p.numerator / p.denominator);

/** m when the rate reaches the threshold, else m × rate / t (m × rate without threshold); 0 for no rate. */
export function scoreOf(rate: number | null, max: number, threshold: number | null): number {
  if (rate === null) return 0;
  if (threshold === null) return max * Math.min(1, rate);
  return rate >= threshold ? max : (max * rate) / threshold;
}

/** The parts of every indicator, before scoring. MDHL.4's parts are the dissatisfied dossiers over those received; its rate is composed. */
export function indicatorParts(p: IndexParts): Record<IndicatorCode, Part> {
  const c = p.counts;
  return {
    'CKMB.1': p.publication,
    'CKMB.2': p.publicising,
    'CKMB.3': { numerator: p.procedures.complete, denominator: p.procedures.total },
    'CKMB.4': { numerator: c.synced, denominator: c.received },
    'TDGQ.1': { numerator: c.on_time, denominator: c.finished + p.openLate },
    'CLGQ.1': { numerator: p.procedures.online, denominator: p.procedures.total },
    'CLGQ.3': { numerator: c.online, denominator: c.received },
    'TTTT.5': p.feeProcedures,
    'TTTT.6': { numerator: c.paid_online, denominator: c.fee_required },
    'MDSH.1': { numerator: c.returned_eresult, denominator: c.returned },
    'MDSH.2': { numerator: c.returned_digitised, denominator: c.returned },
    'MDSH.3': { numerator: c.reused, denominator: c.received },
    'MDHL.4': { numerator: c.dissatisfied, denominator: c.received },
  };
}

/** MDHL.4: 1 − (1 − TDGQ.1 rate) − dissatisfied / received, floored at 0; null when neither part has a denominator. */
export function satisfactionRate(onTimeRate: number | null, dissatisfied: Part): number | null {
  const dis = rateOf(dissatisfied);
  if (onTimeRate === null && dis === null) return null;
  return Math.max(0, 1 - (1 - (onTimeRate ?? 1)) - (dis ?? 0));
}

/** The whole index. */
export function computeIndex(p: IndexParts, settings: IndexSettings): IndexResult {
  const parts = indicatorParts(p);
  const rates = Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, rateOf(v)])) as Record<IndicatorCode, number | null>;
  rates['MDHL.4'] = satisfactionRate(rates['TDGQ.1'], parts['MDHL.4']);
  const groups = GROUPS.map((g): GroupResult => {
    const indicators = INDICATORS.filter((i) => i.group === g.code).map((i): IndicatorResult => {
      const { max, threshold } = settings.indicators[i.code];
      const rate = rates[i.code];
      return { code: i.code, ...parts[i.code], rate, score: round2(scoreOf(rate, max, threshold)), max, threshold };
    });
    return { code: g.code, max: g.max, score: round2(indicators.reduce((s, i) => s + i.score, 0)), indicators };
  });
  const ruleParts: Record<CityRuleCode, Part> = {
    R1: { numerator: p.procedures.fullOnline, denominator: p.procedures.total },
    R2: { numerator: p.counts.paid_online, denominator: p.counts.paid_any },
    R3: p.feeProcedures,
  };
  const cityRules = CITY_RULES.map((r): CityRuleResult => {
    const { threshold, bonus, penalty } = settings.cityRules[r.code];
    const rate = rateOf(ruleParts[r.code]);
    const met = rate === null ? null : rate > threshold;
    return { code: r.code, ...ruleParts[r.code], rate, threshold, met, points: met === null ? 0 : met ? bonus : -penalty };
  });
  return {
    total: round2(groups.reduce((s, g) => s + g.score, 0)),
    groups,
    cityRules,
    cityPoints: cityRules.reduce((s, r) => s + r.points, 0),
    timeliness: { early: p.counts.early, onTime: p.counts.on_time - p.counts.early, late: p.counts.late, openLate: p.openLate },
  };
}
