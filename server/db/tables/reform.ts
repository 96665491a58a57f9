import type { ColumnType, Generated, GeneratedAlways, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

/** A reform plan (e.g. Kế hoạch 259/KH-UBND). */
export interface ReformPlansTable {
  id: Generated<string>;
  number: string;
  title: string;
  issuer_unit_id: string;
  /** `YYYY-MM-DD`. */
  issued_on: string;
  legal_basis: string;
  created_by: string;
  created_at: Timestamp;
}
export type ReformPlanRow = Selectable<ReformPlansTable>;

/** A task of a plan, with its deadline rule and the occurrences resolved when it was assigned. */
export interface ReformTasksTable {
  id: Generated<string>;
  plan_id: string;
  seq: number;
  content: string;
  lead_unit_id: string;
  deadline: Json<unknown>;
  occurrences: Json<unknown>;
  first_due: string;
  last_due: string;
  expected_output: string;
  completion_measure: string;
  cancelled_at: Date | null;
  cancel_reason: string | null;
  created_by: string;
  created_at: Timestamp;
}
export type ReformTaskRow = Selectable<ReformTasksTable>;

export interface ReformTaskSupportersTable {
  task_id: string;
  unit_id: string;
}

/** One event of a task (report, completion marked / accepted / returned, cancellation). */
export interface ReformEventsTable {
  id: Generated<string>;
  n: GeneratedAlways<string>;
  task_id: string;
  unit_id: string;
  period: string;
  kind: 'report' | 'completion_marked' | 'completion_accepted' | 'completion_returned' | 'cancelled';
  at: Date;
  note: string;
  progress: number | null;
  actor_id: string | null;
  actor_name: string | null;
}
export type ReformEventRow = Selectable<ReformEventsTable>;

/** An evidence file of an event (content in the blob store). */
export interface ReformEvidenceTable {
  id: Generated<string>;
  event_id: string;
  sha256: string;
  mime: string;
  size: number;
  filename: string;
}
export type ReformEvidenceRow = Selectable<ReformEvidenceTable>;

/** A reminder sent about one period of a task (at most once per kind). */
export interface ReformRemindersTable {
  task_id: string;
  period: string;
  kind: 'due_soon' | 'overdue';
  unit_id: string;
  recipients: number;
  sent_at: Date;
}

/** Tables of the reform migrations. */
export interface ReformTables {
  reform_reminders: ReformRemindersTable;
  reform_plans: ReformPlansTable;
  reform_tasks: ReformTasksTable;
  reform_task_supporters: ReformTaskSupportersTable;
  reform_events: ReformEventsTable;
  reform_evidence: ReformEvidenceTable;
}
