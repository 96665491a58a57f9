/** The SMTP implementation of the e-mail adapter (nodemailer). */
import nodemailer from 'nodemailer';
import type { SmtpSettings } from '../../config/config';
import type { MailSender, OutgoingMail } from './mail-sender';

/**
 * A sender through one SMTP server. One connection per message (no pool): notifications are few and
 * spread out, and a fresh connection recovers by itself once a server that was down is back. Short
 * timeouts, so that an unreachable server fails the job quickly and its back-off takes over.
 */
export function createSmtpSender(settings: SmtpSettings, from: string): MailSender {
  const transport = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    ...(settings.user ? { auth: { user: settings.user, pass: settings.pass ?? '' } } : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    async send(mail: OutgoingMail) {
      const info = await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, ...(mail.messageId ? { messageId: mail.messageId } : {}) });
      return { messageId: info.messageId };
    },
    async close() {
      transport.close();
    },
  };
}
