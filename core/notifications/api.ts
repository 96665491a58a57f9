/** Boundary schemas of the notification record: what was sent to a dossier's applicant, on which channel, and how it went. */
import { z } from 'zod';

/** One channel of one notification, the recipient masked. `error` is shown to staff only. */
export const notificationDelivery = z.object({
  id: z.string(),
  event: z.string(),
  channel: z.enum(['email', 'sms']),
  to: z.string(),
  locale: z.enum(['vi', 'en']),
  subject: z.string().nullable(),
  body: z.string(),
  status: z.enum(['sent', 'failed']),
  attempts: z.number().int(),
  error: z.string().nullable().optional(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type NotificationDeliveryView = z.infer<typeof notificationDelivery>;

/** `GET …/notifications`. */
export const notificationList = z.object({ items: z.array(notificationDelivery) });
