import type { ColumnType, Generated, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** DATE columns come back as `YYYY-MM-DD` strings on both engines. */
type DateString = string;

/** A document of the warehouse: a digitised copy, a self-provided copy or an e-result (content in the blob store). */
export interface DocumentsTable {
  id: Generated<string>;
  holder_kind: string;
  holder_id: string;
  holder_name: string | null;
  type_code: string;
  number: string;
  issuer: string;
  issued_on: DateString;
  expires_on: DateString | null;
  source: string;
  dossier_id: string | null;
  unit_id: string | null;
  component_id: string | null;
  result_id: string | null;
  created_by: string;
  created_at: Timestamp;
  checked_by: string | null;
  checked_at: Date | null;
  supersedes: string | null;
  superseded_by: string | null;
  revoked_at: Date | null;
  sha256: string;
  mime: string;
  size: number;
  pages: number | null;
  width: number | null;
  height: number | null;
  filename: string;
}
export type DocumentRow = Selectable<DocumentsTable>;

/** One attempt to read a document, allowed or refused. */
export interface DocumentAccessLogTable {
  id: Generated<string>;
  document_id: string;
  actor_kind: string;
  actor_id: string | null;
  actor_name: string | null;
  unit_id: string | null;
  acting_for: string | null;
  action: string;
  purpose: string | null;
  allowed: boolean;
  reason: string | null;
  ip: string | null;
  at: Timestamp;
}

/** A holder's grant of access to a unit (and its sub-tree). */
export interface DocumentGrantsTable {
  id: Generated<string>;
  document_id: string;
  unit_id: string;
  granted_by: string;
  granted_at: Timestamp;
  withdrawn_at: Date | null;
}
export type DocumentGrantRow = Selectable<DocumentGrantsTable>;

export interface DossierDocumentReuseTable {
  dossier_id: string;
  component_id: string;
  document_id: string;
  linked_at: Timestamp;
}

export interface SharingClientsTable {
  id: Generated<string>;
  name: string;
  unit_id: string;
  key_hash: string;
  active: Generated<boolean>;
  created_at: Timestamp;
}

export interface WarehouseTables {
  documents: DocumentsTable;
  document_access_log: DocumentAccessLogTable;
  document_grants: DocumentGrantsTable;
  dossier_document_reuse: DossierDocumentReuseTable;
  sharing_clients: SharingClientsTable;
}
