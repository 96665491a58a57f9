/** The portal's online submission and tracking: drafts, the applicant's dossiers, the public lookup. */
import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../http/deps';
import { MAX_DOCUMENT_BYTES } from '../../uploads/inspect';
import { MAX_FILES } from '../dossiers/multipart';
import { dossierRoutes } from './dossier-routes';
import { draftRoutes } from './draft-routes';
import { portalServices } from './services';
import { trackRoutes } from './track-routes';

/** Every route of online submission and tracking. */
export function portalSubmissionRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const s = portalServices(deps);
  return async (app) => {
    // one byte over the limit lets inspectDocument answer UPLOAD_TOO_LARGE itself (as the dossiers feature does)
    await app.register(fastifyMultipart, { limits: { fileSize: MAX_DOCUMENT_BYTES + 1, files: MAX_FILES, fields: MAX_FILES * 2 + 2 } });
    await app.register(draftRoutes(s));
    await app.register(dossierRoutes(s));
    await app.register(trackRoutes(s));
  };
}
