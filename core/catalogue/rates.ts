/**
 * Publicity rates per unit and period, as the Decision 766 index uses them (group CKMB):
 * on-time publication, on-time publicising and completeness. Pure: facts in, ratios out.
 */

/** A city publication decision as the rates see it. `publishDueOn` is null when no ministry deadline applies. */
export interface CityDecisionFact {
  unitId: string;
  signedOn: string;
  publishDueOn: string | null;
  publiciseDueOn: string;
  publicisedOn: string | null;
  /** How many procedures the decision publishes: the rates count procedures, not decisions. 1 when absent. */
  procedures?: number;
}

/** A ministry decision the city had not answered by the end of the period, with its deadline. */
export interface PendingPublicationFact {
  unitId: string;
  publishDueOn: string;
  procedures?: number;
}

/** A reporting period, both ends inclusive (`YYYY-MM-DD`). */
export interface Period {
  from: string;
  to: string;
}

/** A ratio with its parts; `rate` is null when nothing was due (the index leaves it out rather than scoring 0). */
export interface Ratio {
  numerator: number;
  denominator: number;
  rate: number | null;
}

const ratio = (numerator: number, denominator: number): Ratio => ({ numerator, denominator, rate: denominator === 0 ? null : numerator / denominator });
const within = (d: string, p: Period) => d >= p.from && d <= p.to;
const weight = (ds: readonly CityDecisionFact[]) => ds.reduce((s, d) => s + (d.procedures ?? 1), 0);

/**
 * Procedures published by decisions signed in the period that had a legal deadline, on time when
 * signed on or before it; procedures still unpublished whose deadline passed in the period count as
 * late, so not publishing never scores better than publishing late.
 */
export function onTimePublication(decisions: readonly CityDecisionFact[], period: Period, pending: readonly PendingPublicationFact[] = []): Ratio {
  const due = decisions.filter((d) => d.publishDueOn !== null && within(d.signedOn, period));
  const overdue = pending.filter((p) => within(p.publishDueOn, period) && p.publishDueOn < period.to);
  const missed = overdue.reduce((s, p) => s + (p.procedures ?? 1), 0);
  return ratio(weight(due.filter((d) => d.signedOn <= (d.publishDueOn as string))), weight(due) + missed);
}

/**
 * Decisions whose publicising was settled in the period: publicised in it, or still not publicised
 * when their deadline passed inside it (late). Publicised on or before the deadline counts on time.
 */
export function onTimePublicising(decisions: readonly CityDecisionFact[], period: Period): Ratio {
  const judged = decisions.filter((d) => (d.publicisedOn !== null ? within(d.publicisedOn, period) : d.publiciseDueOn < period.to && d.publiciseDueOn >= period.from));
  return ratio(weight(judged.filter((d) => d.publicisedOn !== null && d.publicisedOn <= d.publiciseDueOn)), weight(judged));
}

/** Share of a unit's active procedures that lack nothing (see `checkCompleteness`). */
export function completenessRate(procedures: readonly { complete: boolean }[]): Ratio {
  return ratio(procedures.filter((p) => p.complete).length, procedures.length);
}

/** The three rates for every unit that has any fact in the period. */
export function publicityRatesByUnit(
  decisions: readonly CityDecisionFact[],
  procedures: readonly { unitId: string; complete: boolean }[],
  period: Period,
  pending: readonly PendingPublicationFact[] = [],
): Map<string, { publication: Ratio; publicising: Ratio; completeness: Ratio }> {
  const units = new Set([...decisions.map((d) => d.unitId), ...procedures.map((p) => p.unitId), ...pending.map((p) => p.unitId)]);
  const out = new Map<string, { publication: Ratio; publicising: Ratio; completeness: Ratio }>();
  for (const u of [...units].sort()) {
    const ds = decisions.filter((d) => d.unitId === u);
    out.set(u, {
      publication: onTimePublication(ds, period, pending.filter((p) => p.unitId === u)),
      publicising: onTimePublicising(ds, period),
      completeness: completenessRate(procedures.filter((p) => p.unitId === u)),
    });
  }
  return out;
}
