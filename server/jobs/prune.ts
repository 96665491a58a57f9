/**
 * Pruning of finished jobs: recurring work (the index's fold every few seconds, the sweeps) leaves a
 * done row per run; rows done more than JOBS_KEPT_MS ago are deleted, failed ones are kept.
 */
import type { JobHandler } from './runner';
import { pruneDoneJobs } from './queries';

export const JOBS_PRUNE_JOB = 'jobs.prune';
export const JOBS_PRUNE_EVERY_MS = 60 * 60_000;
/** How long a done job stays (its history is in the audit log where it changed anything). */
export const JOBS_KEPT_MS = 2 * 86_400_000;

export function jobsPruneHandler(): JobHandler {
  return async (_payload, ctx) => {
    await pruneDoneJobs(ctx.db, new Date(Date.now() - JOBS_KEPT_MS));
  };
}
