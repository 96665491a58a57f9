import fastifyMultipart, { type Multipart } from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { formulaView, gradeQuery, gradeView, handlingBody, headView, manualViolationFields, refParams, registerQuery, registerView, unitYearQuery, violationDetail } from '@core/accountability/api';
import { checkFormula } from '@core/accountability/grade';
import { yearPeriod } from '@core/accountability/period';
import { parseViolationRef, type ViolationRef } from '@core/accountability/violations';
import { roleGrants } from '@core/access/permissions';
import { formatInstant, parseInstant } from '@core/calendar/time';
import { AppError } from '@core/errors/app-error';
import type { UnitRow } from '../../db/schema';
import { blobStoreFrom } from '../../blobs/open';
import { auditActorOf, type StaffActor } from '../../http/actor';
import { access } from '../../http/access';
import type { AppDeps } from '../../http/deps';
import { MAX_DOCUMENT_BYTES, inspectDocument } from '../../uploads/inspect';
import { readFieldsAndFiles } from '../../uploads/parts';
import { requireActor } from '../auth/session-hook';
import { UnitDirectory } from '../index/service';
import { unitAncestorIds } from '../org/queries';
import { authorizeUnit, unitsInScope } from '../org/scope';
import { type Ctx, recordHandling, recordViolation, saveFormula } from './commands';
import { presentHandling } from './present';
import { findDossierIdByCode, findEvidence, findOfficerUnit, listHandlings, listLateDossiers, listStaffOfUnits } from './queries';
import { gradeOf, loadFormula, loadViolation, reformOf, registerOf, scopeOf, unitView } from './service';

/** Evidence files per manual violation. */
export const MAX_VIOLATION_EVIDENCE = 5;
/** Late dossiers listed on the head's page (the counts cover them all). */
const LATE_DOSSIERS_LISTED = 100;

/** The multipart parts of a manual violation: its text fields and evidence files, read whole before anything is checked. */
async function readViolation(parts: AsyncIterableIterator<Multipart>) {
  const { fields, files } = await readFieldsAndFiles(parts);
  const parsed = manualViolationFields.safeParse(fields);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const code = /^[A-Z_]+$/.test(issue.message) ? issue.message : 'VALIDATION_FAILED';
    throw new AppError(code as 'VALIDATION_FAILED', { fields: parsed.error.issues.map((i) => ({ field: i.path.join('.'), code: i.message, message: i.message })) });
  }
  return { fields: parsed.data, files };
}

