/** Warehouse queries: documents with their provenance names, grants, the access log. */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import type { DocumentGrantRow, DocumentRow, DocumentsTable } from '../../db/tables/warehouse';
import type { Insertable } from 'kysely';

type Q = Kysely<DB> | Transaction<DB>;

/** A document with the names its view shows (the dossier's code, the unit's name). */
export type DocumentWithNames = DocumentRow & { dossier_code: string | null; unit_name: string | null };

const withNames = (db: Q) =>
  db
    .selectFrom('documents as d')
    .leftJoin('dossiers as x', 'x.id', 'd.dossier_id')
    .leftJoin('units as u', 'u.id', 'd.unit_id')
    .selectAll('d')
    .select(['x.code as dossier_code', 'u.name as unit_name']);

export async function findDocument(db: Q, id: string): Promise<DocumentWithNames | undefined> {
  return (await withNames(db).where('d.id', '=', id).executeTakeFirst()) as DocumentWithNames | undefined;
}

/** Every document of a holder, newest first (current versions before the ones they replaced). */
export async function listHolderDocuments(db: Q, holderKind: string, holderId: string): Promise<DocumentWithNames[]> {
  return (await withNames(db).where('d.holder_kind', '=', holderKind).where('d.holder_id', '=', holderId).orderBy('d.created_at', 'desc').orderBy('d.id').execute()) as DocumentWithNames[];
}

/** The documents digitised from a dossier. */
export async function listDossierDocuments(db: Q, dossierId: string): Promise<DocumentWithNames[]> {
  return (await withNames(db).where('d.dossier_id', '=', dossierId).orderBy('d.created_at').orderBy('d.id').execute()) as DocumentWithNames[];
}

export async function insertDocument(trx: Transaction<DB>, row: Insertable<DocumentsTable>): Promise<DocumentRow> {
  return trx.insertInto('documents').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Marks `oldId` replaced by `newId` when it is a current document of the same holder and type; false otherwise. */
export async function supersedeDocument(trx: Transaction<DB>, oldId: string, newId: string, holder: { kind: string; id: string; type: string }): Promise<boolean> {
  const res = await trx
    .updateTable('documents')
    .set({ superseded_by: newId })
    .where('id', '=', oldId)
    .where('holder_kind', '=', holder.kind)
    .where('holder_id', '=', holder.id)
    .where('type_code', '=', holder.type)
    .where('superseded_by', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Records the check against the original once: false when already checked (or not a digitised copy). */
export async function markChecked(trx: Transaction<DB>, id: string, by: string, at: Date): Promise<boolean> {
  const res = await trx.updateTable('documents').set({ checked_by: by, checked_at: at }).where('id', '=', id).where('source', '=', 'digitised').where('checked_at', 'is', null).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export interface AccessAttempt {
  document_id: string;
  actor_kind: 'staff' | 'citizen' | 'system' | 'partner';
  actor_id: string | null;
  actor_name: string | null;
  unit_id?: string | null;
  acting_for?: string | null;
  action: 'read' | 'download' | 'reuse_check' | 'share';
  purpose?: string | null;
  allowed: boolean;
  reason?: string | null;
  ip?: string | null;
}

/** Logs one access attempt, on its own (a refused attempt is logged though nothing else is written). */
export async function logAccess(db: Q, a: AccessAttempt): Promise<void> {
  await db.insertInto('document_access_log').values(a).execute();
}

export async function listAccessLog(db: Q, documentId: string, limit = 50) {
  return db
    .selectFrom('document_access_log as l')
    .leftJoin('units as u', 'u.id', 'l.unit_id')
    .select(['l.at', 'l.actor_kind', 'l.actor_name', 'l.action', 'l.purpose', 'l.allowed', 'u.name as unit_name'])
    .where('l.document_id', '=', documentId)
    .orderBy('l.at', 'desc')
    .limit(limit)
    .execute();
}

export type GrantWithUnit = DocumentGrantRow & { unit_code: string; unit_name: string };

export async function listGrants(db: Q, documentId: string): Promise<GrantWithUnit[]> {
  return db.selectFrom('document_grants as g').innerJoin('units as u', 'u.id', 'g.unit_id').selectAll('g').select(['u.code as unit_code', 'u.name as unit_name']).where('g.document_id', '=', documentId).orderBy('g.granted_at', 'desc').execute();
}

/** The units holding an open grant on a document. */
export async function openGrantUnits(db: Q, documentId: string): Promise<string[]> {
  const rows = await db.selectFrom('document_grants').select('unit_id').where('document_id', '=', documentId).where('withdrawn_at', 'is', null).execute();
  return rows.map((r) => r.unit_id);
}

/** The components of a dossier answered by warehouse documents. */
export async function listReuse(db: Q, dossierId: string) {
  return db.selectFrom('dossier_document_reuse').selectAll().where('dossier_id', '=', dossierId).orderBy('component_id').orderBy('linked_at').execute();
}
