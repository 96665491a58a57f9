/** The electronic data warehouse (docs/warehouse.md): staff digitisation and reads, the holder's portal side, the type catalogue. */
import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { documentTypesResponse } from '@core/warehouse/api';
import { DOCUMENT_TYPE_CATALOGUE } from '@core/warehouse/catalogue';
import { blobStoreFrom } from '../../blobs/open';
import { access } from '../../http/access';
import type { AppDeps } from '../../http/deps';
import { MAX_DOCUMENT_BYTES } from '../../uploads/inspect';
import { portalWarehouseRoutes } from './portal-routes';
import { sharingRoutes } from './sharing-routes';
import { staffWarehouseRoutes } from './staff-routes';

export function warehouseRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const blobs = blobStoreFrom(deps.config);
  return async (app) => {
    // one byte over the limit lets inspectDocument answer UPLOAD_TOO_LARGE itself
    await app.register(fastifyMultipart, { limits: { fileSize: MAX_DOCUMENT_BYTES + 1, files: 1, fields: 4 } });
    app.get(
      '/api/v1/warehouse/document-types',
      { config: access('public'), schema: { tags: ['warehouse'], summary: 'The catalogue of document types', response: { 200: documentTypesResponse } } },
      async () => ({ types: DOCUMENT_TYPE_CATALOGUE.map((t) => ({ ...t, holders: [...t.holders] })) }),
    );
    await app.register(staffWarehouseRoutes(deps, blobs));
    await app.register(portalWarehouseRoutes(deps, blobs));
    await app.register(sharingRoutes(deps, blobs));
  };
}
