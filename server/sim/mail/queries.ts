/** The simulated mailbox's SQL: a bounded table of received messages. */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { SimMailRow } from '../../db/tables/notifications';

/** How many received messages the sink keeps; older ones are dropped. */
export const SIM_MAIL_KEEP = 500;

/** A message as the sink received it. */
export interface ReceivedMail {
  mailFrom: string | null;
  recipients: string[];
  subject: string | null;
  messageId: string | null;
  text: string | null;
  html: string | null;
  size: number;
}

/** Stores a received message and drops the oldest beyond SIM_MAIL_KEEP. */
export async function insertSimMail(db: Kysely<DB>, m: ReceivedMail): Promise<string> {
  const row = await db
    .insertInto('sim_mail_messages')
    .values({ mail_from: m.mailFrom, recipients: m.recipients.join(', '), subject: m.subject, message_id: m.messageId, text_body: m.text, html_body: m.html, size: m.size })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .deleteFrom('sim_mail_messages')
    .where('id', 'in', (eb) => eb.selectFrom('sim_mail_messages').select('id').orderBy('received_at', 'desc').orderBy('id').offset(SIM_MAIL_KEEP))
    .execute();
  return row.id;
}

/** The newest messages first, without their bodies. */
export async function listSimMail(db: Kysely<DB>, limit = 200) {
  return db.selectFrom('sim_mail_messages').select(['id', 'received_at', 'recipients', 'subject', 'size']).orderBy('received_at', 'desc').orderBy('id').limit(limit).execute();
}

/** One message with its bodies. */
export async function findSimMail(db: Kysely<DB>, id: string): Promise<SimMailRow | undefined> {
  return db.selectFrom('sim_mail_messages').selectAll().where('id', '=', id).executeTakeFirst();
}
