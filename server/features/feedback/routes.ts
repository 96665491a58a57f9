import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Dossier } from '@core/dossier/dossier';
import { AppError } from '@core/errors/app-error';
import {
  answerBody,
  citizenFeedbackList,
  citizenRatingResponse,
  feedbackBody,
  feedbackListQuery,
  feedbackResponse,
  ratingBody,
  staffFeedbackList,
  staffFeedbackResponse,
  staffRatingResponse,
} from '@core/feedback/api';
import { feedbackDueAt } from '@core/feedback/feedback';
import { ratingOpen } from '@core/feedback/rating';
import { applicantOf, auditActorOf, auditActorOfCitizen, type CitizenActor } from '../../http/actor';
import { access } from '../../http/access';
import type { AppDeps } from '../../http/deps';
import { requireActor, requireCitizen } from '../auth/session-hook';
import { CalendarCache } from '../calendar/calendar-cache';
import { dossierRef, loadDossier } from '../dossiers/load';
import { authorizeDossier } from '../dossiers/scope';
import { findUnitByCode } from '../org/queries';
import { authorizeUnit, unitsInScope } from '../org/scope';
import { loadOwnDossier } from '../portal/own';
import { answerFeedback, type Ctx, rateDossier, submitFeedback } from './commands';
import { presentFeedback, presentRating, presentStaffFeedback } from './present';
import { findFeedback, findRating, listApplicantFeedback, listUnitFeedback } from './queries';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const idParams = z.object({ id: z.string().regex(UUID, { error: 'NOT_FOUND' }) });

/** The applicant's rating of a returned dossier, and feedback (phản ánh, kiến nghị) answered by the unit it reaches. */
export function feedbackRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { db } = deps.database;
  const calendars = new CalendarCache(db);
  const citizenCtx = (c: CitizenActor, requestId: string): Ctx => ({ db, actor: { ...auditActorOfCitizen(c), id: c.citizenId }, requestId, now: Date.now() });

  /** The feedback `id` names, after checking the caller may answer for its unit. */
  async function loadForStaff(req: { params: { id: string } }, actor: ReturnType<typeof requireActor>) {
    const f = await findFeedback(db, req.params.id.toLowerCase());
    if (!f) throw new AppError('NOT_FOUND');
    await authorizeUnit(db, actor, 'feedback.answer', f.unit_id);
    return f;
  }

  return async (app) => {
    app.get(
      '/api/v1/portal/dossiers/:code/rating',
      { config: access('citizen'), schema: { tags: ['portal'], summary: 'My rating of one of my dossiers, and whether I may rate it now', params: z.object({ code: dossierRef }), response: { 200: citizenRatingResponse } } },
      async (req) => {
        const row = await loadOwnDossier(db, requireCitizen(req), req.params.code);
        const rating = await findRating(db, row.id);
        return { rating: rating ? presentRating(rating) : null, canRate: !rating && ratingOpen(row.state as Dossier) };
      },
    );

    app.post(
      '/api/v1/portal/dossiers/:code/rating',
      {
        config: access('citizen'),
        schema: { tags: ['portal'], summary: 'Rate a returned dossier: the 9 criteria, each 2, 1 or 0; once per dossier', params: z.object({ code: dossierRef }), body: ratingBody, response: { 201: citizenRatingResponse } },
      },
      async (req, reply) => {
        const citizen = requireCitizen(req);
        const row = await loadOwnDossier(db, citizen, req.params.code);
        if (!ratingOpen(row.state as Dossier)) throw new AppError('RATING_NOT_OPEN');
        const saved = await rateDossier(citizenCtx(citizen, req.id), row, req.body);
        return reply.code(201).send({ rating: presentRating(saved), canRate: false });
      },
    );

    app.get(
      '/api/v1/dossiers/:ref/rating',
      { config: access({ permission: 'dossier.read' }), schema: { tags: ['feedback'], summary: 'The applicant’s rating of a dossier, if given', params: z.object({ ref: dossierRef }), response: { 200: staffRatingResponse } } },
      async (req) => {
        const row = await loadDossier(db, req.params.ref);
        await authorizeDossier(db, requireActor(req), row);
        const rating = await findRating(db, row.id);
        return { rating: rating ? presentRating(rating) : null };
      },
    );

    app.post(
      '/api/v1/portal/feedback',
      {
        config: access('citizen'),
        schema: {
          tags: ['portal'],
          summary: 'Send feedback (phản ánh, kiến nghị): about one of my dossiers (it reaches the unit handling it) or to the unit named by `unitCode`; answer due in the configured working days',
          body: feedbackBody,
          response: { 201: feedbackResponse },
        },
      },
      async (req, reply) => {
        const citizen = requireCitizen(req);
        const b = req.body;
        let unitId: string;
        let dossierId: string | null = null;
        if (b.dossierCode) {
          const row = await loadOwnDossier(db, citizen, b.dossierCode);
          unitId = row.handling_unit_id;
          dossierId = row.id;
        } else {
          const unit = await findUnitByCode(db, b.unitCode!);
          if (!unit || unit.valid_to !== null) throw new AppError('FEEDBACK_UNIT_UNKNOWN', { params: { unit: b.unitCode! } });
          unitId = unit.id;
        }
        const ctx = citizenCtx(citizen, req.id);
        const dueAt = feedbackDueAt(await calendars.forUnit(unitId), ctx.now, deps.config.feedbackAnswerWorkingDays);
        const saved = await submitFeedback(ctx, { unitId, dossierId, kind: b.kind, applicant: applicantOf(citizen), subject: b.subject, content: b.content, dueAt });
        return reply.code(201).send({ feedback: presentFeedback((await findFeedback(db, saved.id))!, ctx.now) });
      },
    );

    app.get(
      '/api/v1/portal/feedback',
      { config: access('citizen'), schema: { tags: ['portal'], summary: 'My feedback (as myself, or for the organisation I act for), newest first, with the answers', response: { 200: citizenFeedbackList } } },
      async (req) => {
        const rows = await listApplicantFeedback(db, applicantOf(requireCitizen(req)));
        const now = Date.now();
        return { items: rows.map((f) => presentFeedback(f, now)) };
      },
    );

    app.get(
      '/api/v1/feedback',
      { config: access({ permission: 'feedback.answer' }), schema: { tags: ['feedback'], summary: 'Feedback that reached the caller’s units: waiting (oldest due first), overdue, answered or all', querystring: feedbackListQuery, response: { 200: staffFeedbackList } } },
      async (req) => {
        const actor = requireActor(req);
        const now = Date.now();
        const unitIds = await unitsInScope(db, actor, 'feedback.answer');
        const { rows, total, overdue } = await listUnitFeedback(db, { unitIds: [...unitIds], filter: req.query.state, now: new Date(now), limit: req.query.limit, offset: req.query.offset });
        return { items: rows.map((f) => presentStaffFeedback(f, now)), total, overdue };
      },
    );

    app.post(
      '/api/v1/feedback/:id/answer',
      { config: access({ permission: 'feedback.answer' }), schema: { tags: ['feedback'], summary: 'Answer a feedback of the caller’s unit, once', params: idParams, body: answerBody, response: { 200: staffFeedbackResponse } } },
      async (req) => {
        const actor = requireActor(req);
        const f = await loadForStaff(req, actor);
        const ctx: Ctx = { db, actor: { ...auditActorOf(actor), id: actor.userId }, requestId: req.id, now: Date.now() };
        await answerFeedback(ctx, f, req.body.answer);
        return { feedback: presentStaffFeedback((await findFeedback(db, f.id))!, ctx.now) };
      },
    );
  };
}
