/** Staff side of the warehouse: digitise a dossier's file or result, check a copy against the original, read a holder's document with a purpose. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { canActOnUnit } from '@core/access/permissions';
import { AppError } from '@core/errors/app-error';
import { digitiseBody, documentIdSchema, documentResponse, documentsResponse, purposeQuery, reuseBody, reuseView, vnToday } from '@core/warehouse/api';
import { DOCUMENT_TYPE_CODES } from '@core/warehouse/catalogue';
import { REUSE_REFUSAL_CODES, reuseEligibility } from '@core/warehouse/validity';
import type { BlobStore } from '../../blobs/blob-store';
import type { DossierRow } from '../../db/tables/dossiers';
import { auditActorOf, type StaffActor } from '../../http/actor';
import { access } from '../../http/access';
import type { AppDeps } from '../../http/deps';
import { requireActor } from '../auth/session-hook';
import type { Ctx } from '../dossiers/commands';
import { dossierRef, loadDossier } from '../dossiers/load';
import { authorizeDossier, authorizeOverUnit } from '../dossiers/scope';
import { attachmentHeader } from '../results/present';
import { checkAgainstOriginal, linkReuse, recordDocument } from './commands';
import { checkCopy, staffMayRead } from './guard';
import { factsOf, presentDocument } from './present';
import { findDocument, listDossierDocuments, listHolderDocuments, listReuse, logAccess } from './queries';

const sourceView = z.object({ kind: z.enum(['file', 'result']), id: z.string(), componentId: z.string().nullable(), filename: z.string(), mime: z.string() });
const dossierWarehouseResponse = documentsResponse.extend({ sources: z.array(sourceView), reused: z.array(reuseView), offers: documentsResponse.shape.documents });
const idParams = z.object({ id: documentIdSchema });

const ctxOf = (actor: StaffActor, requestId: string): Omit<Ctx, 'db'> => ({ actor: { ...auditActorOf(actor), id: actor.userId }, requestId, now: Date.now() });

/** The blob and provenance a digitise request names: a component file or a result of this dossier. */
async function sourceOf(db: AppDeps['database']['db'], row: DossierRow, source: z.output<typeof digitiseBody>['source']) {
  if (source.kind === 'file') {
    const f = await db.selectFrom('dossier_files').selectAll().where('id', '=', source.fileId.toLowerCase()).where('dossier_id', '=', row.id).executeTakeFirst();
    if (!f) throw new AppError('WAREHOUSE_SOURCE_UNKNOWN');
    return { sha256: f.sha256, filename: f.filename, componentId: f.component_id, resultId: null };
  }
  const r = await db.selectFrom('dossier_results').selectAll().where('id', '=', source.resultId.toLowerCase()).where('dossier_id', '=', row.id).executeTakeFirst();
  if (!r) throw new AppError('WAREHOUSE_SOURCE_UNKNOWN');
  return { sha256: r.sha256, filename: r.filename, componentId: null, resultId: r.id };
}

/** The dossier's component `componentId` (its position in the procedure version's checklist, from 1) and its catalogue document type; DOSSIER_COMPONENT_UNKNOWN otherwise. */
async function componentOf(db: AppDeps['database']['db'], versionId: string, componentId: string) {
  const rows = await db.selectFrom('procedure_components').select(['name', 'document_type']).where('version_id', '=', versionId).orderBy('ord').execute();
  const index = /^\d+$/.test(componentId) ? Number(componentId) - 1 : -1;
  const c = rows[index];
  if (!c) throw new AppError('DOSSIER_COMPONENT_UNKNOWN', { params: { component: componentId } });
  return { id: String(index + 1), name: c.name, documentType: c.document_type };
}

