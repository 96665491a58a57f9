import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { canActOnUnit } from '@core/access/permissions';
import { AppError } from '@core/errors/app-error';
import type { BlobStore } from '../../blobs/blob-store';
import type { StaffActor } from '../../http/actor';
import { access } from '../../http/access';
import type { AppDeps } from '../../http/deps';
import { requireActor } from '../auth/session-hook';
import { type Ctx, attachFiles } from './commands';
import { dossierRef, loadDossier } from './load';
import { MAX_FILES, readMultipart, storeUploads } from './multipart';
import { fileView, presentFile } from './present';
import type { RulesCache } from './rules';
import { authorizeDossier } from './scope';

const filesResponse = z.object({ files: z.array(fileView) });

/** `POST /api/v1/dossiers/{ref}/files`: scanned components, all checked by content before anything is kept (multipart is registered by the parent). */
export function fileRoutes({ database }: AppDeps, rules: RulesCache, blobs: BlobStore, ctxOf: (actor: StaffActor, requestId: string) => Ctx): FastifyPluginAsyncZod {
  const { db } = database;
  return async (app) => {
    app.post(
      '/api/v1/dossiers/:ref/files',
      {
        config: access({ permission: 'dossier.receive' }),
        schema: { tags: ['dossiers'], summary: `Upload scanned components (multipart: before each "file" its "componentId" field; up to ${MAX_FILES} files)`, params: z.object({ ref: dossierRef }), response: { 201: filesResponse } },
      },
      async (req, reply) => {
        const actor = requireActor(req);
        if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
        const { uploads } = await readMultipart(req.parts(), [], true);
        const row = await loadDossier(db, req.params.ref);
        const { receivingPath } = await authorizeDossier(db, actor, row);
        if (!canActOnUnit(actor.roles, 'dossier.receive', receivingPath)) throw new AppError('FORBIDDEN_OUTSIDE_UNIT');
        const { checklist } = await rules.forVersion(row.procedure_version_id);
        const files = await storeUploads(blobs, checklist, uploads);
        const saved = await attachFiles(ctxOf(actor, req.id), row, files);
        return reply.code(201).send({ files: saved.map(presentFile) });
      },
    );
  };
}
