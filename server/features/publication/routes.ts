import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { boardQuery, boardResponse, cityDecisionBody, decisionSchema, ministryDecisionBody, publiciseBody, ratesQuery, ratesResponse } from '@core/catalogue/publication-api';
import type { IsWorkingDay } from '@core/catalogue/publication';
import { AppError } from '@core/errors/app-error';
import type { DB } from '../../db/schema';
import type { PublicationDecisionRow } from '../../db/tables/catalogue';
import { auditActorOf, type StaffActor } from '../../http/actor';
import { access } from '../../http/access';
import type { AppDeps } from '../../http/deps';
import { requireActor } from '../auth/session-hook';
import { unitDirectory } from '../catalogue/queries';
import { authorizeUnit, unitsInScope } from '../org/scope';
import { buildBoard, buildRates, calendarCacheFor, deadlinesOf, workingDayRule } from './board';
import { publiciseDecision, recordCityDecision, recordMinistryDecision } from './commands';
import { presentDecision } from './present';
import { findDecision, listDecisions, listItems } from './queries';

const today = () => new Date().toISOString().slice(0, 10);
const decisionResponse = z.object({ decision: decisionSchema });

/** Presents decisions with their items, units and deadlines. */
async function present(db: Kysely<DB>, rows: PublicationDecisionRow[], isWorkingDay: IsWorkingDay) {
  const dir = await unitDirectory(db);
  const byId = new Map([...dir].map(([code, u]) => [u.id, { code, name: u.name }]));
  const items = await listItems(db, rows.map((r) => r.id));
  const sources = new Map((await listDecisions(db, null)).map((d) => [d.id, d]));
  return rows.map((r) =>
    presentDecision(
      r,
      items.filter((i) => i.decision_id === r.id),
      byId.get(r.unit_id)!,
      deadlinesOf(r, sources, isWorkingDay),
    ),
  );
}

/** The unit ids whose publication record the actor may see. */
const visibleUnits = async (db: Kysely<DB>, actor: StaffActor) => [...(await unitsInScope(db, actor, 'publication.view'))];

/** Publication control: ministries' and the city's decisions, legal deadlines, the board and the rates. */
export function publicationRoutes({ database }: AppDeps): FastifyPluginAsyncZod {
  const { db } = database;
  const calendars = calendarCacheFor(db);
  const unitIdOf = async (code: string) => {
    const id = (await unitDirectory(db)).get(code)?.id;
    if (!id) throw new AppError('PROCEDURE_UNIT_UNKNOWN', { params: { unit: code }, fields: [{ field: 'responsibleUnit', code: 'unknown', message: code }] });
    return id;
  };
  return async (app) => {
    app.get(
      '/api/v1/publication/decisions',
      { config: access({ permission: 'publication.view' }), schema: { tags: ['publication'], summary: 'Publication decisions of the units in scope, with deadlines', response: { 200: z.object({ decisions: z.array(decisionSchema) }) } } },
      async (req) => {
        const rows = await listDecisions(db, await visibleUnits(db, requireActor(req)));
        return { decisions: await present(db, rows, await workingDayRule(calendars)) };
      },
    );

    app.post(
      '/api/v1/publication/ministry-decisions',
      { config: access({ permission: 'publication.manage' }), schema: { tags: ['publication'], summary: "Record a ministry's publication decision", body: ministryDecisionBody, response: { 201: decisionResponse } } },
      async (req, reply) => {
        const actor = requireActor(req);
        const unitId = await unitIdOf(req.body.responsibleUnit);
        await authorizeUnit(db, actor, 'publication.manage', unitId);
        const row = await recordMinistryDecision({ db, actor: auditActorOf(actor), requestId: req.id }, req.body, unitId);
        const [decision] = await present(db, [row], await workingDayRule(calendars));
        return reply.code(201).send({ decision: decision! });
      },
    );

    app.post(
      '/api/v1/publication/city-decisions',
      { config: access({ permission: 'publication.manage' }), schema: { tags: ['publication'], summary: "Record the city's publication decision", body: cityDecisionBody, response: { 201: decisionResponse } } },
      async (req, reply) => {
        const actor = requireActor(req);
        const unitId = await unitIdOf(req.body.responsibleUnit);
        await authorizeUnit(db, actor, 'publication.manage', unitId);
        const row = await recordCityDecision({ db, actor: auditActorOf(actor), requestId: req.id }, req.body, unitId);
        const [decision] = await present(db, [row], await workingDayRule(calendars));
        return reply.code(201).send({ decision: decision! });
      },
    );

    app.post(
      '/api/v1/publication/decisions/:id/publicise',
      {
        config: access({ permission: 'publication.manage' }),
        schema: { tags: ['publication'], summary: 'Record that a city decision was publicised on the national database', params: z.object({ id: z.uuid() }), body: publiciseBody, response: { 200: decisionResponse } },
      },
      async (req) => {
        const actor = requireActor(req);
        const existing = await findDecision(db, req.params.id);
        if (!existing) throw new AppError('NOT_FOUND');
        await authorizeUnit(db, actor, 'publication.manage', existing.unit_id);
        const abolished = (await listItems(db, [existing.id])).filter((i) => i.change === 'abolished').map((i) => i.procedure_code);
        const row = await publiciseDecision({ db, actor: auditActorOf(actor), requestId: req.id }, existing.id, req.body.publicisedOn, abolished);
        const [decision] = await present(db, [row], await workingDayRule(calendars));
        return { decision: decision! };
      },
    );

    app.get(
      '/api/v1/publication/board',
      { config: access({ permission: 'publication.view' }), schema: { tags: ['publication'], summary: 'Per responsible department: publication obligations due, at risk and late', querystring: boardQuery, response: { 200: boardResponse } } },
      async (req) => {
        const on = req.query.on ?? today();
        const board = await buildBoard(db, await visibleUnits(db, requireActor(req)), on, await workingDayRule(calendars));
        const dir = await unitDirectory(db);
        const byId = new Map([...dir].map(([code, u]) => [u.id, { id: u.id, code, name: u.name }]));
        const units = [...board]
          .map(([unitId, items]) => ({
            unit: byId.get(unitId)!,
            counts: { due: items.filter((i) => i.state === 'due').length, at_risk: items.filter((i) => i.state === 'at_risk').length, late: items.filter((i) => i.state === 'late').length },
            items: items.sort((a, b) => (a.dueOn < b.dueOn ? -1 : 1)),
          }))
          .sort((a, b) => b.counts.late - a.counts.late || a.unit.code.localeCompare(b.unit.code));
        return { on, units };
      },
    );

    app.get(
      '/api/v1/publication/rates',
      { config: access({ permission: 'publication.view' }), schema: { tags: ['publication'], summary: 'On-time publication, on-time publicising and completeness per unit for a period', querystring: ratesQuery, response: { 200: ratesResponse } } },
      async (req) => {
        const period = { from: req.query.from, to: req.query.to };
        if (period.from > period.to) throw new AppError('CALENDAR_RANGE_INVALID');
        const rates = await buildRates(db, await visibleUnits(db, requireActor(req)), period, await workingDayRule(calendars));
        const dir = await unitDirectory(db);
        const byId = new Map([...dir].map(([code, u]) => [u.id, { id: u.id, code, name: u.name }]));
        return { period, units: [...rates].map(([unitId, r]) => ({ unit: byId.get(unitId)!, ...r })) };
      },
    );
  };
}
