import { type Kysely, type Transaction, sql } from 'kysely';
import type { DB } from '../db/schema';

type Q = Kysely<DB> | Transaction<DB>;

export interface NewJob {
  kind: string;
  payload?: unknown;
  unitId?: string | null;
  runAt?: Date;
  dedupeKey?: string;
  maxAttempts?: number;
}

/** Schedules a job inside the caller's transaction, so it exists exactly when the change that needs it commits. */
export async function insertJob(db: Q, job: NewJob): Promise<void> {
  await db
    .insertInto('jobs')
    .values({
      kind: job.kind,
      payload: JSON.stringify(job.payload ?? {}),
      unit_id: job.unitId ?? null,
      run_at: job.runAt ?? new Date(),
      dedupe_key: job.dedupeKey ?? null,
      ...(job.maxAttempts ? { max_attempts: job.maxAttempts } : {}),
    })
    .onConflict((oc) => oc.expression(sql`dedupe_key`).where('dedupe_key', 'is not', null).where('status', '=', 'pending').doNothing())
    .execute();
}

/** Claims up to `limit` due jobs for `leaseMs`; other instances skip them while the lease holds. */
export async function claimDueJobs(trx: Transaction<DB>, now: Date, limit: number, leaseMs: number) {
  const rows = await trx
    .selectFrom('jobs')
    .select(['id', 'kind', 'payload', 'attempts', 'max_attempts'])
    .where('status', '=', 'pending')
    .where('run_at', '<=', now)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
    .orderBy('run_at')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
  if (rows.length > 0) {
    await trx
      .updateTable('jobs')
      .set({ locked_until: new Date(now.getTime() + leaseMs), attempts: sql`attempts + 1` })
      .where('id', 'in', rows.map((r) => r.id))
      .execute();
  }
  return rows.map((r) => ({ ...r, attempts: r.attempts + 1 }));
}

export async function markJobDone(db: Q, id: string, at: Date): Promise<void> {
  await db.updateTable('jobs').set({ status: 'done', finished_at: at, locked_until: null }).where('id', '=', id).execute();
}

/** Records a failure: retried later with back-off, or failed for good after max attempts. */
export async function markJobFailed(db: Q, id: string, error: string, retryAt: Date | null): Promise<void> {
  await db
    .updateTable('jobs')
    .set(retryAt ? { last_error: error, run_at: retryAt, locked_until: null } : { last_error: error, status: 'failed', finished_at: new Date(), locked_until: null })
    .where('id', '=', id)
    .execute();
}

export async function listJobs(db: Q, kind?: string) {
  let q = db.selectFrom('jobs').selectAll().orderBy('created_at');
  if (kind) q = q.where('kind', '=', kind);
  return q.execute();
}

/** Deletes the jobs done before `before` (failed ones stay, for inspection); answers how many. */
export async function pruneDoneJobs(db: Q, before: Date): Promise<number> {
  const res = await db.deleteFrom('jobs').where('status', '=', 'done').where('finished_at', '<', before).executeTakeFirst();
  return Number(res.numDeletedRows);
}
