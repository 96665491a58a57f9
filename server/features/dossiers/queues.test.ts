import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dossier } from '@core/dossier/dossier';
import { QUEUES, inQueue } from '@core/dossier/queues';
import { dossierTiming } from '@core/dossier/timing';
import { type Client, type TestApp, createTestApp } from '../../../tests/support/app';
import { ENGINES } from '../../../tests/support/database';
import { act, intakeFor } from '../../../tests/support/dossiers';
import { CalendarCache } from '../calendar/calendar-cache';
import { performAction } from './commands';
import { findDossierById } from './queries';
import { RulesCache } from './rules';

describe.each(ENGINES)('work queues in SQL agree with core inQueue (%s)', (engine) => {
  let t: TestApp;
  let motcua: Client;
  let lanhdao: Client;

  beforeAll(async () => {
    t = await createTestApp(engine);
    [motcua, lanhdao] = await Promise.all([t.login('motcua'), t.login('lanhdao')]);
  });
  afterAll(() => t.close());

  it('new, mine, due soon, overdue, awaiting applicant, awaiting fee', async () => {
    const { db } = t.database;
    const calendars = new CalendarCache(db);
    const rules = new RulesCache(db);
    const intake = async () => (await motcua.post('/api/v1/dossiers', intakeFor())).json().dossier;
    // accepted in the past (through the command, with its clock): 12 and 9.5 working days ago of a
    // 10-day procedure, so that one is overdue and one at risk now
    const cal = await calendars.forUnit(null);
    for (const daysAgo of [12, 9.5]) {
      const d = await intake();
      const row = (await findDossierById(db, d.id))!;
      const acceptedAt = cal.instantAtPosition(cal.workingPosition(Date.now()) - daysAgo * cal.dayLengthMs);
      const ctx = { db, actor: { kind: 'staff' as const, id: motcua.me.user.id, name: 'motcua' }, requestId: 'test', now: acceptedAt };
      const procedure = await rules.forVersion(row.procedure_version_id);
      const accepted = await performAction(ctx, { row, rules: procedure, calendar: cal }, ['onestop_officer'], 'accept', { version: 1, input: { components: ['1', '2'] } });
      await performAction({ ...ctx, now: ctx.now + 1000 }, { row: accepted.row, rules: procedure, calendar: cal }, ['onestop_officer'], 'hand_over', { version: 2, input: { toUnit: '000.01.03.H26' } });
    }
    await intake();
    const supplement = await intake();
    await act(motcua, supplement.id, 'request_supplement', 1, { items: ['Tờ khai'] });
    const fee = await intake();
    await act(motcua, fee.id, 'accept', 1, { components: ['1', '2'] });
    await act(motcua, fee.id, 'await_fee', 2, { reason: 'Chờ nộp lệ phí' });
    const assigned = (await lanhdao.get('/api/v1/dossiers?status=processing')).json().items[0];
    const view = (await lanhdao.get(`/api/v1/dossiers/${assigned.code}`)).json().dossier;
    await act(lanhdao, assigned.code, 'assign', view.version, { assigneeId: lanhdao.me.user.id });

    const now = Date.now();
    const rows = await db.selectFrom('dossiers').selectAll().execute();
    const nonEmpty: string[] = [];
    for (const queue of QUEUES) {
      const expected: string[] = [];
      for (const r of rows) {
        const timing = dossierTiming(r.state as Dossier, await calendars.forUnit(r.handling_unit_id), (await rules.forVersion(r.procedure_version_id)).policy, now);
        if (inQueue(queue, r.state as Dossier, timing, lanhdao.me.user.id)) expected.push(r.id);
      }
      // motcua (the centre) sees every dossier here; `mine` is the leader's own
      const client = queue === 'mine' ? lanhdao : motcua;
      const got = (await client.get(`/api/v1/dossiers?queue=${queue}&limit=100`)).json().items.map((i: { id: string }) => i.id);
      expect(got.sort(), queue).toEqual(expected.sort());
      if (expected.length > 0) nonEmpty.push(queue);
    }
    expect(nonEmpty.sort()).toEqual([...QUEUES].sort());
  });
});
