import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { formatInstant } from '@core/calendar/time';
import { decisionBody, idParams, procedureBody, procedureDetail, procedureList, reviewBody, reviewParams, summaryView } from '@core/internal-procedures/api';
import { type CutTarget, DEFAULT_HOURLY_COST, DEFAULT_TARGET } from '@core/internal-procedures/cost';
import { canActOnUnit } from '@core/access/permissions';
import { AppError } from '@core/errors/app-error';
import { auditActorOf, type StaffActor } from '../../http/actor';
import { access } from '../../http/access';
import type { AppDeps } from '../../http/deps';
import { requireActor } from '../auth/session-hook';
import { unitAncestorIds } from '../org/queries';
import { authorizeUnit, unitsInScope } from '../org/scope';
import { type Ctx, addReview, decideReview, registerProcedure } from './commands';
import { summaryXlsx } from './export';
import { buildSummary, presentItem, presentReview, presentVersion } from './present';
import { activeUnitIds, findProcedure, listProcedures, listReviews, listVersions, type ProcedureRecord } from './queries';

/** The summary's target, configurable per request (defaults: core/internal-procedures/cost.ts DEFAULT_TARGET). */
const summaryQuery = z.object({
  proceduresPercent: z.coerce.number().min(0).max(100).default(DEFAULT_TARGET.proceduresPercent),
  costPercent: z.coerce.number().min(0).max(100).default(DEFAULT_TARGET.costPercent),
});

/**
 * Internal administrative procedures (Plan 242 / Decision 1085): register, review, decide and the
 * summary board of compliance-cost cuts. Reading needs `reform.view`, writing `reform.manage`, both
 * over the procedure's owner unit.
 */
