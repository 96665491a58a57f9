/** Validity of a warehouse document and whether it may be reused at intake (pure). */

export const DOCUMENT_STATUSES = ['valid', 'expired', 'superseded', 'revoked'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

export const DOCUMENT_SOURCES = ['digitised', 'self_provided', 'e_result'] as const;
export type DocumentSource = (typeof DOCUMENT_SOURCES)[number];

/** What validity and reuse look at. Dates are `YYYY-MM-DD` (calendar days in Vietnam). */
export interface DocumentFacts {
  source: DocumentSource;
  expiresOn: string | null;
  verifiedAt: Date | string | null;
  supersededBy: string | null;
  revokedAt: Date | string | null;
}

/** The document's standing on `today`: revoked beats superseded beats expired (the day of expiry is still valid). */
export function documentStatus(d: DocumentFacts, today: string): DocumentStatus {
  if (d.revokedAt) return 'revoked';
  if (d.supersededBy) return 'superseded';
  if (d.expiresOn !== null && d.expiresOn < today) return 'expired';
  return 'valid';
}

/** True when the copy has been checked: e-results are issued by the system itself, digitised copies once an officer checked them against the original; a self-provided copy never is. */
export function isVerified(d: Pick<DocumentFacts, 'source' | 'verifiedAt'>): boolean {
  if (d.source === 'e_result') return true;
  if (d.source === 'self_provided') return false;
  return d.verifiedAt !== null;
}

export type ReuseRefusal = 'expired' | 'superseded' | 'revoked' | 'not_verified' | 'wrong_type';
export type ReuseEligibility = { ok: true } | { ok: false; reason: ReuseRefusal };

/** Whether a document may stand in for a component of `typeCode`: same type, valid (not expired, superseded or revoked) and verified. */
export function reuseEligibility(d: DocumentFacts & { typeCode: string }, typeCode: string, today: string): ReuseEligibility {
  if (d.typeCode !== typeCode) return { ok: false, reason: 'wrong_type' };
  const status = documentStatus(d, today);
  if (status !== 'valid') return { ok: false, reason: status };
  if (!isVerified(d)) return { ok: false, reason: 'not_verified' };
  return { ok: true };
}

/** The error code that answers each refusal (core/errors/catalogue.ts). */
export const REUSE_REFUSAL_CODES = {
  expired: 'WAREHOUSE_REUSE_EXPIRED',
  superseded: 'WAREHOUSE_REUSE_SUPERSEDED',
  revoked: 'WAREHOUSE_REUSE_REVOKED',
  not_verified: 'WAREHOUSE_REUSE_NOT_VERIFIED',
  wrong_type: 'WAREHOUSE_REUSE_WRONG_TYPE',
} as const satisfies Record<ReuseRefusal, string>;
