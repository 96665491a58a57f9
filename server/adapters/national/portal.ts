/**
 * The national public-service portal (Cổng Dịch vụ công quốc gia) as the app sees it: one dossier
 * at a time, synced. One implementation speaks the HMAC JSON protocol of core/dossier/national-sync.ts
 * (the local simulator's); another portal is another implementation of this interface.
 */
import type { NationalDossierFields } from '@core/dossier/national-sync';

/** The portal's answer about one dossier version. */
export type SyncOutcome =
  /** The portal holds this version (now, or since an earlier send of it). */
  | { accepted: true; receivedAt: Date }
  /** The portal read the message and refused it (its code and message); sending it again as is will not help. */
  | { accepted: false; code: string; message: string };

export interface NationalPortal {
  /** Sends one dossier version; throws NationalPortalUnavailable when the portal cannot be reached or its answer cannot be believed. */
  syncDossier(payload: NationalDossierFields): Promise<SyncOutcome>;
}

/** The portal did not answer, answered outside the protocol, or refused our credentials: try again later. */
export class NationalPortalUnavailable extends Error {
  override name = 'NationalPortalUnavailable';
}
