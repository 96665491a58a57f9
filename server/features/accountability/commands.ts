/** Accountability commands: each change is one transaction with its audit event. */
import type { Kysely } from 'kysely';
import type { GradeFormula } from '@core/accountability/grade';
import { type HandlingKind, type ManualViolationKind, type ViolationRef, formatViolationRef, handlingAllowed, violationStatus } from '@core/accountability/violations';
import { AppError } from '@core/errors/app-error';
import type { DB } from '../../db/schema';
import type { AccountabilityHandlingRow, AccountabilityViolationRow } from '../../db/tables/accountability';
import type { AuditActor } from '../../http/actor';
import { appendAudit } from '../audit/append';
import { findFormula, handlingsOf, insertEvidence, insertHandling, insertManualViolation, lockViolation, upsertFormula } from './queries';

/** Who acts (a member of staff, with their id), on which database, at what instant. */
export interface Ctx {
  db: Kysely<DB>;
  actor: AuditActor & { id: string };
  requestId: string;
  now: number;
}

/** A manual violation, checked, with its evidence already in the blob store. */
export interface NewViolation {
  unitId: string;
  officerId: string;
  kind: ManualViolationKind;
  description: string;
  occurredAt: number;
  dossierId: string | null;
  evidence: { sha256: string; mime: string; size: number; filename: string }[];
}

/** Records an inspector's violation with its evidence. */
export async function recordViolation(ctx: Ctx, v: NewViolation): Promise<AccountabilityViolationRow> {
  return ctx.db.transaction().execute(async (trx) => {
    const saved = await insertManualViolation(trx, {
      unit_id: v.unitId,
      officer_id: v.officerId,
      kind: v.kind,
      description: v.description,
      dossier_id: v.dossierId,
      occurred_at: new Date(v.occurredAt),
      recorded_by: ctx.actor.id,
      recorded_by_name: ctx.actor.name,
      recorded_at: new Date(ctx.now),
    });
    await insertEvidence(trx, saved.id, v.evidence);
    await appendAudit(trx, {
      actor: ctx.actor,
      action: 'accountability.violation_recorded',
      entityType: 'violation',
      entityId: saved.id,
      unitId: v.unitId,
      after: { kind: v.kind, officerId: v.officerId, occurredAt: new Date(v.occurredAt).toISOString(), dossierId: v.dossierId, evidence: v.evidence.map((e) => e.sha256) },
      requestId: ctx.requestId,
      at: new Date(ctx.now),
    });
    return saved;
  });
}

/**
 * Records a handling (or the closure) of a violation answered by `unitId`. Under the violation's row
 * lock its handlings decide whether it is still open: a closed one refuses with
 * ACCOUNTABILITY_VIOLATION_CLOSED and nothing is written.
 */
export async function recordHandling(ctx: Ctx, ref: ViolationRef, unitId: string, h: { kind: HandlingKind; note: string }): Promise<AccountabilityHandlingRow> {
  const key = ref.source === 'manual' ? { violationId: ref.id } : { dossierId: ref.dossierId, kind: ref.kind };
  return ctx.db.transaction().execute(async (trx) => {
    if (!(await lockViolation(trx, key))) throw new AppError('NOT_FOUND');
    const status = violationStatus(await handlingsOf(trx, key));
    if (!handlingAllowed(status, h.kind)) throw new AppError('ACCOUNTABILITY_VIOLATION_CLOSED');
    const saved = await insertHandling(trx, {
      violation_id: ref.source === 'manual' ? ref.id : null,
      dossier_id: ref.source === 'dossier' ? ref.dossierId : null,
      dossier_kind: ref.source === 'dossier' ? ref.kind : null,
      unit_id: unitId,
      kind: h.kind,
      note: h.note,
      at: new Date(ctx.now),
      actor_id: ctx.actor.id,
      actor_name: ctx.actor.name,
    });
    await appendAudit(trx, {
      actor: ctx.actor,
      action: h.kind === 'closure' ? 'accountability.violation_closed' : 'accountability.violation_handled',
      entityType: 'violation',
      entityId: formatViolationRef(ref),
      unitId,
      before: { status },
      after: { kind: h.kind, handlingId: saved.id },
      requestId: ctx.requestId,
      at: new Date(ctx.now),
    });
    return saved;
  });
}

/** Replaces the grading formula (already checked), with the old one in the audit event. */
export async function saveFormula(ctx: Ctx, formula: GradeFormula): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await findFormula(trx);
    await upsertFormula(trx, formula, ctx.actor.id, new Date(ctx.now));
    await appendAudit(trx, { actor: ctx.actor, action: 'accountability.formula_changed', entityType: 'grade_formula', entityId: 'grade', unitId: null, before: before?.formula ?? null, after: formula, requestId: ctx.requestId, at: new Date(ctx.now) });
  });
}
