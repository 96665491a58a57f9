/** Rating and feedback commands: each change is one transaction with its audit event. */
import type { Kysely } from 'kysely';
import { AppError } from '@core/errors/app-error';
import type { FeedbackKind } from '@core/feedback/feedback';
import type { Scores } from '@core/feedback/criteria';
import type { DB } from '../../db/schema';
import type { DossierRow } from '../../db/tables/dossiers';
import type { DossierRatingRow, FeedbackRow } from '../../db/tables/results-feedback';
import type { AuditActor } from '../../http/actor';
import { appendAudit } from '../audit/append';
import { enqueueNotification } from '../notifications/enqueue';
import { answerFeedbackOnce, insertFeedback, insertRatingOnce } from './queries';

/** Who acts (a citizen or a member of staff, with their id), on which database, at what instant. */
export interface Ctx {
  db: Kysely<DB>;
  actor: AuditActor & { id: string };
  requestId: string;
  now: number;
}

/** Stores the applicant's rating of a returned dossier; RATING_ALREADY_GIVEN when it has one (nothing changes). */
export async function rateDossier(ctx: Ctx, row: DossierRow, rating: { scores: Scores; comment?: string }): Promise<DossierRatingRow> {
  return ctx.db.transaction().execute(async (trx) => {
    const saved = await insertRatingOnce(trx, {
      dossier_id: row.id,
      unit_id: row.unit_id,
      handling_unit_id: row.handling_unit_id,
      citizen_id: ctx.actor.id,
      ...rating.scores,
      comment: rating.comment || null,
      rated_at: new Date(ctx.now),
    });
    if (!saved) throw new AppError('RATING_ALREADY_GIVEN');
    await appendAudit(trx, {
      actor: ctx.actor,
      action: 'dossier.rated',
      entityType: 'dossier',
      entityId: row.id,
      unitId: row.unit_id,
      after: { scores: rating.scores, lowest: saved.lowest },
      requestId: ctx.requestId,
    });
    return saved;
  });
}

/** A new feedback, already addressed and dated. */
export interface NewFeedback {
  unitId: string;
  dossierId: string | null;
  kind: FeedbackKind;
  applicant: { kind: 'citizen' | 'organisation'; idNumber: string; name: string };
  subject: string;
  content: string;
  dueAt: number;
}

/** Files a citizen's feedback with the unit it reaches. */
export async function submitFeedback(ctx: Ctx, f: NewFeedback): Promise<FeedbackRow> {
  return ctx.db.transaction().execute(async (trx) => {
    const saved = await insertFeedback(trx, {
      unit_id: f.unitId,
      dossier_id: f.dossierId,
      kind: f.kind,
      citizen_id: ctx.actor.id,
      applicant_kind: f.applicant.kind,
      applicant_id_number: f.applicant.idNumber,
      applicant_name: f.applicant.name,
      subject: f.subject,
      content: f.content,
      submitted_at: new Date(ctx.now),
      due_at: new Date(f.dueAt),
    });
    await appendAudit(trx, {
      actor: ctx.actor,
      action: 'feedback.submitted',
      entityType: 'feedback',
      entityId: saved.id,
      unitId: f.unitId,
      after: { kind: f.kind, dossierId: f.dossierId, dueAt: new Date(f.dueAt).toISOString() },
      requestId: ctx.requestId,
    });
    return saved;
  });
}

/** Records the unit's answer; FEEDBACK_ALREADY_ANSWERED when it has one (nothing changes). The applicant is told with the commit. */
export async function answerFeedback(ctx: Ctx, f: Pick<FeedbackRow, 'id' | 'unit_id' | 'dossier_id'>, answer: string): Promise<FeedbackRow> {
  return ctx.db.transaction().execute(async (trx) => {
    const saved = await answerFeedbackOnce(trx, f.id, answer, ctx.actor.id, new Date(ctx.now));
    if (!saved) throw new AppError('FEEDBACK_ALREADY_ANSWERED');
    await appendAudit(trx, { actor: ctx.actor, action: 'feedback.answered', entityType: 'feedback', entityId: f.id, unitId: f.unit_id, after: { length: answer.length }, requestId: ctx.requestId });
    // the notification is addressed through a dossier's applicant; feedback without a dossier is read on the portal
    if (saved.dossier_id) await enqueueNotification(trx, { event: 'feedback_answered', dossierId: saved.dossier_id, data: { feedbackId: saved.id, subject: saved.subject } });
    return saved;
  });
}
