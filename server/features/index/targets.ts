/**
 * Targets of the index (issue 8, the direction dashboard): a unit's expected figures for a year,
 * per indicator (a rate) or for the total (points). Read by anyone who may see the unit's index on
 * the dashboard; set by city leaders, the procedure-control office and administrators, in one
 * transaction with one audit event per unit and year.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { canActOnUnit } from '@core/access/permissions';
import { AppError } from '@core/errors/app-error';
import { type TargetEntry, type TargetsBody, targetsBody, targetsQuery, targetsResponse } from '@core/index/targets';
import type { DB, UnitRow } from '../../db/schema';
import { access } from '../../http/access';
import { auditActorOf, type StaffActor } from '../../http/actor';
import type { AppDeps } from '../../http/deps';
import { appendAudit } from '../audit/append';
import { requireActor } from '../auth/session-hook';
import { findUnitByCode, unitAncestorIds } from '../org/queries';
import { authorizeUnit } from '../org/scope';
import { deleteTargets, listTargets, lockTargetRows, upsertTarget } from './target-queries';

/** Sets and removes targets of one unit and year; one audit event with the values before and after. */
export async function setTargets(db: Kysely<DB>, actor: StaffActor, unit: UnitRow, body: TargetsBody, requestId: string): Promise<TargetEntry[]> {
  return db.transaction().execute(async (trx) => {
    // the rows of this unit and year are locked, so two leaders saving at once are serialised
    const before = await lockTargetRows(trx, unit.id, body.year);
    const now = new Date();
    const removed = body.targets.filter((t) => t.value === null).map((t) => t.code);
    await deleteTargets(trx, unit.id, body.year, removed);
    for (const { code, value } of body.targets) {
      if (value !== null) await upsertTarget(trx, { unitId: unit.id, year: body.year, code, value, by: actor.username, at: now });
    }
    await appendAudit(trx, {
      actor: auditActorOf(actor),
      action: 'index.targets_set',
      entityType: 'index_targets',
      entityId: `${unit.code}/${body.year}`,
      unitId: unit.id,
      before: Object.fromEntries(before.map((r) => [r.code, Number(r.target)])),
      after: Object.fromEntries(body.targets.map((t) => [t.code, t.value])),
      requestId,
    });
    return listTargets(trx, unit.id, body.year);
  });
}

/** The routes: read (`index.view` over the unit) and set (`index.targets` over the unit). */
export function targetRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { db } = deps.database;

  async function loadUnit(code: string): Promise<UnitRow> {
    const unit = await findUnitByCode(db, code);
    if (!unit) throw new AppError('INDEX_UNIT_UNKNOWN', { params: { unit: code } });
    return unit;
  }
  const canEdit = async (actor: StaffActor, unitId: string) => canActOnUnit(actor.roles, 'index.targets', await unitAncestorIds(db, unitId));
  const present = (unit: UnitRow, year: number, edit: boolean, targets: TargetEntry[]) => ({ unit: { code: unit.code, name: unit.name }, year, canEdit: edit, targets });

  return async (app) => {
    app.get(
      '/api/v1/index/targets',
      {
        config: access({ permission: 'index.view' }),
        schema: { tags: ['index'], summary: 'The targets of a unit for a year: per indicator a rate (0..1), for the total points', querystring: targetsQuery, response: { 200: targetsResponse } },
      },
      async (req) => {
        const actor = requireActor(req);
        const unit = await loadUnit(req.query.unit);
        await authorizeUnit(db, actor, 'index.view', unit.id);
        return present(unit, req.query.year, await canEdit(actor, unit.id), await listTargets(db, unit.id, req.query.year));
      },
    );

    app.put(
      '/api/v1/index/targets',
      {
        config: access({ permission: 'index.targets' }),
        schema: {
          tags: ['index'],
          summary: 'Set (or, with value null, remove) targets of a unit for a year; city leaders, the procedure-control office and administrators',
          body: targetsBody,
          response: { 200: targetsResponse },
        },
      },
      async (req) => {
        const actor = requireActor(req);
        const unit = await loadUnit(req.body.unit);
        await authorizeUnit(db, actor, 'index.targets', unit.id);
        return present(unit, req.body.year, true, await setTargets(db, actor, unit, req.body, req.id));
      },
    );
  };
}
