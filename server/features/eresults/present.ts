/** JSON views of e-results (core/eresult/api.ts). */
import { formatInstant } from '@core/calendar/time';
import type { EresultView, VerifyByCodeResponse } from '@core/eresult/api';
import { eresultStatus } from '@core/eresult/eresult';
import type { EresultRow } from '../../db/tables/eresults';

const iso = (d: Date) => formatInstant(d.getTime());

/** The public answer about an e-result (or an unknown code). */
export function presentVerification(code: string, r: EresultRow | undefined, issuer: { code: string; name: string } | null): VerifyByCodeResponse {
  if (!r) return { code, status: 'unknown', issuer: null, documentType: null, issuedAt: null, holder: null, sha256: null, supersedes: null, supersededBy: null, revokedAt: null, revokedReason: null };
  return {
    code: r.code,
    status: eresultStatus({ revokedAt: r.revoked_at, supersededBy: r.superseded_by }),
    issuer,
    documentType: r.document_type,
    issuedAt: iso(r.issued_at),
    holder: r.holder_masked,
    sha256: r.sha256,
    supersedes: r.supersedes,
    supersededBy: r.superseded_by,
    revokedAt: r.revoked_at ? iso(r.revoked_at) : null,
    revokedReason: r.revoked_reason,
  };
}

/** An e-result for staff. */
export function presentEresult(r: EresultRow): EresultView {
  return {
    code: r.code,
    resultId: r.result_id,
    sha256: r.sha256,
    certSerial: r.cert_serial,
    status: eresultStatus({ revokedAt: r.revoked_at, supersededBy: r.superseded_by }),
    issuedAt: iso(r.issued_at),
    supersedes: r.supersedes,
    supersededBy: r.superseded_by,
    revokedAt: r.revoked_at ? iso(r.revoked_at) : null,
    revokedReason: r.revoked_reason,
  };
}
