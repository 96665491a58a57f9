/** The holder's side of the warehouse on the portal: own documents, download, own copies, grants, reuse eligibility. */
import type { Multipart } from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '@core/errors/app-error';
import { documentDetailResponse, documentIdSchema, documentMetadata, documentResponse, documentsResponse, grantBody, grantResponse, vnToday } from '@core/warehouse/api';
import { DOCUMENT_TYPE_CODES } from '@core/warehouse/catalogue';
import { REUSE_REFUSAL_CODES, reuseEligibility } from '@core/warehouse/validity';
import type { BlobStore } from '../../blobs/blob-store';
import { type CitizenActor, applicantOf, auditActorOfCitizen } from '../../http/actor';
import { access } from '../../http/access';
import type { AppDeps } from '../../http/deps';
import { MAX_DOCUMENT_BYTES } from '../../uploads/inspect';
import { requireCitizen } from '../auth/session-hook';
import type { Ctx } from '../dossiers/commands';
import { parseJsonField } from '../dossiers/multipart';
import { findUnitByCode } from '../org/queries';
import { attachmentHeader } from '../results/present';
import { grantAccess, recordDocument, withdrawAccess } from './commands';
import { checkCopy, isOwn } from './guard';
import { factsOf, presentDocument, presentGrant, presentLog } from './present';
import { type AccessAttempt, findDocument, listAccessLog, listGrants, listHolderDocuments, logAccess } from './queries';

const idParams = z.object({ id: documentIdSchema });
const ctxOf = (c: CitizenActor, requestId: string): Omit<Ctx, 'db'> => ({ actor: { ...auditActorOfCitizen(c), id: c.citizenId }, requestId, now: Date.now() });
/** What the holder writes about their own copy: the holder is who they act as, never a field. */
const ownMetadata = z.looseObject({});

/** The one file of a self-upload and its `metadata` JSON field. */
async function readOwnCopy(parts: AsyncIterableIterator<Multipart>): Promise<{ bytes: Buffer; filename: string; metadata?: string }> {
  let file: { bytes: Buffer; filename: string } | undefined;
  let metadata: string | undefined;
  for await (const part of parts) {
    if (part.type === 'field') {
      if (part.fieldname === 'metadata') metadata = String(part.value);
      continue;
    }
    const bytes = await part.toBuffer().catch((err: { code?: string }) => {
      throw err.code === 'FST_REQ_FILE_TOO_LARGE' ? new AppError('UPLOAD_TOO_LARGE', { params: { mb: MAX_DOCUMENT_BYTES / 1024 / 1024 } }) : err;
    });
    file = { bytes, filename: (part.filename || 'giay-to').normalize('NFC').slice(0, 200) };
  }
  if (!file || metadata === undefined) throw new AppError('WAREHOUSE_FILE_REQUIRED');
  return { ...file, metadata };
}

