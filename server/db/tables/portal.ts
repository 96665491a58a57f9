import type { ColumnType, Generated, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** jsonb: written as JSON text, read back as a value. */
type Json = ColumnType<unknown, string, string>;

/** A draft of an online dossier (`data` is a `DraftData` of core/portal/api.ts). */
export interface PortalDraftsTable {
  id: Generated<string>;
  citizen_id: string;
  applicant_kind: 'citizen' | 'organisation';
  applicant_id_number: string;
  applicant_name: string;
  procedure_id: string;
  procedure_version_id: string;
  procedure_code: string;
  data: Json;
  version: Generated<number>;
  status: Generated<'open' | 'submitted'>;
  dossier_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  submitted_at: Date | null;
}

/** A content-checked file uploaded to a draft (bytes in the blob store). */
export interface PortalDraftFilesTable {
  id: Generated<string>;
  draft_id: string;
  component_id: string;
  sha256: string;
  mime: string;
  size: number;
  filename: string;
  uploaded_at: Timestamp;
}

/** A dossier submitted online: its draft (unique) and what the applicant filled in beyond the dossier's columns. */
export interface PortalSubmissionsTable {
  dossier_id: string;
  draft_id: string;
  unit_id: string;
  citizen_id: string;
  data: Json;
  submitted_at: Date;
}

/** The keyed hash of a dossier's public lookup secret. */
export interface DossierLookupSecretsTable {
  dossier_id: string;
  unit_id: string;
  secret_hash: string;
  issued_at: Date;
  issued_by: string;
}

/** Tables of the portal's online submission. */
export interface PortalTables {
  portal_drafts: PortalDraftsTable;
  portal_draft_files: PortalDraftFilesTable;
  portal_submissions: PortalSubmissionsTable;
  dossier_lookup_secrets: DossierLookupSecretsTable;
}

/** A draft row. */
export type PortalDraftRow = Selectable<PortalDraftsTable>;
/** A draft file row. */
export type PortalDraftFileRow = Selectable<PortalDraftFilesTable>;
