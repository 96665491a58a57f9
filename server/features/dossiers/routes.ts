import fastifyMultipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ACTIONS, FORM_CODES } from '@core/dossier/actions';
import { actionBody, listQuery } from '@core/dossier/api';
import { intakeBody } from '@core/dossier/intake';
import { ACTION_INPUTS } from '@core/dossier/inputs';
import { AppError } from '@core/errors/app-error';
import type { Role } from '@core/access/roles';
import type { WorkingCalendar } from '@core/calendar/working-calendar';
import type { Dossier } from '@core/dossier/dossier';
import { blobStoreFrom } from '../../blobs/open';
import type { DossierFileRow, DossierRow } from '../../db/tables/dossiers';
import { auditActorOf, type StaffActor } from '../../http/actor';
import { access } from '../../http/access';
import type { AppDeps } from '../../http/deps';
import { MAX_DOCUMENT_BYTES } from '../../uploads/inspect';
import { requireActor } from '../auth/session-hook';
import { CalendarCache } from '../calendar/calendar-cache';
import { type Ctx, createDossier, performAction, procedureForIntake } from './commands';
import { type CounterIntake, type CounterIntakeResult, checkIntake, registerCounterIntakes } from './counter-intake';
import { fileRoutes } from './files-routes';
import { GroupCommitter } from './group-commit';
import { renderDossierForm } from './forms';
import { listPage, listResponseItems } from './list';
import { dossierRef, loadDossier } from './load';
import { MAX_FILES, parseJsonField, readMultipart, storeUploads } from './multipart';
import { dossierDetail, mentionedUserIds, presentDetail } from './present';
import { listFiles, userNames } from './queries';
import { requireResultForOnlineReturn } from '../results/guard';
import { RulesCache } from './rules';
import { authorizeDossier, authorizeOverUnit, dossierAccess } from './scope';

const refParams = z.object({ ref: dossierRef });
const detailResponse = z.object({ dossier: dossierDetail });
const DOSSIER_FORMS = FORM_CODES.filter((f) => f !== 'mau_06') as ['mau_01', 'mau_02', 'mau_03', 'mau_04', 'mau_05'];
/** The checklist ticks of an accept made at intake (the code is given on commit). */
const counterAccept = ACTION_INPUTS.accept.omit({ code: true });

