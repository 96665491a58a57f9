/** SQL of internal procedures, their versions and reviews. */
import { type Insertable, type Kysely, type Transaction, type Updateable, sql } from 'kysely';
import type { DB } from '../../db/schema';
import type { InternalProcedureReviewRow, InternalProcedureRow, InternalProcedureVersionRow } from '../../db/tables/internal-procedures';

type Q = Kysely<DB> | Transaction<DB>;

/** A procedure with its owner unit's name. */
export type ProcedureRecord = InternalProcedureRow & { unit_name: string };

const unitName = sql<string>`u.name`;

/** Procedures owned by `unitIds` (all when undefined), by code. */
export async function listProcedures(db: Q, unitIds?: readonly string[]): Promise<ProcedureRecord[]> {
  if (unitIds && unitIds.length === 0) return [];
  let q = db.selectFrom('internal_procedures as p').innerJoin('units as u', 'u.id', 'p.owner_unit_id').selectAll('p').select(unitName.as('unit_name'));
  if (unitIds) q = q.where('p.owner_unit_id', 'in', [...unitIds]);
  return q.orderBy('p.code').execute();
}

/** One procedure, or undefined. */
export async function findProcedure(db: Q, id: string): Promise<ProcedureRecord | undefined> {
  return db.selectFrom('internal_procedures as p').innerJoin('units as u', 'u.id', 'p.owner_unit_id').selectAll('p').select(unitName.as('unit_name')).where('p.id', '=', id).executeTakeFirst();
}

/** The procedure coded `code`, or undefined. */
export async function findProcedureByCode(db: Q, code: string): Promise<InternalProcedureRow | undefined> {
  return db.selectFrom('internal_procedures').selectAll().where('code', '=', code).executeTakeFirst();
}

/** Locks a procedure row for a change of its versions or reviews. */
export async function lockProcedure(trx: Transaction<DB>, id: string): Promise<InternalProcedureRow | undefined> {
  return trx.selectFrom('internal_procedures').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Stores a procedure unless its code is taken; undefined when it is. */
export async function insertProcedureOnce(trx: Transaction<DB>, row: Insertable<DB['internal_procedures']>): Promise<InternalProcedureRow | undefined> {
  return trx.insertInto('internal_procedures').values(row).onConflict((oc) => oc.column('code').doNothing()).returningAll().executeTakeFirst();
}

export async function setCurrentVersion(trx: Transaction<DB>, id: string, version: number): Promise<void> {
  await trx.updateTable('internal_procedures').set({ current_version: version }).where('id', '=', id).execute();
}

export async function insertVersion(trx: Transaction<DB>, row: Insertable<DB['internal_procedure_versions']>): Promise<InternalProcedureVersionRow> {
  return trx.insertInto('internal_procedure_versions').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Versions of the given procedures, oldest first. */
export async function listVersions(db: Q, procedureIds: readonly string[]): Promise<InternalProcedureVersionRow[]> {
  if (procedureIds.length === 0) return [];
  return db.selectFrom('internal_procedure_versions').selectAll().where('procedure_id', 'in', [...procedureIds]).orderBy('procedure_id').orderBy('version').execute();
}

export async function insertReview(trx: Transaction<DB>, row: Insertable<DB['internal_procedure_reviews']>): Promise<InternalProcedureReviewRow> {
  return trx.insertInto('internal_procedure_reviews').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateReview(trx: Transaction<DB>, id: string, set: Updateable<DB['internal_procedure_reviews']>): Promise<InternalProcedureReviewRow> {
  return trx.updateTable('internal_procedure_reviews').set(set).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/** Reviews of the given procedures, oldest first. */
export async function listReviews(db: Q, procedureIds: readonly string[]): Promise<InternalProcedureReviewRow[]> {
  if (procedureIds.length === 0) return [];
  return db.selectFrom('internal_procedure_reviews').selectAll().where('procedure_id', 'in', [...procedureIds]).orderBy('reviewed_at').orderBy('id').execute();
}

/** Active units (valid_to null). */
export async function activeUnitIds(db: Q): Promise<Set<string>> {
  return new Set((await db.selectFrom('units').select('id').where('valid_to', 'is', null).execute()).map((u) => u.id));
}
