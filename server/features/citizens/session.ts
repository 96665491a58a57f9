import type { FastifyRequest } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import { PORTAL_SESSION_POLICY } from '@core/auth/policy';
import type { DB } from '../../db/schema';
import type { CitizenActor } from '../../http/actor';
import { hashToken, newToken } from '../auth/tokens';
import { findLiveCitizenSession, insertCitizenSession, touchCitizenSession } from './queries';

/** The portal's session cookie (signed, HttpOnly, SameSite=Lax so the identity provider's redirect back carries it). */
export const PORTAL_COOKIE = 'motcua_portal';
const TOUCH_EVERY_MS = 60_000;

/** The signed-in citizen of a request, or null; `hadCookie` tells an expired session from none. */
export async function loadCitizen(db: Kysely<DB>, req: FastifyRequest): Promise<{ citizen: CitizenActor | null; hadCookie: boolean }> {
  const raw = req.cookies[PORTAL_COOKIE];
  if (!raw) return { citizen: null, hadCookie: false };
  const unsigned = req.unsignCookie(raw);
  if (!unsigned.valid || !unsigned.value) return { citizen: null, hadCookie: true };
  const tokenHash = hashToken(unsigned.value);
  const now = new Date();
  const s = await findLiveCitizenSession(db, tokenHash, now);
  const absoluteEnd = s ? s.created_at.getTime() + PORTAL_SESSION_POLICY.absoluteHours * 3_600_000 : 0;
  if (!s || absoluteEnd <= now.getTime()) return { citizen: null, hadCookie: true };
  let expiresAt = s.expires_at;
  if (now.getTime() - s.last_seen_at.getTime() > TOUCH_EVERY_MS) {
    expiresAt = new Date(Math.min(now.getTime() + PORTAL_SESSION_POLICY.idleMinutes * 60_000, absoluteEnd));
    await touchCitizenSession(db, tokenHash, now, expiresAt);
  }
  const organisations = s.organisations.map((o) => ({ taxCode: o.tax_code, name: o.name }));
  return {
    hadCookie: true,
    citizen: {
      kind: 'citizen',
      citizenId: s.citizen_id,
      idNumber: s.id_number,
      fullName: s.full_name,
      level: s.level,
      email: s.email,
      phone: s.phone,
      organisations,
      actingFor: organisations.find((o) => o.taxCode === s.acting_for) ?? null,
      sessionTokenHash: tokenHash,
      csrfToken: s.csrf_token,
      sessionExpiresAt: expiresAt,
    },
  };
}

/** Opens a portal session for a citizen (inside the sign-in transaction); returns the raw token for the cookie and the CSRF token. */
export async function openCitizenSession(
  trx: Transaction<DB>,
  citizenId: string,
  meta: { actingFor?: string | null; ip: string | null; userAgent: string | null },
  now = new Date(),
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(now.getTime() + PORTAL_SESSION_POLICY.idleMinutes * 60_000);
  await insertCitizenSession(trx, {
    token_hash: hashToken(token),
    citizen_id: citizenId,
    csrf_token: csrfToken,
    acting_for: meta.actingFor ?? null,
    expires_at: expiresAt,
    ip: meta.ip,
    user_agent: meta.userAgent,
  });
  return { token, csrfToken, expiresAt };
}
