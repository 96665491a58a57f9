import type { ColumnType, Generated, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** A signed e-result (docs/results.md); content in the blob store under `sha256`. */
export interface EresultsTable {
  code: string;
  dossier_id: string;
  seq: number;
  result_id: string;
  unit_id: string;
  issuer_unit_id: string;
  sha256: string;
  source_sha256: string;
  size: number;
  cert_serial: string;
  document_type: string;
  holder_masked: string;
  issued_at: Date;
  issued_by: string;
  supersedes: string | null;
  superseded_by: string | null;
  superseded_at: Date | null;
  revoked_at: Date | null;
  revoked_by: string | null;
  revoked_reason: string | null;
}
export type EresultRow = Selectable<EresultsTable>;

/** One public verification attempt. */
export interface EresultVerificationsTable {
  id: Generated<string>;
  kind: 'code' | 'file';
  code: string | null;
  sha256: string | null;
  status: string;
  problem: string | null;
  ip: string | null;
  at: Timestamp;
}

/** Tables of the e-results migration. */
export interface EresultTables {
  eresults: EresultsTable;
  eresult_verifications: EresultVerificationsTable;
}
