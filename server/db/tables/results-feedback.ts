import type { ColumnType, Generated, GeneratedAlways, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** A result document of a dossier (content in the blob store). */
export interface DossierResultsTable {
  id: Generated<string>;
  dossier_id: string;
  unit_id: string;
  sha256: string;
  mime: string;
  size: number;
  filename: string;
  uploaded_by: string;
  uploaded_at: Timestamp;
  superseded_at: Date | null;
  superseded_by: string | null;
}
export type DossierResultRow = Selectable<DossierResultsTable>;

/** One download of a result by an applicant. */
export interface DossierResultDownloadsTable {
  id: Generated<string>;
  result_id: string;
  dossier_id: string;
  unit_id: string;
  citizen_id: string;
  acting_for: string | null;
  ip: string | null;
  downloaded_at: Timestamp;
}

/** The applicant's evaluation of a dossier: one score (0–2) per criterion of core/feedback/criteria.ts. */
export interface DossierRatingsTable {
  dossier_id: string;
  unit_id: string;
  handling_unit_id: string;
  citizen_id: string;
  return_time: number;
  agencies_contacted: number;
  contact_count: number;
  publicity: number;
  attitude: number;
  legality_cost: number;
  feedback_handling: number;
  online_service: number;
  other: number;
  lowest: GeneratedAlways<number>;
  comment: string | null;
  rated_at: Timestamp;
}
export type DossierRatingRow = Selectable<DossierRatingsTable>;

/** A feedback (phản ánh, kiến nghị) and its answer. */
export interface FeedbackTable {
  id: Generated<string>;
  unit_id: string;
  dossier_id: string | null;
  kind: 'phan_anh' | 'kien_nghi';
  citizen_id: string;
  applicant_kind: 'citizen' | 'organisation';
  applicant_id_number: string;
  applicant_name: string;
  subject: string;
  content: string;
  submitted_at: Date;
  due_at: Date;
  answer: string | null;
  answered_at: Date | null;
  answered_by: string | null;
}
export type FeedbackRow = Selectable<FeedbackTable>;

/** Tables of the results and feedback migration. */
export interface ResultsFeedbackTables {
  dossier_results: DossierResultsTable;
  dossier_result_downloads: DossierResultDownloadsTable;
  dossier_ratings: DossierRatingsTable;
  feedback: FeedbackTable;
}
