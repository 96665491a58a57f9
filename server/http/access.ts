import type { Permission } from '@core/access/permissions';

/**
 * What a route requires before its handler runs. Every `/api` route must declare one
 * (registration fails otherwise), so no endpoint is open by omission.
 * - `public`: anyone; - `authenticated`: any signed-in staff member; - a permission: staff holding it somewhere;
 * - `citizen`: a signed-in citizen or business representative of the portal (their own records only, checked in the handler).
 * Whether the actor may act on the *particular record* (its unit) is checked in the handler.
 */
export type RouteAccess = 'public' | 'authenticated' | 'citizen' | { permission: Permission };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** Requests allowed without a CSRF token even when state-changing (only login). */
    csrfExempt?: boolean;
  }
  interface FastifyRequest {
    actor: import('./actor').StaffActor | null;
    /** The portal's signed-in citizen (loaded on `citizen` and `public` routes), else null. */
    citizen: import('./actor').CitizenActor | null;
  }
}

/** Route config helper: `config: access({ permission: 'org.manage' })`. */
export function access(a: RouteAccess, opts: { csrfExempt?: boolean } = {}) {
  return { access: a, ...opts };
}
