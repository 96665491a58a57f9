import type { ColumnType, Generated, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string, string>;

/** A dossier version the NATIONAL PORTAL SIMULATOR received (embedded default only). */
export interface SimNationalDossiersTable {
  id: Generated<string>;
  system_id: string;
  code: string;
  version: number;
  procedure_code: string;
  agency_code: string;
  channel: number;
  status: number;
  /** The message as received, signature removed. */
  payload: Json;
  received_at: Timestamp;
}

/** Tables of the national portal sync. */
export interface NationalTables {
  sim_national_dossiers: SimNationalDossiersTable;
}

/** A sim_national_dossiers row. */
export type SimNationalDossierRow = Selectable<SimNationalDossiersTable>;
