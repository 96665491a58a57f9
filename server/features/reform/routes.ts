import fastifyMultipart, { type Multipart } from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Permission, canActOnUnit } from '@core/access/permissions';
import { AppError } from '@core/errors/app-error';
import { errorMessage } from '@core/errors/catalogue';
import {
  boardQuery,
  boardView,
  cancelBody,
  completionBody,
  idParams,
  importResult,
  planBody,
  planDetail,
  planList,
  returnBody,
  taskBody,
  taskDetail,
  taskView,
} from '@core/reform/api';
import { planTaskDeadline } from '@core/reform/deadline';
import { fold, validateImportRows } from '@core/reform/import';
import { type TaskAction, allowedActions } from '@core/reform/state';
import { formatInstant } from '@core/calendar/time';
import { blobStoreFrom } from '../../blobs/open';
import { auditActorOf, type StaffActor } from '../../http/actor';
import { access } from '../../http/access';
import type { AppDeps } from '../../http/deps';
import { localeOf } from '../../http/locale';
import { MAX_DOCUMENT_BYTES, inspectDocument } from '../../uploads/inspect';
import { readFieldsAndFiles } from '../../uploads/parts';
import { requireActor } from '../auth/session-hook';
import { CalendarCache } from '../calendar/calendar-cache';
import { findUnit, unitAncestorIds, unitSubtreeIds } from '../org/queries';
import { authorizeUnit, unitsInScope } from '../org/scope';
import { type Ctx, actOnTask, cancelTask, createPlan, createTasks } from './commands';
import { boardXlsx } from './export';
import { boardPdf } from './pdf';
import { readAppendix } from './import';
import { buildBoard, judgeTasks, presentEvent, presentPlan, presentTask } from './present';
import { activeUnits, findEvidence, findPlan, listEvents, listEvidence, listPlans, listTasks, type TaskRecord } from './queries';

/** Evidence files per report. */
export const MAX_EVIDENCE_FILES = 5;
const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/** The multipart parts of a progress report: `note`, `progress`, `period` and up to 5 evidence files. */
async function readReport(parts: AsyncIterableIterator<Multipart>) {
  const { fields, files } = await readFieldsAndFiles(parts);
  const note = (fields.note ?? '').trim();
  if (!note || note.length > 5000) throw new AppError('REFORM_TEXT_REQUIRED');
  const progress = fields.progress?.trim() ? Number(fields.progress) : null;
  if (progress !== null && !(Number.isInteger(progress) && progress >= 0 && progress <= 100)) throw new AppError('VALIDATION_FAILED', { message: 'progress 0..100' });
  const period = fields.period?.trim() || undefined;
  return { note, progress, period, files };
}

