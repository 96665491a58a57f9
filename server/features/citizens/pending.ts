import type { ErrorCode } from '@core/errors/catalogue';

/** The cookie holding a sign-in in progress (between the redirect to the provider and its answer). */
export const PENDING_COOKIE = 'motcua_oidc';
/** Sent only to the sign-in routes. */
export const PENDING_PATH = '/api/v1/portal/auth';
/** A sign-in must come back within this time. */
export const PENDING_TTL_MS = 10 * 60_000;

/** What the callback needs to check the provider's answer: the values sent with the request, and where to land. */
export interface PendingLogin {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
  expiresAt: number;
}

/** The cookie value (before signing): compact JSON in base64url. */
export function encodePending(p: PendingLogin): string {
  return Buffer.from(JSON.stringify([p.state, p.nonce, p.codeVerifier, p.returnTo, p.expiresAt])).toString('base64url');
}

/**
 * Reads the pending sign-in from the signed cookie: absent, unsigned, altered or malformed is
 * PORTAL_LOGIN_STATE_INVALID; older than PENDING_TTL_MS is PORTAL_LOGIN_EXPIRED.
 */
export function readPending(
  raw: string | undefined,
  unsign: (value: string) => { valid: boolean; value: string | null },
  now: number,
): { ok: true; pending: PendingLogin } | { ok: false; code: ErrorCode } {
  const invalid = { ok: false as const, code: 'PORTAL_LOGIN_STATE_INVALID' as const };
  if (!raw) return invalid;
  const unsigned = unsign(raw);
  if (!unsigned.valid || !unsigned.value) return invalid;
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(unsigned.value, 'base64url').toString('utf8'));
  } catch {
    return invalid;
  }
  if (!Array.isArray(parts) || parts.length !== 5) return invalid;
  const [state, nonce, codeVerifier, returnTo, expiresAt] = parts;
  if (![state, nonce, codeVerifier, returnTo].every((v) => typeof v === 'string' && v.length > 0) || typeof expiresAt !== 'number') return invalid;
  if (expiresAt <= now) return { ok: false, code: 'PORTAL_LOGIN_EXPIRED' };
  return { ok: true, pending: { state, nonce, codeVerifier, returnTo, expiresAt } };
}
