import type { ColumnType, Generated, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** One legacy import: a manifest (by content) and where its scans come from. */
export interface LegacyImportRunsTable {
  id: Generated<string>;
  manifest_sha256: string;
  manifest_name: string;
  scans_source: string;
  unit_id: string | null;
  started_by: string;
  started_at: Timestamp;
  finished_at: Date | null;
}
export type LegacyImportRunRow = Selectable<LegacyImportRunsTable>;

/** The outcome of one manifest row: imported (with its document) or failed (with its error code). */
export interface LegacyImportRowsTable {
  run_id: string;
  row_number: number;
  file: string;
  status: 'imported' | 'failed';
  error_code: string | null;
  error_detail: string | null;
  document_id: string | null;
  holder_kind: string | null;
  holder_id: string | null;
  type_code: string | null;
  number: string | null;
  at: Timestamp;
}
export type LegacyImportOutcomeRow = Selectable<LegacyImportRowsTable>;

export type LegacyImportTables = {
  legacy_import_runs: LegacyImportRunsTable;
  legacy_import_rows: LegacyImportRowsTable;
};
