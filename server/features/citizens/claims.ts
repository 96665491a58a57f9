import { z } from 'zod';
import { IDENTITY_LEVELS } from '@core/citizens/api';
import { AppError } from '@core/errors/app-error';
import { isValidCccd } from '@core/identity/cccd';
import { taxCodeSchema } from '@core/identity/tax-code';
import type { CitizenClaims } from './queries';

const realDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;
/** An optional claim that is dropped (null), not refused, when the provider sends it in an unusable form. */
const optional = <T extends z.ZodType>(schema: T) => schema.nullable().optional().catch(null);

/**
 * The claims the portal reads (docs/portal.md, Identity): OIDC's standard `sub`, `name`, `birthdate`,
 * `email`, `phone_number`, `address`, and the portal's `cccd`, `identity_level` and `organisations`.
 * A provider that names them otherwise is adapted here, in one place.
 */
const claimsSchema = z.object({
  sub: z.string().min(1).max(255),
  name: z.string().trim().min(1).max(200),
  cccd: z.string().refine(isValidCccd),
  // No level asserted = the lowest: a procedure asking for `verified` is never opened by omission.
  identity_level: z.enum(IDENTITY_LEVELS).default('basic'),
  birthdate: optional(z.string().refine(realDate)),
  email: optional(z.string().trim().min(3).max(320)),
  phone_number: optional(z.string().trim().min(3).max(30)),
  address: optional(z.union([z.string().trim().min(1).max(500), z.object({ formatted: z.string().trim().min(1).max(500) }).transform((a) => a.formatted)])),
  organisations: z
    .array(z.object({ tax_code: taxCodeSchema, name: z.string().trim().min(1).max(300) }))
    .max(100)
    .default([]),
});

/** The provider's claims as a citizen, or PORTAL_IDENTITY_CLAIMS_INVALID when a required one is missing or invalid. */
export function citizenFromClaims(issuer: string, raw: Record<string, unknown>): CitizenClaims {
  const parsed = claimsSchema.safeParse(raw);
  // The issues may quote the CCCD: they are not attached, so they cannot reach a log.
  if (!parsed.success) throw new AppError('PORTAL_IDENTITY_CLAIMS_INVALID', { message: `invalid claims: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}` });
  const c = parsed.data;
  const organisations = new Map<string, string>();
  for (const o of c.organisations) if (!organisations.has(o.tax_code)) organisations.set(o.tax_code, o.name);
  return {
    issuer,
    subject: c.sub,
    idNumber: c.cccd,
    fullName: c.name,
    birthDate: c.birthdate ?? null,
    email: c.email ?? null,
    phone: c.phone_number ?? null,
    address: c.address ?? null,
    level: c.identity_level,
    organisations: [...organisations].map(([taxCode, name]) => ({ taxCode, name })),
  };
}
