/**
 * The simulated SMS gateway: nothing leaves the machine. Each message is stored (a bounded store,
 * shown at /sim/mail/sms in the embedded default) and logged with the phone number masked.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { SimSmsRow } from '../../db/tables/notifications';
import { maskPhone } from './mask-phone';
import type { OutgoingSms, SmsSender } from './sms-sender';

/** How many simulated messages are kept; older ones are dropped. */
export const SIM_SMS_KEEP = 1_000;

/** The log the simulator writes to (a pino/Fastify logger fits). */
export interface SmsLog {
  info(obj: object, msg: string): void;
}

/** A simulated sender over the database; every message is logged as `SMS (mô phỏng)` with the number masked. */
export function createSimulatedSms(db: Kysely<DB>, log: SmsLog): SmsSender {
  return {
    async send(sms: OutgoingSms) {
      const id = await insertSimSms(db, sms.to, sms.text);
      log.info({ sms: { id, to: maskPhone(sms.to), text: sms.text } }, 'SMS (mô phỏng) đã gửi');
      return { id };
    },
  };
}

/** Stores one simulated SMS and drops the oldest beyond SIM_SMS_KEEP; answers its id. */
export async function insertSimSms(db: Kysely<DB>, phone: string, body: string): Promise<string> {
  const row = await db.insertInto('sim_sms_messages').values({ phone, body }).returning('id').executeTakeFirstOrThrow();
  await db
    .deleteFrom('sim_sms_messages')
    .where('id', 'in', (eb) => eb.selectFrom('sim_sms_messages').select('id').orderBy('created_at', 'desc').orderBy('id').offset(SIM_SMS_KEEP))
    .execute();
  return row.id;
}

/** The newest simulated SMS first, at most `limit`. */
export async function listSimSms(db: Kysely<DB>, limit = 200): Promise<SimSmsRow[]> {
  return db.selectFrom('sim_sms_messages').selectAll().orderBy('created_at', 'desc').orderBy('id').limit(limit).execute();
}
