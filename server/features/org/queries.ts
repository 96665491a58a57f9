import { type Kysely, type Transaction, sql } from 'kysely';
import type { DB, UnitRow } from '../../db/schema';

type Q = Kysely<DB> | Transaction<DB>;

export async function listUnits(db: Q): Promise<UnitRow[]> {
  return db.selectFrom('units').selectAll().orderBy('code').execute();
}

export async function findUnit(db: Q, id: string): Promise<UnitRow | undefined> {
  return db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findUnitByCode(db: Q, code: string): Promise<UnitRow | undefined> {
  return db.selectFrom('units').selectAll().where('code', '=', code).executeTakeFirst();
}

/** The unit and all its ancestors, nearest first. */
export async function unitAncestorIds(db: Q, unitId: string): Promise<string[]> {
  const result = await sql<{ id: string }>`
    WITH RECURSIVE up(id, parent_id, depth) AS (
      SELECT id, parent_id, 0 FROM units WHERE id = ${unitId}
      UNION ALL
      SELECT u.id, u.parent_id, up.depth + 1 FROM units u JOIN up ON u.id = up.parent_id WHERE up.depth < 50
    )
    SELECT id FROM up ORDER BY depth`.execute(db);
  return result.rows.map((r) => r.id);
}

/** The unit and all its descendants. */
export async function unitSubtreeIds(db: Q, unitId: string): Promise<string[]> {
  const result = await sql<{ id: string }>`
    WITH RECURSIVE down(id, depth) AS (
      SELECT id, 0 FROM units WHERE id = ${unitId}
      UNION ALL
      SELECT u.id, down.depth + 1 FROM units u JOIN down ON u.parent_id = down.id WHERE down.depth < 50
    )
    SELECT id FROM down`.execute(db);
  return result.rows.map((r) => r.id);
}

export async function listUnitNames(db: Q, unitId: string) {
  return db.selectFrom('unit_names').selectAll().where('unit_id', '=', unitId).orderBy('valid_from').execute();
}

export async function insertUnit(trx: Transaction<DB>, u: { code: string; name: string; short_name: string | null; kind: string; parent_id: string | null; valid_from: string }) {
  const row = await trx.insertInto('units').values(u).returningAll().executeTakeFirstOrThrow();
  await trx.insertInto('unit_names').values({ unit_id: row.id, valid_from: u.valid_from, name: u.name, short_name: u.short_name, valid_to: null, reason: null }).execute();
  return row;
}

/** Closes the current name record and opens a new one; the unit row carries the current name. */
export async function renameUnit(trx: Transaction<DB>, unitId: string, name: string, shortName: string | null, from: string, reason: string) {
  await trx
    .updateTable('unit_names')
    .set({ valid_to: sql<string>`(${from}::date - 1)` })
    .where('unit_id', '=', unitId)
    .where('valid_to', 'is', null)
    .execute();
  await trx.insertInto('unit_names').values({ unit_id: unitId, valid_from: from, valid_to: null, name, short_name: shortName, reason }).execute();
  return trx.updateTable('units').set({ name, short_name: shortName, updated_at: new Date() }).where('id', '=', unitId).returningAll().executeTakeFirstOrThrow();
}

/** Closes a unit on the day before `from`, points it at its successor and moves its active children there. */
export async function closeUnitInto(trx: Transaction<DB>, unitId: string, successorId: string, from: string) {
  await trx
    .updateTable('units')
    .set({ parent_id: successorId, updated_at: new Date() })
    .where('parent_id', '=', unitId)
    .where('valid_to', 'is', null)
    .execute();
  await trx.updateTable('unit_names').set({ valid_to: sql<string>`(${from}::date - 1)` }).where('unit_id', '=', unitId).where('valid_to', 'is', null).execute();
  return trx
    .updateTable('units')
    .set({ valid_to: sql<string>`(${from}::date - 1)`, successor_id: successorId, updated_at: new Date() })
    .where('id', '=', unitId)
    .returningAll()
    .executeTakeFirstOrThrow();
}
