import fastifyMultipart, { type Multipart } from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Dossier } from '@core/dossier/dossier';
import { AppError } from '@core/errors/app-error';
import { citizenResultsResponse, resultIdSchema, staffResultsResponse, uploadResultResponse } from '@core/feedback/api';
import { MAX_RESULT_BYTES, RESULT_UPLOAD_ROLES, mayUploadResult, resultDownloadable, resultUploadOpen } from '@core/feedback/results';
import { blobStoreFrom } from '../../blobs/open';
import type { DossierRow } from '../../db/tables/dossiers';
import { auditActorOf, type StaffActor } from '../../http/actor';
import { access } from '../../http/access';
import type { AppDeps } from '../../http/deps';
import { inspectDocument } from '../../uploads/inspect';
import { requireActor, requireCitizen } from '../auth/session-hook';
import { dossierRef, loadDossier } from '../dossiers/load';
import { userNames } from '../dossiers/queries';
import { authorizeDossier } from '../dossiers/scope';
import { loadOwnDossier } from '../portal/own';
import { signingAuthority } from '../eresults/authority';
import { issueEresult } from '../eresults/commands';
import { findEresultOfResult, listEresults } from '../eresults/queries';
import { uploadResult } from './commands';
import { attachmentHeader, presentCitizenResult, presentResult } from './present';
import { findResult, insertDownload, listCurrentResults, listResults } from './queries';

const refParams = z.object({ ref: dossierRef });
const codeParams = z.object({ code: dossierRef });

/** The one PDF of an upload request and the optional `supersedes` field (the id of the document it replaces). */
async function readResultUpload(parts: AsyncIterableIterator<Multipart>): Promise<{ bytes: Buffer; filename: string; supersedes?: string }> {
  let file: { bytes: Buffer; filename: string } | undefined;
  let supersedes: string | undefined;
  for await (const part of parts) {
    if (part.type === 'field') {
      if (part.fieldname === 'supersedes' && String(part.value).trim()) supersedes = String(part.value).trim();
      continue;
    }
    const bytes = await part.toBuffer().catch((err: { code?: string }) => {
      throw err.code === 'FST_REQ_FILE_TOO_LARGE' ? new AppError('UPLOAD_TOO_LARGE', { params: { mb: MAX_RESULT_BYTES / 1024 / 1024 } }) : err;
    });
    file = { bytes, filename: (part.filename || 'ket-qua.pdf').normalize('NFC').slice(0, 200) };
  }
  if (!file) throw new AppError('RESULT_FILE_REQUIRED');
  if (supersedes !== undefined && !resultIdSchema.safeParse(supersedes).success) throw new AppError('RESULT_SUPERSEDED_UNKNOWN');
  return { ...file, supersedes };
}

/** A PDF by content, never by name: anything else (an image, an `.exe` renamed `.pdf`) is RESULT_FILE_NOT_PDF. */
async function checkPdf(bytes: Buffer): Promise<void> {
  const mime = await inspectDocument(bytes, MAX_RESULT_BYTES).catch((err: unknown) => {
    throw err instanceof AppError && err.code === 'UPLOAD_TYPE_NOT_ALLOWED' ? new AppError('RESULT_FILE_NOT_PDF') : err;
  });
  if (mime !== 'application/pdf') throw new AppError('RESULT_FILE_NOT_PDF', { message: `result is ${mime}` });
}

/** Throws unless the caller may upload a result of this dossier now (roles of `issue_result` over the handling unit, status). */
function authorizeUpload(actor: StaffActor, roles: Parameters<typeof mayUploadResult>[0], row: DossierRow): void {
  if (!mayUploadResult(roles)) {
    const holdsRole = actor.roles.some((a) => RESULT_UPLOAD_ROLES.includes(a.role));
    throw new AppError(holdsRole ? 'FORBIDDEN_OUTSIDE_UNIT' : 'DOSSIER_ROLE_NOT_ALLOWED');
  }
  if (!resultUploadOpen(row.state as Dossier)) throw new AppError('RESULT_UPLOAD_NOT_ALLOWED');
}