export function internalProcedureRoutes(deps: AppDeps, opts: { defaultHourlyCost?: number } = {}): FastifyPluginAsyncZod {
  const { db } = deps.database;
  const now = deps.now ?? Date.now;
  const hourly = opts.defaultHourlyCost ?? DEFAULT_HOURLY_COST;
  const ctxOf = (actor: StaffActor, requestId: string): Ctx => ({ db, actor: { ...auditActorOf(actor), id: actor.userId }, requestId, now: now(), defaultHourlyCost: hourly });

  /** The procedure `id` names; INTERNAL_PROC_NOT_FOUND when none, FORBIDDEN_OUTSIDE_UNIT outside the caller's scope. */
  async function load(actor: StaffActor, id: string, permission: 'reform.view' | 'reform.manage'): Promise<ProcedureRecord> {
    const proc = await findProcedure(db, id.toLowerCase());
    if (!proc) throw new AppError('INTERNAL_PROC_NOT_FOUND');
    await authorizeUnit(db, actor, permission, proc.owner_unit_id);
    return proc;
  }

  async function detail(actor: StaffActor, proc: ProcedureRecord) {
    const [versions, reviews] = await Promise.all([listVersions(db, [proc.id]), listReviews(db, [proc.id])]);
    return {
      procedure: { ...presentItem(proc, versions, reviews, hourly), legalBasis: proc.legal_basis },
      versions: versions.map((v) => presentVersion(v, hourly)),
      reviews: reviews.map(presentReview),
      defaultHourlyCost: hourly,
      may: { manage: canActOnUnit(actor.roles, 'reform.manage', await unitAncestorIds(db, proc.owner_unit_id)) },
    };
  }

  async function summary(actor: StaffActor, target: CutTarget) {
    const procs = await listProcedures(db, [...(await unitsInScope(db, actor, 'reform.view'))]);
    return buildSummary(procs, await listReviews(db, procs.map((p) => p.id)), target);
  }

  return async (app) => {
    app.get('/api/v1/internal-procedures', { config: access({ permission: 'reform.view' }), schema: { tags: ['internal-procedures'], summary: 'Internal procedures owned by units in the caller’s scope, by code', response: { 200: procedureList } } }, async (req) => {
      const actor = requireActor(req);
      const procs = await listProcedures(db, [...(await unitsInScope(db, actor, 'reform.view'))]);
      const ids = procs.map((p) => p.id);
      const [versions, reviews] = await Promise.all([listVersions(db, ids), listReviews(db, ids)]);
      return { items: procs.map((p) => presentItem(p, versions, reviews, hourly)) };
    });

    app.post('/api/v1/internal-procedures', { config: access({ permission: 'reform.manage' }), schema: { tags: ['internal-procedures'], summary: 'Registers an internal procedure with its steps, fees and yearly frequency (version 1)', body: procedureBody, response: { 201: procedureDetail } } }, async (req, reply) => {
      const actor = requireActor(req);
      const unitId = req.body.ownerUnitId.toLowerCase();
      if (!(await activeUnitIds(db)).has(unitId)) throw new AppError('INTERNAL_PROC_UNIT_UNKNOWN', { params: { unit: req.body.ownerUnitId } });
      await authorizeUnit(db, actor, 'reform.manage', unitId);
      const proc = await registerProcedure(ctxOf(actor, req.id), { ...req.body, ownerUnitId: unitId });
      return reply.code(201).send(await detail(actor, (await findProcedure(db, proc.id))!));
    });

    app.get('/api/v1/internal-procedures/summary', { config: access({ permission: 'reform.view' }), schema: { tags: ['internal-procedures'], summary: 'Per unit and city: procedures reviewed and simplified, compliance cost before/after, cut %, target met', querystring: summaryQuery, response: { 200: summaryView } } }, async (req) => {
      return summary(requireActor(req), req.query);
    });

    app.get('/api/v1/internal-procedures/summary.xlsx', { config: access({ permission: 'reform.view' }), schema: { tags: ['internal-procedures'], summary: 'The summary board as a report (.xlsx)', querystring: summaryQuery } }, async (req, reply) => {
      const s = await summary(requireActor(req), req.query);
      const day = formatInstant(now()).slice(0, 10);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="ra-soat-tthc-noi-bo-${day}.xlsx"`)
        .send(await summaryXlsx(s, `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`));
    });

    app.get('/api/v1/internal-procedures/:id', { config: access({ permission: 'reform.view' }), schema: { tags: ['internal-procedures'], summary: 'A procedure: every version with its cost step by step, its reviews and decisions', params: idParams, response: { 200: procedureDetail } } }, async (req) => {
      const actor = requireActor(req);
      return detail(actor, await load(actor, req.params.id, 'reform.view'));
    });

    app.post('/api/v1/internal-procedures/:id/reviews', { config: access({ permission: 'reform.manage' }), schema: { tags: ['internal-procedures'], summary: 'Records a review of the current version: necessity, reasonableness, legality, proposals; its yearly cost is frozen as "before"', params: idParams, body: reviewBody, response: { 201: procedureDetail } } }, async (req, reply) => {
      const actor = requireActor(req);
      const proc = await load(actor, req.params.id, 'reform.manage');
      await addReview(ctxOf(actor, req.id), proc.id, req.body);
      return reply.code(201).send(await detail(actor, (await findProcedure(db, proc.id))!));
    });

    app.post('/api/v1/internal-procedures/:id/reviews/:reviewId/decision', { config: access({ permission: 'reform.manage' }), schema: { tags: ['internal-procedures'], summary: 'Records the decision on a review; `after` stores the simplified version (the reviewed one is kept)', params: reviewParams, body: decisionBody, response: { 200: procedureDetail } } }, async (req) => {
      const actor = requireActor(req);
      const proc = await load(actor, req.params.id, 'reform.manage');
      await decideReview(ctxOf(actor, req.id), proc.id, req.params.reviewId.toLowerCase(), req.body);
      return detail(actor, (await findProcedure(db, proc.id))!);
    });
  };
}
