/** JSON views of internal procedures (core/internal-procedures/api.ts) and the summary board. */
import { formatInstant } from '@core/calendar/time';
import type { ProcedureItem, SummaryView } from '@core/internal-procedures/api';
import { type CutTarget, type ReviewedProcedure, type Step, complianceCost, costCut, progressBoard } from '@core/internal-procedures/cost';
import type { InternalProcedureReviewRow, InternalProcedureVersionRow } from '../../db/tables/internal-procedures';
import type { ProcedureRecord } from './queries';

/** The steps of a version row. */
export function stepsOf(v: Pick<InternalProcedureVersionRow, 'steps'>): Step[] {
  return v.steps as Step[];
}

export function presentVersion(v: InternalProcedureVersionRow, defaultHourlyCost: number) {
  const steps = stepsOf(v);
  return { id: v.id, version: v.version, kind: v.kind, steps, fees: v.fees, yearlyFrequency: v.yearly_frequency, cost: complianceCost({ steps, fees: v.fees, yearlyFrequency: v.yearly_frequency }, defaultHourlyCost), createdAt: formatInstant(v.created_at.getTime()) };
}

export function presentReview(r: InternalProcedureReviewRow) {
  return {
    id: r.id,
    beforeVersion: r.before_version,
    necessity: { verdict: r.necessity_verdict, text: r.necessity_text },
    reasonableness: { verdict: r.reasonableness_verdict, text: r.reasonableness_text },
    legality: { verdict: r.legality_verdict, text: r.legality_text },
    proposals: r.proposals,
    costBefore: r.cost_before,
    reviewedAt: formatInstant(r.reviewed_at.getTime()),
    reviewedBy: r.reviewed_by,
    decision: r.decided_at === null ? null : { number: r.decision_number!, date: r.decision_date!, summary: r.decision_summary!, afterVersion: r.after_version, decidedAt: formatInstant(r.decided_at.getTime()) },
    cut: r.cost_after === null ? null : costCut(r.cost_before, r.cost_after),
  };
}

/** How a procedure counts on the board: before = the first review's cost, after = the last simplification's; null when not reviewed. */
export function reviewedOf(p: ProcedureRecord, reviews: readonly InternalProcedureReviewRow[]): ReviewedProcedure | null {
  const mine = reviews.filter((r) => r.procedure_id === p.id);
  if (mine.length === 0) return null;
  const simplified = mine.filter((r) => r.cost_after !== null);
  return { unitId: p.owner_unit_id, before: mine[0]!.cost_before, after: simplified.length > 0 ? simplified[simplified.length - 1]!.cost_after : null };
}

export function presentItem(p: ProcedureRecord, versions: readonly InternalProcedureVersionRow[], reviews: readonly InternalProcedureReviewRow[], defaultHourlyCost: number): ProcedureItem {
  const current = versions.find((v) => v.procedure_id === p.id && v.version === p.current_version)!;
  const counted = reviewedOf(p, reviews);
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    field: p.field,
    unit: { id: p.owner_unit_id, name: p.unit_name },
    currentVersion: p.current_version,
    yearlyCost: complianceCost({ steps: stepsOf(current), fees: current.fees, yearlyFrequency: current.yearly_frequency }, defaultHourlyCost).yearly,
    reviewed: counted !== null,
    simplified: counted?.after != null,
  };
}

/** The summary board: per owner unit (by name) and for the city. */
export function buildSummary(procs: readonly ProcedureRecord[], reviews: readonly InternalProcedureReviewRow[], target: CutTarget): SummaryView {
  const counted = procs.map((p) => reviewedOf(p, reviews)).filter((x): x is ReviewedProcedure => x !== null);
  const board = progressBoard(counted, target);
  const names = new Map(procs.map((p) => [p.owner_unit_id, p.unit_name]));
  const strip = ({ target: _t, ...rest }: ReturnType<typeof progressBoard>['city']) => rest;
  const units = [...new Set(procs.map((p) => p.owner_unit_id))].map((id) => {
    const u = board.units.find((x) => x.unitId === id);
    return { unit: { id, name: names.get(id)! }, registered: procs.filter((p) => p.owner_unit_id === id).length, progress: strip(u ? u.progress : progressBoard([], target).city) };
  });
  units.sort((a, b) => a.unit.name.localeCompare(b.unit.name, 'vi'));
  return { target, registered: procs.length, units, city: strip(board.city) };
}
