import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { sameProcedure } from '@core/catalogue/canonical';
import type { ProcedureInput } from '@core/catalogue/procedure';
import { AppError } from '@core/errors/app-error';
import type { DB } from '../../db/schema';
import type { ProcedureRow } from '../../db/tables/catalogue';
import type { AuditActor } from '../../http/actor';
import { appendAudit } from '../audit/append';
import { appendVersionRows, emptyVersionRows, projectionOf } from './mapping';
import { findProcedures, latestVersionNumbers, lockProcedures, unitDirectory, writeVersionRows } from './queries';
import { currentInputs } from './read';
import { addVocabulary } from './search-queries';

/** Who is writing, for the audit trail. */
export interface Ctx {
  db: Kysely<DB>;
  actor: AuditActor;
  requestId: string;
}

/** What a save did (or, in a dry run, would do), by national code. */
export interface SavePlan {
  created: string[];
  updated: string[];
  unchanged: string[];
}

type Q = Kysely<DB> | Transaction<DB>;

/** Sorts procedures into new, changed and unchanged against the current catalogue. An abolished one brought back counts as changed. */
export async function planSave(db: Q, items: readonly ProcedureInput[]): Promise<SavePlan & { existing: Map<string, ProcedureRow> }> {
  const existing = new Map((await findProcedures(db, items.map((p) => p.code))).map((r) => [r.code, r]));
  const current = await currentInputs(db, [...existing.values()]);
  const plan: SavePlan = { created: [], updated: [], unchanged: [] };
  for (const p of items) {
    const row = existing.get(p.code);
    if (!row) plan.created.push(p.code);
    else if (row.status === 'active' && current.has(p.code) && sameProcedure(current.get(p.code) as ProcedureInput, p)) plan.unchanged.push(p.code);
    else plan.updated.push(p.code);
  }
  return { ...plan, existing };
}

/**
 * Writes new procedures and new versions of changed ones in one transaction, with their audit
 * events: one per procedure for a staff edit, one per responsible unit for a file import.
 * A published version is never changed in place: a change is always a new version.
 */
export async function saveProcedures(ctx: Ctx, items: readonly ProcedureInput[], mode: SaveMode): Promise<SaveResult> {
  return ctx.db
    .transaction()
    .execute((trx) => saveProceduresIn(trx, ctx, items, mode))
    .catch((err: { code?: string }) => {
      // Two saves raced for the same new code or version number: the loser retries on fresh data.
      throw err.code === '23505' ? new AppError('CONFLICT', { cause: err }) : err;
    });
}

/** What a save wrote: the plan and the new version of each created or changed procedure. */
export type SaveResult = SavePlan & { versions: Map<string, { id: string; version: number }> };
/** `create` refuses existing codes, `update` unknown ones; `import` takes both and audits per unit. */
export type SaveMode = 'create' | 'update' | 'import';

/** The body of `saveProcedures`, inside a transaction the caller owns (the demo seed shares its own). */
export async function saveProceduresIn(trx: Transaction<DB>, ctx: Omit<Ctx, 'db'>, items: readonly ProcedureInput[], mode: SaveMode): Promise<SaveResult> {
  const plan = await planSave(trx, items);
  if (mode === 'create' && plan.created.length !== items.length) throw new AppError('PROCEDURE_CODE_TAKEN', { fields: [{ field: 'code', code: 'taken', message: items[0]?.code ?? '' }] });
  if (mode === 'update' && plan.created.length > 0) throw new AppError('NOT_FOUND');
  const changedIds = plan.updated.map((c) => plan.existing.get(c)!.id);
  await lockProcedures(trx, changedIds);
  const latest = await latestVersionNumbers(trx, changedIds);
  const units = await unitDirectory(trx);
  const unitId = (code: string) => units.get(code)!.id;
  const rows = emptyVersionRows();
  const versions = new Map<string, { id: string; version: number }>();
  const changed = new Set([...plan.created, ...plan.updated]);
  for (const p of items) {
    if (!changed.has(p.code)) continue;
    const row = plan.existing.get(p.code);
    const procedureId = row?.id ?? randomUUID();
    const versionId = randomUUID();
    const version = row ? (latest.get(row.id) ?? 0) + 1 : 1;
    const projection = projectionOf(p, unitId(p.responsibleUnit), versionId);
    if (row) rows.updates.push({ id: row.id, set: projection });
    else rows.newProcedures.push({ id: procedureId, code: p.code, ...projection });
    appendVersionRows(rows, p, { procedureId, versionId, version, createdBy: ctx.actor.name }, unitId);
    versions.set(p.code, { id: versionId, version });
  }
  await writeVersionRows(trx, rows);
  await addVocabulary(trx, [...rows.newProcedures.map((r) => r.id as string), ...rows.updates.map((u) => u.id)]);
  await auditSave(trx, ctx, items, plan, versions, mode, unitId);
  return { created: plan.created, updated: plan.updated, unchanged: plan.unchanged, versions };
}

async function auditSave(
  trx: Transaction<DB>,
  ctx: Omit<Ctx, 'db'>,
  items: readonly ProcedureInput[],
  plan: SavePlan & { existing: Map<string, ProcedureRow> },
  versions: Map<string, { id: string; version: number }>,
  mode: SaveMode,
  unitId: (code: string) => string,
): Promise<void> {
  const created = new Set(plan.created);
  if (mode !== 'import') {
    for (const p of items) {
      const v = versions.get(p.code);
      if (!v) continue;
      const before = plan.existing.get(p.code);
      const action = created.has(p.code) ? 'procedure.created' : 'procedure.versioned';
      await appendAudit(trx, {
        actor: ctx.actor,
        action,
        entityType: 'procedure',
        entityId: p.code,
        unitId: unitId(p.responsibleUnit),
        before: before ? { versionId: before.current_version_id, status: before.status } : undefined,
        after: { versionId: v.id, version: v.version, procedure: p },
        requestId: ctx.requestId,
      });
    }
    return;
  }
  const byUnit = new Map<string, { created: string[]; updated: string[] }>();
  for (const p of items) {
    const v = versions.get(p.code);
    if (!v) continue;
    const u = unitId(p.responsibleUnit);
    const entry = byUnit.get(u) ?? byUnit.set(u, { created: [], updated: [] }).get(u)!;
    (created.has(p.code) ? entry.created : entry.updated).push(`${p.code}@${v.version}:${v.id}`);
  }
  for (const [u, entry] of byUnit) {
    await appendAudit(trx, { actor: ctx.actor, action: 'procedure.imported', entityType: 'procedure_import', entityId: ctx.requestId, unitId: u, after: entry, requestId: ctx.requestId });
  }
}
