import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ACTIONS, FORM_CODES } from '@core/dossier/actions';
import { actionBody, listQuery } from '@core/dossier/api';
import { intakeBody } from '@core/dossier/intake';
import type { Role } from '@core/access/roles';
import type { WorkingCalendar } from '@core/calendar/working-calendar';
import type { DossierRow } from '../../db/tables/dossiers';
import { auditActorOf, type StaffActor } from '../../http/actor';
import { access } from '../../http/access';
import type { AppDeps } from '../../http/deps';
import { requireActor } from '../auth/session-hook';
import { CalendarCache } from '../calendar/calendar-cache';
import { authorizeUnit } from '../org/scope';
import { type Ctx, createDossier, performAction } from './commands';
import { fileRoutes } from './files-routes';
import { renderDossierForm } from './forms';
import { listPage, listResponseItems } from './list';
import { dossierRef, loadDossier } from './load';
import { dossierDetail, presentDetail } from './present';
import { listFiles } from './queries';
import { RulesCache } from './rules';
import { authorizeDossier, dossierAccess } from './scope';

const refParams = z.object({ ref: dossierRef });
const detailResponse = z.object({ dossier: dossierDetail });
const DOSSIER_FORMS = FORM_CODES.filter((f) => f !== 'mau_06') as ['mau_01', 'mau_02', 'mau_03', 'mau_04', 'mau_05'];

/** The electronic one-stop dossiers: intake, the dossier page, actions, lists and forms. */
export function dossierRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { db } = deps.database;
  const calendars = new CalendarCache(db);
  const ctxOf = (actor: StaffActor, requestId: string): Ctx => ({ db, actor: { ...auditActorOf(actor), id: actor.userId }, requestId, now: Date.now() });

  const rules = new RulesCache(db);

  /** The full view of a dossier row for a caller holding `roles` over it. */
  async function view(row: DossierRow, roles: readonly Role[], known?: WorkingCalendar) {
    const [r, calendar, files] = await Promise.all([rules.forVersion(row.procedure_version_id), known ?? calendars.forUnit(row.handling_unit_id), listFiles(db, row.id)]);
    return presentDetail(row, r, calendar, roles, files, Date.now());
  }

  /** Loads a dossier the caller may read, with their roles over it. */
  async function load(actor: StaffActor, ref: string) {
    const row = await loadDossier(db, ref);
    return { row, scope: await authorizeDossier(db, actor, row) };
  }

  return async (app) => {
    await app.register(fileRoutes(deps, rules, ctxOf));

    app.post(
      '/api/v1/dossiers',
      { config: access({ permission: 'dossier.receive' }), schema: { tags: ['dossiers'], summary: 'Counter or postal intake: a new dossier in the officer’s unit', body: intakeBody, response: { 201: detailResponse } } },
      async (req, reply) => {
        const actor = requireActor(req);
        await authorizeUnit(db, actor, 'dossier.receive', actor.unitId);
        const row = await createDossier(ctxOf(actor, req.id), actor.unitId, req.body);
        return reply.code(201).send({ dossier: await view(row, (await dossierAccess(db, actor, row)).roles) });
      },
    );

    app.get(
      '/api/v1/dossiers',
      { config: access({ permission: 'dossier.read' }), schema: { tags: ['dossiers'], summary: 'Dossiers the caller may see: work queues, filters, search', querystring: listQuery, response: { 200: listResponseItems } } },
      async (req) => listPage({ db, calendars, rules }, requireActor(req), req.query, Date.now()),
    );

    app.get(
      '/api/v1/dossiers/:ref',
      { config: access({ permission: 'dossier.read' }), schema: { tags: ['dossiers'], summary: 'One dossier with the actions the caller may take now', params: refParams, response: { 200: detailResponse } } },
      async (req) => {
        const { row, scope } = await load(requireActor(req), req.params.ref);
        return { dossier: await view(row, scope.roles) };
      },
    );

    app.post(
      '/api/v1/dossiers/:ref/actions/:action',
      {
        config: access({ permission: 'dossier.read' }),
        schema: {
          tags: ['dossiers'],
          summary: 'Performs one workflow action; `version` is the one the caller saw (409 DOSSIER_VERSION_STALE otherwise)',
          params: refParams.extend({ action: z.enum(ACTIONS, { error: 'DOSSIER_ACTION_UNKNOWN' }) }),
          body: actionBody,
          response: { 200: detailResponse.extend({ forms: z.array(z.enum(FORM_CODES)) }) },
        },
      },
      async (req) => {
        const actor = requireActor(req);
        const { row, scope } = await load(actor, req.params.ref);
        const [procedure, calendar] = await Promise.all([rules.forVersion(row.procedure_version_id), calendars.forUnit(row.handling_unit_id)]);
        const done = await performAction(ctxOf(actor, req.id), { row, rules: procedure, calendar }, scope.roles, req.params.action, req.body);
        // roles follow the dossier: a hand-over or a transfer changes whose it is now
        const moved = done.row.handling_unit_id !== row.handling_unit_id;
        const roles = moved ? (await dossierAccess(db, actor, done.row)).roles : scope.roles;
        return { dossier: await view(done.row, roles, moved ? undefined : calendar), forms: done.decision.forms };
      },
    );

    app.get(
      '/api/v1/dossiers/:ref/forms/:form.pdf',
      { config: access({ permission: 'dossier.read' }), schema: { tags: ['dossiers'], summary: 'A form of the dossier (Mẫu 01–05) as PDF, rendered on download', params: refParams.extend({ form: z.enum(DOSSIER_FORMS) }) } },
      async (req, reply) => {
        const actor = requireActor(req);
        const { row } = await load(actor, req.params.ref);
        const [procedure, calendar] = await Promise.all([rules.forVersion(row.procedure_version_id), calendars.forUnit(row.handling_unit_id)]);
        const pdf = await renderDossierForm(db, row, procedure, calendar, req.params.form, { now: Date.now(), publicUrl: deps.config.publicUrl });
        const name = `${row.code ?? row.id}-${req.params.form}.pdf`;
        return reply.type('application/pdf').header('content-disposition', `inline; filename="${name}"`).header('cache-control', 'private, no-store').send(pdf);
      },
    );
  };
}
