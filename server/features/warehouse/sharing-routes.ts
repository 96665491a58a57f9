/**
 * The sharing API for other systems (keyed, audited): a holder's current, verified document of a
 * type — with the holder's consent (a grant to the client's unit) where the type requires it.
 * Every attempt on a document is logged as a `partner` access.
 */
import { createHash } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '@core/errors/app-error';
import { documentIdSchema, documentResponse, purposeQuery, sharingQuery, vnToday } from '@core/warehouse/api';
import { documentType } from '@core/warehouse/catalogue';
import { reuseEligibility } from '@core/warehouse/validity';
import type { BlobStore } from '../../blobs/blob-store';
import { access } from '../../http/access';
import type { AppDeps } from '../../http/deps';
import { attachmentHeader } from '../results/present';
import { factsOf, presentDocument } from './present';
import { type DocumentWithNames, findDocument, listHolderDocuments, logAccess, openGrantUnits } from './queries';

/** The SHA-256 a client's key is stored as. */
export const sharingKeyHash = (key: string) => createHash('sha256').update(key, 'utf8').digest('hex');

export function sharingRoutes(deps: AppDeps, blobs: BlobStore): FastifyPluginAsyncZod {
  const { db } = deps.database;

  /** The active client whose key the request carries (`x-api-key`), else SHARING_KEY_INVALID. */
  const clientOf = async (req: FastifyRequest) => {
    const key = req.headers['x-api-key'];
    if (typeof key !== 'string' || key.length < 16) throw new AppError('SHARING_KEY_INVALID');
    const client = await db.selectFrom('sharing_clients').select(['id', 'name', 'unit_id']).where('key_hash', '=', sharingKeyHash(key)).where('active', '=', true).executeTakeFirst();
    if (!client) throw new AppError('SHARING_KEY_INVALID');
    return client;
  };

  /** Logs the attempt and throws WAREHOUSE_NO_CONSENT unless the type needs no consent or the holder granted it to the client's unit. */
  const authorize = async (client: { id: string; name: string; unit_id: string }, doc: DocumentWithNames, purpose: string, action: 'share' | 'download', ip: string) => {
    const allowed = !documentType(doc.type_code)?.consentRequired || (await openGrantUnits(db, doc.id)).includes(client.unit_id);
    await logAccess(db, { document_id: doc.id, actor_kind: 'partner', actor_id: client.id, actor_name: client.name, unit_id: client.unit_id, action, purpose, allowed, reason: allowed ? null : 'no_consent', ip });
    if (!allowed) throw new AppError('WAREHOUSE_NO_CONSENT');
  };

  return async (app) => {
    app.get(
      '/api/v1/sharing/documents',
      { config: access('public'), schema: { tags: ['sharing'], summary: 'A holder’s current verified document of a type (header x-api-key; consent where the type requires it; logged)', querystring: sharingQuery, response: { 200: documentResponse } } },
      async (req) => {
        const client = await clientOf(req);
        const today = vnToday(Date.now());
        const q = req.query;
        const doc = (await listHolderDocuments(db, q.holderKind, q.holderId)).find((d) => reuseEligibility(factsOf(d), q.typeCode, today).ok);
        if (!doc) throw new AppError('NOT_FOUND');
        await authorize(client, doc, q.purpose, 'share', req.ip);
        return { document: presentDocument(doc, today) };
      },
    );

    app.get(
      '/api/v1/sharing/documents/:id/file',
      { config: access('public'), schema: { tags: ['sharing'], summary: 'The file of a document the sharing API answered (header x-api-key; same consent rule; logged)', params: z.object({ id: documentIdSchema }), querystring: purposeQuery } },
      async (req, reply) => {
        const client = await clientOf(req);
        const doc = await findDocument(db, req.params.id.toLowerCase());
        if (!doc || !reuseEligibility(factsOf(doc), doc.type_code, vnToday(Date.now())).ok) throw new AppError('NOT_FOUND');
        await authorize(client, doc, req.query.purpose, 'download', req.ip);
        return reply.type(doc.mime).header('content-disposition', attachmentHeader(doc.filename)).header('cache-control', 'private, no-store').send(await blobs.get(doc.sha256));
      },
    );
  };
}
