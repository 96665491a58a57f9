import type { ColumnType, Generated, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string, string>;
type DateString = string;

/** One dossier: filterable columns beside the core lifecycle state (`state`, a `Dossier`). */
export interface DossiersTable {
  id: Generated<string>;
  unit_id: string;
  handling_unit_id: string;
  code: string | null;
  procedure_id: string;
  procedure_version_id: string;
  procedure_code: string;
  applicant_kind: 'citizen' | 'organisation';
  applicant_id_number: string;
  applicant_name: string;
  applicant_contact: Json;
  channel: string;
  return_method: string;
  status: string;
  sync_code: number;
  version: number;
  submitted_at: Date;
  received_at: Date | null;
  due_at: Date | null;
  at_risk_at: Date | null;
  overdue_at: Date | null;
  clock_running: boolean;
  finished_at: Date | null;
  national_synced_at: Date | null;
  national_synced_version: number | null;
  assignee_id: string | null;
  postal_tracking: string | null;
  postal_delivered_at: Date | null;
  state: Json;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** The last number a unit gave on a local day. */
export interface DossierSequencesTable {
  unit_id: string;
  day: DateString;
  last_no: number;
}

/** A scanned component of a dossier (content in the blob store). */
export interface DossierFilesTable {
  id: Generated<string>;
  dossier_id: string;
  unit_id: string;
  component_id: string;
  sha256: string;
  mime: string;
  size: number;
  filename: string;
  uploaded_by: string;
  uploaded_at: Timestamp;
}

/** A violation a dossier revealed, one per kind. */
export interface DossierViolationsTable {
  dossier_id: string;
  kind: string;
  unit_id: string;
  at: Date;
  answerable_unit_code: string;
  officer_id: string | null;
  created_at: Timestamp;
}

/** Tables of the one-stop dossiers. */
export interface DossierTables {
  dossiers: DossiersTable;
  dossier_sequences: DossierSequencesTable;
  dossier_files: DossierFilesTable;
  dossier_violations: DossierViolationsTable;
}

/** A dossiers row. */
export type DossierRow = Selectable<DossiersTable>;
/** A dossier_files row. */
export type DossierFileRow = Selectable<DossierFilesTable>;
