/** SQL of the national portal sync: the pick list and the acknowledgement's write. */
import { type Kysely, type Transaction, sql } from 'kysely';
import type { DB } from '../../db/schema';

/**
 * Up to `limit` numbered dossiers, after `afterId` in id order, whose current version the portal has
 * not acknowledged, with what their sync message needs (the units' codes, when the result went back).
 * A plain read: nothing is locked while the portal is called (dossier actions are never blocked).
 */
export async function unsyncedDossiers(db: Kysely<DB>, afterId: string | null, limit: number) {
  let q = db
    .selectFrom('dossiers as d')
    .innerJoin('units as ru', 'ru.id', 'd.unit_id')
    .innerJoin('units as hu', 'hu.id', 'd.handling_unit_id')
    .select([
      'd.id',
      'd.unit_id',
      'd.code',
      'd.version',
      'd.procedure_code',
      'd.channel',
      'd.status',
      'd.applicant_kind',
      'd.applicant_id_number',
      'd.applicant_name',
      'd.submitted_at',
      'd.received_at',
      'd.due_at',
      'd.finished_at',
      'd.national_synced_version',
      'ru.code as receiving_unit_code',
      'hu.code as handling_unit_code',
      sql<string | number | null>`d.state -> 'returned' ->> 'at'`.as('returned_at_ms'),
    ])
    .where('d.code', 'is not', null)
    .where('d.national_synced_version', 'is distinct from', sql.ref<number>('d.version'));
  if (afterId) q = q.where('d.id', '>', afterId);
  return q.orderBy('d.id').limit(limit).execute();
}

/** A dossier picked for the sync. */
export type UnsyncedDossier = Awaited<ReturnType<typeof unsyncedDossiers>>[number];

/**
 * Records that the portal acknowledged `version` of the dossier, unless a later version is already
 * recorded (another run got there first). Locks the row for the rest of the transaction; answers the
 * version recorded before, or `skipped` when nothing was written.
 */
export async function markNationalSynced(trx: Transaction<DB>, dossierId: string, version: number, at: Date): Promise<{ skipped: true } | { skipped: false; before: { version: number | null; at: Date | null } }> {
  const row = await trx.selectFrom('dossiers').select(['national_synced_version', 'national_synced_at']).where('id', '=', dossierId).forUpdate().executeTakeFirst();
  if (!row || (row.national_synced_version !== null && row.national_synced_version >= version)) return { skipped: true };
  await trx.updateTable('dossiers').set({ national_synced_version: version, national_synced_at: at }).where('id', '=', dossierId).execute();
  return { skipped: false, before: { version: row.national_synced_version, at: row.national_synced_at } };
}
