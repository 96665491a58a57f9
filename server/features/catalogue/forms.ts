import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '@core/errors/app-error';
import { SHA256_HEX } from '../../blobs/blob-store';
import { blobStoreFrom } from '../../blobs/open';
import { auditActorOf } from '../../http/actor';
import { access } from '../../http/access';
import type { AppDeps } from '../../http/deps';
import { requireActor } from '../auth/session-hook';
import { authorizeUnit } from '../org/scope';
import { findForm, formPath, MAX_FORM_BYTES, registerForm } from './forms-store';

const formResponse = z.object({ form: z.string(), sha256: z.string(), filename: z.string(), mediaType: z.string(), size: z.number().int() });

/** Form templates of components: upload (control officer) and public download. */
export function formRoutes({ config, database }: AppDeps): FastifyPluginAsyncZod {
  const { db } = database;
  const blobs = blobStoreFrom(config);
  return async (app) => {
    await app.register(fastifyMultipart, { limits: { fileSize: MAX_FORM_BYTES + 1, files: 1, fields: 5 } });

    app.post(
      '/api/v1/procedure-forms',
      {
        config: access({ permission: 'catalogue.manage' }),
        schema: { tags: ['catalogue'], summary: 'Upload a form template (multipart field "file"); put the returned `form` in a component', response: { 201: formResponse } },
      },
      async (req, reply) => {
        const actor = requireActor(req);
        if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
        const part = await req.file();
        if (!part) throw new AppError('CATALOGUE_FILE_MISSING');
        const data = await part.toBuffer().catch((err: { code?: string }) => {
          throw err.code === 'FST_REQ_FILE_TOO_LARGE' ? new AppError('UPLOAD_TOO_LARGE', { params: { mb: MAX_FORM_BYTES / 1024 / 1024 } }) : err;
        });
        await authorizeUnit(db, actor, 'catalogue.manage', actor.unitId);
        const form = await registerForm({ db, blobs, actor: auditActorOf(actor), requestId: req.id, unitId: actor.unitId }, { filename: part.filename, data });
        return reply.code(201).send({ form: formPath(form.sha256, form.filename), ...form });
      },
    );

    app.get(
      '/api/v1/procedure-forms/:sha256/:filename',
      { config: access('public'), schema: { tags: ['catalogue'], summary: 'Download a form template', params: z.object({ sha256: z.string().regex(SHA256_HEX), filename: z.string() }) } },
      async (req, reply) => {
        const form = await findForm(db, req.params.sha256);
        if (!form) throw new AppError('NOT_FOUND');
        const bytes = await blobs.get(form.sha256);
        const ascii = form.filename.normalize('NFD').replace(/[^\x20-\x7e]/g, '_');
        return reply
          .type(form.media_type)
          .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(form.filename)}`)
          .header('cache-control', 'public, max-age=31536000, immutable')
          .send(bytes);
      },
    );
  };
}
