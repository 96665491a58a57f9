import type { Kysely } from 'kysely';
import { AppError } from '@core/errors/app-error';
import type { CreateUnitBody, MergeUnitBody, RenameUnitBody } from '@core/org/unit';
import type { DB, UnitRow } from '../../db/schema';
import type { AuditActor } from '../../http/actor';
import { appendAudit } from '../audit/append';
import { closeUnitInto, findUnit, findUnitByCode, insertUnit, renameUnit, unitAncestorIds } from './queries';

interface Ctx {
  db: Kysely<DB>;
  actor: AuditActor;
  requestId: string;
}

const today = () => new Date().toISOString().slice(0, 10);

/** Adds a unit under an active parent; its national identifier code must be unique. */
export async function createUnit(ctx: Ctx, body: CreateUnitBody): Promise<UnitRow> {
  return ctx.db.transaction().execute(async (trx) => {
    const parent = await findUnit(trx, body.parentId);
    if (!parent || parent.valid_to !== null) throw new AppError('UNIT_PARENT_INVALID', { fields: [{ field: 'parentId', code: 'invalid', message: 'parent' }] });
    if (await findUnitByCode(trx, body.code)) throw new AppError('UNIT_CODE_TAKEN', { fields: [{ field: 'code', code: 'taken', message: body.code }] });
    const row = await insertUnit(trx, {
      code: body.code,
      name: body.name,
      short_name: body.shortName ?? null,
      kind: body.kind,
      parent_id: parent.id,
      valid_from: body.validFrom ?? today(),
    });
    await appendAudit(trx, { actor: ctx.actor, action: 'unit.created', entityType: 'unit', entityId: row.id, unitId: row.id, after: row, requestId: ctx.requestId });
    return row;
  });
}

/** Renames a unit from a date, keeping the old name in its history. */
export async function renameUnitCommand(ctx: Ctx, unitId: string, body: RenameUnitBody): Promise<UnitRow> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await findUnit(trx, unitId);
    if (!before) throw new AppError('NOT_FOUND');
    if (before.valid_to !== null) throw new AppError('UNIT_ALREADY_CLOSED');
    const after = await renameUnit(trx, unitId, body.name, body.shortName ?? null, body.effectiveFrom, body.reason);
    await appendAudit(trx, { actor: ctx.actor, action: 'unit.renamed', entityType: 'unit', entityId: unitId, unitId, before, after: { ...after, reason: body.reason }, requestId: ctx.requestId });
    return after;
  });
}

/**
 * Merges a unit into its successor (e.g. communes merged under the 2025 reorganisation): the unit
 * closes, points to the successor, and its active children move under the successor. Reports of the
 * closed unit roll up to the successor through the successor link.
 */
export async function mergeUnit(ctx: Ctx, unitId: string, body: MergeUnitBody): Promise<UnitRow> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await findUnit(trx, unitId);
    if (!before) throw new AppError('NOT_FOUND');
    if (before.valid_to !== null) throw new AppError('UNIT_ALREADY_CLOSED');
    const successor = await findUnit(trx, body.successorId);
    if (!successor || successor.valid_to !== null || successor.id === unitId) throw new AppError('UNIT_SUCCESSOR_INVALID');
    if ((await unitAncestorIds(trx, successor.id)).includes(unitId)) throw new AppError('UNIT_SUCCESSOR_INVALID');
    if (body.effectiveFrom <= before.valid_from) throw new AppError('VALIDATION_FAILED', { fields: [{ field: 'effectiveFrom', code: 'too_early', message: before.valid_from }] });
    const after = await closeUnitInto(trx, unitId, successor.id, body.effectiveFrom);
    await appendAudit(trx, { actor: ctx.actor, action: 'unit.merged', entityType: 'unit', entityId: unitId, unitId, before, after: { ...after, reason: body.reason }, requestId: ctx.requestId });
    await appendAudit(trx, { actor: ctx.actor, action: 'unit.absorbed', entityType: 'unit', entityId: successor.id, unitId: successor.id, after: { predecessorId: unitId, effectiveFrom: body.effectiveFrom }, requestId: ctx.requestId });
    return after;
  });
}
