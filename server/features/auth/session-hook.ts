import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { hasPermission } from '@core/access/permissions';
import { AUTH_POLICY } from '@core/auth/policy';
import { AppError } from '@core/errors/app-error';
import type { DB } from '../../db/schema';
import type { CitizenActor, StaffActor } from '../../http/actor';
import type { RouteAccess } from '../../http/access';
import { loadCitizen } from '../citizens/session';
import { findLiveSessionWithRoles, touchSession } from './queries';
import { hashToken, tokensEqual } from './tokens';

/** One guarded route, as recorded at registration (read by the route × role access test). */
export interface RouteAccessEntry {
  method: string;
  url: string;
  access: RouteAccess;
}

export const SESSION_COOKIE = 'motcua_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Sliding the expiry at most once a minute keeps reads from turning into writes. */
const TOUCH_EVERY_MS = 60_000;

async function loadActor(db: Kysely<DB>, req: FastifyRequest): Promise<{ actor: StaffActor | null; hadCookie: boolean }> {
  const raw = req.cookies[SESSION_COOKIE];
  if (!raw) return { actor: null, hadCookie: false };
  const unsigned = req.unsignCookie(raw);
  if (!unsigned.valid || !unsigned.value) return { actor: null, hadCookie: true };
  const tokenHash = hashToken(unsigned.value);
  const now = new Date();
  const s = await findLiveSessionWithRoles(db, tokenHash, now);
  const absoluteEnd = s ? s.created_at.getTime() + AUTH_POLICY.absoluteHours * 3_600_000 : 0;
  if (!s || absoluteEnd <= now.getTime()) return { actor: null, hadCookie: true };
  let expiresAt = s.expires_at;
  if (now.getTime() - s.last_seen_at.getTime() > TOUCH_EVERY_MS) {
    expiresAt = new Date(Math.min(now.getTime() + AUTH_POLICY.idleMinutes * 60_000, absoluteEnd));
    await touchSession(db, tokenHash, now, expiresAt);
  }
  return {
    hadCookie: true,
    actor: {
      kind: 'staff',
      userId: s.user_id,
      username: s.username,
      fullName: s.full_name,
      unitId: s.unit_id,
      roles: s.roles.map((r) => ({ role: r.role, unitId: r.unit_id, includeSubtree: r.include_subtree })),
      sessionTokenHash: tokenHash,
      csrfToken: s.csrf_token,
      sessionExpiresAt: expiresAt,
    },
  };
}

/**
 * Loads the session on every request and enforces the route's declared access before the body is
 * even parsed: 401 without a live session, 403 on a missing CSRF token or permission.
 */
export function registerSessionHook(app: FastifyInstance, db: Kysely<DB>, catalogue: RouteAccessEntry[] = []): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('citizen', null);
  app.addHook('onRoute', (route) => {
    const declared = route.config?.access;
    if (!declared) {
      if (route.url.startsWith('/api/v1')) throw new Error(`Route ${route.method} ${route.url} declares no access rule`);
      return;
    }
    for (const method of [route.method].flat()) if (method !== 'HEAD') catalogue.push({ method, url: route.url, access: declared });
  });
  app.addHook('onRequest', async (req) => {
    const access = req.routeOptions.config?.access;
    if (!access) return;
    if (access === 'citizen' || access === 'public') {
      const { citizen, hadCookie } = await loadCitizen(db, req);
      req.citizen = citizen;
      if (access === 'citizen') {
        if (!citizen) throw new AppError(hadCookie ? 'AUTH_SESSION_EXPIRED' : 'AUTH_REQUIRED');
        checkCsrf(req, citizen.csrfToken);
        return;
      }
    }
    const { actor, hadCookie } = await loadActor(db, req);
    req.actor = actor;
    if (access === 'public') return;
    if (!actor) throw new AppError(hadCookie ? 'AUTH_SESSION_EXPIRED' : 'AUTH_REQUIRED');
    checkCsrf(req, actor.csrfToken);
    if (access !== 'authenticated' && !hasPermission(actor.roles, access.permission)) throw new AppError('FORBIDDEN');
  });
}

/** A state-changing request must echo the session's CSRF token in `x-csrf-token` (except the few exempt routes). */
function checkCsrf(req: FastifyRequest, expected: string): void {
  if (SAFE_METHODS.has(req.method) || req.routeOptions.config?.csrfExempt) return;
  const header = req.headers['x-csrf-token'];
  if (typeof header !== 'string' || !tokensEqual(header, expected)) throw new AppError('AUTH_CSRF_INVALID');
}

/** The signed-in citizen of a route whose access rule is `citizen`. */
export function requireCitizen(req: FastifyRequest): CitizenActor {
  if (!req.citizen) throw new AppError('AUTH_REQUIRED');
  return req.citizen;
}

/** The signed-in staff actor of a route whose access rule guarantees one. */
export function requireActor(req: FastifyRequest): StaffActor {
  if (!req.actor) throw new AppError('AUTH_REQUIRED');
  return req.actor;
}
