/**
 * The local catch-all SMTP sink of the embedded default: a real SMTP server (smtp-server) on
 * 127.0.0.1 that accepts every message for every recipient, parses it (mailparser) and keeps it in
 * the database, where /sim/mail shows it. Nothing is relayed anywhere. Started by server/main.ts.
 */
import type { AddressInfo } from 'node:net';
import type { Kysely } from 'kysely';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { DB } from '../../db/schema';
import { insertSimMail } from './queries';

/** The largest message the sink accepts (the notifications are a few kilobytes). */
export const SIM_MAIL_MAX_BYTES = 10 * 1024 * 1024;

/** A running sink. */
export interface MailSink {
  /** The port it listens on (the one asked for, or the one the system gave for 0). */
  port: number;
  close(): Promise<void>;
}

/** The log the sink writes to (a pino/Fastify logger fits). */
export interface SinkLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/** Starts the sink on `port` (0 = any free port) of 127.0.0.1; throws when the port is taken. */
export async function startMailSink(db: Kysely<DB>, opts: { port: number; host?: string; log?: SinkLog }): Promise<MailSink> {
  const server = new SMTPServer({
    name: 'motcua-mail-sink',
    banner: 'motcua SMTP sink (simulator): nothing is delivered',
    // plain text on the loopback, any or no credentials: a sink, not a relay
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    allowInsecureAuth: true,
    onAuth: (auth, _session, callback) => callback(null, { user: auth.username ?? 'sim' }),
    size: SIM_MAIL_MAX_BYTES,
    logger: false,
    closeTimeout: 2_000,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then(async (mail) => {
          if (stream.sizeExceeded) return callback(Object.assign(new Error('Message exceeds the size limit'), { responseCode: 552 }));
          const rcpt = session.envelope.rcptTo.map((a) => a.address);
          const id = await insertSimMail(db, {
            mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
            recipients: rcpt,
            subject: mail.subject ?? null,
            messageId: mail.messageId ?? null,
            text: mail.text ?? null,
            html: typeof mail.html === 'string' ? mail.html : null,
            size: stream.byteLength,
          });
          opts.log?.info({ simMail: { id, recipients: rcpt.length } }, 'SMTP sink stored a message');
          callback();
        })
        .catch((err: unknown) => {
          opts.log?.warn({ err }, 'SMTP sink could not store a message');
          callback(Object.assign(new Error('Temporary failure storing the message'), { responseCode: 451 }));
        });
    },
  });
  await new Promise<void>((resolve, reject) => {
    const failed = (err: Error) => reject(Object.assign(err, { message: `SMTP sink (simulator) cannot listen on ${opts.host ?? '127.0.0.1'}:${opts.port}: ${err.message}. Set MAIL_SIM_PORT to a free port (0 = any).` }));
    server.server.once('error', failed);
    server.listen(opts.port, opts.host ?? '127.0.0.1', () => {
      server.server.off('error', failed);
      resolve();
    });
  });
  // after start-up, a client's broken connection must not bring the process down
  server.on('error', (err) => opts.log?.warn({ err }, 'SMTP sink error'));
  return {
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