/** Inspection and accountability: the violations register, handlings, the head's page, the head's grade and its formula. */
export function accountabilityRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { db } = deps.database;
  const now = deps.now ?? Date.now;
  const blobs = blobStoreFrom(deps.config);
  const ctxOf = (actor: StaffActor, requestId: string): Ctx => ({ db, actor: { ...auditActorOf(actor), id: actor.userId }, requestId, now: now() });

  /** The unit `code` names (default: the unit of the caller's first role that may view), after checking the caller's scope. */
  async function unitFor(actor: StaffActor, code: string | undefined): Promise<{ dir: UnitDirectory; unit: UnitRow }> {
    const dir = await UnitDirectory.load(db);
    const own = actor.roles.find((r) => roleGrants(r.role, 'accountability.view'))?.unitId ?? actor.unitId;
    const unit = code ? dir.byCode.get(code) : dir.units.find((u) => u.id === own);
    if (!unit) throw new AppError('NOT_FOUND');
    await authorizeUnit(db, actor, 'accountability.view', unit.id);
    return { dir, unit };
  }

  /** The violation `ref` names, after checking the caller holds `permission` over its unit. */
  async function violationFor(actor: StaffActor, raw: string, permission: 'accountability.view' | 'accountability.handle') {
    const ref = parseViolationRef(raw);
    if (!ref) throw new AppError('NOT_FOUND');
    const found = await loadViolation(db, actor, ref);
    if (!found) throw new AppError('NOT_FOUND');
    await authorizeUnit(db, actor, permission, found.unitId);
    return { ref, ...found };
  }

  return async (app) => {
    await app.register(fastifyMultipart, { limits: { fileSize: MAX_DOCUMENT_BYTES + 1, files: MAX_VIOLATION_EVIDENCE + 1, fields: 10 } });

    app.get(
      '/api/v1/accountability/head',
      { config: access({ permission: 'accountability.view' }), schema: { tags: ['accountability'], summary: 'The head’s page of a unit for a year: violations by officer, late dossiers and reform tasks, and the handlings recorded', querystring: unitYearQuery, response: { 200: headView } } },
      async (req) => {
        const actor = requireActor(req);
        const { dir, unit } = await unitFor(actor, req.query.unit);
        const period = yearPeriod(req.query.year, now());
        const scope = scopeOf(dir, unit);
        const [violations, late, reform, handlings, inScope] = await Promise.all([
          registerOf(db, actor, scope, period),
          listLateDossiers(db, { unitIds: scope.ids, from: new Date(period.fromMs), to: new Date(period.untilMs), now: new Date(period.asOf), limit: LATE_DOSSIERS_LISTED }),
          reformOf(db, scope, period),
          listHandlings(db, scope.ids),
          unitsInScope(db, actor, 'accountability.view'),
        ]);
        const byOfficer = new Map<string, (typeof violations)[number][]>();
        for (const v of violations) byOfficer.set(v.officer.id ?? '', [...(byOfficer.get(v.officer.id ?? '') ?? []), v]);
        const viewByRef = new Map(violations.map((v) => [v.ref, v]));
        const done = handlings
          .filter((h) => h.at.getTime() >= period.fromMs && h.at.getTime() < period.untilMs)
          .map((h) => {
            const ref = h.violation_id ?? `${h.dossier_id}.${h.dossier_kind}`;
            const v = viewByRef.get(ref);
            return { ...presentHandling(h), ref, violationKind: v?.kind ?? h.dossier_kind ?? 'other', officerName: v?.officer.name ?? null };
          })
          .reverse();
        const actorMay = (p: 'accountability.inspect' | 'accountability.handle' | 'accountability.configure') => actor.roles.some((r) => roleGrants(r.role, p));
        const may = { inspect: actorMay('accountability.inspect'), handle: actorMay('accountability.handle'), configure: actorMay('accountability.configure') };
        return {
          unit: unitView(unit),
          units: dir.units.filter((u) => inScope.has(u.id) && u.valid_to === null).sort((a, b) => a.code.localeCompare(b.code)).map(unitView),
          year: period.year,
          asOf: formatInstant(period.asOf),
          officers: [...byOfficer.values()]
            .map((vs) => ({ officer: vs[0]!.officer, count: vs.length, open: vs.filter((v) => v.status !== 'closed').length, violations: vs }))
            .sort((a, b) => b.count - a.count || (a.officer.name ?? '').localeCompare(b.officer.name ?? '', 'vi')),
          lateDossiers: {
            open: late.open,
            finished: late.finished,
            items: late.rows.map((d) => ({ code: d.code, procedureCode: d.procedure_code, status: d.status, handlingUnit: d.handling_unit, assignee: d.assignee, dueAt: formatInstant(d.due_at.getTime()), finishedAt: d.finished_at ? formatInstant(d.finished_at.getTime()) : null, late: d.finished_at ? ('finished' as const) : ('open' as const) })),
          },
          reform,
          handlings: done,
          may,
          staff: may.inspect ? await listStaffOfUnits(db, scope.ids) : [],
        };
      },
    );

    app.get(
      '/api/v1/accountability/violations',
      { config: access({ permission: 'accountability.view' }), schema: { tags: ['accountability'], summary: 'The violations register of a unit’s sub-tree for a year: the one-stop’s automatic violations and the inspectors’ manual ones, with their handlings', querystring: registerQuery, response: { 200: registerView } } },
      async (req) => {
        const actor = requireActor(req);
        const { dir, unit } = await unitFor(actor, req.query.unit);
        const period = yearPeriod(req.query.year, now());
        const items = await registerOf(db, actor, scopeOf(dir, unit), period);
        return { unit: unitView(unit), year: period.year, items: req.query.status === 'all' ? items : items.filter((v) => v.status === req.query.status), asOf: formatInstant(period.asOf) };
      },
    );

    app.post(
      '/api/v1/accountability/violations',
      {
        config: access({ permission: 'accountability.inspect' }),
        schema: {
          tags: ['accountability'],
          summary: 'An inspector records a violation (multipart: unitId, officerId, kind, description, occurredAt, optional dossierCode, and 1–5 evidence files: PDF, JPEG or PNG by content) in a unit of their scope',
          consumes: ['multipart/form-data'],
          response: { 201: violationDetail },
        },
      },
      async (req, reply) => {
        const actor = requireActor(req);
        if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
        const { fields, files } = await readViolation(req.parts());
        const unitId = fields.unitId.toLowerCase();
        await authorizeUnit(db, actor, 'accountability.inspect', unitId);
        const officerUnit = await findOfficerUnit(db, fields.officerId.toLowerCase());
        if (!officerUnit || !(await unitAncestorIds(db, officerUnit)).includes(unitId)) throw new AppError('ACCOUNTABILITY_OFFICER_NOT_IN_UNIT');
        const occurredAt = parseInstant(fields.occurredAt);
        const at = now();
        if (occurredAt > at) throw new AppError('ACCOUNTABILITY_DATE_INVALID');
        let dossierId: string | null = null;
        if (fields.dossierCode) {
          dossierId = (await findDossierIdByCode(db, fields.dossierCode)) ?? null;
          if (!dossierId) throw new AppError('NOT_FOUND');
        }
        if (files.length === 0) throw new AppError('ACCOUNTABILITY_EVIDENCE_REQUIRED');
        if (files.length > MAX_VIOLATION_EVIDENCE) throw new AppError('ACCOUNTABILITY_EVIDENCE_TOO_MANY', { params: { max: MAX_VIOLATION_EVIDENCE } });
        // every file is checked by content before any is stored, so a refused one leaves nothing behind
        const evidence = [];
        for (const f of files) {
          const mime = await inspectDocument(f.bytes).catch((err: unknown) => {
            throw err instanceof AppError && (err.code === 'UPLOAD_TYPE_NOT_ALLOWED' || err.code === 'UPLOAD_CORRUPT') ? new AppError('ACCOUNTABILITY_EVIDENCE_NOT_DOCUMENT', { params: { file: f.filename } }) : err;
          });
          evidence.push({ ...f, mime });
        }
        const stored = [];
        for (const e of evidence) stored.push({ ...(await blobs.put(e.bytes)), mime: e.mime, filename: e.filename });
        const saved = await recordViolation(ctxOf(actor, req.id), {
          unitId,
          officerId: fields.officerId.toLowerCase(),
          kind: fields.kind,
          description: fields.description,
          occurredAt,
          dossierId,
          evidence: stored.map((s) => ({ sha256: s.sha256, mime: s.mime, size: s.size, filename: s.filename })),
        });
        const found = (await loadViolation(db, actor, { source: 'manual', id: saved.id }))!;
        return reply.code(201).send({ violation: found.view });
      },
    );

    app.get(
      '/api/v1/accountability/violations/:ref',
      { config: access({ permission: 'accountability.view' }), schema: { tags: ['accountability'], summary: 'One violation of the register (a manual one by id, an automatic one as `<dossier id>.<kind>`) with its handlings and evidence', params: refParams, response: { 200: violationDetail } } },
      async (req) => ({ violation: (await violationFor(requireActor(req), req.params.ref, 'accountability.view')).view }),
    );

    app.post(
      '/api/v1/accountability/violations/:ref/handlings',
      { config: access({ permission: 'accountability.handle' }), schema: { tags: ['accountability'], summary: 'Record a handling of a violation of the caller’s scope — reminder, criticism, disciplinary proposal — or close it (once)', params: refParams, body: handlingBody, response: { 201: violationDetail } } },
      async (req, reply) => {
        const actor = requireActor(req);
        const v = await violationFor(actor, req.params.ref, 'accountability.handle');
        await recordHandling(ctxOf(actor, req.id), v.ref as ViolationRef, v.unitId, req.body);
        return reply.code(201).send({ violation: (await loadViolation(db, actor, v.ref))!.view });
      },
    );

    app.get(
      '/api/v1/accountability/violations/:ref/evidence/:fileId',
      { config: access({ permission: 'accountability.view' }), schema: { tags: ['accountability'], summary: 'Download an evidence file of a manual violation', params: refParams.extend({ fileId: z.string().uuid({ error: 'NOT_FOUND' }) }) } },
      async (req, reply) => {
        const v = await violationFor(requireActor(req), req.params.ref, 'accountability.view');
        if (v.ref.source !== 'manual') throw new AppError('NOT_FOUND');
        const file = await findEvidence(db, v.ref.id, req.params.fileId.toLowerCase());
        if (!file) throw new AppError('NOT_FOUND');
        const bytes = await blobs.get(file.sha256);
        return reply.type(file.mime).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`).send(bytes);
      },
    );

    app.get(
      '/api/v1/accountability/grade',
      { config: access({ permission: 'accountability.view' }), schema: { tags: ['accountability'], summary: 'The grade of a unit’s head for a year: the inputs (index total, city rule points, reform on-time rate, violations), each weight and contribution, the sum, the penalty and the band', querystring: gradeQuery, response: { 200: gradeView } } },
      async (req) => {
        const actor = requireActor(req);
        const { dir, unit } = await unitFor(actor, req.query.unit);
        return gradeOf(db, scopeOf(dir, unit), yearPeriod(req.query.year, now()));
      },
    );

    app.get(
      '/api/v1/accountability/formula',
      { config: access({ permission: 'accountability.view' }), schema: { tags: ['accountability'], summary: 'The head’s grading formula in force: weights, the declared total, the violation penalty, the classification bands', response: { 200: formulaView } } },
      async () => loadFormula(db),
    );

    app.put(
      '/api/v1/accountability/formula',
      { config: access({ permission: 'accountability.configure' }), schema: { tags: ['accountability'], summary: 'Replace the grading formula: the weights must sum to the declared total and the bands decrease to 0, else nothing changes', body: z.unknown(), response: { 200: formulaView } } },
      async (req) => {
        const actor = requireActor(req);
        const formula = checkFormula(req.body);
        await saveFormula(ctxOf(actor, req.id), formula);
        return loadFormula(db);
      },
    );
  };
}
