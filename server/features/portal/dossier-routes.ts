/**
 * `/api/v1/portal/dossiers`: the applicant's own dossiers of every channel (as themselves, or as the
 * organisation they act for), each with its timeline and what to do now; forms, the submission
 * receipt, files, supplement answers and a new lookup secret. Anyone else's dossier is NOT_FOUND,
 * exactly as an unknown code.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '@core/errors/app-error';
import type { Dossier } from '@core/dossier/dossier';
import { portalDossierDetail, portalDossierListResponse, portalDossierParams, portalDossiersQuery, portalFormParams, receiptQuery, secretResponse } from '@core/portal/api';
import { isLookupSecret, normaliseSecret } from '@core/portal/secret';
import { openSupplementRequest, supplementComponentId } from '@core/portal/supplement';
import { access } from '../../http/access';
import { renderDossierForm } from '../dossiers/forms';
import { MAX_FILES, readMultipart, storeUploads } from '../dossiers/multipart';
import { listFiles } from '../dossiers/queries';
import { loadOwnDossier } from './own';
import { answerSupplement, applicantKey, reissueSecret } from './commands';
import { presentOwnSummary } from './present';
import { findSecretHash, listOwnDossiers, supplementFilesOf, unitsById } from './queries';
import { renderReceipt } from './receipt';
import type { PortalServices } from './services';

const fileParams = portalDossierParams.extend({ fileId: z.uuid({ error: 'NOT_FOUND' }) });

/** The applicant's dossier routes. */
export function dossierRoutes(s: PortalServices): FastifyPluginAsyncZod {
  const { db } = s;
  const pdf = (name: string) => ({ 'content-disposition': `inline; filename="${name}"`, 'cache-control': 'private, no-store' });

  return async (app) => {
    app.get(
      '/api/v1/portal/dossiers',
      {
        config: access('citizen'),
        schema: { tags: ['portal'], summary: 'The applicant’s dossiers of every channel, newest first', querystring: portalDossiersQuery, response: { 200: portalDossierListResponse } },
      },
      async (req) => {
        const q = req.query;
        const { rows, total } = await listOwnDossiers(db, applicantKey(s.citizenOf(req)), { finished: q.state === undefined ? undefined : q.state === 'finished', ...q });
        const answers = await supplementFilesOf(
          db,
          rows.filter((r) => (r.state as Dossier).status === 'supplement_requested').map((r) => r.id),
        );
        return {
          items: rows.map((r) =>
            presentOwnSummary(
              r,
              // a list line names the unit handling the dossier; presence (a standing instruction) is on the dossier page
              { procedureName: r.procedure_name, unit: { code: r.unit_code, name: r.unit_name }, receivingUnit: { code: r.unit_code, name: r.unit_name }, presence: null },
              answers.filter((a) => a.dossier_id === r.id),
            ),
          ),
          total,
        };
      },
    );

    app.get(
      '/api/v1/portal/dossiers/:code',
      {
        config: access('citizen'),
        schema: { tags: ['portal'], summary: 'One of the applicant’s dossiers: status, timeline, due date, unit, what to do now, files, forms', params: portalDossierParams, response: { 200: portalDossierDetail } },
      },
      async (req) => s.viewOf(await loadOwnDossier(db, s.citizenOf(req), req.params.code)),
    );

    app.get(
      '/api/v1/portal/dossiers/:code/forms/:form.pdf',
      { config: access('citizen'), schema: { tags: ['portal'], summary: 'A form issued for the dossier (Mẫu 01 receipt, 02 supplement request, 04 apology) as PDF', params: portalFormParams } },
      async (req, reply) => {
        const row = await loadOwnDossier(db, s.citizenOf(req), req.params.code);
        const [rules, calendar] = await Promise.all([s.rules.forVersion(row.procedure_version_id), s.calendars.forUnit(row.handling_unit_id)]);
        const bytes = await renderDossierForm(db, row, rules, calendar, req.params.form, { now: Date.now(), publicUrl: s.publicUrl });
        return reply.type('application/pdf').headers(pdf(`${row.code}-${req.params.form}.pdf`)).send(bytes);
      },
    );

    app.get(
      '/api/v1/portal/dossiers/:code/receipt.pdf',
      {
        config: access('citizen'),
        schema: {
          tags: ['portal'],
          summary: 'The confirmation of an online submission (Giấy xác nhận nộp hồ sơ trực tuyến) as PDF; `secret`, when it is the dossier’s, is printed on it',
          params: portalDossierParams,
          querystring: receiptQuery,
        },
      },
      async (req, reply) => {
        const row = await loadOwnDossier(db, s.citizenOf(req), req.params.code);
        if (row.channel !== 'online') throw new AppError('DOSSIER_FORM_NOT_AVAILABLE', { params: { form: 'receipt' } });
        const typed = normaliseSecret(req.query.secret ?? '');
        const stored = await findSecretHash(db, row.id);
        const secret = stored && isLookupSecret(typed) && s.hasher.matches(row.id, typed, stored) ? typed : null;
        const [names, files, rules, units] = await Promise.all([s.namesOf(row), listFiles(db, row.id), s.rules.forVersion(row.procedure_version_id), unitsById(db, [row.unit_id])]);
        const componentName = new Map(rules.checklist.map((c) => [c.id, c.name]));
        const trackingUrl = `${s.publicUrl}/tra-cuu/${encodeURIComponent(row.code ?? '')}${secret ? `?secret=${secret}` : ''}`;
        const bytes = await renderReceipt({
          code: row.code ?? '',
          submittedAt: row.submitted_at.getTime(),
          unit: { name: units.get(row.unit_id)?.name ?? names.receivingUnit.name },
          applicant: { name: row.applicant_name, idNumber: row.applicant_id_number, kind: row.applicant_kind },
          procedure: { code: row.procedure_code, name: names.procedureName },
          returnMethod: (row.state as Dossier).returnMethod,
          files: files.filter((f) => componentName.has(f.component_id)).map((f) => ({ component: componentName.get(f.component_id)!, filename: f.filename })),
          trackingUrl,
          secret,
        });
        return reply.type('application/pdf').headers(pdf(`${row.code}-bien-nhan-truc-tuyen.pdf`)).send(bytes);
      },
    );

    app.get(
      '/api/v1/portal/dossiers/:code/files/:fileId',
      { config: access('citizen'), schema: { tags: ['portal'], summary: 'Downloads a file the applicant sent', params: fileParams } },
      async (req, reply) => {
        const row = await loadOwnDossier(db, s.citizenOf(req), req.params.code);
        const file = (await listFiles(db, row.id)).find((f) => f.id === req.params.fileId);
        if (!file) throw new AppError('NOT_FOUND');
        return s.sendBlob(reply, file);
      },
    );

    app.post(
      '/api/v1/portal/dossiers/:code/supplement',
      {
        config: access('citizen'),
        schema: {
          tags: ['portal'],
          summary: `Answers the open supplement request online (multipart: before each "file" its "componentId" field, "supplement:<n>" for the n-th requested item; every item needs a file; up to ${MAX_FILES} files)`,
          consumes: ['multipart/form-data'],
          params: portalDossierParams,
          response: { 201: portalDossierDetail },
        },
      },
      async (req, reply) => {
        if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
        const { uploads } = await readMultipart(req.parts(), [], true);
        const row = await loadOwnDossier(db, s.citizenOf(req), req.params.code);
        const request = openSupplementRequest(row.state as Dossier);
        if (!request) throw new AppError('PORTAL_SUPPLEMENT_NOT_REQUESTED');
        const items = request.items.map((name, i) => ({ id: supplementComponentId(i + 1), name, required: true }));
        const unknown = uploads.find((u) => !items.some((i) => i.id === u.componentId));
        if (unknown) throw new AppError('PORTAL_SUPPLEMENT_ITEM_UNKNOWN', { params: { item: unknown.componentId } });
        const missing = items.filter((i) => !uploads.some((u) => u.componentId === i.id));
        if (missing.length > 0) {
          throw new AppError('PORTAL_SUPPLEMENT_INCOMPLETE', {
            params: { items: missing.map((i) => i.name).join('; ') },
            fields: missing.map((i) => ({ field: i.id, code: 'PORTAL_SUPPLEMENT_INCOMPLETE', message: i.name })),
          });
        }
        const files = await storeUploads(s.blobs, items, uploads);
        await answerSupplement(s.ctxOf(req), row, files);
        return reply.code(201).send(await s.viewOf(await loadOwnDossier(db, s.citizenOf(req), req.params.code)));
      },
    );

    app.post(
      '/api/v1/portal/dossiers/:code/secret',
      {
        config: access('citizen'),
        schema: { tags: ['portal'], summary: 'Issues a new lookup secret for the dossier (shown this once; the old one stops working)', params: portalDossierParams, response: { 201: secretResponse } },
      },
      async (req, reply) => {
        const row = await loadOwnDossier(db, s.citizenOf(req), req.params.code);
        const secret = await reissueSecret(s.ctxOf(req), s.hasher, row);
        return reply.code(201).send({ code: row.code ?? '', secret });
      },
    );
  };
}
