import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import { ENGINES, createTestDatabase } from '../../tests/support/database';
import { insertJob, listJobs } from './queries';
import { retryDelayMs, runDueJobs } from './runner';

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
});
