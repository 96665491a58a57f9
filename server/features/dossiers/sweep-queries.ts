/** SQL of the violation sweep: open dossiers that may have turned late while nobody acted on them. */
import { type ExpressionBuilder, type Insertable, type Kysely, type Transaction, sql } from 'kysely';
import type { DB } from '../../db/schema';
import type { DossierViolationsTable } from '../../db/tables/dossiers';

type Q = Kysely<DB> | Transaction<DB>;

/** No violation of `kind` is recorded for the dossier `d`. */
const notRecorded = (eb: ExpressionBuilder<DB & { d: DB['dossiers'] }, 'd'>, kind: string) =>
  eb.not(eb.exists(eb.selectFrom('dossier_violations as v').select('v.kind').whereRef('v.dossier_id', '=', 'd.id').where('v.kind', '=', kind)));

/**
 * One batch (keyset on id) of the dossiers the sweep must judge at `now`: a running clock past its
 * overdue instant with no apology and no `late_without_apology` recorded yet (the overdue queue,
 * less what is already recorded), and accepted dossiers still at the desk with no `late_handover`
 * yet. Recorded dossiers drop out, so a sweep's cost follows what is new, not the backlog.
 */
export async function sweepCandidates(db: Q, now: Date, afterId: string | null, limit: number) {
  let q = db
    .selectFrom('dossiers as d')
    .select(['d.id', 'd.unit_id', 'd.handling_unit_id', 'd.procedure_version_id', 'd.version', 'd.state'])
    .where((eb) =>
      eb.or([
        eb.and([
          eb('d.clock_running', '=', true),
          eb('d.overdue_at', '<', now),
          sql<boolean>`(d.state ->> 'redateUsed')::boolean IS NOT TRUE`,
          notRecorded(eb, 'late_without_apology'),
        ]),
        eb.and([eb('d.status', '=', 'accepted'), notRecorded(eb, 'late_handover')]),
      ]),
    );
  if (afterId !== null) q = q.where('d.id', '>', afterId);
  return q.orderBy('d.id').limit(limit).execute();
}

/** Locks a dossier row for the rest of the transaction and answers its version (undefined when gone). */
export async function lockDossierVersion(trx: Transaction<DB>, id: string): Promise<number | undefined> {
  const row = await trx.selectFrom('dossiers').select('version').where('id', '=', id).forUpdate().executeTakeFirst();
  return row?.version;
}

/** Records violations as `insertViolations` does (a kind already recorded is kept), answering the kinds newly recorded. */
export async function insertNewViolations(trx: Transaction<DB>, rows: Insertable<DossierViolationsTable>[]): Promise<string[]> {
  if (rows.length === 0) return [];
  const inserted = await trx
    .insertInto('dossier_violations')
    .values(rows)
    .onConflict((oc) => oc.columns(['dossier_id', 'kind']).doNothing())
    .returning('kind')
    .execute();
  return inserted.map((r) => r.kind);
}
