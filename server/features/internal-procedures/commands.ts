/** Internal-procedure commands: each change is one transaction with its audit event. */
import type { Kysely } from 'kysely';
import type { DecisionBody, ProcedureBody, ReviewBody, VersionBody } from '@core/internal-procedures/api';
import { complianceCost, DEFAULT_HOURLY_COST } from '@core/internal-procedures/cost';
import { AppError } from '@core/errors/app-error';
import type { DB } from '../../db/schema';
import type { InternalProcedureReviewRow, InternalProcedureRow } from '../../db/tables/internal-procedures';
import type { AuditActor } from '../../http/actor';
import { appendAudit } from '../audit/append';
import { insertProcedureOnce, insertReview, insertVersion, listReviews, listVersions, lockProcedure, setCurrentVersion, updateReview } from './queries';
import { stepsOf } from './present';

/** Who acts, on which database, at what instant (the injected clock), with which default hourly cost. */
export interface Ctx {
  db: Kysely<DB>;
  actor: AuditActor & { id: string };
  requestId: string;
  now: number;
  defaultHourlyCost?: number;
}

const versionRow = (v: VersionBody) => ({ steps: JSON.stringify([...v.steps].sort((a, b) => a.order - b.order)), fees: v.fees, yearly_frequency: v.yearlyFrequency });

/** Registers a procedure with its first version; INTERNAL_PROC_CODE_TAKEN when the code exists (nothing changes). */
export async function registerProcedure(ctx: Ctx, p: ProcedureBody): Promise<InternalProcedureRow> {
  return ctx.db.transaction().execute(async (trx) => {
    const at = new Date(ctx.now);
    const proc = await insertProcedureOnce(trx, { code: p.code, name: p.name, field: p.field, owner_unit_id: p.ownerUnitId, legal_basis: p.legalBasis, current_version: 1, created_by: ctx.actor.id, created_at: at });
    if (!proc) throw new AppError('INTERNAL_PROC_CODE_TAKEN', { params: { code: p.code } });
    await insertVersion(trx, { procedure_id: proc.id, version: 1, kind: 'registered', ...versionRow(p), created_by: ctx.actor.id, created_at: at });
    await appendAudit(trx, { actor: ctx.actor, action: 'internal_procedure.registered', entityType: 'internal_procedure', entityId: proc.id, unitId: p.ownerUnitId, after: p, requestId: ctx.requestId, at });
    return proc;
  });
}

/** Records a review of the current ("before") version with its yearly cost; INTERNAL_PROC_REVIEW_OPEN while another awaits its decision. */
export async function addReview(ctx: Ctx, procedureId: string, r: ReviewBody): Promise<InternalProcedureReviewRow> {
  return ctx.db.transaction().execute(async (trx) => {
    const proc = await lockProcedure(trx, procedureId);
    if (!proc) throw new AppError('INTERNAL_PROC_NOT_FOUND');
    if ((await listReviews(trx, [proc.id])).some((x) => x.decided_at === null)) throw new AppError('INTERNAL_PROC_REVIEW_OPEN');
    const current = (await listVersions(trx, [proc.id])).find((v) => v.version === proc.current_version)!;
    const cost = complianceCost({ steps: stepsOf(current), fees: current.fees, yearlyFrequency: current.yearly_frequency }, ctx.defaultHourlyCost ?? DEFAULT_HOURLY_COST);
    const at = new Date(ctx.now);
    const review = await insertReview(trx, {
      procedure_id: proc.id,
      before_version: proc.current_version,
      necessity_verdict: r.necessity.verdict,
      necessity_text: r.necessity.text,
      reasonableness_verdict: r.reasonableness.verdict,
      reasonableness_text: r.reasonableness.text,
      legality_verdict: r.legality.verdict,
      legality_text: r.legality.text,
      proposals: r.proposals,
      cost_before: cost.yearly,
      reviewed_by: ctx.actor.id,
      reviewed_at: at,
    });
    await appendAudit(trx, { actor: ctx.actor, action: 'internal_procedure.reviewed', entityType: 'internal_procedure', entityId: proc.id, unitId: proc.owner_unit_id, after: { reviewId: review.id, ...r, costBefore: cost.yearly }, requestId: ctx.requestId, at });
    return review;
  });
}

/** Records the decision on a review; with `after`, stores the simplified version and makes it current (the "before" one is kept). */
export async function decideReview(ctx: Ctx, procedureId: string, reviewId: string, d: DecisionBody): Promise<InternalProcedureReviewRow> {
  return ctx.db.transaction().execute(async (trx) => {
    const proc = await lockProcedure(trx, procedureId);
    if (!proc) throw new AppError('INTERNAL_PROC_NOT_FOUND');
    const review = (await listReviews(trx, [proc.id])).find((x) => x.id === reviewId);
    if (!review) throw new AppError('INTERNAL_PROC_REVIEW_NOT_FOUND');
    if (review.decided_at !== null) throw new AppError('INTERNAL_PROC_REVIEW_DECIDED');
    if (review.before_version !== proc.current_version) throw new AppError('INTERNAL_PROC_REVIEW_STALE');
    const at = new Date(ctx.now);
    let after: { version: number; cost: number } | null = null;
    if (d.after) {
      const version = proc.current_version + 1;
      const cost = complianceCost({ steps: d.after.steps, fees: d.after.fees, yearlyFrequency: d.after.yearlyFrequency }, ctx.defaultHourlyCost ?? DEFAULT_HOURLY_COST).yearly;
      await insertVersion(trx, { procedure_id: proc.id, version, kind: 'simplified', ...versionRow(d.after), created_by: ctx.actor.id, created_at: at });
      await setCurrentVersion(trx, proc.id, version);
      after = { version, cost };
    }
    const saved = await updateReview(trx, review.id, { decision_number: d.number, decision_date: d.date, decision_summary: d.summary, after_version: after?.version ?? null, cost_after: after?.cost ?? null, decided_at: at });
    await appendAudit(trx, { actor: ctx.actor, action: 'internal_procedure.decided', entityType: 'internal_procedure', entityId: proc.id, unitId: proc.owner_unit_id, before: { version: proc.current_version, costBefore: review.cost_before }, after: { reviewId: review.id, ...d, version: after?.version ?? proc.current_version, costAfter: after?.cost ?? null }, requestId: ctx.requestId, at });
    return saved;
  });
}
