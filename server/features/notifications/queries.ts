/** The notifications' SQL: the dossier facts a message needs, the delivery record, the scrub of a sent secret. */
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema';
import type { NotificationDeliveryRow } from '../../db/tables/notifications';

/** What a notification says about a dossier, with where it goes (`applicant_contact`). */
export async function findNotificationFacts(db: Kysely<DB>, dossierId: string) {
  return db
    .selectFrom('dossiers as d')
    .innerJoin('procedure_versions as pv', 'pv.id', 'd.procedure_version_id')
    .innerJoin('units as ru', 'ru.id', 'd.unit_id')
    .innerJoin('units as hu', 'hu.id', 'd.handling_unit_id')
    .select([
      'd.id',
      'd.unit_id',
      'd.code',
      'd.applicant_name',
      'd.applicant_contact',
      'd.return_method',
      'd.due_at',
      'pv.name as procedure_name',
      'ru.name as receiving_unit',
      'hu.name as handling_unit',
    ])
    .where('d.id', '=', dossierId)
    .executeTakeFirst();
}

/** The channels of a job already recorded, with their status. */
export async function deliveriesOfJob(db: Kysely<DB>, jobId: string): Promise<Map<string, NotificationDeliveryRow['status']>> {
  const rows = await db.selectFrom('notification_deliveries').select(['channel', 'status']).where('job_id', '=', jobId).execute();
  return new Map(rows.map((r) => [r.channel, r.status]));
}

/** The channels on which another job already sent `event` about the dossier. */
export async function channelsAlreadyNotified(db: Kysely<DB>, dossierId: string, event: string, exceptJobId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('notification_deliveries')
    .select('channel')
    .distinct()
    .where('dossier_id', '=', dossierId)
    .where('event', '=', event)
    .where('status', '=', 'sent')
    .where('job_id', '<>', exceptJobId)
    .execute();
  return new Set(rows.map((r) => r.channel));
}

/** One attempt on one channel of a job, as recorded. */
export interface DeliveryAttempt {
  jobId: string;
  dossierId: string;
  unitId: string;
  event: string;
  channel: 'email' | 'sms';
  recipient: string;
  locale: 'vi' | 'en';
  subject: string | null;
  body: string;
  status: 'sent' | 'failed';
  error: string | null;
  providerId: string | null;
  at: Date;
}

/** Records an attempt: the first makes the (job, channel) row, later ones update it and count. */
export async function recordDelivery(db: Kysely<DB>, a: DeliveryAttempt): Promise<void> {
  await db
    .insertInto('notification_deliveries')
    .values({
      job_id: a.jobId,
      dossier_id: a.dossierId,
      unit_id: a.unitId,
      event: a.event,
      channel: a.channel,
      recipient: a.recipient,
      locale: a.locale,
      subject: a.subject,
      body: a.body,
      status: a.status,
      error: a.error,
      provider_id: a.providerId,
      created_at: a.at,
      updated_at: a.at,
      sent_at: a.status === 'sent' ? a.at : null,
    })
    .onConflict((oc) =>
      oc.columns(['job_id', 'channel']).doUpdateSet((eb) => ({
        status: eb.ref('excluded.status'),
        error: eb.ref('excluded.error'),
        provider_id: eb.ref('excluded.provider_id'),
        sent_at: eb.ref('excluded.sent_at'),
        updated_at: eb.ref('excluded.updated_at'),
        attempts: sql<number>`notification_deliveries.attempts + 1`,
      })),
    )
    .execute();
}

/** Every delivery of a dossier, oldest first. */
export async function listDeliveries(db: Kysely<DB>, dossierId: string): Promise<NotificationDeliveryRow[]> {
  return db.selectFrom('notification_deliveries').selectAll().where('dossier_id', '=', dossierId).orderBy('created_at').orderBy('channel').execute();
}

/** Once the e-mail carrying it went out, the lookup secret leaves the job's payload (the job row stays as history). */
export async function scrubLookupSecret(db: Kysely<DB>, jobId: string): Promise<void> {
  await sql`UPDATE jobs SET payload = jsonb_set(payload, '{data,lookupSecret}', '"[removed]"')
    WHERE id = ${jobId} AND payload #> '{data,lookupSecret}' IS NOT NULL`.execute(db);
}