export function portalWarehouseRoutes(deps: AppDeps, blobs: BlobStore): FastifyPluginAsyncZod {
  const { db } = deps.database;

  /** The citizen's own document (as themselves or the organisation they act for); another's is NOT_FOUND, and the attempt is logged. */
  const loadOwn = async (citizen: CitizenActor, id: string, action: AccessAttempt['action'], ip: string, log: boolean) => {
    const doc = await findDocument(db, id.toLowerCase());
    if (!doc) throw new AppError('NOT_FOUND');
    const own = isOwn(citizen, doc);
    if (!own || log) {
      await logAccess(db, { document_id: doc.id, actor_kind: 'citizen', actor_id: citizen.citizenId, actor_name: citizen.fullName, acting_for: citizen.actingFor?.taxCode ?? null, action, allowed: own, reason: own ? 'holder' : 'not_holder', ip });
    }
    if (!own) throw new AppError('NOT_FOUND');
    return doc;
  };

  return async (app) => {
    app.get(
      '/api/v1/portal/warehouse',
      { config: access('citizen'), schema: { tags: ['portal'], summary: 'My documents (or those of the organisation I act for): digitised copies, e-results and my own copies', response: { 200: documentsResponse } } },
      async (req) => {
        const a = applicantOf(requireCitizen(req));
        const today = vnToday(Date.now());
        return { documents: (await listHolderDocuments(db, a.kind, a.idNumber)).map((d) => presentDocument(d, today)) };
      },
    );

    app.post(
      '/api/v1/portal/warehouse',
      { config: access('citizen'), schema: { tags: ['portal'], summary: 'Upload my own copy of a document (multipart: "metadata" JSON, then "file"); kept as self-provided, never verified', consumes: ['multipart/form-data'], response: { 201: documentResponse } } },
      async (req, reply) => {
        const citizen = requireCitizen(req);
        if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
        const upload = await readOwnCopy(req.parts());
        const a = applicantOf(citizen);
        const raw = parseJsonField(ownMetadata, 'metadata', upload.metadata);
        const meta = parseJsonField(documentMetadata, 'metadata', JSON.stringify({ ...raw, holderKind: a.kind, holderId: a.idNumber, holderName: a.name }));
        const facts = await checkCopy(upload.bytes);
        const blob = await blobs.put(upload.bytes);
        const saved = await recordDocument(
          { db, ...ctxOf(citizen, req.id) },
          meta,
          { sha256: blob.sha256, mime: facts.mime, size: blob.size, pages: facts.pages, width: facts.width, height: facts.height, filename: upload.filename },
          { source: 'self_provided', dossierId: null, unitId: null, componentId: null, resultId: null },
        );
        return reply.code(201).send({ document: presentDocument((await findDocument(db, saved.id))!, vnToday(Date.now())) });
      },
    );

    app.get(
      '/api/v1/portal/warehouse/:id',
      { config: access('citizen'), schema: { tags: ['portal'], summary: 'One of my documents with its grants and who read it', params: idParams, response: { 200: documentDetailResponse } } },
      async (req) => {
        const doc = await loadOwn(requireCitizen(req), req.params.id, 'read', req.ip, false);
        const [grants, log] = await Promise.all([listGrants(db, doc.id), listAccessLog(db, doc.id)]);
        return { document: presentDocument(doc, vnToday(Date.now())), grants: grants.map(presentGrant), accessLog: log.map(presentLog) };
      },
    );

    app.get(
      '/api/v1/portal/warehouse/:id/file',
      { config: access('citizen'), schema: { tags: ['portal'], summary: 'Download one of my documents (logged)', params: idParams } },
      async (req, reply) => {
        const doc = await loadOwn(requireCitizen(req), req.params.id, 'download', req.ip, true);
        const bytes = await blobs.get(doc.sha256);
        return reply.type(doc.mime).header('content-disposition', attachmentHeader(doc.filename)).header('cache-control', 'private, no-store').send(bytes);
      },
    );

    app.get(
      '/api/v1/portal/warehouse/:id/reuse',
      {
        config: access('citizen'),
        schema: { tags: ['portal'], summary: 'Whether one of my documents can stand in for a component of a type (valid, not expired, verified)', params: idParams, querystring: z.object({ typeCode: z.enum(DOCUMENT_TYPE_CODES, { error: 'WAREHOUSE_TYPE_UNKNOWN' }) }), response: { 200: z.object({ eligible: z.literal(true) }) } },
      },
      async (req) => {
        const citizen = requireCitizen(req);
        const doc = await loadOwn(citizen, req.params.id, 'reuse_check', req.ip, false);
        const verdict = reuseEligibility(factsOf(doc), req.query.typeCode, vnToday(Date.now()));
        await logAccess(db, { document_id: doc.id, actor_kind: 'citizen', actor_id: citizen.citizenId, actor_name: citizen.fullName, acting_for: citizen.actingFor?.taxCode ?? null, action: 'reuse_check', allowed: verdict.ok, reason: verdict.ok ? null : verdict.reason, ip: req.ip });
        if (!verdict.ok) throw new AppError(REUSE_REFUSAL_CODES[verdict.reason]);
        return { eligible: true as const };
      },
    );

    app.post(
      '/api/v1/portal/warehouse/:id/grants',
      { config: access('citizen'), schema: { tags: ['portal'], summary: 'Let an agency (a unit, by its code) read one of my documents', params: idParams, body: grantBody, response: { 201: grantResponse } } },
      async (req, reply) => {
        const citizen = requireCitizen(req);
        const doc = await loadOwn(citizen, req.params.id, 'read', req.ip, false);
        const unit = await findUnitByCode(db, req.body.unitCode);
        if (!unit || unit.valid_to) throw new AppError('WAREHOUSE_GRANT_UNIT_UNKNOWN', { params: { unit: req.body.unitCode } });
        const id = await grantAccess({ db, ...ctxOf(citizen, req.id) }, doc, unit.id);
        const grant = (await listGrants(db, doc.id)).find((g) => g.id === id)!;
        return reply.code(201).send({ grant: presentGrant(grant) });
      },
    );

    app.post(
      '/api/v1/portal/warehouse/:id/grants/:grantId/withdraw',
      { config: access('citizen'), schema: { tags: ['portal'], summary: 'Withdraw an agency’s access to one of my documents', params: idParams.extend({ grantId: documentIdSchema }), response: { 200: grantResponse } } },
      async (req) => {
        const citizen = requireCitizen(req);
        const doc = await loadOwn(citizen, req.params.id, 'read', req.ip, false);
        const grantId = req.params.grantId.toLowerCase();
        await withdrawAccess({ db, ...ctxOf(citizen, req.id) }, doc, grantId);
        const grant = (await listGrants(db, doc.id)).find((g) => g.id === grantId)!;
        return { grant: presentGrant(grant) };
      },
    );
  };
}
