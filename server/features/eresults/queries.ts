/** SQL of e-results and of their verification log. */
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import type { EresultRow, EresultVerificationsTable } from '../../db/tables/eresults';

type Q = Kysely<DB> | Transaction<DB>;

/** An e-result by its code (codes are kept upper-case). */
export async function findEresult(db: Q, code: string): Promise<EresultRow | undefined> {
  return db.selectFrom('eresults').selectAll().where('code', '=', code.trim().toUpperCase()).executeTakeFirst();
}

/** The e-result whose signed file has this SHA-256. */
export async function findEresultBySha(db: Q, sha256: string): Promise<EresultRow | undefined> {
  return db.selectFrom('eresults').selectAll().where('sha256', '=', sha256).executeTakeFirst();
}

/** The e-result made of a result document. */
export async function findEresultOfResult(db: Q, resultId: string): Promise<EresultRow | undefined> {
  return db.selectFrom('eresults').selectAll().where('result_id', '=', resultId).executeTakeFirst();
}

/** The e-results of a dossier, in order. */
export async function listEresults(db: Q, dossierId: string): Promise<EresultRow[]> {
  return db.selectFrom('eresults').selectAll().where('dossier_id', '=', dossierId).orderBy('seq').execute();
}

/** The issuer's code and name. */
export async function unitNameOf(db: Q, unitId: string): Promise<{ code: string; name: string }> {
  return db.selectFrom('units').select(['code', 'name']).where('id', '=', unitId).executeTakeFirstOrThrow();
}

/** Records one verification attempt. */
export async function insertVerification(db: Q, row: Insertable<EresultVerificationsTable>): Promise<void> {
  await db.insertInto('eresult_verifications').values(row).execute();
}
