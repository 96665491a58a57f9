import type { ColumnType, Generated, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;
/** bigint đồng: both engines read int8 as number (server/db/database.ts). */
type BigMoney = number;

/** An internal administrative procedure between state agencies (Decision 1085/QĐ-TTg). */
export interface InternalProceduresTable {
  id: Generated<string>;
  code: string;
  name: string;
  field: string;
  owner_unit_id: string;
  legal_basis: string;
  current_version: Generated<number>;
  created_by: string;
  created_at: Timestamp;
}
export type InternalProcedureRow = Selectable<InternalProceduresTable>;

/** One version of a procedure's steps, fees and frequency: the registered one or a simplified one. */
export interface InternalProcedureVersionsTable {
  id: Generated<string>;
  procedure_id: string;
  version: number;
  kind: 'registered' | 'simplified';
  steps: Json<unknown>;
  fees: BigMoney;
  yearly_frequency: number;
  created_by: string;
  created_at: Timestamp;
}
export type InternalProcedureVersionRow = Selectable<InternalProcedureVersionsTable>;

type Verdict = 'keep' | 'amend' | 'abolish';

/** A review (rà soát) of one version and, once taken, its decision. */
export interface InternalProcedureReviewsTable {
  id: Generated<string>;
  procedure_id: string;
  before_version: number;
  necessity_verdict: Verdict;
  necessity_text: string;
  reasonableness_verdict: Verdict;
  reasonableness_text: string;
  legality_verdict: Verdict;
  legality_text: string;
  proposals: string;
  cost_before: BigMoney;
  reviewed_by: string;
  reviewed_at: Timestamp;
  decision_number: string | null;
  /** `YYYY-MM-DD`. */
  decision_date: ColumnType<string | null, string | null | undefined, string | null>;
  decision_summary: string | null;
  after_version: number | null;
  cost_after: ColumnType<number | null, number | null | undefined, number | null>;
  decided_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}
export type InternalProcedureReviewRow = Selectable<InternalProcedureReviewsTable>;

export interface InternalProcedureTables {
  internal_procedures: InternalProceduresTable;
  internal_procedure_versions: InternalProcedureVersionsTable;
  internal_procedure_reviews: InternalProcedureReviewsTable;
}
