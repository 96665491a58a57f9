import type { ColumnType, Generated, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string, string>;

/** A dossier handled before this system (or a national-portal extract): read-only history counted by the index. */
export interface IndexHistoryDossiersTable {
  id: Generated<string>;
  code: string;
  procedure_id: string;
  unit_id: string;
  channel: string;
  received_at: Date;
  due_at: Date | null;
  finished_at: Date | null;
  sync_code: number;
  supplement_requests: number;
  fee_required: boolean;
  paid: 'online' | 'offline' | null;
  components_digitised: boolean;
  reused_component: boolean;
  e_result: boolean;
  synced_to_national: boolean;
  complaint: boolean;
  result_paper: boolean;
  ratings: number[] | null;
  rated_lowest: number | null;
  import_batch: string;
  imported_by: string;
  imported_at: Timestamp;
}
export type IndexHistoryDossierRow = Selectable<IndexHistoryDossiersTable>;

/** A dossier's fact as last written by the database's refresh (read-only to the application). */
export interface IndexFactsTable {
  dossier_id: string;
  source: 'live' | 'import';
  code: string | null;
  unit_id: string;
  procedure_id: string;
  status: number;
  received_at: Date | null;
  due_at: Date | null;
  finished_at: Date | null;
  supplements: number;
  online: boolean;
  synced: boolean;
  fee_required: boolean;
  paid_online: boolean;
  paid_any: boolean;
  eresult: boolean;
  digitised: boolean;
  reused: boolean;
  dissatisfied: boolean;
}

/** Sums of the facts' contributions per grain, unit, period and procedure (read-only to the application). */
export interface IndexCountsTable {
  grain: 'd' | 'm' | 'y';
  unit_id: string;
  period: string;
  procedure_id: string;
  received: number;
  online: number;
  synced: number;
  fee_required: number;
  paid_online: number;
  paid_any: number;
  reused: number;
  dissatisfied: number;
  finished: number;
  early: number;
  on_time: number;
  late: number;
  processing_seconds: ColumnType<string | number, number, number>;
  returned: number;
  returned_eresult: number;
  returned_digitised: number;
}

/** The index's configuration when it differs from the default (one row). */
export interface IndexSettingsTable {
  id: boolean;
  settings: Json;
  updated_by: string;
  updated_at: Timestamp;
}

export interface IndexTables {
  index_history_dossiers: IndexHistoryDossiersTable;
  index_facts: IndexFactsTable;
  index_counts: IndexCountsTable;
  index_settings: IndexSettingsTable;
}
