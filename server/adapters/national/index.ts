/** The national portal the configuration names: the HMAC protocol's client, or none. */
import type { NationalConfig } from '../../config/config';
import { HttpNationalPortal } from './http-portal';
import type { NationalPortal } from './portal';

export { HttpNationalPortal, NATIONAL_SYNC_PATH } from './http-portal';
export { type NationalPortal, NationalPortalUnavailable, type SyncOutcome } from './portal';

/** The portal of the configuration; null when the sync is not configured. */
export function nationalPortalFromConfig(c: NationalConfig): NationalPortal | null {
  return c.portal ? new HttpNationalPortal(c.portal) : null;
}
