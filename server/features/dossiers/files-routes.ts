import fastifyMultipart, { type Multipart } from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { canActOnUnit } from '@core/access/permissions';
import { AppError } from '@core/errors/app-error';
import { LocalBlobStore } from '../../blobs/local-store';
import type { StaffActor } from '../../http/actor';
import { access } from '../../http/access';
import type { AppDeps } from '../../http/deps';
import { MAX_DOCUMENT_BYTES, inspectDocument } from '../../uploads/inspect';
import { requireActor } from '../auth/session-hook';
import { type Ctx, attachFiles } from './commands';
import { dossierRef, loadDossier } from './load';
import { presentFile } from './present';
import type { RulesCache } from './rules';
import { authorizeDossier } from './scope';

const MAX_FILES = 10;
const filesResponse = z.object({
  files: z.array(z.object({ id: z.string(), componentId: z.string(), sha256: z.string(), mime: z.string(), size: z.number(), filename: z.string(), uploadedAt: z.string() })),
});

/** The files of a multipart request, each with the `componentId` field sent before it; DOSSIER_FILE_REQUIRED when one lacks it or none came. */
async function readUploads(parts: AsyncIterableIterator<Multipart>): Promise<{ componentId: string; filename: string; bytes: Buffer }[]> {
  const uploads = [];
  let componentId = '';
  for await (const part of parts) {
    if (part.type === 'field') {
      if (part.fieldname === 'componentId') componentId = String(part.value).trim();
      continue;
    }
    const bytes = await part.toBuffer().catch((err: { code?: string }) => {
      throw err.code === 'FST_REQ_FILE_TOO_LARGE' ? new AppError('UPLOAD_TOO_LARGE', { params: { mb: MAX_DOCUMENT_BYTES / 1024 / 1024 } }) : err;
    });
    uploads.push({ componentId, filename: (part.filename || 'scan').normalize('NFC').slice(0, 200), bytes });
    componentId = '';
  }
  if (uploads.length === 0 || uploads.some((u) => !u.componentId)) throw new AppError('DOSSIER_FILE_REQUIRED');
  return uploads;
}

/** `POST /api/v1/dossiers/{ref}/files`: scanned components, all checked by content before anything is kept. */
export function fileRoutes({ config, database }: AppDeps, rules: RulesCache, ctxOf: (actor: StaffActor, requestId: string) => Ctx): FastifyPluginAsyncZod {
  const { db } = database;
  const blobs = new LocalBlobStore(config.blobDir);
  return async (app) => {
    // one byte over the limit lets inspectDocument answer UPLOAD_TOO_LARGE itself
    await app.register(fastifyMultipart, { limits: { fileSize: MAX_DOCUMENT_BYTES + 1, files: MAX_FILES, fields: MAX_FILES * 2 } });

    app.post(
      '/api/v1/dossiers/:ref/files',
      {
        config: access({ permission: 'dossier.receive' }),
        schema: { tags: ['dossiers'], summary: `Upload scanned components (multipart: before each "file" its "componentId" field; up to ${MAX_FILES} files)`, params: z.object({ ref: dossierRef }), response: { 201: filesResponse } },
      },
      async (req, reply) => {
        const actor = requireActor(req);
        if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
        const uploads = await readUploads(req.parts());
        const row = await loadDossier(db, req.params.ref);
        const { receivingPath } = await authorizeDossier(db, actor, row);
        if (!canActOnUnit(actor.roles, 'dossier.receive', receivingPath)) throw new AppError('FORBIDDEN_OUTSIDE_UNIT');
        const { checklist } = await rules.forVersion(row.procedure_version_id);
        const unknown = uploads.find((u) => !checklist.some((c) => c.id === u.componentId));
        if (unknown) throw new AppError('DOSSIER_COMPONENT_UNKNOWN', { params: { component: unknown.componentId } });
        // every file passes its content check before any is stored: a refused request keeps nothing
        const mimes = [];
        for (const u of uploads) mimes.push(await inspectDocument(u.bytes));
        const files = [];
        for (const [i, u] of uploads.entries()) {
          const ref = await blobs.put(u.bytes);
          files.push({ componentId: u.componentId, sha256: ref.sha256, mime: mimes[i]!, size: ref.size, filename: u.filename });
        }
        const saved = await attachFiles(ctxOf(actor, req.id), row, files);
        return reply.code(201).send({ files: saved.map(presentFile) });
      },
    );
  };
}
