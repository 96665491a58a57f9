import type { Generated } from 'kysely';
import type { Json, Timestamp } from '../schema';

export interface JobsTable {
  id: Generated<string>;
  kind: string;
  payload: Json;
  unit_id: string | null;
  run_at: Timestamp;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  locked_until: Date | null;
  status: Generated<string>;
  last_error: string | null;
  dedupe_key: string | null;
  created_at: Timestamp;
  finished_at: Date | null;
}

/** Tables of the job runner. */
export interface JobTables {
  jobs: JobsTable;
}
