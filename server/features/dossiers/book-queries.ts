/** SQL of the dossier book (Mẫu 06): the dossiers a unit received in a period, page by page. */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema';

type Q = Kysely<DB> | Transaction<DB>;

/** Dossiers received (accepted, so numbered) by `unitId` in [from, to). */
function received(db: Q, unitId: string, from: Date, to: Date) {
  return db
    .selectFrom('dossiers as d')
    .where('d.unit_id', '=', unitId)
    .where('d.received_at', '>=', from)
    .where('d.received_at', '<', to)
    .where('d.code', 'is not', null);
}

/** How many dossiers the book of `unitId` for [from, to) lists. */
export async function countBookDossiers(db: Q, unitId: string, from: Date, to: Date): Promise<number> {
  const r = await received(db, unitId, from, to)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/**
 * One page of the book's dossiers after `afterCode` (keyset on the unique code), with the procedure
 * version's name: only what a row prints, no files.
 */
export async function bookDossierPage(db: Q, unitId: string, from: Date, to: Date, afterCode: string | null, limit: number) {
  let q = received(db, unitId, from, to)
    .innerJoin('procedure_versions as v', 'v.id', 'd.procedure_version_id')
    .select(['d.code', 'd.state', 'd.procedure_version_id', 'd.handling_unit_id', 'd.applicant_name', 'd.applicant_contact', 'v.name as procedure_name']);
  if (afterCode !== null) q = q.where('d.code', '>', afterCode);
  return q.orderBy('d.code').limit(limit).execute();
}
