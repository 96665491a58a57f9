/** Warehouse commands: each state change is one transaction with its audit event. */
import { AppError } from '@core/errors/app-error';
import type { DocumentMetadata } from '@core/warehouse/api';
import type { DocumentSource } from '@core/warehouse/validity';
import type { DossierRow } from '../../db/tables/dossiers';
import type { DocumentRow } from '../../db/tables/warehouse';
import { appendAudit } from '../audit/append';
import type { Ctx } from '../dossiers/commands';
import { type DocumentWithNames, insertDocument, markChecked, supersedeDocument } from './queries';

/** A checked file already in the blob store, with its quality facts. */
export interface StoredCopy {
  sha256: string;
  mime: string;
  size: number;
  pages: number | null;
  width: number | null;
  height: number | null;
  filename: string;
}

/** Where a copy comes from: a dossier's component or result (digitised by staff), or the holder. */
export interface Provenance {
  source: DocumentSource;
  dossierId: string | null;
  unitId: string | null;
  componentId: string | null;
  resultId: string | null;
}

/** Records a document (and the one it replaces, when given) with its audit event. */
export async function recordDocument(ctx: Ctx, meta: DocumentMetadata, copy: StoredCopy, from: Provenance, supersedes?: string): Promise<DocumentRow> {
  return ctx.db.transaction().execute(async (trx) => {
    const saved = await insertDocument(trx, {
      holder_kind: meta.holderKind,
      holder_id: meta.holderId,
      holder_name: meta.holderName ?? null,
      type_code: meta.typeCode,
      number: meta.number,
      issuer: meta.issuer,
      issued_on: meta.issuedOn,
      expires_on: meta.expiresOn,
      source: from.source,
      dossier_id: from.dossierId,
      unit_id: from.unitId,
      component_id: from.componentId,
      result_id: from.resultId,
      created_by: ctx.actor.id,
      created_at: new Date(ctx.now),
      supersedes: supersedes ?? null,
      sha256: copy.sha256,
      mime: copy.mime,
      size: copy.size,
      pages: copy.pages,
      width: copy.width,
      height: copy.height,
      filename: copy.filename,
    });
    if (supersedes && !(await supersedeDocument(trx, supersedes, saved.id, { kind: meta.holderKind, id: meta.holderId, type: meta.typeCode }))) throw new AppError('WAREHOUSE_SUPERSEDES_INVALID');
    await appendAudit(trx, {
      actor: ctx.actor,
      action: from.source === 'self_provided' ? 'warehouse.self_provided' : 'warehouse.digitised',
      entityType: 'document',
      entityId: saved.id,
      unitId: from.unitId,
      after: { typeCode: meta.typeCode, holderKind: meta.holderKind, dossierId: from.dossierId, componentId: from.componentId, resultId: from.resultId, sha256: copy.sha256, supersedes: supersedes ?? null },
      requestId: ctx.requestId,
      at: new Date(ctx.now),
    });
    return saved;
  });
}

/** An officer marks a digitised copy as checked against the original. */
export async function checkAgainstOriginal(ctx: Ctx, doc: DocumentWithNames): Promise<void> {
  if (doc.source !== 'digitised') throw new AppError('WAREHOUSE_NOT_CHECKABLE');
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await markChecked(trx, doc.id, ctx.actor.id, new Date(ctx.now)))) throw new AppError('WAREHOUSE_ALREADY_CHECKED');
    await appendAudit(trx, { actor: ctx.actor, action: 'warehouse.checked', entityType: 'document', entityId: doc.id, unitId: doc.unit_id, requestId: ctx.requestId, at: new Date(ctx.now) });
  });
}

/** The holder grants a unit access to a document; an open grant to the same unit is answered as is. */
export async function grantAccess(ctx: Ctx, doc: DocumentWithNames, unitId: string): Promise<string> {
  return ctx.db.transaction().execute(async (trx) => {
    const open = await trx.selectFrom('document_grants').select('id').where('document_id', '=', doc.id).where('unit_id', '=', unitId).where('withdrawn_at', 'is', null).executeTakeFirst();
    if (open) return open.id;
    const row = await trx.insertInto('document_grants').values({ document_id: doc.id, unit_id: unitId, granted_by: ctx.actor.id, granted_at: new Date(ctx.now) }).returning('id').executeTakeFirstOrThrow();
    await appendAudit(trx, { actor: ctx.actor, action: 'warehouse.granted', entityType: 'document', entityId: doc.id, unitId: doc.unit_id, after: { grantId: row.id, unitId }, requestId: ctx.requestId, at: new Date(ctx.now) });
    return row.id;
  });
}

/** The holder withdraws a grant; NOT_FOUND when it is not an open grant of this document. */
export async function withdrawAccess(ctx: Ctx, doc: DocumentWithNames, grantId: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const res = await trx.updateTable('document_grants').set({ withdrawn_at: new Date(ctx.now) }).where('id', '=', grantId).where('document_id', '=', doc.id).where('withdrawn_at', 'is', null).executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new AppError('NOT_FOUND');
    await appendAudit(trx, { actor: ctx.actor, action: 'warehouse.grant_withdrawn', entityType: 'document', entityId: doc.id, unitId: doc.unit_id, after: { grantId }, requestId: ctx.requestId, at: new Date(ctx.now) });
  });
}

/** Links a component of a dossier to a warehouse document (eligibility checked by the caller); linking the same pair again changes nothing. */
export async function linkReuse(ctx: Ctx, row: DossierRow, componentId: string, doc: DocumentWithNames) {
  return ctx.db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('dossier_document_reuse').selectAll().where('dossier_id', '=', row.id).where('component_id', '=', componentId).where('document_id', '=', doc.id).executeTakeFirst();
    if (existing) return existing;
    const link = await trx.insertInto('dossier_document_reuse').values({ dossier_id: row.id, component_id: componentId, document_id: doc.id, linked_at: new Date(ctx.now) }).returningAll().executeTakeFirstOrThrow();
    await appendAudit(trx, { actor: ctx.actor, action: 'dossier.document_reused', entityType: 'dossier', entityId: row.id, unitId: row.unit_id, after: { componentId, documentId: doc.id, typeCode: doc.type_code }, requestId: ctx.requestId, at: new Date(ctx.now) });
    return link;
  });
}
