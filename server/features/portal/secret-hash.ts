/**
 * Lookup secrets are kept as a keyed hash: HMAC-SHA256 of `<dossier id>:<secret>` under a key
 * derived from the service's session secret, so a copy of the database alone cannot be searched for
 * the 25⁸ possible secrets of a dossier. Changing SESSION_SECRET invalidates every lookup secret
 * (the applicant, signed in, can issue a new one).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { lookupSecretFrom } from '@core/portal/secret';

/** Hashes and checks lookup secrets under one service key. */
export class SecretHasher {
  private readonly key: Buffer;

  constructor(serviceSecret: string) {
    this.key = createHmac('sha256', serviceSecret).update('motcua/portal/lookup-secret/v1').digest();
  }

  /** A fresh secret. */
  issue(): string {
    return lookupSecretFrom((n) => randomBytes(n));
  }

  /** The stored form of a dossier's secret. */
  hash(dossierId: string, secret: string): string {
    return createHmac('sha256', this.key).update(`${dossierId}:${secret}`).digest('hex');
  }

  /** True when `secret` is the dossier's (constant-time comparison). */
  matches(dossierId: string, secret: string, stored: string): boolean {
    const a = Buffer.from(this.hash(dossierId, secret), 'hex');
    const b = Buffer.from(stored, 'hex');
    return a.length === b.length && timingSafeEqual(a, b);
  }
}