export function staffWarehouseRoutes(deps: AppDeps, blobs: BlobStore): FastifyPluginAsyncZod {
  const { db } = deps.database;
  return async (app) => {
    app.get(
      '/api/v1/dossiers/:ref/warehouse',
      { config: access({ permission: 'dossier.read' }), schema: { tags: ['warehouse'], summary: 'Documents digitised from a dossier, and the files and results that can be digitised', params: z.object({ ref: dossierRef }), response: { 200: dossierWarehouseResponse } } },
      async (req) => {
        const row = await loadDossier(db, req.params.ref);
        await authorizeDossier(db, requireActor(req), row);
        const today = vnToday(Date.now());
        const [docs, files, results, reused, held] = await Promise.all([
          listDossierDocuments(db, row.id),
          db.selectFrom('dossier_files').select(['id', 'component_id', 'filename', 'mime']).where('dossier_id', '=', row.id).orderBy('uploaded_at').execute(),
          db.selectFrom('dossier_results').select(['id', 'filename', 'mime']).where('dossier_id', '=', row.id).where('superseded_at', 'is', null).orderBy('uploaded_at').execute(),
          listReuse(db, row.id),
          listHolderDocuments(db, row.applicant_kind, row.applicant_id_number),
        ]);
        return {
          documents: docs.map((d) => presentDocument(d, today)),
          sources: [
            ...files.map((f) => ({ kind: 'file' as const, id: f.id, componentId: f.component_id, filename: f.filename, mime: f.mime })),
            ...results.map((r) => ({ kind: 'result' as const, id: r.id, componentId: null, filename: r.filename, mime: r.mime })),
          ],
          reused: reused.map((r) => ({ componentId: r.component_id, documentId: r.document_id, linkedAt: new Date(r.linked_at).toISOString() })),
          // the applicant's documents that could stand in for a component (valid, verified): metadata only, the file needs a logged read
          offers: held.filter((d) => reuseEligibility(factsOf(d), d.type_code, today).ok).map((d) => presentDocument(d, today)),
        };
      },
    );

    app.post(
      '/api/v1/dossiers/:ref/warehouse',
      {
        config: access({ permission: 'dossier.read' }),
        schema: { tags: ['warehouse'], summary: 'Digitise a component file or a result of the dossier: metadata and quality checks (those who may read the dossier)', params: z.object({ ref: dossierRef }), body: digitiseBody, response: { 201: documentResponse } },
      },
      async (req, reply) => {
        const actor = requireActor(req);
        const row = await loadDossier(db, req.params.ref);
        await authorizeDossier(db, actor, row);
        const src = await sourceOf(db, row, req.body.source);
        const bytes = await blobs.get(src.sha256);
        const facts = await checkCopy(bytes);
        const saved = await recordDocument(
          { db, ...ctxOf(actor, req.id) },
          req.body.metadata,
          { sha256: src.sha256, mime: facts.mime, size: bytes.length, pages: facts.pages, width: facts.width, height: facts.height, filename: src.filename },
          // a component is digitised where it was received; a result where it was issued (the handling unit)
          { source: 'digitised', dossierId: row.id, unitId: src.resultId ? row.handling_unit_id : row.unit_id, componentId: src.componentId, resultId: src.resultId },
          req.body.supersedes?.toLowerCase(),
        );
        const doc = await findDocument(db, saved.id);
        return reply.code(201).send({ document: presentDocument(doc!, vnToday(Date.now())) });
      },
    );

    app.post(
      '/api/v1/dossiers/:ref/warehouse/reuse',
      {
        config: access({ permission: 'dossier.receive' }),
        schema: { tags: ['warehouse'], summary: 'Answer a component of the dossier with a document of the applicant already in the warehouse (valid, not expired, verified): records the link, not a copy', params: z.object({ ref: dossierRef }), body: reuseBody, response: { 201: z.object({ reused: reuseView }) } },
      },
      async (req, reply) => {
        const actor = requireActor(req);
        const row = await loadDossier(db, req.params.ref);
        const { receivingPath } = await authorizeDossier(db, actor, row);
        if (!canActOnUnit(actor.roles, 'dossier.receive', receivingPath)) throw new AppError('FORBIDDEN_OUTSIDE_UNIT');
        const component = await componentOf(db, row.procedure_version_id, req.body.componentId);
        const doc = await findDocument(db, req.body.documentId.toLowerCase());
        if (!doc) throw new AppError('NOT_FOUND');
        const attempt = { document_id: doc.id, actor_kind: 'staff' as const, actor_id: actor.userId, actor_name: actor.fullName, unit_id: actor.unitId, action: 'reuse_check' as const, purpose: `${row.code ?? row.id} / ${component.id}`, ip: req.ip };
        if (doc.holder_kind !== row.applicant_kind || doc.holder_id !== row.applicant_id_number) {
          await logAccess(db, { ...attempt, allowed: false, reason: 'other_holder' });
          throw new AppError('WAREHOUSE_REUSE_OTHER_HOLDER');
        }
        // a component whose catalogue entry names a warehouse type needs that type; otherwise the document's own type stands
        const wanted = component.documentType && (DOCUMENT_TYPE_CODES as readonly string[]).includes(component.documentType) ? component.documentType : doc.type_code;
        const verdict = reuseEligibility(factsOf(doc), wanted, vnToday(Date.now()));
        await logAccess(db, { ...attempt, allowed: verdict.ok, reason: verdict.ok ? null : verdict.reason });
        if (!verdict.ok) throw new AppError(REUSE_REFUSAL_CODES[verdict.reason]);
        const link = await linkReuse({ db, ...ctxOf(actor, req.id) }, row, component.id, doc);
        return reply.code(201).send({ reused: { componentId: link.component_id, documentId: link.document_id, linkedAt: new Date(link.linked_at).toISOString() } });
      },
    );

    app.post(
      '/api/v1/warehouse/documents/:id/check',
      { config: access({ permission: 'warehouse.verify' }), schema: { tags: ['warehouse'], summary: 'Mark a digitised copy as checked against the original (officers of the unit that made it)', params: idParams, response: { 200: documentResponse } } },
      async (req) => {
        const actor = requireActor(req);
        const doc = await findDocument(db, req.params.id.toLowerCase());
        if (!doc) throw new AppError('NOT_FOUND');
        if (doc.source !== 'digitised' || !doc.unit_id) throw new AppError('WAREHOUSE_NOT_CHECKABLE');
        await authorizeOverUnit(db, actor, 'warehouse.verify', doc.unit_id);
        await checkAgainstOriginal({ db, ...ctxOf(actor, req.id) }, doc);
        return { document: presentDocument((await findDocument(db, doc.id))!, vnToday(Date.now())) };
      },
    );

    /** Loads a document for a staff read, logging the attempt whether allowed or not. */
    const readAs = async (actor: StaffActor, id: string, purpose: string, action: 'read' | 'download', ip: string) => {
      const doc = await findDocument(db, id.toLowerCase());
      if (!doc) throw new AppError('NOT_FOUND');
      const { allowed, reason } = await staffMayRead(db, actor, doc);
      await logAccess(db, { document_id: doc.id, actor_kind: 'staff', actor_id: actor.userId, actor_name: actor.fullName, unit_id: actor.unitId, action, purpose, allowed, reason, ip });
      if (!allowed) throw new AppError('WAREHOUSE_NO_CONSENT');
      return doc;
    };

    app.get(
      '/api/v1/warehouse/documents/:id',
      { config: access({ permission: 'warehouse.read' }), schema: { tags: ['warehouse'], summary: 'Read a holder’s document with a stated purpose (every attempt logged; consent needed for sensitive types outside the unit that made it)', params: idParams, querystring: purposeQuery, response: { 200: documentResponse } } },
      async (req) => {
        const doc = await readAs(requireActor(req), req.params.id, req.query.purpose, 'read', req.ip);
        return { document: presentDocument(doc, vnToday(Date.now())) };
      },
    );

    app.get(
      '/api/v1/warehouse/documents/:id/file',
      { config: access({ permission: 'warehouse.read' }), schema: { tags: ['warehouse'], summary: 'Open the file of a holder’s document with a stated purpose (logged)', params: idParams, querystring: purposeQuery } },
      async (req, reply) => {
        const doc = await readAs(requireActor(req), req.params.id, req.query.purpose, 'download', req.ip);
        const bytes = await blobs.get(doc.sha256);
        return reply.type(doc.mime).header('content-disposition', attachmentHeader(doc.filename, 'inline')).header('cache-control', 'private, no-store').send(bytes);
      },
    );
  };
}
