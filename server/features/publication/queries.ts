import type { Insertable, Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import type { PublicationDecisionRow, PublicationDecisionsTable, PublicationItemsTable } from '../../db/tables/catalogue';

type Q = Kysely<DB> | Transaction<DB>;

/** A decision by kind and number (numbers are unique per kind). */
export async function findDecisionByNumber(db: Q, kind: 'ministry' | 'city', number: string): Promise<PublicationDecisionRow | undefined> {
  return db.selectFrom('publication_decisions').selectAll().where('kind', '=', kind).where('number', '=', number).executeTakeFirst();
}

/** A decision by id. */
export async function findDecision(db: Q, id: string): Promise<PublicationDecisionRow | undefined> {
  return db.selectFrom('publication_decisions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Inserts a decision and its items in one go. */
export async function insertDecision(
  trx: Transaction<DB>,
  d: Insertable<PublicationDecisionsTable>,
  items: Omit<Insertable<PublicationItemsTable>, 'decision_id' | 'unit_id'>[],
): Promise<PublicationDecisionRow> {
  const row = await trx.insertInto('publication_decisions').values(d).returningAll().executeTakeFirstOrThrow();
  await trx
    .insertInto('publication_items')
    .values(items.map((i) => ({ ...i, decision_id: row.id, unit_id: row.unit_id })))
    .execute();
  return row;
}

/** Records when a city decision was publicised on the national database. */
export async function setPublicised(trx: Transaction<DB>, id: string, on: string): Promise<PublicationDecisionRow> {
  return trx.updateTable('publication_decisions').set({ publicised_on: on }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/** Every decision of the given units (all units when null), oldest first. */
export async function listDecisions(db: Q, unitIds: readonly string[] | null): Promise<PublicationDecisionRow[]> {
  let q = db.selectFrom('publication_decisions').selectAll().orderBy('signed_on').orderBy('number');
  if (unitIds !== null) {
    if (unitIds.length === 0) return [];
    q = q.where('unit_id', 'in', unitIds);
  }
  return q.execute();
}

/** The items of these decisions, in order. */
export async function listItems(db: Q, decisionIds: readonly string[]) {
  if (decisionIds.length === 0) return [];
  return db.selectFrom('publication_items').selectAll().where('decision_id', 'in', decisionIds).orderBy('decision_id').orderBy('ord').execute();
}

/** Ministry decisions followed by a city decision (their publication obligation is met). */
export async function followedSourceIds(db: Q): Promise<Set<string>> {
  const rows = await db.selectFrom('publication_decisions').select('source_id').where('kind', '=', 'city').where('source_id', 'is not', null).execute();
  return new Set(rows.map((r) => r.source_id as string));
}
