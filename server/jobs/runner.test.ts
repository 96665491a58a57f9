import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import { ENGINES, createTestDatabase } from '../../tests/support/database';
import { insertJob, listJobs, pruneDoneJobs } from './queries';
import { pollJobs, retryDelayMs, runDueJobs, scheduleRecurring, startJobLoop } from './runner';

describe.each(ENGINES)('database job runner (%s)', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(() => database.close());

  it('runs due jobs once, leaves future ones, and de-duplicates pending timers', async () => {
    const db = database.db;
    const seen: unknown[] = [];
    const now = new Date('2026-12-01T01:00:00Z');
    await insertJob(db, { kind: 'warn', payload: { dossier: 'A' }, runAt: new Date('2026-12-01T00:59:00Z'), dedupeKey: 'warn:A' });
    await insertJob(db, { kind: 'warn', payload: { dossier: 'A' }, runAt: new Date('2026-12-01T00:59:00Z'), dedupeKey: 'warn:A' });
    await insertJob(db, { kind: 'warn', payload: { dossier: 'B' }, runAt: new Date('2026-12-02T00:00:00Z') });
    expect(await runDueJobs(db, { warn: async (p) => void seen.push(p) }, { now })).toBe(1);
    expect(seen).toEqual([{ dossier: 'A' }]);
    expect(await runDueJobs(db, { warn: async (p) => void seen.push(p) }, { now })).toBe(0);
    const jobs = await listJobs(db, 'warn');
    expect(jobs.map((j) => j.status).sort()).toEqual(['done', 'pending']);
  });

  it('retries a failing job with back-off and fails it for good after max attempts', async () => {
    const db = database.db;
    await insertJob(db, { kind: 'flaky', maxAttempts: 2, runAt: new Date('2026-12-01T00:00:00Z') });
    const boom = { flaky: async () => Promise.reject(new Error('post office unreachable')) };
    const t0 = new Date('2026-12-01T00:00:00Z');
    expect(await runDueJobs(db, boom, { now: t0 })).toBe(1);
    let job = (await listJobs(db, 'flaky'))[0]!;
    expect(job).toMatchObject({ status: 'pending', attempts: 1, last_error: 'post office unreachable' });
    expect(new Date(job.run_at).getTime()).toBe(t0.getTime() + retryDelayMs(1));
    expect(await runDueJobs(db, boom, { now: t0 })).toBe(0);
    expect(await runDueJobs(db, boom, { now: new Date(t0.getTime() + retryDelayMs(1)) })).toBe(1);
    job = (await listJobs(db, 'flaky'))[0]!;
    expect(job).toMatchObject({ status: 'failed', attempts: 2 });
  });

  it('keeps one pending run of a recurring job and schedules the next once it ran', async () => {
    const db = database.db;
    const runs: string[] = [];
    const handlers = { tick: async (_p: unknown, ctx: { jobId: string }) => void runs.push(ctx.jobId) };
    const every = { kind: 'tick', everyMs: 60_000 };
    const t0 = new Date('2026-12-01T02:00:00Z');
    await scheduleRecurring(db, every, t0);
    await scheduleRecurring(db, every, new Date(t0.getTime() + 5_000));
    expect((await listJobs(db, 'tick')).map((j) => [j.status, new Date(j.run_at).toISOString()])).toEqual([['pending', '2026-12-01T02:01:00.000Z']]);
    expect(await pollJobs(db, handlers, [every], new Date('2026-12-01T02:00:30Z'))).toBe(0);
    expect(await pollJobs(db, handlers, [every], new Date('2026-12-01T02:01:00Z'))).toBe(1);
    expect(runs).toHaveLength(1);
    await pollJobs(db, handlers, [every], new Date('2026-12-01T02:01:05Z'));
    expect((await listJobs(db, 'tick')).map((j) => [j.status, new Date(j.run_at).toISOString()])).toEqual([
      ['done', '2026-12-01T02:01:00.000Z'],
      ['pending', '2026-12-01T02:02:05.000Z'],
    ]);
  });

  it('refuses to start a loop with a recurring job it has no handler for', () => {
    expect(() => startJobLoop(database.db, {}, 1_000, { recurring: [{ kind: 'orphan', everyMs: 60_000 }] })).toThrow('recurring jobs without a handler: orphan');
  });

  it('prunes the jobs done before an instant, keeping pending and failed ones', async () => {
    const db = database.db;
    const t = new Date('2026-12-01T03:00:00Z');
    for (const kind of ['prune-a', 'prune-b', 'prune-c']) await insertJob(db, { kind, runAt: t });
    await db.updateTable('jobs').set({ status: 'done', finished_at: new Date('2026-11-01T00:00:00Z') }).where('kind', '=', 'prune-a').execute();
    await db.updateTable('jobs').set({ status: 'failed', finished_at: new Date('2026-11-01T00:00:00Z') }).where('kind', '=', 'prune-b').execute();
    expect(await pruneDoneJobs(db, new Date('2026-11-29T00:00:00Z'))).toBe(1);
    expect((await listJobs(db, 'prune-a')).length).toBe(0);
    expect((await listJobs(db, 'prune-b')).map((j) => j.status)).toEqual(['failed']);
    expect((await listJobs(db, 'prune-c')).map((j) => j.status)).toEqual(['pending']);
  });
});
