/** `/api/v1/portal/drafts`: drafts of online dossiers, kept on the server, and their submission. */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '@core/errors/app-error';
import { createDraftBody, draftFileParams, draftListResponse, draftParams, draftView, saveDraftBody, submitResponse } from '@core/portal/api';
import { procedureStanding } from '@core/portal/checklist';
import { formatInstant } from '@core/calendar/time';
import { access } from '../../http/access';
import type { PortalDraftRow } from '../../db/tables/portal';
import { MAX_FILES, readMultipart, storeUploads } from '../dossiers/multipart';
import { addDraftFiles, applicantKey, createDraft, removeDraft, removeDraftFile, saveDraft, submitDraft } from './commands';
import type { PortalServices } from './services';
import { draftDataOf, draftState, presentDraft } from './present';
import { findOwnDraft, listDraftFiles, listOpenDrafts } from './queries';
import { standingOf } from './versions';

/** The draft routes. */
export function draftRoutes(s: PortalServices): FastifyPluginAsyncZod {
  const { db } = s;

  /** The draft page's data for a row. */
  async function view(row: PortalDraftRow) {
    const [version, files, standing, dossier] = await Promise.all([
      s.versions.get(row.procedure_version_id),
      listDraftFiles(db, row.id),
      standingOf(db, row.procedure_id, row.procedure_version_id),
      row.dossier_id ? db.selectFrom('dossiers').select('code').where('id', '=', row.dossier_id).executeTakeFirst() : undefined,
    ]);
    return presentDraft(row, version, files, standing, dossier?.code ?? null);
  }

  /** The applicant's draft (NOT_FOUND for anyone else's, like an unknown id). */
  async function own(req: FastifyRequest, id: string) {
    const row = await findOwnDraft(db, id, applicantKey(s.citizenOf(req)));
    if (!row) throw new AppError('NOT_FOUND');
    return row;
  }

  return async (app) => {
    app.post(
      '/api/v1/portal/drafts',
      {
        config: access('citizen'),
        schema: { tags: ['portal'], summary: 'Starts a draft of a procedure offered online, pinned to its current version, prefilled from the identity', body: createDraftBody, response: { 201: draftView } },
      },
      async (req, reply) => reply.code(201).send(await view(await createDraft(s.ctxOf(req), s.versions, req.body))),
    );

    app.get(
      '/api/v1/portal/drafts',
      { config: access('citizen'), schema: { tags: ['portal'], summary: 'The applicant’s open drafts, newest first', response: { 200: draftListResponse } } },
      async (req) => {
        const rows = await listOpenDrafts(db, applicantKey(s.citizenOf(req)));
        const items = await Promise.all(
          rows.map(async (r) => {
            const standing = procedureStanding({
              pinnedVersionId: r.procedure_version_id,
              currentVersionId: r.current_version_id ?? '',
              procedureStatus: r.procedure_status,
              currentOnlineLevel: r.current_online_level ?? 'none',
            });
            const [version, files] = await Promise.all([s.versions.get(r.procedure_version_id), listDraftFiles(db, r.id)]);
            const { completeness } = draftState(version, draftDataOf(r), files, standing);
            return {
              id: r.id,
              version: r.version,
              procedureCode: r.procedure_code,
              procedureName: r.name,
              standing,
              complete: completeness.complete,
              createdAt: formatInstant(r.created_at.getTime()),
              updatedAt: formatInstant(r.updated_at.getTime()),
            };
          }),
        );
        return { items };
      },
    );

    app.get(
      '/api/v1/portal/drafts/:id',
      { config: access('citizen'), schema: { tags: ['portal'], summary: 'One draft with its checklist and what submitting still needs', params: draftParams, response: { 200: draftView } } },
      async (req) => view(await own(req, req.params.id)),
    );

    app.put(
      '/api/v1/portal/drafts/:id',
      {
        config: access('citizen'),
        schema: {
          tags: ['portal'],
          summary: 'Autosave: replaces the draft’s data; `version` is the one the client saw (409 PORTAL_DRAFT_VERSION_STALE with the current version otherwise)',
          params: draftParams,
          body: saveDraftBody,
          response: { 200: draftView },
        },
      },
      async (req) => view(await saveDraft(s.ctxOf(req), req.params.id, req.body)),
    );

    app.delete(
      '/api/v1/portal/drafts/:id',
      { config: access('citizen'), schema: { tags: ['portal'], summary: 'Deletes an open draft and its files', params: draftParams, response: { 204: z.null() } } },
      async (req, reply) => {
        await removeDraft(s.ctxOf(req), req.params.id);
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/api/v1/portal/drafts/:id/files',
      {
        config: access('citizen'),
        schema: {
          tags: ['portal'],
          summary: `Uploads documents (multipart: before each "file" its "componentId" field, a checklist id; up to ${MAX_FILES} files), each checked by content and size before any is kept`,
          consumes: ['multipart/form-data'],
          params: draftParams,
          response: { 201: draftView },
        },
      },
      async (req, reply) => {
        if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
        const { uploads } = await readMultipart(req.parts(), [], true);
        const row = await own(req, req.params.id);
        if (row.status === 'submitted') throw new AppError('PORTAL_DRAFT_SUBMITTED', { params: { code: (await view(row)).dossierCode ?? '' } });
        const version = await s.versions.get(row.procedure_version_id);
        const files = await storeUploads(s.blobs, version.checklist, uploads);
        return reply.code(201).send(await view(await addDraftFiles(s.ctxOf(req), row.id, files)));
      },
    );

    app.get(
      '/api/v1/portal/drafts/:id/files/:fileId',
      { config: access('citizen'), schema: { tags: ['portal'], summary: 'Downloads a file uploaded to the draft', params: draftFileParams } },
      async (req, reply) => {
        const row = await own(req, req.params.id);
        const file = (await listDraftFiles(db, row.id)).find((f) => f.id === req.params.fileId);
        if (!file) throw new AppError('NOT_FOUND');
        return s.sendBlob(reply, file);
      },
    );

    app.delete(
      '/api/v1/portal/drafts/:id/files/:fileId',
      { config: access('citizen'), schema: { tags: ['portal'], summary: 'Removes a file from the draft', params: draftFileParams, response: { 200: draftView } } },
      async (req) => view(await removeDraftFile(s.ctxOf(req), req.params.id, req.params.fileId)),
    );

    app.post(
      '/api/v1/portal/drafts/:id/submit',
      {
        config: access('citizen'),
        schema: {
          tags: ['portal'],
          summary:
            'Submits the draft: one dossier (channel online, status new, numbered at once) with its lookup secret, shown this once. Repeating it answers the same dossier (200, `created: false`, `secret: null`)',
          params: draftParams,
          response: { 200: submitResponse, 201: submitResponse },
        },
      },
      async (req, reply) => {
        const ctx = s.ctxOf(req);
        const done = await submitDraft(ctx, s.versions, s.hasher, req.params.id);
        const dossier = await s.ownDossierView(done.dossierId);
        return reply.code(done.created ? 201 : 200).send({ code: dossier.code, secret: done.secret, created: done.created, dossier });
      },
    );
  };
}
