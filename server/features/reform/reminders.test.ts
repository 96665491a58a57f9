import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp } from '../../../tests/support/app';
import { ENGINES } from '../../../tests/support/database';
import type { MailSender, OutgoingMail } from '../../adapters/mail/mail-sender';
import { sendReformReminders } from './reminders';
import { testClock } from '../../../tests/support/clock';

const clock = testClock('2026-03-02T09:00:00+07:00');

describe.each(ENGINES)('reform reminders (%s)', (engine) => {
  let t: TestApp;
  let kiemsoat: Client;
  const sent: OutgoingMail[] = [];
  const mail: MailSender = {
    send: async (m) => {
      sent.push(m);
      return { messageId: m.messageId ?? 'x' };
    },
    close: async () => {},
  };
  const run = () => sendReformReminders(t.database.db, { mail, publicUrl: 'https://motcua.test', now: () => clock.now });

  beforeAll(async () => {
    clock.set('2026-03-02T09:00:00+07:00');
    t = await createTestApp(engine, { now: () => clock.now });
    kiemsoat = await t.login('kiemsoat');
    // the director of the Department of Justice and the city chairman have e-mail addresses
    await t.database.db.updateTable('users').set({ email: 'giamdoc@tuphap.test' }).where('username', '=', 'giamdoc').execute();
    await t.database.db.updateTable('users').set({ email: 'chutich@ubnd.test' }).where('username', '=', 'chutich').execute();
  });
  afterAll(() => t.close());

  it('reminds the lead unit before the deadline, once, and escalates to the city leader when it is overdue', async () => {
    const units = await t.database.db.selectFrom('units').select(['id', 'code']).execute();
    const unit = (code: string) => units.find((u) => u.code === code)!.id;
    const plan = (await kiemsoat.post('/api/v1/reform/plans', { number: '1/KH-TEST', title: 'Kế hoạch thử', issuerUnitId: unit('000.00.00.H26'), issuedOn: '2026-01-15' })).json().plan;
    const task = (await kiemsoat.post(`/api/v1/reform/plans/${plan.id}/tasks`, { content: 'Rà soát TTHC nội bộ', leadUnitId: unit('000.00.03.H26'), deadline: { kind: 'date', date: '2026-03-31' } })).json().task;

    expect(await run()).toEqual({ reminders: 0, mails: 0 });
    clock.set('2026-03-28T09:00:00+07:00');
    expect(await run()).toEqual({ reminders: 1, mails: 1 });
    expect(sent[0]).toMatchObject({ to: 'giamdoc@tuphap.test', subject: '[Sắp đến hạn] Nhiệm vụ CCHC của STP đến hạn ngày 31/03/2026' });
    expect(sent[0]!.text).toContain(`https://motcua.test/staff/reform/tasks/${task.id}`);
    expect(await run()).toEqual({ reminders: 0, mails: 0 });

    clock.set('2026-04-01T08:00:00+07:00');
    expect(await run()).toEqual({ reminders: 1, mails: 2 });
    expect(sent.slice(1).map((m) => m.to).sort()).toEqual(['chutich@ubnd.test', 'giamdoc@tuphap.test']);
    expect(sent[1]!.subject).toContain('[Quá hạn]');
    expect(await run()).toEqual({ reminders: 0, mails: 0 });
    const audit = await t.database.db.selectFrom('audit_events').select('action').where('entity_id', '=', task.id).where('action', '=', 'reform.reminded').execute();
    expect(audit).toHaveLength(2);
  });
});
