/** Warehouse commands: each state change is one transaction with its audit event. */
import { AppError } from '@core/errors/app-error';
import { type DocumentMetadata, vnToday } from '@core/warehouse/api';
import { documentType } from '@core/warehouse/catalogue';
import { addMonths, resultDocumentType } from '@core/warehouse/results';
import { type DocumentSource, REUSE_REFUSAL_CODES, reuseEligibility } from '@core/warehouse/validity';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema';
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

/** What filing an issued e-result needs to know about it. */
export interface IssuedEresult {
  code: string;
  resultId: string;
  sha256: string;
  size: number;
  pages: number | null;
  issuer: string;
  issuedAt: Date;
  /** The result id of the e-result it supersedes, when one. */
  supersedesResultId: string | null;
}

/**
 * Files an issued e-result in the holder's warehouse, inside the issuing transaction: the
 * dossier's applicant holds it, typed by the procedure's result (core/warehouse/results.ts),
 * verified by the system (it signed it), and it supersedes the warehouse document of the e-result
 * it replaces. Returns null when the procedure's result is not a warehouse type.
 */
export async function fileEresult(trx: Transaction<DB>, ctx: Ctx, row: DossierRow, e: IssuedEresult): Promise<DocumentRow | null> {
  const type = resultDocumentType(row.procedure_code);
  if (!type || !documentType(type.typeCode)?.holders.includes(row.applicant_kind)) return null;
  const issuedOn = vnToday(e.issuedAt.getTime());
  const previous = e.supersedesResultId
    ? await trx.selectFrom('documents').select('id').where('result_id', '=', e.supersedesResultId).where('source', '=', 'e_result').where('superseded_by', 'is', null).executeTakeFirst()
    : undefined;
  const saved = await insertDocument(trx, {
    holder_kind: row.applicant_kind,
    holder_id: row.applicant_id_number,
    holder_name: row.applicant_name,
    type_code: type.typeCode,
    number: e.code,
    issuer: e.issuer,
    issued_on: issuedOn,
    expires_on: type.validMonths === null ? null : addMonths(issuedOn, type.validMonths),
    source: 'e_result',
    dossier_id: row.id,
    unit_id: row.handling_unit_id,
    component_id: null,
    result_id: e.resultId,
    created_by: ctx.actor.id,
    created_at: e.issuedAt,
    checked_by: 'system',
    checked_at: e.issuedAt,
    supersedes: previous?.id ?? null,
    sha256: e.sha256,
    mime: 'application/pdf',
    size: e.size,
    pages: e.pages,
    width: null,
    height: null,
    filename: `${e.code}.pdf`,
  });
  if (previous && !(await supersedeDocument(trx, previous.id, saved.id, { kind: row.applicant_kind, id: row.applicant_id_number, type: type.typeCode }))) throw new AppError('WAREHOUSE_SUPERSEDES_INVALID');
  await appendAudit(trx, {
    actor: ctx.actor,
    action: 'warehouse.e_result_filed',
    entityType: 'document',
    entityId: saved.id,
    unitId: row.handling_unit_id,
    after: { typeCode: type.typeCode, holderKind: row.applicant_kind, dossierId: row.id, resultId: e.resultId, eresultCode: e.code, sha256: e.sha256, supersedes: previous?.id ?? null },
    requestId: ctx.requestId,
    at: e.issuedAt,
  });
  return saved;
}

/** Revokes the warehouse document of a revoked e-result (inside the revocation's transaction). */
export async function revokeFiledEresult(trx: Transaction<DB>, resultId: string, at: Date): Promise<void> {
  await trx.updateTable('documents').set({ revoked_at: at }).where('result_id', '=', resultId).where('source', '=', 'e_result').where('revoked_at', 'is', null).execute();
}

/**
 * At a portal submission (inside its transaction): links each component the applicant chose to
 * answer with a warehouse document, after checking again that the document is the applicant's,
 * of the component's document type, valid and verified. A refusal refuses the submission whole.
 */
export async function linkChosenReuse(
  trx: Transaction<DB>,
  ctx: { actor: Ctx['actor']; requestId: string; now: number },
  d: DossierRow,
  chosen: Record<string, string>,
  documentTypes: ReadonlyMap<string, string | null>,
): Promise<void> {
  const at = new Date(ctx.now);
  for (const [componentId, documentId] of Object.entries(chosen)) {
    if (!documentTypes.has(componentId)) continue;
    const doc = await trx.selectFrom('documents').selectAll().where('id', '=', documentId.toLowerCase()).executeTakeFirst();
    if (!doc || doc.holder_kind !== d.applicant_kind || doc.holder_id !== d.applicant_id_number) throw new AppError('WAREHOUSE_REUSE_OTHER_HOLDER');
    const verdict = reuseEligibility(
      { typeCode: doc.type_code, source: doc.source as DocumentSource, expiresOn: doc.expires_on, verifiedAt: doc.checked_at, supersededBy: doc.superseded_by, revokedAt: doc.revoked_at },
      documentTypes.get(componentId) ?? '',
      vnToday(ctx.now),
    );
    if (!verdict.ok) throw new AppError(REUSE_REFUSAL_CODES[verdict.reason], { message: `component ${componentId}: document ${doc.id} ${verdict.reason}` });
    await trx.insertInto('dossier_document_reuse').values({ dossier_id: d.id, component_id: componentId, document_id: doc.id, linked_at: at }).execute();
    await appendAudit(trx, { actor: ctx.actor, action: 'dossier.document_reused', entityType: 'dossier', entityId: d.id, unitId: d.unit_id, after: { componentId, documentId: doc.id, typeCode: doc.type_code, channel: 'online' }, requestId: ctx.requestId, at });
  }
}
