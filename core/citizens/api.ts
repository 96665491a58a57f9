/**
 * The portal identity API's boundary schemas (`/api/v1/portal/auth/...`, `/api/v1/portal/me`),
 * shared with the web client, and the identity-level rule procedures rely on.
 */
import { z } from 'zod';
import { IDENTITY_LEVELS, type IdentityLevel } from '../catalogue/procedure';
import { taxCodeSchema } from '../identity/tax-code';

/** Identity levels from the weakest: `basic` (level 1, self-declared) < `verified` (level 2, checked in person). */
export { IDENTITY_LEVELS, type IdentityLevel };

/** True when a person's level is at least the level a procedure asks for. */
export function meetsLevel(held: IdentityLevel, required: IdentityLevel): boolean {
  return IDENTITY_LEVELS.indexOf(held) >= IDENTITY_LEVELS.indexOf(required);
}

/** The portal's sign-in addresses; the web client links to `login` with `?returnTo=/a/path`. */
export const PORTAL_AUTH = {
  login: '/api/v1/portal/auth/login',
  callback: '/api/v1/portal/auth/callback',
  logout: '/api/v1/portal/auth/logout',
} as const;

/** Query of `GET /api/v1/portal/auth/login`: where to land after signing in (a path on this site). */
export const loginQuery = z.object({
  returnTo: z.string().max(2000).optional(),
  /** Set by the first redirect to PUBLIC_URL's origin, so that redirect happens at most once. */
  hop: z.literal('1').optional(),
});

const organisation = z.object({ taxCode: z.string(), name: z.string() });

/** The signed-in person, as `GET /api/v1/portal/me` answers. The CCCD is the person's own, so it is shown in full. */
export const portalMeSchema = z.object({
  idNumber: z.string(),
  fullName: z.string(),
  level: z.enum(IDENTITY_LEVELS),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  /** Organisations the person may act for (legal representative). */
  organisations: z.array(organisation),
  /** The organisation the session acts for; null = for themselves. */
  actingFor: organisation.nullable(),
  csrfToken: z.string(),
  sessionExpiresAt: z.string(),
});
/** The `me` answer of the portal. */
export type PortalMe = z.infer<typeof portalMeSchema>;

/** Body of `POST /api/v1/portal/me/acting-for`: a tax code among the person's organisations, or null for themselves. */
export const actingForBody = z.object({ taxCode: taxCodeSchema.nullable() });
/** A parsed acting-for body. */
export type ActingForBody = z.infer<typeof actingForBody>;
