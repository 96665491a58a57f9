import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { claimDueJobs, insertJob, markJobDone, markJobFailed } from './queries';

/** A job's work; it receives the job's payload. Throwing schedules a retry with back-off. */
export type JobHandler = (payload: unknown, ctx: { db: Kysely<DB>; jobId: string; attempt: number }) => Promise<void>;

const LEASE_MS = 5 * 60_000;

/** Exponential back-off: 30 s, 1 min, 2 min … capped at 1 hour. */
export function retryDelayMs(attempt: number): number {
  return Math.min(30_000 * 2 ** (attempt - 1), 3_600_000);
}

/**
 * Runs every due job once: claims a batch (skipping jobs other instances hold), runs each handler
 * outside the claiming transaction, and records success or failure. Returns how many ran.
 */
export async function runDueJobs(db: Kysely<DB>, handlers: Record<string, JobHandler>, opts: { now?: Date; batch?: number } = {}): Promise<number> {
  const now = opts.now ?? new Date();
  const claimed = await db.transaction().execute((trx) => claimDueJobs(trx, now, opts.batch ?? 20, LEASE_MS));
  for (const job of claimed) {
    const handler = handlers[job.kind];
    try {
      if (!handler) throw new Error(`no handler for job kind "${job.kind}"`);
      await handler(job.payload, { db, jobId: job.id, attempt: job.attempts });
      await markJobDone(db, job.id, new Date());
    } catch (err) {
      const retry = job.attempts < job.max_attempts ? new Date(now.getTime() + retryDelayMs(job.attempts)) : null;
      await markJobFailed(db, job.id, err instanceof Error ? err.message : String(err), retry);
    }
  }
  return claimed.length;
}

/** A job that runs every `everyMs` on whichever instance claims it. */
export interface RecurringJob {
  kind: string;
  everyMs: number;
}

/**
 * Makes sure a recurring job is scheduled: one pending job per kind (its dedupe key), due `everyMs`
 * after `now`. While one waits or runs (still pending) this does nothing; once it is done or failed
 * for good, the next call schedules the next run. Any number of instances may call it.
 */
export async function scheduleRecurring(db: Kysely<DB>, job: RecurringJob, now: Date): Promise<void> {
  await insertJob(db, { kind: job.kind, runAt: new Date(now.getTime() + job.everyMs), dedupeKey: `recurring:${job.kind}` });
}

/** What the loop does on each poll: schedule the recurring jobs, then run the due ones. */
export async function pollJobs(db: Kysely<DB>, handlers: Record<string, JobHandler>, recurring: readonly RecurringJob[], now = new Date()): Promise<number> {
  for (const job of recurring) await scheduleRecurring(db, job, now);
  return runDueJobs(db, handlers, { now });
}

/**
 * Polls every `intervalMs` until stopped, one poll at a time per instance: schedules `recurring`
 * jobs and runs the due ones. Started by the process (server/main.ts), never by buildApp, so tests
 * run no background work. A failed poll is reported to `onError` and the next one tries again.
 */
export function startJobLoop(
  db: Kysely<DB>,
  handlers: Record<string, JobHandler>,
  intervalMs = 5_000,
  opts: { recurring?: readonly RecurringJob[]; onError?: (err: unknown) => void } = {},
): () => Promise<void> {
  const missing = (opts.recurring ?? []).filter((r) => !handlers[r.kind]).map((r) => r.kind);
  if (missing.length > 0) throw new Error(`recurring jobs without a handler: ${missing.join(', ')}`);
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(() => pollJobs(db, handlers, opts.recurring ?? [])).catch((err: unknown) => opts.onError?.(err));
  }, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