/** Reform plans and tasks: plans, tasks, progress reports with evidence, completion and its acceptance, boards, import and export. */
export function reformRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { db } = deps.database;
  const now = deps.now ?? Date.now;
  const blobs = blobStoreFrom(deps.config);
  const calendars = new CalendarCache(db);
  const ctxOf = (actor: StaffActor, requestId: string): Ctx => ({ db, actor: { ...auditActorOf(actor), id: actor.userId }, requestId, now: now() });

  /** True when the actor holds the permission over the unit (directly or through a sub-tree role). */
  async function over(actor: StaffActor, permission: Permission, unitId: string): Promise<boolean> {
    return canActOnUnit(actor.roles, permission, await unitAncestorIds(db, unitId));
  }

  /** The task `id` names, after checking the caller sees it (its lead or a supporting unit in scope). */
  async function loadTask(actor: StaffActor, id: string): Promise<TaskRecord> {
    const [task] = await listTasks(db, { taskId: id.toLowerCase() });
    if (!task) throw new AppError('NOT_FOUND');
    for (const u of [task.lead_unit_id, ...task.supporters.map((s) => s.id)]) if (await over(actor, 'reform.view', u)) return task;
    throw new AppError('FORBIDDEN_OUTSIDE_UNIT');
  }

  /** The unit the actor reports for: the lead unit when they may act for it, else the first supporting unit; REFORM_NOT_TASK_UNIT otherwise. */
  async function reportingUnit(actor: StaffActor, task: TaskRecord): Promise<string> {
    for (const u of [task.lead_unit_id, ...task.supporters.map((s) => s.id)]) if (await over(actor, 'reform.report', u)) return u;
    throw new AppError('REFORM_NOT_TASK_UNIT');
  }

  async function judgeOne(task: TaskRecord, at: number) {
    const events = await listEvents(db, [task.id]);
    return { judged: judgeTasks([task], events, at)[0]!, events };
  }

  /** Checks the units a task names exist and are active. */
  async function checkUnits(ids: readonly string[]): Promise<void> {
    const active = new Set((await activeUnits(db)).map((u) => u.id));
    const unknown = ids.find((id) => !active.has(id.toLowerCase()));
    if (unknown) throw new AppError('REFORM_UNIT_UNKNOWN', { params: { unit: unknown } });
  }

  /** The board of the actor's scope (or of one unit's sub-tree), optionally of one plan. */
  async function board(actor: StaffActor, q: { unitId?: string; planId?: string }, at: number) {
    let leads = await unitsInScope(db, actor, 'reform.view');
    let scope: { id: string; name: string } | null = null;
    if (q.unitId) {
      await authorizeUnit(db, actor, 'reform.view', q.unitId.toLowerCase());
      const unit = (await findUnit(db, q.unitId.toLowerCase()))!;
      scope = { id: unit.id, name: unit.short_name ?? unit.name };
      const subtree = new Set(await unitSubtreeIds(db, unit.id));
      leads = new Set([...leads].filter((id) => subtree.has(id)));
    }
    const tasks = await listTasks(db, { leadUnitIds: [...leads], planId: q.planId?.toLowerCase() });
    const events = await listEvents(db, tasks.map((t) => t.id));
    return buildBoard(judgeTasks(tasks, events, at), at, scope);
  }

  /** One state change on a task through the workflow table, by the actor for `unitId`. */
  async function act(req: { id: string }, actor: StaffActor, task: TaskRecord, action: TaskAction, input: { period?: string; note: string; unitId: string }) {
    const ctx = ctxOf(actor, req.id);
    await actOnTask(ctx, task.id, { action, ...input });
    return detail(actor, task, ctx.now);
  }

  async function detail(actor: StaffActor, task: TaskRecord, at: number) {
    const { judged, events } = await judgeOne(task, at);
    const evidence = await listEvidence(db, events.map((e) => e.id));
    const current = judged.status.current;
    const allowed = current ? allowedActions(current) : [];
    const [reportOk, leadOk, acceptOk, manageOk] = [
      (await Promise.all([task.lead_unit_id, ...task.supporters.map((s) => s.id)].map((u) => over(actor, 'reform.report', u)))).some(Boolean),
      await over(actor, 'reform.report', task.lead_unit_id),
      await over(actor, 'reform.accept', task.lead_unit_id),
      await over(actor, 'reform.manage', task.lead_unit_id),
    ];
    return {
      task: presentTask(judged),
      events: events.map((e) => presentEvent(e, evidence)),
      may: { report: reportOk && allowed.includes('report'), complete: leadOk && allowed.includes('complete'), accept: acceptOk && allowed.includes('accept'), cancel: manageOk && current !== null },
      asOf: formatInstant(at),
    };
  }

  return async (app) => {
    await app.register(fastifyMultipart, { limits: { fileSize: Math.max(MAX_DOCUMENT_BYTES, MAX_IMPORT_BYTES) + 1, files: MAX_EVIDENCE_FILES + 1, fields: 8 } });

    app.get('/api/v1/reform/plans', { config: access({ permission: 'reform.view' }), schema: { tags: ['reform'], summary: 'Reform plans, newest first, each with the counts of its tasks in the caller’s scope', response: { 200: planList } } }, async (req) => {
      const actor = requireActor(req);
      const at = now();
      const [plans, scope] = await Promise.all([listPlans(db), unitsInScope(db, actor, 'reform.view')]);
      const tasks = await listTasks(db, { unitIds: [...scope] });
      const judged = judgeTasks(tasks, await listEvents(db, tasks.map((t) => t.id)), at);
      return { items: plans.map((p) => presentPlan(p, judged.filter((j) => j.task.plan_id === p.id), at)), asOf: formatInstant(at) };
    });

    app.post('/api/v1/reform/plans', { config: access({ permission: 'reform.manage' }), schema: { tags: ['reform'], summary: 'Create a plan (number, title, issuer unit, date, legal basis)', body: planBody, response: { 201: planDetail } } }, async (req, reply) => {
      const actor = requireActor(req);
      await authorizeUnit(db, actor, 'reform.manage', req.body.issuerUnitId.toLowerCase());
      const ctx = ctxOf(actor, req.id);
      const plan = await createPlan(ctx, { ...req.body, issuerUnitId: req.body.issuerUnitId.toLowerCase() });
      return reply.code(201).send({ plan: presentPlan((await findPlan(db, plan.id))!, [], ctx.now), tasks: [], asOf: formatInstant(ctx.now) });
    });

    app.get('/api/v1/reform/plans/:id', { config: access({ permission: 'reform.view' }), schema: { tags: ['reform'], summary: 'A plan with its tasks in the caller’s scope and their states', params: idParams, response: { 200: planDetail } } }, async (req) => {
      const actor = requireActor(req);
      const plan = await findPlan(db, req.params.id.toLowerCase());
      if (!plan) throw new AppError('NOT_FOUND');
      const at = now();
      const tasks = await listTasks(db, { planId: plan.id, unitIds: [...(await unitsInScope(db, actor, 'reform.view'))] });
      const judged = judgeTasks(tasks, await listEvents(db, tasks.map((t) => t.id)), at);
      return { plan: presentPlan(plan, judged, at), tasks: judged.map(presentTask), asOf: formatInstant(at) };
    });

    app.post('/api/v1/reform/plans/:id/tasks', { config: access({ permission: 'reform.manage' }), schema: { tags: ['reform'], summary: 'Add a task; its deadline (a date, monthly / quarterly, or working days on the legal clock) may not fall before the plan’s date', params: idParams, body: taskBody, response: { 201: z.object({ task: taskView }) } } }, async (req, reply) => {
      const actor = requireActor(req);
      const plan = await findPlan(db, req.params.id.toLowerCase());
      if (!plan) throw new AppError('NOT_FOUND');
      const b = req.body;
      const lead = b.leadUnitId.toLowerCase();
      const supporting = [...new Set(b.supportingUnitIds.map((s) => s.toLowerCase()))].filter((s) => s !== lead);
      await checkUnits([lead, ...supporting]);
      await authorizeUnit(db, actor, 'reform.manage', lead);
      const occurrences = planTaskDeadline(b.deadline, plan.issued_on, await calendars.forUnit(lead));
      const ctx = ctxOf(actor, req.id);
      const [saved] = await createTasks(ctx, plan, [{ content: b.content, leadUnitId: lead, supportingUnitIds: supporting, deadline: b.deadline, occurrences, expectedOutput: b.expectedOutput, completionMeasure: b.completionMeasure }], 'form');
      const [task] = await listTasks(db, { taskId: saved!.id });
      return reply.code(201).send({ task: presentTask((await judgeOne(task!, ctx.now)).judged) });
    });

    app.post(
      '/api/v1/reform/plans/:id/import',
      {
        config: access({ permission: 'reform.manage' }),
        schema: {
          tags: ['reform'],
          summary: 'Import tasks from the plan’s appendix table (multipart "file": .xlsx or .csv). Every row is validated first; `dryRun=true` only checks; any error writes nothing',
          consumes: ['multipart/form-data'],
          params: idParams,
          querystring: z.object({ dryRun: z.enum(['true', 'false']).default('false') }),
          response: { 200: importResult, 201: importResult },
        },
      },
      async (req, reply) => {
        const actor = requireActor(req);
        const plan = await findPlan(db, req.params.id.toLowerCase());
        if (!plan) throw new AppError('NOT_FOUND');
        if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
        const file = await req.file();
        if (!file) throw new AppError('REFORM_IMPORT_FILE_INVALID');
        const bytes = await file.toBuffer();
        const locale = localeOf(req);
        const appendix = await readAppendix(file.filename, bytes);
        const units = await activeUnits(db);
        const byKey = new Map<string, string>();
        for (const u of units) for (const k of [u.code, u.name, u.short_name]) if (k) byKey.set(fold(k), u.id);
        const calendar = await calendars.forUnit(null);
        const { tasks, issues } = appendix.issues.length > 0 ? { tasks: [], issues: appendix.issues } : validateImportRows(appendix.rows, { planDate: plan.issued_on, resolveUnit: (t) => byKey.get(fold(t)), calendar });
        for (const t of tasks) if (!(await over(actor, 'reform.manage', t.leadUnitId))) issues.push({ row: t.row, field: 'lead', code: 'FORBIDDEN_OUTSIDE_UNIT' });
        const views = issues.map((i) => ({ row: i.row, field: i.field, code: i.code, message: errorMessage(i.code, locale, i.params) }));
        const dryRun = req.query.dryRun === 'true';
        if (issues.length > 0 && !dryRun) {
          throw new AppError('REFORM_IMPORT_INVALID', { params: { count: issues.length }, fields: views.map((v) => ({ field: v.row === 0 ? v.field : `row ${v.row}.${v.field}`, code: v.code, message: v.message })) });
        }
        if (dryRun) return { dryRun, rows: appendix.rows.length, created: 0, issues: views };
        const prepared = tasks.map((t) => ({ ...t, occurrences: planTaskDeadline(t.deadline, plan.issued_on, calendar) }));
        const saved = await createTasks(ctxOf(actor, req.id), plan, prepared, 'import');
        return reply.code(201).send({ dryRun, rows: appendix.rows.length, created: saved.length, issues: [] });
      },
    );

    app.get('/api/v1/reform/tasks/:id', { config: access({ permission: 'reform.view' }), schema: { tags: ['reform'], summary: 'A task with its occurrences, reports and evidence, and what the caller may do now', params: idParams, response: { 200: taskDetail } } }, async (req) => {
      const actor = requireActor(req);
      return detail(actor, await loadTask(actor, req.params.id), now());
    });

    app.post(
      '/api/v1/reform/tasks/:id/reports',
      {
        config: access({ permission: 'reform.report' }),
        schema: { tags: ['reform'], summary: 'Report progress (multipart: "note", optional "progress" 0–100, "period", up to 5 evidence files: PDF, JPEG or PNG by content) — the lead or a supporting unit', consumes: ['multipart/form-data'], params: idParams, response: { 201: taskDetail } },
      },
      async (req, reply) => {
        const actor = requireActor(req);
        if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
        const report = await readReport(req.parts());
        const task = await loadTask(actor, req.params.id);
        const unitId = await reportingUnit(actor, task);
        if (report.files.length > MAX_EVIDENCE_FILES) throw new AppError('REFORM_EVIDENCE_TOO_MANY', { params: { max: MAX_EVIDENCE_FILES } });
        const evidence = [];
        for (const f of report.files) {
          const mime = await inspectDocument(f.bytes).catch((err: unknown) => {
            throw err instanceof AppError && err.code === 'UPLOAD_TYPE_NOT_ALLOWED' ? new AppError('REFORM_EVIDENCE_NOT_DOCUMENT', { params: { file: f.filename } }) : err;
          });
          evidence.push({ ...f, mime });
        }
        // the state is checked again under the task's lock; checking first keeps a refused report from storing its files
        const at = now();
        const { judged } = await judgeOne(task, at);
        if (judged.status.state === 'cancelled') throw new AppError('REFORM_TASK_CANCELLED');
        const stored = [];
        for (const e of evidence) stored.push({ ...(await blobs.put(e.bytes)), mime: e.mime, filename: e.filename });
        const ctx = ctxOf(actor, req.id);
        await actOnTask(ctx, task.id, { action: 'report', period: report.period, unitId, note: report.note, progress: report.progress, evidence: stored });
        return reply.code(201).send(await detail(actor, task, ctx.now));
      },
    );

    app.post('/api/v1/reform/tasks/:id/complete', { config: access({ permission: 'reform.report' }), schema: { tags: ['reform'], summary: 'The lead unit marks the current occurrence completed; it waits for the city Office', params: idParams, body: completionBody, response: { 200: taskDetail } } }, async (req) => {
      const actor = requireActor(req);
      const task = await loadTask(actor, req.params.id);
      if (!(await over(actor, 'reform.report', task.lead_unit_id))) throw new AppError('REFORM_LEAD_ONLY');
      return act(req, actor, task, 'complete', { period: req.body.period, note: req.body.note, unitId: task.lead_unit_id });
    });

    app.post('/api/v1/reform/tasks/:id/accept', { config: access({ permission: 'reform.accept' }), schema: { tags: ['reform'], summary: 'The city Office accepts a completion: it counts from the day it was marked', params: idParams, body: completionBody, response: { 200: taskDetail } } }, async (req) => {
      const actor = requireActor(req);
      const task = await loadTask(actor, req.params.id);
      await authorizeUnit(db, actor, 'reform.accept', task.lead_unit_id);
      return act(req, actor, task, 'accept', { period: req.body.period, note: req.body.note, unitId: actor.unitId });
    });

    app.post('/api/v1/reform/tasks/:id/return', { config: access({ permission: 'reform.accept' }), schema: { tags: ['reform'], summary: 'The city Office returns a completion with its reason; the task is open again', params: idParams, body: returnBody, response: { 200: taskDetail } } }, async (req) => {
      const actor = requireActor(req);
      const task = await loadTask(actor, req.params.id);
      await authorizeUnit(db, actor, 'reform.accept', task.lead_unit_id);
      return act(req, actor, task, 'return', { period: req.body.period, note: req.body.note, unitId: actor.unitId });
    });

    app.post('/api/v1/reform/tasks/:id/cancel', { config: access({ permission: 'reform.manage' }), schema: { tags: ['reform'], summary: 'Cancel a task with its reason', params: idParams, body: cancelBody, response: { 200: taskDetail } } }, async (req) => {
      const actor = requireActor(req);
      const task = await loadTask(actor, req.params.id);
      await authorizeUnit(db, actor, 'reform.manage', task.lead_unit_id);
      const ctx = ctxOf(actor, req.id);
      await cancelTask(ctx, task.id, actor.unitId, req.body.reason);
      const [fresh] = await listTasks(db, { taskId: task.id });
      return detail(actor, fresh!, ctx.now);
    });

    app.get('/api/v1/reform/tasks/:id/evidence/:fileId', { config: access({ permission: 'reform.view' }), schema: { tags: ['reform'], summary: 'Download an evidence file', params: idParams.extend({ fileId: idParams.shape.id }) } }, async (req, reply) => {
      const actor = requireActor(req);
      const task = await loadTask(actor, req.params.id);
      const file = await findEvidence(db, task.id, req.params.fileId.toLowerCase());
      if (!file) throw new AppError('NOT_FOUND');
      const bytes = await blobs.get(file.sha256);
      return reply.type(file.mime).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`).send(bytes);
    });

    app.get('/api/v1/reform/board', { config: access({ permission: 'reform.view' }), schema: { tags: ['reform'], summary: 'The board: counts and rates of on-time / late / overdue work per lead unit, and the list needing the head’s attention (city-wide, or one unit’s sub-tree)', querystring: boardQuery, response: { 200: boardView } } }, async (req) => {
      return board(requireActor(req), req.query, now());
    });

    app.get('/api/v1/reform/board.xlsx', { config: access({ permission: 'reform.view' }), schema: { tags: ['reform'], summary: 'The board as a periodic reform report (.xlsx)', querystring: boardQuery } }, async (req, reply) => {
      const b = await board(requireActor(req), req.query, now());
      const bytes = await boardXlsx(b);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="bao-cao-cchc-${b.asOf.slice(0, 10)}.xlsx"`)
        .send(bytes);
    });

    app.get('/api/v1/reform/board.pdf', { config: access({ permission: 'reform.view' }), schema: { tags: ['reform'], summary: 'The board as a printable periodic reform report (PDF)', querystring: boardQuery } }, async (req, reply) => {
      const b = await board(requireActor(req), req.query, now());
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="bao-cao-cchc-${b.asOf.slice(0, 10)}.pdf"`).send(await boardPdf(b));
    });
  };
}
