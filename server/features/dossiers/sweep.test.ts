import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseInstant } from '@core/calendar/time';
import { type Client, type TestApp, createTestApp } from '../../../tests/support/app';
import { ENGINES } from '../../../tests/support/database';
import { actionsAt } from '../../../tests/support/dossier-clock';
import { intakeFor } from '../../../tests/support/dossiers';
import { JOB_POLL_MS, backgroundJobs } from '../../jobs/background';
import { listJobs } from '../../jobs/queries';
import { pollJobs } from '../../jobs/runner';
import { verifyAuditChains } from '../audit/verify';
import { findUnitByCode } from '../org/queries';
import { findDossierById, listViolations } from './queries';
import { RulesCache } from './rules';
import { VIOLATION_SWEEP_EVERY_MS, VIOLATION_SWEEP_JOB, sweepViolations } from './sweep';

const CENTRE = '000.00.30.H26';
const HCTP = '000.01.03.H26';
const at = parseInstant;
const MINUTE = 60_000;

describe.each(ENGINES)('periodic violation sweep (%s)', (engine) => {
  let t: TestApp;
  let motcua: Client;
  let lanhdao: Client;
  let chuyenvien: Client;
  let actAt: ReturnType<typeof actionsAt>;
  let centreId: string;

  /** A dossier accepted at `acceptedAt` and, unless `atDesk`, handed to the justice division and assigned to its specialist. */
  const dossier = async (acceptedAt: number, atDesk = false) => {
    const res = await motcua.post('/api/v1/dossiers', intakeFor());
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().dossier.id as string;
    await actAt(id, 'accept', acceptedAt, motcua, ['onestop_officer'], { components: ['1', '2'] });
    if (atDesk) return id;
    await actAt(id, 'hand_over', acceptedAt + 30 * MINUTE, motcua, ['onestop_officer'], { toUnit: HCTP });
    await actAt(id, 'assign', acceptedAt + 60 * MINUTE, lanhdao, ['unit_leader'], { assigneeId: chuyenvien.me.user.id });
    return id;
  };
  const row = async (id: string) => (await findDossierById(t.database.db, id))!;
  const violations = async (id: string) => (await listViolations(t.database.db, id)).map((v) => ({ kind: v.kind, at: v.at.getTime(), unit: v.answerable_unit_code, officer: v.officer_id, unitId: v.unit_id }));
  const sweepEvents = async () =>
    t.database.db.selectFrom('audit_events').select(['entity_id', 'actor_kind', 'unit_id', 'after']).where('action', '=', 'dossier.violations_recorded').orderBy('occurred_at').orderBy('seq').execute();

  beforeAll(async () => {
    t = await createTestApp(engine);
    [motcua, lanhdao, chuyenvien] = await Promise.all(['motcua', 'lanhdao', 'chuyenvien'].map((u) => t.login(u)));
    actAt = actionsAt(t.database);
    centreId = (await findUnitByCode(t.database.db, CENTRE))!.id;
  });
  afterAll(() => t.close());

  it('records late_without_apology for dossiers left open past their due, naming unit and officer, once', async () => {
    const { db } = t.database;
    // three dossiers of 10 working days accepted on Monday 2 March 2026 and then left alone
    const ids = [await dossier(at('2026-03-02T09:00:00+07:00')), await dossier(at('2026-03-02T09:05:00+07:00')), await dossier(at('2026-03-02T09:10:00+07:00'))];
    const last = await row(ids[2]!);
    const overdueAt = last.overdue_at!.getTime();
    expect(last.clock_running).toBe(true);

    expect(await sweepViolations(db, at('2026-03-13T12:00:00+07:00'))).toEqual({ examined: 0, recorded: 0, changed: 0, failed: 0 });
    // batches of two: the keyset walks past the first batch
    expect(await sweepViolations(db, overdueAt + MINUTE, { batchSize: 2 })).toEqual({ examined: 3, recorded: 3, changed: 0, failed: 0 });
    for (const id of ids) {
      const r = await row(id);
      expect(await violations(id)).toEqual([{ kind: 'late_without_apology', at: r.due_at!.getTime(), unit: HCTP, officer: chuyenvien.me.user.id, unitId: centreId }]);
      expect(r.version).toBe(4); // the sweep records; it never changes the dossier
    }
    const events = await sweepEvents();
    // one system event per dossier, in the receiving unit's chain (the sweep walks dossiers by id)
    expect(events.map((e) => [e.entity_id, e.actor_kind, e.unit_id]).sort()).toEqual(ids.map((id) => [id, 'system', centreId]).sort());
    expect(events[0]!.after).toMatchObject({ status: 'processing', violations: [{ kind: 'late_without_apology', unitCode: HCTP, officerId: chuyenvien.me.user.id }] });

    // idempotent: recorded dossiers drop out of the sweep, later sweeps record nothing
    expect(await sweepViolations(db, overdueAt + MINUTE)).toEqual({ examined: 0, recorded: 0, changed: 0, failed: 0 });
    expect(await sweepViolations(db, overdueAt + 30 * 86_400_000)).toEqual({ examined: 0, recorded: 0, changed: 0, failed: 0 });
    expect(await sweepEvents()).toHaveLength(3);
    expect((await verifyAuditChains(db)).ok).toBe(true);
  });

  it('an apologised dossier is not late without apology, before or after its new date', async () => {
    const { db } = t.database;
    const id = await dossier(at('2026-04-06T09:00:00+07:00'));
    const due = (await row(id)).due_at!.getTime();
    await actAt(id, 'apologise', at('2026-04-08T10:00:00+07:00'), lanhdao, ['unit_leader'], { reason: 'Cần xác minh thêm', newDueAt: new Date(due + 7 * 86_400_000).toISOString() });
    const newOverdue = (await row(id)).overdue_at!.getTime();
    expect(newOverdue).toBeGreaterThan(due + 6 * 86_400_000);
    for (const now of [due + 86_400_000, newOverdue + MINUTE]) {
      expect(await sweepViolations(db, now)).toEqual({ examined: 0, recorded: 0, changed: 0, failed: 0 });
    }
    expect(await violations(id)).toEqual([]);
  });

  it('records late_handover for a dossier still at the desk after the close of its working day', async () => {
    const { db } = t.database;
    // accepted Tuesday 5 May 2026 at 10:00 at the counter: to be handed over by 17:00 that day
    const id = await dossier(at('2026-05-05T10:00:00+07:00'), true);
    expect(await sweepViolations(db, at('2026-05-05T16:59:00+07:00'))).toEqual({ examined: 1, recorded: 0, changed: 0, failed: 0 });
    expect(await sweepViolations(db, at('2026-05-05T17:01:00+07:00'))).toEqual({ examined: 1, recorded: 1, changed: 0, failed: 0 });
    expect(await violations(id)).toEqual([{ kind: 'late_handover', at: at('2026-05-05T17:00:00+07:00'), unit: CENTRE, officer: motcua.me.user.id, unitId: centreId }]);
    expect(await sweepViolations(db, at('2026-05-06T09:00:00+07:00'))).toEqual({ examined: 0, recorded: 0, changed: 0, failed: 0 });
  });

  it('leaves a dossier an action changed after the sweep read it to that action and the next sweep', async () => {
    const { db } = t.database;
    const id = await dossier(at('2026-05-12T10:00:00+07:00'), true);
    const handedOverAt = at('2026-05-13T08:30:00+07:00');
    const real = new RulesCache(db);
    // an action lands between the sweep's read and its write
    const racing = {
      forVersion: async (versionId: string) => {
        await actAt(id, 'hand_over', handedOverAt, motcua, ['onestop_officer'], { toUnit: HCTP });
        return real.forVersion(versionId);
      },
    } as unknown as RulesCache;
    expect(await sweepViolations(db, at('2026-05-13T08:00:00+07:00'), { rules: racing })).toEqual({ examined: 1, recorded: 0, changed: 1, failed: 0 });
    // the hand-over recorded its own lateness, at the instant it happened
    expect(await violations(id)).toEqual([{ kind: 'late_handover', at: handedOverAt, unit: CENTRE, officer: motcua.me.user.id, unitId: centreId }]);
    expect(await sweepViolations(db, at('2026-05-13T09:00:00+07:00'))).toEqual({ examined: 0, recorded: 0, changed: 0, failed: 0 });
  });

  it('sweeps the other dossiers when one cannot be judged, and reports it', async () => {
    const { db } = t.database;
    // the earlier tests' dossiers are late by July: record them first
    await sweepViolations(db, at('2026-07-01T08:00:00+07:00'));
    const ids = [await dossier(at('2026-07-01T09:00:00+07:00')), await dossier(at('2026-07-01T09:05:00+07:00'))];
    const real = new RulesCache(db);
    let calls = 0;
    const brokenOnce = {
      forVersion: async (versionId: string) => {
        calls += 1;
        if (calls === 1) throw new Error('procedure version unreadable');
        return real.forVersion(versionId);
      },
    } as unknown as RulesCache;
    const now = (await row(ids[1]!)).overdue_at!.getTime() + MINUTE;
    const result = await sweepViolations(db, now, { rules: brokenOnce });
    expect(result).toMatchObject({ examined: 2, recorded: 1, changed: 0, failed: 1 });
    expect((result.firstError as Error).message).toBe('procedure version unreadable');
    expect(await sweepViolations(db, now)).toEqual({ examined: 1, recorded: 1, changed: 0, failed: 0 });
    for (const id of ids) expect((await violations(id)).map((v) => v.kind)).toEqual(['late_without_apology']);
  });

  it('runs as a recurring job: scheduled once per period, the run records what is late now, the next run is scheduled', async () => {
    const { db } = t.database;
    const id = await dossier(at('2026-06-01T09:00:00+07:00'));
    const jobs = backgroundJobs(db);
    expect(jobs.recurring).toContainEqual({ kind: VIOLATION_SWEEP_JOB, everyMs: VIOLATION_SWEEP_EVERY_MS });
    // the sweep alone (the index's fold recurs too, every few seconds)
    const recurring = jobs.recurring.filter((j) => j.kind === VIOLATION_SWEEP_JOB);
    const t0 = new Date();
    // two polls (or two instances) schedule one run
    expect(await pollJobs(db, jobs.handlers, recurring, t0)).toBe(0);
    expect(await pollJobs(db, jobs.handlers, recurring, new Date(t0.getTime() + JOB_POLL_MS))).toBe(0);
    const pending = await listJobs(db, VIOLATION_SWEEP_JOB);
    expect(pending.map((j) => [j.status, new Date(j.run_at).getTime()])).toEqual([['pending', t0.getTime() + VIOLATION_SWEEP_EVERY_MS]]);
    // the run sweeps as of the clock: this dossier of June 2026 is long overdue
    const due = new Date(t0.getTime() + VIOLATION_SWEEP_EVERY_MS);
    expect(await pollJobs(db, jobs.handlers, recurring, due)).toBe(1);
    const after = await listJobs(db, VIOLATION_SWEEP_JOB);
    expect(after.map((j) => j.status)).toEqual(['done']);
    expect(after[0]!.last_error).toBeNull();
    expect((await violations(id)).map((v) => v.kind)).toEqual(['late_without_apology']);
    // the next poll schedules the next run
    await pollJobs(db, jobs.handlers, recurring, due);
    expect((await listJobs(db, VIOLATION_SWEEP_JOB)).map((j) => j.status)).toEqual(['done', 'pending']);
  });
});