/** The electronic one-stop dossiers: intake, the dossier page, actions, lists and forms. */
export function dossierRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { db } = deps.database;
  const calendars = new CalendarCache(db);
  const ctxOf = (actor: StaffActor, requestId: string): Ctx => ({ db, actor: { ...auditActorOf(actor), id: actor.userId }, requestId, now: Date.now() });
  const rules = new RulesCache(db);
  const blobs = blobStoreFrom(deps.config);
  // one unit's counter intakes share a transaction while the previous one commits (group-commit.ts)
  const intakes = new GroupCommitter<CounterIntake, CounterIntakeResult>(async (unitId, items) => registerCounterIntakes(db, await calendars.forUnit(unitId), items, Date.now()));

  /** The full view of a dossier row for a caller holding `roles` over it; what the caller already has is not read again. */
  async function view(row: DossierRow, roles: readonly Role[], known: { calendar?: WorkingCalendar; files?: DossierFileRow[]; names?: ReadonlyMap<string, string> } = {}) {
    const [r, calendar, files, names] = await Promise.all([
      rules.forVersion(row.procedure_version_id),
      known.calendar ?? calendars.forUnit(row.handling_unit_id),
      known.files ?? listFiles(db, row.id),
      known.names ?? userNames(db, mentionedUserIds(row.state as Dossier)),
    ]);
    return presentDetail(row, r, calendar, roles, files, names, Date.now());
  }
  /** A new dossier mentions only the officer who registered it: their name comes with the session. */
  const actorName = (actor: StaffActor) => new Map([[actor.userId, actor.fullName]]);

  /** Loads a dossier the caller may read, with their roles over it. */
  async function load(actor: StaffActor, ref: string) {
    const row = await loadDossier(db, ref);
    return { row, scope: await authorizeDossier(db, actor, row) };
  }

  /** Counter intake in one request (multipart): intake fields, scanned components and, optionally, the accept. */
  async function counterIntake(actor: StaffActor, req: FastifyRequest) {
    const { fields, uploads } = await readMultipart(req.parts(), ['intake', 'accept'], false);
    const body = parseJsonField(intakeBody, 'intake', fields.intake);
    const accept = fields.accept === undefined ? undefined : parseJsonField(counterAccept, 'accept', fields.accept);
    const { procedure, unitCode } = await procedureForIntake(db, body.procedureCode, actor.unitId);
    const procedureRules = await rules.forVersion(procedure.versionId);
    const { roles } = await dossierAccess(db, actor, { unit_id: actor.unitId, handling_unit_id: actor.unitId });
    const intake = { ctx: ctxOf(actor, req.id), unit: { id: actor.unitId, code: unitCode }, procedure, rules: procedureRules, body, accept, roles };
    checkIntake(intake, Date.now());
    const files = await storeUploads(blobs, procedureRules.checklist, uploads);
    const done = await intakes.submit(actor.unitId, { ...intake, files });
    return { dossier: presentDetail(done.row, procedureRules, done.calendar, roles, done.files, actorName(actor), Date.now()), forms: done.decision?.forms ?? [] };
  }

  return async (app) => {
    // one byte over the limit lets inspectDocument answer UPLOAD_TOO_LARGE itself
    await app.register(fastifyMultipart, { limits: { fileSize: MAX_DOCUMENT_BYTES + 1, files: MAX_FILES, fields: MAX_FILES * 2 + 2 } });
    await app.register(fileRoutes(deps, rules, blobs, ctxOf));

    app.post(
      '/api/v1/dossiers',
      {
        config: access({ permission: 'dossier.receive' }),
        schema: {
          tags: ['dossiers'],
          summary: 'Intake in the officer’s unit. JSON (the intake body): a new dossier. Multipart (the counter in one step): field "intake" (the same body as JSON text), each scanned "file" after its "componentId" field, and optionally "accept" ({"components": [...], "receipt"?: true} as JSON text) to accept and number it at once',
          consumes: ['application/json', 'multipart/form-data'],
          body: intakeBody.nullish(),
          response: { 201: detailResponse.extend({ forms: z.array(z.enum(FORM_CODES)) }) },
        },
      },
      async (req, reply) => {
        const actor = requireActor(req);
        await authorizeOverUnit(db, actor, 'dossier.receive', actor.unitId);
        if (req.isMultipart()) return reply.code(201).send(await counterIntake(actor, req));
        if (!req.body) throw new AppError('VALIDATION_FAILED', { fields: [{ field: '(body)', code: 'invalid_type', message: 'intake body required' }] });
        const row = await createDossier(ctxOf(actor, req.id), actor.unitId, req.body);
        const { roles } = await dossierAccess(db, actor, row);
        return reply.code(201).send({ dossier: await view(row, roles, { files: [], names: actorName(actor) }), forms: [] });
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
        await requireResultForOnlineReturn(db, row, scope.roles, req.params.action, req.body.input);
        const [procedure, calendar] = await Promise.all([rules.forVersion(row.procedure_version_id), calendars.forUnit(row.handling_unit_id)]);
        const done = await performAction(ctxOf(actor, req.id), { row, rules: procedure, calendar }, scope.roles, req.params.action, req.body);
        // roles follow the dossier: a hand-over or a transfer changes whose it is now
        const moved = done.row.handling_unit_id !== row.handling_unit_id;
        const roles = moved ? (await dossierAccess(db, actor, done.row)).roles : scope.roles;
        return { dossier: await view(done.row, roles, moved ? {} : { calendar }), forms: done.decision.forms };
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
