/** SQL of ratings and feedback. */
import { type Insertable, type Kysely, type Transaction, sql } from 'kysely';
import type { FeedbackFilter } from '@core/feedback/api';
import type { DB } from '../../db/schema';
import type { DossierRatingRow, DossierRatingsTable, FeedbackRow, FeedbackTable } from '../../db/tables/results-feedback';

type Q = Kysely<DB> | Transaction<DB>;

/** A feedback row with what its views name: the unit, the dossier's code and who answered. */
export type FeedbackListRow = FeedbackRow & { unit_code: string; unit_name: string; dossier_code: string | null; answered_by_name: string | null };

/** The rating of a dossier, or undefined. */
export async function findRating(db: Q, dossierId: string): Promise<DossierRatingRow | undefined> {
  return db.selectFrom('dossier_ratings').selectAll().where('dossier_id', '=', dossierId).executeTakeFirst();
}

/** Inserts a rating unless the dossier has one (its key); undefined when it already had. */
export async function insertRatingOnce(trx: Transaction<DB>, row: Insertable<DossierRatingsTable>): Promise<DossierRatingRow | undefined> {
  return trx.insertInto('dossier_ratings').values(row).onConflict((oc) => oc.column('dossier_id').doNothing()).returningAll().executeTakeFirst();
}

/** Stores a new feedback. */
export async function insertFeedback(trx: Transaction<DB>, row: Insertable<FeedbackTable>): Promise<FeedbackRow> {
  return trx.insertInto('feedback').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Records the answer of a feedback not yet answered; undefined when it already was. */
export async function answerFeedbackOnce(trx: Transaction<DB>, id: string, answer: string, by: string, at: Date): Promise<FeedbackRow | undefined> {
  return trx.updateTable('feedback').set({ answer, answered_by: by, answered_at: at }).where('id', '=', id).where('answered_at', 'is', null).returningAll().executeTakeFirst();
}

function selectFeedback(db: Q) {
  return db
    .selectFrom('feedback as f')
    .innerJoin('units as u', 'u.id', 'f.unit_id')
    .leftJoin('dossiers as d', 'd.id', 'f.dossier_id')
    .leftJoin('users as a', (j) => j.on(sql<boolean>`a.id::text = f.answered_by`))
    .selectAll('f')
    .select(['u.code as unit_code', 'u.name as unit_name', 'd.code as dossier_code', 'a.full_name as answered_by_name']);
}

/** One feedback with its names, or undefined. */
export async function findFeedback(db: Q, id: string): Promise<FeedbackListRow | undefined> {
  return selectFeedback(db).where('f.id', '=', id).executeTakeFirst();
}

/** The feedback an applicant (a person, or an organisation) sent, newest first. */
export async function listApplicantFeedback(db: Q, applicant: { kind: 'citizen' | 'organisation'; idNumber: string }, limit = 200): Promise<FeedbackListRow[]> {
  return selectFeedback(db).where('f.applicant_kind', '=', applicant.kind).where('f.applicant_id_number', '=', applicant.idNumber).orderBy('f.submitted_at', 'desc').limit(limit).execute();
}

/**
 * One page of the feedback that reached the given units: waiting ones (`open`, overdue included;
 * `overdue` only) oldest due first, answered ones newest answer first; with the total and the
 * number overdue in the whole scope.
 */
export async function listUnitFeedback(db: Q, q: { unitIds: readonly string[]; filter: FeedbackFilter; now: Date; limit: number; offset: number }): Promise<{ rows: FeedbackListRow[]; total: number; overdue: number }> {
  if (q.unitIds.length === 0) return { rows: [], total: 0, overdue: 0 };
  const units = [...q.unitIds];
  let base = selectFeedback(db).where('f.unit_id', 'in', units);
  if (q.filter === 'open') base = base.where('f.answered_at', 'is', null);
  if (q.filter === 'overdue') base = base.where('f.answered_at', 'is', null).where('f.due_at', '<', q.now);
  if (q.filter === 'answered') base = base.where('f.answered_at', 'is not', null);
  const ordered = q.filter === 'answered' ? base.orderBy('f.answered_at', 'desc') : base.orderBy(sql`f.answered_at IS NOT NULL`).orderBy('f.due_at', 'asc');
  const [rows, counts] = await Promise.all([
    ordered.orderBy('f.id').limit(q.limit).offset(q.offset).execute(),
    db
      .selectFrom('feedback as f')
      .where('f.unit_id', 'in', units)
      .select((eb) => [
        eb.fn.countAll<string>().as('all'),
        sql<string>`count(*) FILTER (WHERE f.answered_at IS NULL)`.as('open'),
        sql<string>`count(*) FILTER (WHERE f.answered_at IS NOT NULL)`.as('answered'),
        sql<string>`count(*) FILTER (WHERE f.answered_at IS NULL AND f.due_at < ${q.now})`.as('overdue'),
      ])
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(counts[q.filter]), overdue: Number(counts.overdue) };
}
