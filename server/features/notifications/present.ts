/** The delivery record as the API shows it: the recipient masked; the error only to staff. */
import type { NotificationDeliveryView } from '@core/notifications/api';
import { formatInstant } from '@core/calendar/time';
import { maskEmail } from '../../adapters/mail/mask-address';
import { maskPhone } from '../../adapters/sms/mask-phone';
import type { NotificationDeliveryRow } from '../../db/tables/notifications';

/** One delivery for `audience`: staff see why a channel failed, the applicant sees that it did. */
export function presentDelivery(r: NotificationDeliveryRow, audience: 'staff' | 'applicant'): NotificationDeliveryView {
  return {
    id: r.id,
    event: r.event,
    channel: r.channel,
    to: r.channel === 'email' ? maskEmail(r.recipient) : maskPhone(r.recipient),
    locale: r.locale,
    subject: r.subject,
    body: r.body,
    status: r.status,
    attempts: r.attempts,
    ...(audience === 'staff' ? { error: r.error } : {}),
    createdAt: formatInstant(r.created_at.getTime()),
    sentAt: r.sent_at ? formatInstant(r.sent_at.getTime()) : null,
  };
}
