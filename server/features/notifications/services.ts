/** The senders the notify job uses, from the configuration (started by server/main.ts). */
import type { Kysely } from 'kysely';
import type { MailSender } from '../../adapters/mail/mail-sender';
import { createSmtpSender } from '../../adapters/mail/smtp-sender';
import { createSimulatedSms } from '../../adapters/sms/simulated-sender';
import type { Config } from '../../config/config';
import type { DB } from '../../db/schema';
import type { NotifyDeps, NotifyLog } from './handler';

/**
 * E-mail through the configured SMTP server, else through the local sink listening on `sinkPort`
 * (embedded default), else none; SMS through the simulated gateway unless SMS_PROVIDER=off.
 */
export function notificationServices(config: Config, db: Kysely<DB>, log: NotifyLog, sinkPort: number | null): NotifyDeps {
  let mail: MailSender | null = null;
  if (config.mail.smtp) mail = createSmtpSender(config.mail.smtp, config.mail.from);
  else if (sinkPort !== null) mail = createSmtpSender({ host: '127.0.0.1', port: sinkPort, secure: false, user: undefined, pass: undefined }, config.mail.from);
  else log.warn({}, 'no SMTP server configured (SMTP_HOST): notifications go by SMS only');
  return { mail, sms: config.sms.provider === 'simulated' ? createSimulatedSms(db, log) : null, portalUrl: config.publicUrl, log };
}
