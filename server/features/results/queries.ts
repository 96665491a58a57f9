/** SQL of result documents and their download log. */
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import type { DossierResultDownloadsTable, DossierResultRow, DossierResultsTable } from '../../db/tables/results-feedback';

type Q = Kysely<DB> | Transaction<DB>;

/** Every result document of a dossier, newest first. */
export async function listResults(db: Q, dossierId: string): Promise<DossierResultRow[]> {
  return db.selectFrom('dossier_results').selectAll().where('dossier_id', '=', dossierId).orderBy('uploaded_at', 'desc').orderBy('id').execute();
}

/** The current (not superseded) result documents of a dossier, newest first. */
export async function listCurrentResults(db: Q, dossierId: string): Promise<DossierResultRow[]> {
  return db.selectFrom('dossier_results').selectAll().where('dossier_id', '=', dossierId).where('superseded_at', 'is', null).orderBy('uploaded_at', 'desc').orderBy('id').execute();
}

/** One result document of a dossier, or undefined. */
export async function findResult(db: Q, dossierId: string, id: string): Promise<DossierResultRow | undefined> {
  return db.selectFrom('dossier_results').selectAll().where('dossier_id', '=', dossierId).where('id', '=', id).executeTakeFirst();
}

/** How many current result documents a dossier has. */
export async function countCurrentResults(db: Q, dossierId: string): Promise<number> {
  const row = await db.selectFrom('dossier_results').select((eb) => eb.fn.countAll<string>().as('n')).where('dossier_id', '=', dossierId).where('superseded_at', 'is', null).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Stores a result document's row. */
export async function insertResult(trx: Transaction<DB>, row: Insertable<DossierResultsTable>): Promise<DossierResultRow> {
  return trx.insertInto('dossier_results').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Marks a current document superseded by another; false when it is not (or no longer) current. */
export async function supersedeResult(trx: Transaction<DB>, dossierId: string, id: string, by: string, at: Date): Promise<boolean> {
  const done = await trx
    .updateTable('dossier_results')
    .set({ superseded_at: at, superseded_by: by })
    .where('dossier_id', '=', dossierId)
    .where('id', '=', id)
    .where('superseded_at', 'is', null)
    .executeTakeFirst();
  return Number(done.numUpdatedRows) === 1;
}

/** Records one download by an applicant. */
export async function insertDownload(db: Q, row: Insertable<DossierResultDownloadsTable>): Promise<void> {
  await db.insertInto('dossier_result_downloads').values(row).execute();
}
