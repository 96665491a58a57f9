/**
 * The `notify` job: loads the dossier, renders the message in the applicant's language and sends it
 * by e-mail (when the contact has an address) and SMS (when it has a phone number), recording each
 * channel. A failed channel fails the job, so the runner retries it with back-off; a retry sends only
 * the channels not yet sent.
 */
import { z } from 'zod';
import type { ReturnMethod } from '@core/dossier/channel';
import { maskEmail, maskEmailsIn } from '../../adapters/mail/mask-address';
import type { MailSender } from '../../adapters/mail/mail-sender';
import { maskPhone } from '../../adapters/sms/mask-phone';
import type { SmsSender } from '../../adapters/sms/sms-sender';
import type { JobHandler } from '../../jobs/runner';
import { NOTIFICATION_EVENTS, type NotificationEvent } from './enqueue';
import { channelsAlreadyNotified, deliveriesOfJob, findNotificationFacts, recordDelivery, scrubLookupSecret } from './queries';
import { type RenderedNotification, renderNotification } from './render';
import type { NotificationData, NotificationLocale } from './templates';

/** The log the job writes to (a pino/Fastify logger fits). Nothing logged carries a full address, a phone number or a secret. */
export interface NotifyLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/** What the job sends with; a null channel is not configured (nothing sent, nothing recorded on it). */
export interface NotifyDeps {
  mail: MailSender | null;
  sms: SmsSender | null;
  /** The public portal's address, printed in every message. */
  portalUrl: string;
  log: NotifyLog;
}

const payloadSchema = z.object({
  event: z.enum(NOTIFICATION_EVENTS),
  dossierId: z.guid(),
  data: z.record(z.string(), z.unknown()).optional(),
});

const contactSchema = z.object({
  email: z.string().trim().min(3).optional().catch(undefined),
  phone: z.string().trim().min(3).optional().catch(undefined),
  locale: z.enum(['vi', 'en']).optional().catch(undefined),
});

const dataSchema = z.object({
  at: z.number().optional().catch(undefined),
  code: z.string().optional().catch(undefined),
  lookupSecret: z.string().optional().catch(undefined),
  dueAt: z.number().optional().catch(undefined),
  items: z.array(z.string()).optional().catch(undefined),
  note: z.string().optional().catch(undefined),
  reason: z.string().optional().catch(undefined),
  amount: z.number().optional().catch(undefined),
  method: z.enum(['online', 'counter', 'post']).optional().catch(undefined),
  receiptNumber: z.string().optional().catch(undefined),
  number: z.string().optional().catch(undefined),
  filename: z.string().optional().catch(undefined),
  subject: z.string().optional().catch(undefined),
  eResult: z.boolean().optional().catch(undefined),
  newDueAt: z.number().optional().catch(undefined),
  answer: z.string().optional().catch(undefined),
  locale: z.enum(['vi', 'en']).optional().catch(undefined),
});

/**
 * Events the applicant hears once per dossier and channel, whoever schedules them again: the result
 * is announced when it is issued (performAction) and again when its e-result is uploaded after
 * issue (server/features/results); a replaced result file is not news either.
 */
const ONCE_PER_DOSSIER: ReadonlySet<NotificationEvent> = new Set(['result_ready']);

/** What stands in for a lookup secret in the delivery record. */
const SECRET_MASK = '******';

/** The handler of `notify` jobs. */
export function notifyHandler(deps: NotifyDeps): JobHandler {
  return async (payload, { db, jobId }) => {
    const parsed = payloadSchema.safeParse(payload);
    // a malformed payload can never succeed: retrying would only repeat the failure
    if (!parsed.success) return deps.log.warn({ notification: { jobId } }, 'notification payload malformed; nothing sent');
    const { event, dossierId } = parsed.data;
    const row = await findNotificationFacts(db, dossierId);
    if (!row) return deps.log.warn({ notification: { jobId, event, dossierId } }, 'notification for an unknown dossier; nothing sent');

    const contact = contactSchema.parse(row.applicant_contact ?? {});
    const { locale: dataLocale, ...data } = dataSchema.parse(parsed.data.data ?? {}) as NotificationData & { locale?: NotificationLocale };
    const locale: NotificationLocale = dataLocale ?? contact.locale ?? 'vi';
    const facts = {
      applicantName: row.applicant_name,
      code: row.code,
      procedureName: row.procedure_name,
      receivingUnit: row.receiving_unit,
      handlingUnit: row.handling_unit,
      returnMethod: row.return_method as ReturnMethod,
      dueAt: row.due_at?.getTime() ?? null,
    };
    const message = renderNotification(event, facts, data, locale, deps.portalUrl);
    // what the record keeps: the same message, the lookup secret starred
    const recorded = data.lookupSecret ? renderNotification(event, facts, { ...data, lookupSecret: SECRET_MASK }, locale, deps.portalUrl) : message;

    const done = await deliveriesOfJob(db, jobId);
    const already = ONCE_PER_DOSSIER.has(event) ? await channelsAlreadyNotified(db, dossierId, event, jobId) : new Set<string>();
    const channels: Channel[] = [];
    if (contact.email && deps.mail) channels.push({ name: 'email', to: contact.email, masked: maskEmail(contact.email), send: sendMail(deps.mail, contact.email, message, jobId) });
    if (contact.phone && deps.sms) channels.push({ name: 'sms', to: contact.phone, masked: maskPhone(contact.phone), send: sendSms(deps.sms, contact.phone, message) });

    let failure: unknown = null;
    for (const c of channels) {
      if (done.get(c.name) === 'sent') continue;
      if (already.has(c.name)) {
        deps.log.info({ notification: { jobId, dossierId, event, channel: c.name, to: c.masked } }, 'notification already sent for this dossier; not repeated');
        continue;
      }
      const base = { jobId, dossierId, unitId: row.unit_id, event, channel: c.name, recipient: c.to, locale, subject: c.name === 'email' ? recorded.subject : null, body: c.name === 'email' ? recorded.text : recorded.sms };
      const log = { jobId, dossierId, event, channel: c.name, to: c.masked };
      try {
        const providerId = await c.send();
        await recordDelivery(db, { ...base, status: 'sent', error: null, providerId, at: new Date() });
        done.set(c.name, 'sent');
        deps.log.info({ notification: log }, 'notification sent');
      } catch (err) {
        const error = maskEmailsIn(err instanceof Error ? err.message : String(err)).slice(0, 1000);
        await recordDelivery(db, { ...base, status: 'failed', error, providerId: null, at: new Date() });
        deps.log.warn({ notification: { ...log, error } }, 'notification not sent; the job retries later');
        failure ??= err;
      }
    }
    // the secret is only needed until the e-mail that carries it is out
    const mailPending = channels.some((c) => c.name === 'email') && done.get('email') !== 'sent';
    if (data.lookupSecret && !mailPending) await scrubLookupSecret(db, jobId);
    if (failure) throw failure;
  };
}

interface Channel {
  name: 'email' | 'sms';
  to: string;
  masked: string;
  /** Sends; answers the provider's id. */
  send: () => Promise<string>;
}

function sendMail(mail: MailSender, to: string, m: RenderedNotification, jobId: string) {
  return async () => (await mail.send({ to, subject: m.subject, text: m.text, html: m.html, messageId: `<${jobId}.email@notify.motcua>` })).messageId;
}

function sendSms(sms: SmsSender, to: string, m: RenderedNotification) {
  return async () => (await sms.send({ to, text: m.sms })).id;
}
