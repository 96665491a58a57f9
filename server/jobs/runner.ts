import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { claimDueJobs, markJobDone, markJobFailed } from './queries';

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

/** Polls for due jobs every `intervalMs` until stopped; one poll at a time per instance. */
export function startJobLoop(db: Kysely<DB>, handlers: Record<string, JobHandler>, intervalMs = 5_000): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(() => runDueJobs(db, handlers)).catch(() => undefined);
  }, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
