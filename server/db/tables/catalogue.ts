import type { ColumnType, Generated, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string, string>;
/** NUMERIC comes back as a string on both engines; the queries convert it. */
type Numeric = ColumnType<string, number | string, number | string>;

/** A procedure's stable identity (national code) and the projection of its current version used by search. */
export interface ProceduresTable {
  id: Generated<string>;
  code: string;
  unit_id: string;
  status: Generated<string>;
  current_version_id: string | null;
  name: string;
  field_code: string;
  field_name: string;
  level: string;
  online_level: string;
  processing_amount: Numeric | null;
  processing_unit: string | null;
  complete: boolean;
  search_text: ColumnType<string, never, never>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** One immutable version of a procedure; dossiers reference its id. */
export interface ProcedureVersionsTable {
  id: Generated<string>;
  procedure_id: string;
  unit_id: string;
  version: number;
  name: string;
  field_code: string;
  field_name: string;
  level: string;
  applicants: Json;
  methods: Json;
  processing_amount: Numeric | null;
  processing_unit: string | null;
  financial_obligation: boolean;
  conditions: string | null;
  legal_basis: string | null;
  result_name: string | null;
  result_paper: boolean | null;
  online_level: string;
  online_justification: string | null;
  /** Added by the portal migration (20261130_0310): `basic` or `verified`. */
  identity_level: Generated<string>;
  created_at: Timestamp;
  created_by: string | null;
}

/** Implementing and receiving units of a version, in order. */
export interface ProcedureUnitsTable {
  version_id: string;
  role: 'implementing' | 'receiving';
  ord: number;
  target_unit_id: string;
  unit_id: string;
}

/** Required documents of a version, in order. */
export interface ProcedureComponentsTable {
  version_id: string;
  ord: number;
  unit_id: string;
  name: string;
  originals: number;
  copies: number;
  required: boolean;
  condition: string | null;
  form: string | null;
  document_type: string | null;
}

/** Fees and charges of a version, in order. */
export interface ProcedureFeesTable {
  version_id: string;
  ord: number;
  unit_id: string;
  name: string;
  amount: number | null;
  rule: string | null;
}

/** Workflow steps of a version, in order. */
export interface ProcedureStepsTable {
  version_id: string;
  ord: number;
  unit_id: string;
  name: string;
  role: string;
  step_unit_id: string | null;
  time: Numeric;
}

/** A ministry's or the city's decision publishing procedures. */
export interface PublicationDecisionsTable {
  id: Generated<string>;
  kind: 'ministry' | 'city';
  number: string;
  issuer: string;
  title: string | null;
  signed_on: string;
  effective_on: string | null;
  source_id: string | null;
  publicised_on: string | null;
  unit_id: string;
  created_at: Timestamp;
  created_by: string | null;
}

/** The procedures a decision adds, amends or abolishes. */
export interface PublicationItemsTable {
  decision_id: string;
  ord: number;
  unit_id: string;
  procedure_code: string;
  procedure_name: string;
  change: 'added' | 'amended' | 'abolished';
}

/** The search vocabulary: folded words of procedure names. */
export interface ProcedureWordsTable {
  word: string;
}

/** A public form template: a blob of the blob store, with its file name. */
export interface ProcedureFormsTable {
  sha256: string;
  filename: string;
  media_type: string;
  size: number;
  unit_id: string;
  created_at: Timestamp;
  created_by: string | null;
}

/** Tables of the procedure catalogue and publication control. */
export interface CatalogueTables {
  procedures: ProceduresTable;
  procedure_versions: ProcedureVersionsTable;
  procedure_units: ProcedureUnitsTable;
  procedure_components: ProcedureComponentsTable;
  procedure_fees: ProcedureFeesTable;
  procedure_steps: ProcedureStepsTable;
  procedure_words: ProcedureWordsTable;
  procedure_forms: ProcedureFormsTable;
  publication_decisions: PublicationDecisionsTable;
  publication_items: PublicationItemsTable;
}

/** A procedures row. */
export type ProcedureRow = Selectable<ProceduresTable>;
/** A procedure_versions row. */
export type ProcedureVersionRow = Selectable<ProcedureVersionsTable>;
/** A publication_decisions row. */
export type PublicationDecisionRow = Selectable<PublicationDecisionsTable>;
