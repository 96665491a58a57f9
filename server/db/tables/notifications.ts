import type { ColumnType, Generated, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** One channel of one notify job: what was sent to whom, and how it went. */
export interface NotificationDeliveriesTable {
  id: Generated<string>;
  job_id: string;
  dossier_id: string;
  unit_id: string;
  event: string;
  channel: 'email' | 'sms';
  recipient: string;
  locale: 'vi' | 'en';
  subject: string | null;
  body: string;
  status: 'sent' | 'failed';
  attempts: Generated<number>;
  error: string | null;
  provider_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  sent_at: Date | null;
}

/** A message the local SMTP sink received (embedded default only). */
export interface SimMailMessagesTable {
  id: Generated<string>;
  received_at: Timestamp;
  mail_from: string | null;
  recipients: string;
  subject: string | null;
  message_id: string | null;
  text_body: string | null;
  html_body: string | null;
  size: number;
}

/** A message the simulated SMS gateway "sent". */
export interface SimSmsMessagesTable {
  id: Generated<string>;
  phone: string;
  body: string;
  created_at: Timestamp;
}

export type NotificationDeliveryRow = Selectable<NotificationDeliveriesTable>;
export type SimMailRow = Selectable<SimMailMessagesTable>;
export type SimSmsRow = Selectable<SimSmsMessagesTable>;

/** Tables of the notifications feature and its simulators. */
export interface NotificationTables {
  notification_deliveries: NotificationDeliveriesTable;
  sim_mail_messages: SimMailMessagesTable;
  sim_sms_messages: SimSmsMessagesTable;
}
