import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '@core/errors/app-error';
import { createUnitBody, mergeUnitBody, renameUnitBody, unitNameHistorySchema, unitSchema } from '@core/org/unit';
import { auditActorOf } from '../../http/actor';
import { access } from '../../http/access';
import type { AppDeps } from '../../http/deps';
import { requireActor } from '../auth/session-hook';
import { createUnit, mergeUnit, renameUnitCommand } from './commands';
import { presentUnit } from './present';
import { findUnit, listUnitNames, listUnits } from './queries';
import { authorizeUnit } from './scope';

const idParams = z.object({ id: z.uuid() });
const unitResponse = z.object({ unit: unitSchema });

/** The organisation tree: public reads, administrator changes (create, rename, merge). */
export function orgRoutes({ database }: AppDeps): FastifyPluginAsyncZod {
  const { db } = database;
  return async (app) => {
    app.get(
      '/api/v1/units',
      { config: access('public'), schema: { tags: ['org'], summary: 'The whole organisation tree, closed units included', response: { 200: z.object({ units: z.array(unitSchema) }) } } },
      async () => ({ units: (await listUnits(db)).map((u) => presentUnit(u)) }),
    );

    app.get(
      '/api/v1/units/:id',
      {
        config: access('public'),
        schema: { tags: ['org'], summary: 'One unit with its name history', params: idParams, response: { 200: z.object({ unit: unitSchema, names: z.array(unitNameHistorySchema) }) } },
      },
      async (req) => {
        const unit = await findUnit(db, req.params.id);
        if (!unit) throw new AppError('NOT_FOUND');
        const names = await listUnitNames(db, unit.id);
        return {
          unit: presentUnit(unit),
          names: names.map((n) => ({ name: n.name, shortName: n.short_name, validFrom: n.valid_from, validTo: n.valid_to, reason: n.reason })),
        };
      },
    );

    app.post(
      '/api/v1/units',
      { config: access({ permission: 'org.manage' }), schema: { tags: ['org'], summary: 'Create a unit', body: createUnitBody, response: { 201: unitResponse } } },
      async (req, reply) => {
        const actor = requireActor(req);
        await authorizeUnit(db, actor, 'org.manage', req.body.parentId);
        const row = await createUnit({ db, actor: auditActorOf(actor), requestId: req.id }, req.body);
        return reply.code(201).send({ unit: presentUnit(row) });
      },
    );

    app.post(
      '/api/v1/units/:id/rename',
      { config: access({ permission: 'org.manage' }), schema: { tags: ['org'], summary: 'Rename a unit from a date', params: idParams, body: renameUnitBody, response: { 200: unitResponse } } },
      async (req) => {
        const actor = requireActor(req);
        await authorizeUnit(db, actor, 'org.manage', req.params.id);
        return { unit: presentUnit(await renameUnitCommand({ db, actor: auditActorOf(actor), requestId: req.id }, req.params.id, req.body)) };
      },
    );

    app.post(
      '/api/v1/units/:id/merge',
      { config: access({ permission: 'org.manage' }), schema: { tags: ['org'], summary: 'Merge a unit into its successor', params: idParams, body: mergeUnitBody, response: { 200: unitResponse } } },
      async (req) => {
        const actor = requireActor(req);
        await authorizeUnit(db, actor, 'org.manage', req.params.id);
        await authorizeUnit(db, actor, 'org.manage', req.body.successorId);
        return { unit: presentUnit(await mergeUnit({ db, actor: auditActorOf(actor), requestId: req.id }, req.params.id, req.body)) };
      },
    );
  };
}
