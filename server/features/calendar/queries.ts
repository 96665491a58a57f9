import { type Kysely, type Transaction, sql } from 'kysely';
import type { DB } from '../../db/schema';

type Q = Kysely<DB> | Transaction<DB>;

export async function calendarRevision(db: Q): Promise<number> {
  return (await db.selectFrom('calendar_revision').select('revision').executeTakeFirstOrThrow()).revision;
}

export async function listOverrides(db: Q, from?: string, to?: string) {
  let q = db.selectFrom('calendar_overrides').select(['date', 'working', 'name', 'updated_at']).orderBy('date');
  if (from) q = q.where('date', '>=', from);
  if (to) q = q.where('date', '<=', to);
  return q.execute();
}

export async function findOverride(db: Q, date: string) {
  return db.selectFrom('calendar_overrides').select(['date', 'working', 'name']).where('date', '=', date).executeTakeFirst();
}

export async function upsertOverride(trx: Transaction<DB>, o: { date: string; working: boolean; name: string; updatedBy: string | null }) {
  await trx
    .insertInto('calendar_overrides')
    .values({ date: o.date, working: o.working, name: o.name, updated_by: o.updatedBy })
    .onConflict((oc) => oc.column('date').doUpdateSet({ working: o.working, name: o.name, updated_by: o.updatedBy, updated_at: new Date() }))
    .execute();
}

export async function deleteOverride(trx: Transaction<DB>, date: string) {
  await trx.deleteFrom('calendar_overrides').where('date', '=', date).execute();
}

export async function bumpCalendarRevision(trx: Transaction<DB>) {
  await trx.updateTable('calendar_revision').set({ revision: sql`revision + 1` }).execute();
}

/** The working periods configured for the unit or its nearest configured ancestor; undefined → defaults. */
export async function effectiveWorkingHours(db: Q, unitId: string): Promise<{ unitId: string; periods: unknown } | undefined> {
  const r = await sql<{ unit_id: string; periods: unknown }>`
    WITH RECURSIVE up(id, parent_id, depth) AS (
      SELECT id, parent_id, 0 FROM units WHERE id = ${unitId}
      UNION ALL
      SELECT u.id, u.parent_id, up.depth + 1 FROM units u JOIN up ON u.id = up.parent_id WHERE up.depth < 50
    )
    SELECT h.unit_id, h.periods FROM up JOIN unit_working_hours h ON h.unit_id = up.id ORDER BY up.depth LIMIT 1`.execute(db);
  const row = r.rows[0];
  return row ? { unitId: row.unit_id, periods: row.periods } : undefined;
}

export async function findWorkingHours(db: Q, unitId: string) {
  return db.selectFrom('unit_working_hours').select(['unit_id', 'periods']).where('unit_id', '=', unitId).executeTakeFirst();
}

export async function upsertWorkingHours(trx: Transaction<DB>, unitId: string, periods: unknown) {
  const json = JSON.stringify(periods);
  await trx
    .insertInto('unit_working_hours')
    .values({ unit_id: unitId, periods: json })
    .onConflict((oc) => oc.column('unit_id').doUpdateSet({ periods: json, updated_at: new Date() }))
    .execute();
}
