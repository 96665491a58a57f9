import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmtpSender } from '../../adapters/mail/smtp-sender';
import { createSimulatedSms } from '../../adapters/sms/simulated-sender';
import { listJobs } from '../../jobs/queries';
import { retryDelayMs, runDueJobs } from '../../jobs/runner';
import { type MailSink, startMailSink } from '../../sim/mail/sink';
import { type Client, type TestApp, createTestApp } from '../../../tests/support/app';
import { ENGINES } from '../../../tests/support/database';
import { PDF, act, intakeFor, uploadMany } from '../../../tests/support/dossiers';
import { NOTIFY_JOB, enqueueNotification, enqueueNotifications } from './enqueue';
import { notifyHandler } from './handler';

const FROM = 'Cổng Dịch vụ công Hải Phòng <no-reply@dichvucong.test>';
const PORTAL = 'https://dichvucong.test';
const CENTRE = 'Trung tâm Phục vụ hành chính công thành phố';

describe.each(ENGINES)('notifications by e-mail through a real SMTP sink and by simulated SMS (%s)', (engine) => {
  let t: TestApp;
  let motcua: Client;
  let sink: MailSink;
  const logs: string[] = [];
  const log = { info: (o: object, msg: string) => void logs.push(JSON.stringify({ ...o, msg })), warn: (o: object, msg: string) => void logs.push(JSON.stringify({ ...o, msg })) };
  const db = () => t.database.db;
  /** The notify handler sending through nodemailer to the SMTP server on `port`. */
  const handlersFor = (port: number) => ({ [NOTIFY_JOB]: notifyHandler({ mail: createSmtpSender({ host: '127.0.0.1', port, secure: false, user: undefined, pass: undefined }, FROM), sms: createSimulatedSms(db(), log), portalUrl: PORTAL, log }) });
  const mails = (to: string) => db().selectFrom('sim_mail_messages').selectAll().where('recipients', '=', to).orderBy('received_at').execute();
  const sms = (phone: string) => db().selectFrom('sim_sms_messages').selectAll().where('phone', '=', phone).orderBy('created_at').execute();
  const deliveries = (dossierId: string) => db().selectFrom('notification_deliveries').selectAll().where('dossier_id', '=', dossierId).orderBy('channel').execute();

  /** A counter dossier with its two components, accepted; answers the dossier view. */
  async function acceptedDossier(contact: { email?: string; phone?: string }) {
    const body = intakeFor();
    const created = await motcua.post('/api/v1/dossiers', { ...body, applicant: { ...body.applicant, phone: undefined, ...contact } });
    expect(created.statusCode, created.body).toBe(201);
    const d = created.json().dossier;
    const files = await uploadMany(motcua, d.id, [
      { componentId: '1', bytes: PDF },
      { componentId: '2', bytes: PDF },
    ]);
    expect(files.statusCode, files.body).toBe(201);
    const accepted = await act(motcua, d.id, 'accept', d.version, { components: ['1', '2'] });
    expect(accepted.statusCode, accepted.body).toBe(200);
    return accepted.json().dossier;
  }

  beforeAll(async () => {
    t = await createTestApp(engine);
    motcua = await t.login('motcua');
    sink = await startMailSink(db(), { port: 0 });
  });
  afterAll(async () => {
    await sink.close();
    await t.close();
  });

  it('an accepted dossier sends exactly one e-mail, in Vietnamese, and one SMS, logged masked; /sim/mail shows them', async () => {
    const email = 'an.nguyen@example.vn';
    const phone = '0912345678';
    const d = await acceptedDossier({ email, phone });
    const pending = (await listJobs(db(), NOTIFY_JOB)).filter((j) => (j.payload as { dossierId: string }).dossierId === d.id);
    expect(pending.map((j) => [j.status, (j.payload as { event: string }).event])).toEqual([['pending', 'received']]);

    expect(await runDueJobs(db(), handlersFor(sink.port))).toBe(1);
    const got = await mails(email);
    expect(got).toHaveLength(1);
    expect(got[0]!.subject).toBe(`Hồ sơ ${d.code} đã được tiếp nhận`);
    expect(got[0]!.mail_from).toBe('no-reply@dichvucong.test');
    expect(got[0]!.text_body).toContain('Kính gửi Nguyễn Văn An,');
    expect(got[0]!.text_body).toContain(`${CENTRE} đã tiếp nhận hồ sơ của Ông/Bà`);
    expect(got[0]!.text_body).toContain(`Mã hồ sơ: ${d.code}`);
    expect(got[0]!.text_body).toMatch(/Ngày hẹn trả kết quả: \d\d\/\d\d\/\d{4} \d\d:\d\d/);
    expect(got[0]!.html_body).toContain('Cấp Phiếu lý lịch tư pháp');
    const texts = await sms(phone);
    expect(texts.map((s) => s.body)).toEqual([expect.stringMatching(new RegExp(`^Hồ sơ ${d.code.replace(/\./g, '\\.')} đã được tiếp nhận\\. Hẹn trả kết quả: \\d\\d/\\d\\d/\\d{4}\\.$`))]);
    expect((await deliveries(d.id)).map((r) => [r.channel, r.status, r.attempts, r.locale])).toEqual([
      ['email', 'sent', 1, 'vi'],
      ['sms', 'sent', 1, 'vi'],
    ]);
    // the logs name the channels with the recipient masked, never in full
    const all = logs.join('\n');
    expect(all).toContain('091****678');
    expect(all).toContain('a***@example.vn');
    expect(all).not.toContain(phone);
    expect(all).not.toContain(email);

    // nothing is sent twice: the job is done
    expect(await runDueJobs(db(), handlersFor(sink.port))).toBe(0);
    expect(await mails(email)).toHaveLength(1);

    // the simulated mailbox
    const list = await t.app.inject({ method: 'GET', url: '/sim/mail' });
    expect(list.statusCode).toBe(200);
    expect(list.headers['content-type']).toContain('text/html');
    expect(list.body).toContain('HỘP THƯ MÔ PHỎNG');
    expect(list.body).toContain(`href="/sim/mail/${got[0]!.id}"`);
    expect(list.body).toContain(`Hồ sơ ${d.code} đã được tiếp nhận`);
    const one = await t.app.inject({ method: 'GET', url: `/sim/mail/${got[0]!.id}` });
    expect(one.statusCode).toBe(200);
    expect(one.body).toContain('Kính gửi Nguyễn Văn An,');
    expect(one.body).toContain('<iframe title="Bản HTML của thư" sandbox=""');
    const phoneView = await t.app.inject({ method: 'GET', url: '/sim/mail/sms' });
    expect(phoneView.body).toContain(texts[0]!.body);
    expect((await t.app.inject({ method: 'GET', url: '/sim/mail/00000000-0000-4000-8000-000000000000' })).statusCode).toBe(404);

    // staff who may read the dossier see what was sent, recipients masked
    const record = await motcua.get(`/api/v1/dossiers/${d.code}/notifications`);
    expect(record.statusCode, record.body).toBe(200);
    expect(record.json().items.map((i: { channel: string; to: string; status: string; event: string }) => [i.event, i.channel, i.to, i.status])).toEqual([
      ['received', 'email', 'a***@example.vn', 'sent'],
      ['received', 'sms', '091****678', 'sent'],
    ]);
    const outside = await (await t.login('motcua.xa')).get(`/api/v1/dossiers/${d.code}/notifications`);
    expect(outside.json().error.code).toBe('FORBIDDEN_OUTSIDE_UNIT');
  });

  it('SMTP down: the SMS goes, the e-mail fails and is retried with back-off, then sent once after recovery', async () => {
    const email = 'binh.tran@example.vn';
    const phone = '0987654321';
    const down = await startMailSink(db(), { port: 0 });
    const port = down.port;
    await down.close();
    const d = await acceptedDossier({ email, phone });
    const t0 = new Date();
    expect(await runDueJobs(db(), handlersFor(port), { now: t0 })).toBe(1);
    const [job] = (await listJobs(db(), NOTIFY_JOB)).filter((j) => (j.payload as { dossierId: string }).dossierId === d.id);
    expect(job).toMatchObject({ status: 'pending', attempts: 1 });
    expect(new Date(job!.run_at).getTime()).toBe(t0.getTime() + retryDelayMs(1));
    expect((await deliveries(d.id)).map((r) => [r.channel, r.status])).toEqual([
      ['email', 'failed'],
      ['sms', 'sent'],
    ]);
    expect((await deliveries(d.id))[0]!.error).toMatch(/ECONNREFUSED|connect/i);
    // not yet due: nothing runs
    expect(await runDueJobs(db(), handlersFor(port), { now: t0 })).toBe(0);

    const back = await startMailSink(db(), { port });
    try {
      expect(await runDueJobs(db(), handlersFor(port), { now: new Date(t0.getTime() + retryDelayMs(1)) })).toBe(1);
    } finally {
      await back.close();
    }
    expect((await listJobs(db(), NOTIFY_JOB)).find((j) => j.id === job!.id)?.status).toBe('done');
    expect(await mails(email)).toHaveLength(1);
    expect(await sms(phone)).toHaveLength(1);
    expect((await deliveries(d.id)).map((r) => [r.channel, r.status, r.attempts, r.error])).toEqual([
      ['email', 'sent', 2, null],
      ['sms', 'sent', 1, null],
    ]);
  });

  it('no e-mail address: no mail, the SMS only', async () => {
    const phone = '0901234567';
    const before = Number((await db().selectFrom('sim_mail_messages').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
    const d = await acceptedDossier({ phone });
    expect(await runDueJobs(db(), handlersFor(sink.port))).toBe(1);
    expect(Number((await db().selectFrom('sim_mail_messages').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n)).toBe(before);
    expect(await sms(phone)).toHaveLength(1);
    expect((await deliveries(d.id)).map((r) => [r.channel, r.status])).toEqual([['sms', 'sent']]);
  });

  it('no contact at all: the action schedules no notification', async () => {
    const d = await acceptedDossier({});
    expect((await listJobs(db(), NOTIFY_JOB)).filter((j) => (j.payload as { dossierId: string }).dossierId === d.id)).toEqual([]);
  });

  it('a supplement request before acceptance names the procedure and lists the items', async () => {
    const email = 'chau.le@example.vn';
    const body = intakeFor();
    const created = (await motcua.post('/api/v1/dossiers', { ...body, applicant: { ...body.applicant, email } })).json().dossier;
    const res = await act(motcua, created.id, 'request_supplement', created.version, { items: ['Tờ khai có chữ ký', 'Bản chụp CCCD rõ nét'] });
    expect(res.statusCode, res.body).toBe(200);
    await runDueJobs(db(), handlersFor(sink.port));
    const [mail] = await mails(email);
    expect(mail!.subject).toBe('Hồ sơ “Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam” cần bổ sung, hoàn thiện');
    expect(mail!.text_body).toContain('1. Tờ khai có chữ ký\n2. Bản chụp CCCD rõ nét');
  });

  it('the result is announced once per dossier, however many times it is scheduled', async () => {
    const email = 'giang.vu@example.vn';
    const d = await acceptedDossier({ email });
    await runDueJobs(db(), handlersFor(sink.port));
    // scheduled twice (on issue, then on the e-result's upload), in one statement
    await db()
      .transaction()
      .execute((trx) =>
        enqueueNotifications(trx, [
          { event: 'result_ready', dossierId: d.id, data: { code: d.code } },
          { event: 'result_ready', dossierId: d.id, data: { code: d.code, filename: 'ket-qua.pdf' } },
        ]),
      );
    expect(await runDueJobs(db(), handlersFor(sink.port))).toBe(2);
    expect((await mails(email)).map((m) => m.subject)).toEqual([`Hồ sơ ${d.code} đã được tiếp nhận`, `Hồ sơ ${d.code} đã có kết quả`]);
    expect((await deliveries(d.id)).filter((r) => r.event === 'result_ready')).toHaveLength(1);
  });

  it('a submission e-mail carries the code and the lookup secret; the logs, the record and the finished job do not', async () => {
    const email = 'dung.pham@example.vn';
    const d = await acceptedDossier({ email });
    await runDueJobs(db(), handlersFor(sink.port));
    const secret = 'Q7RM-2XKD-9PLA';
    await db()
      .transaction()
      .execute((trx) => enqueueNotification(trx, { event: 'submitted', dossierId: d.id, data: { code: d.code, lookupSecret: secret, locale: 'en' } }));
    expect(await runDueJobs(db(), handlersFor(sink.port))).toBe(1);
    const got = await mails(email);
    expect(got.map((m) => m.subject)).toEqual([`Hồ sơ ${d.code} đã được tiếp nhận`, `Online application ${d.code} submitted`]);
    expect(got[1]!.text_body).toContain(`Lookup secret: ${secret}`);
    expect(got[1]!.text_body).toContain('Dear Nguyễn Văn An,');
    expect(logs.join('\n')).not.toContain(secret);
    const recorded = (await deliveries(d.id)).filter((r) => r.event === 'submitted');
    expect(recorded.map((r) => [r.channel, r.locale, r.status])).toEqual([['email', 'en', 'sent']]);
    expect(recorded[0]!.body).toContain('Lookup secret: ******');
    expect(recorded[0]!.body).not.toContain(secret);
    const jobs = await listJobs(db(), NOTIFY_JOB);
    expect(JSON.stringify(jobs.map((j) => j.payload))).not.toContain(secret);
  });
});
