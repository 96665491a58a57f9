/** SQL of the index's targets. */
import type { Kysely, Transaction } from 'kysely';
import { TARGET_CODES, type TargetCode, type TargetEntry } from '@core/index/targets';
import type { DB } from '../../db/schema';

type Q = Kysely<DB> | Transaction<DB>;

/** The targets of a unit for a year, in the order of `TARGET_CODES`. */
export async function listTargets(db: Q, unitId: string, year: number): Promise<TargetEntry[]> {
  const rows = await db.selectFrom('index_targets').select(['code', 'target', 'set_by', 'set_at']).where('unit_id', '=', unitId).where('year', '=', year).execute();
  const order = (code: string) => TARGET_CODES.indexOf(code as TargetCode);
  return rows
    .sort((a, b) => order(a.code) - order(b.code))
    .map((r) => ({ code: r.code as TargetCode, value: Number(r.target), setBy: r.set_by, setAt: new Date(r.set_at).toISOString() }));
}

/** The targets of a unit and year, locked until the transaction ends (two leaders saving at once are serialised). */
export async function lockTargetRows(trx: Transaction<DB>, unitId: string, year: number) {
  return trx.selectFrom('index_targets').select(['code', 'target']).where('unit_id', '=', unitId).where('year', '=', year).forUpdate().execute();
}

/** Removes some targets of a unit and year. */
export async function deleteTargets(trx: Transaction<DB>, unitId: string, year: number, codes: readonly string[]): Promise<void> {
  if (codes.length > 0) await trx.deleteFrom('index_targets').where('unit_id', '=', unitId).where('year', '=', year).where('code', 'in', [...codes]).execute();
}

/** Sets one target of a unit and year. */
export async function upsertTarget(trx: Transaction<DB>, t: { unitId: string; year: number; code: string; value: number; by: string; at: Date }): Promise<void> {
  await trx
    .insertInto('index_targets')
    .values({ unit_id: t.unitId, year: t.year, code: t.code, target: t.value, set_by: t.by, set_at: t.at })
    .onConflict((oc) => oc.columns(['unit_id', 'year', 'code']).doUpdateSet({ target: t.value, set_by: t.by, set_at: t.at }))
    .execute();
}
