import type { PortalMe } from '@core/citizens/api';
import type { CitizenActor } from '../../http/actor';

/** The `me` answer for the signed-in person: their own CCCD in full (it is theirs), never anyone else's. */
export function presentMe(c: CitizenActor): PortalMe {
  return {
    idNumber: c.idNumber,
    fullName: c.fullName,
    level: c.level,
    email: c.email,
    phone: c.phone,
    organisations: c.organisations,
    actingFor: c.actingFor,
    csrfToken: c.csrfToken,
    sessionExpiresAt: c.sessionExpiresAt.toISOString(),
  };
}
