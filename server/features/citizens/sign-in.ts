import type { Kysely } from 'kysely';
import { maskCccd } from '@core/identity/mask';
import type { DB } from '../../db/schema';
import { appendAudit } from '../audit/append';
import { type CitizenClaims, deleteCitizenSession, upsertCitizen } from './queries';
import { openCitizenSession } from './session';

export interface SignInContext {
  db: Kysely<DB>;
  requestId: string;
  ip: string | null;
  userAgent: string | null;
  /** The portal session the browser already had (another person, or a stale one): ended by this sign-in. */
  replacing: string | null;
  now?: Date;
}

/**
 * Signs a person in from their provider's claims, in one transaction: refreshes the citizen and the
 * organisations they represent, ends the browser's previous portal session, opens a new one, and
 * records `portal.login` (CCCD masked). Answers the raw session token for the cookie.
 */
export async function signInCitizen(ctx: SignInContext, claims: CitizenClaims): Promise<{ citizenId: string; token: string; csrfToken: string; expiresAt: Date }> {
  const now = ctx.now ?? new Date();
  return ctx.db.transaction().execute(async (trx) => {
    if (ctx.replacing) await deleteCitizenSession(trx, ctx.replacing);
    const citizenId = await upsertCitizen(trx, claims, now);
    const session = await openCitizenSession(trx, citizenId, { actingFor: null, ip: ctx.ip, userAgent: ctx.userAgent }, now);
    await appendAudit(trx, {
      actor: { kind: 'citizen', id: citizenId, name: claims.fullName },
      action: 'portal.login',
      entityType: 'citizen',
      entityId: citizenId,
      unitId: null,
      after: {
        idNumber: maskCccd(claims.idNumber),
        level: claims.level,
        organisations: claims.organisations.map((o) => o.taxCode),
        issuer: claims.issuer,
        ip: ctx.ip,
        replacedSession: ctx.replacing !== null,
      },
      requestId: ctx.requestId,
      at: now,
    });
    return { citizenId, ...session };
  });
}
