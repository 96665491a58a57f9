/** The service's background jobs: a handler per kind and the recurring schedule, started by server/main.ts. */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { VIOLATION_SWEEP_EVERY_MS, VIOLATION_SWEEP_JOB, violationSweepHandler } from '../features/dossiers/sweep';
import type { JobHandler, RecurringJob } from './runner';

/** How often each instance polls the jobs table. */
export const JOB_POLL_MS = 5_000;

/** Every job kind the service runs, and which of them recur. */
export function backgroundJobs(db: Kysely<DB>): { handlers: Record<string, JobHandler>; recurring: RecurringJob[] } {
  return {
    handlers: { [VIOLATION_SWEEP_JOB]: violationSweepHandler(db) },
    recurring: [{ kind: VIOLATION_SWEEP_JOB, everyMs: VIOLATION_SWEEP_EVERY_MS }],
  };
}
