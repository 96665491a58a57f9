import type { ColumnType, Generated, GeneratedAlways, Selectable } from 'kysely';

type Json<T> = ColumnType<T, string, string>;

/** A violation recorded by an inspector (manual), naming the unit and officer. */
export interface AccountabilityViolationsTable {
  id: Generated<string>;
  unit_id: string;
  officer_id: string;
  kind: 'extra_documents' | 'improper_conduct' | 'procedure_breach' | 'late_processing' | 'other';
  description: string;
  dossier_id: string | null;
  occurred_at: Date;
  recorded_by: string;
  recorded_by_name: string | null;
  recorded_at: Date;
}
export type AccountabilityViolationRow = Selectable<AccountabilityViolationsTable>;

/** An evidence file of a manual violation (bytes in the blob store). */
export interface AccountabilityEvidenceTable {
  id: Generated<string>;
  violation_id: string;
  sha256: string;
  mime: string;
  size: number;
  filename: string;
}
export type AccountabilityEvidenceRow = Selectable<AccountabilityEvidenceTable>;

/** A handling of a violation: of a manual one (`violation_id`) or an automatic one (`dossier_id`, `dossier_kind`). */
export interface AccountabilityHandlingsTable {
  id: Generated<string>;
  n: GeneratedAlways<string>;
  violation_id: string | null;
  dossier_id: string | null;
  dossier_kind: string | null;
  unit_id: string;
  kind: 'reminder' | 'criticism' | 'disciplinary_proposal' | 'closure';
  note: string;
  at: Date;
  actor_id: string;
  actor_name: string | null;
}
export type AccountabilityHandlingRow = Selectable<AccountabilityHandlingsTable>;

/** The head's grading formula in force (one row). */
export interface AccountabilityFormulaTable {
  id: Generated<boolean>;
  formula: Json<unknown>;
  updated_by: string;
  updated_at: Date;
}

/** Tables of the accountability migration. */
export interface AccountabilityTables {
  accountability_violations: AccountabilityViolationsTable;
  accountability_evidence: AccountabilityEvidenceTable;
  accountability_handlings: AccountabilityHandlingsTable;
  accountability_formula: AccountabilityFormulaTable;
}