/** Result documents: staff upload and list them; the applicant downloads them on the portal once returned online. */
export function resultRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { db } = deps.database;
  const blobs = blobStoreFrom(deps.config);
  const issuing = { authority: signingAuthority(deps.config.eresult), blobs, publicUrl: deps.config.publicUrl };

  return async (app) => {
    // one byte over the limit lets inspectDocument answer UPLOAD_TOO_LARGE itself
    await app.register(fastifyMultipart, { limits: { fileSize: MAX_RESULT_BYTES + 1, files: 1, fields: 4 } });

    app.post(
      '/api/v1/dossiers/:ref/results',
      {
        config: access({ permission: 'dossier.read' }),
        schema: {
          tags: ['results'],
          summary: 'Upload the result document (multipart: one PDF in "file"; optional "supersedes" = id of the current document it replaces). Those who may issue the result, once approved and until returned',
          consumes: ['multipart/form-data'],
          params: refParams,
          response: { 201: uploadResultResponse },
        },
      },
      async (req, reply) => {
        const actor = requireActor(req);
        if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
        const upload = await readResultUpload(req.parts());
        const row = await loadDossier(db, req.params.ref);
        const { roles } = await authorizeDossier(db, actor, row);
        authorizeUpload(actor, roles, row);
        await checkPdf(upload.bytes);
        const blob = await blobs.put(upload.bytes);
        const ctx = { db, actor: { ...auditActorOf(actor), id: actor.userId }, requestId: req.id, now: Date.now() };
        // the signed e-result is made in the same transaction (docs/results.md)
        const saved = await uploadResult(ctx, row, { sha256: blob.sha256, size: blob.size, filename: upload.filename }, upload.supersedes, async (trx, stored) => {
          await issueEresult(trx, ctx, issuing, row, stored, upload.bytes, upload.supersedes?.toLowerCase() ?? null);
        });
        return reply.code(201).send({ file: presentResult(saved) });
      },
    );

    app.get(
      '/api/v1/dossiers/:ref/results',
      { config: access({ permission: 'dossier.read' }), schema: { tags: ['results'], summary: 'Result documents of a dossier, newest first (superseded ones marked), and whether the caller may upload now', params: refParams, response: { 200: staffResultsResponse } } },
      async (req) => {
        const actor = requireActor(req);
        const row = await loadDossier(db, req.params.ref);
        const { roles } = await authorizeDossier(db, actor, row);
        const files = await listResults(db, row.id);
        const names = await userNames(db, [...new Set(files.map((f) => f.uploaded_by))]);
        return { files: files.map(presentResult), canUpload: mayUploadResult(roles) && resultUploadOpen(row.state as Dossier), people: Object.fromEntries(names) };
      },
    );

    app.get(
      '/api/v1/dossiers/:ref/results/:id',
      { config: access({ permission: 'dossier.read' }), schema: { tags: ['results'], summary: 'Download a result document (PDF)', params: refParams.extend({ id: resultIdSchema }) } },
      async (req, reply) => {
        const row = await loadDossier(db, req.params.ref);
        await authorizeDossier(db, requireActor(req), row);
        const file = await findResult(db, row.id, req.params.id.toLowerCase());
        if (!file) throw new AppError('NOT_FOUND');
        const bytes = await blobs.get(file.sha256);
        return reply.type('application/pdf').header('content-disposition', attachmentHeader(file.filename, 'inline')).header('cache-control', 'private, no-store').send(bytes);
      },
    );

    app.get(
      '/api/v1/portal/dossiers/:code/results',
      { config: access('citizen'), schema: { tags: ['portal'], summary: 'The result documents of one of my dossiers, once the result is issued and returned online', params: codeParams, response: { 200: citizenResultsResponse } } },
      async (req) => {
        const row = await loadOwnDossier(db, requireCitizen(req), req.params.code);
        if (!resultDownloadable(row.state as Dossier)) return { available: false, files: [] };
        const codes = new Map((await listEresults(db, row.id)).map((e) => [e.result_id, e.code]));
        return { available: true, files: (await listCurrentResults(db, row.id)).map((f) => presentCitizenResult(f, codes.get(f.id) ?? null)) };
      },
    );

    app.get(
      '/api/v1/portal/dossiers/:code/results/:id',
      { config: access('citizen'), schema: { tags: ['portal'], summary: 'Download a result document of one of my dossiers (PDF); every download is logged', params: codeParams.extend({ id: resultIdSchema }) } },
      async (req, reply) => {
        const citizen = requireCitizen(req);
        const row = await loadOwnDossier(db, citizen, req.params.code);
        if (!resultDownloadable(row.state as Dossier)) throw new AppError('RESULT_NOT_AVAILABLE');
        const file = await findResult(db, row.id, req.params.id.toLowerCase());
        if (!file || file.superseded_at) throw new AppError('NOT_FOUND');
        // the signed e-result when there is one (docs/results.md), else the document as uploaded
        const eresult = await findEresultOfResult(db, file.id);
        const bytes = await blobs.get(eresult ? eresult.sha256 : file.sha256);
        await insertDownload(db, { result_id: file.id, dossier_id: row.id, unit_id: row.unit_id, citizen_id: citizen.citizenId, acting_for: citizen.actingFor?.taxCode ?? null, ip: req.ip });
        return reply
          .type('application/pdf')
          .header('content-disposition', attachmentHeader(eresult ? `${eresult.code}.pdf` : file.filename))
          .header('cache-control', 'private, no-store')
          .send(bytes);
      },
    );
  };
}
