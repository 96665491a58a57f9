/** Boundary schemas of signed e-results and their public verification (docs/results.md). */
import { z } from 'zod';
import { ERESULT_STATUSES, RESULT_CODE_PATTERN } from './eresult';

export const resultCodeSchema = z.string().trim().regex(RESULT_CODE_PATTERN);

/** What anyone may learn about an e-result by its code: no personal data beyond the masked holder. */
export const verifyByCodeResponse = z.object({
  code: z.string(),
  status: z.enum(ERESULT_STATUSES),
  issuer: z.object({ code: z.string(), name: z.string() }).nullable(),
  documentType: z.string().nullable(),
  issuedAt: z.string().nullable(),
  holder: z.string().nullable(),
  sha256: z.string().nullable(),
  supersedes: z.string().nullable(),
  supersededBy: z.string().nullable(),
  revokedAt: z.string().nullable(),
  revokedReason: z.string().nullable(),
});
export type VerifyByCodeResponse = z.infer<typeof verifyByCodeResponse>;

/** Why an uploaded file is not an intact e-result. */
export const VERIFY_FILE_PROBLEMS = ['not_pdf', 'no_signature', 'signature_invalid', 'content_modified', 'untrusted_signer', 'not_issued_here'] as const;

/** The answer to a file sent for verification. */
export const verifyByFileResponse = z.object({
  /** The signature is cryptographically valid over the whole file, by a certificate of our CA. */
  signatureValid: z.boolean(),
  /** The file is byte for byte an e-result this system issued. */
  intact: z.boolean(),
  problem: z.enum(VERIFY_FILE_PROBLEMS).nullable(),
  sha256: z.string(),
  signer: z.object({ commonName: z.string(), serial: z.string() }).nullable(),
  result: verifyByCodeResponse.nullable(),
});
export type VerifyByFileResponse = z.infer<typeof verifyByFileResponse>;

/** Revocation of an e-result by the handling unit's leader. */
export const revokeBody = z.object({ reason: z.string().trim().min(5).max(500) });

/** An e-result as staff see it beside the result document it signs. */
export const eresultView = z.object({
  code: z.string(),
  resultId: z.string(),
  sha256: z.string(),
  certSerial: z.string(),
  status: z.enum(ERESULT_STATUSES),
  issuedAt: z.string(),
  supersedes: z.string().nullable(),
  supersededBy: z.string().nullable(),
  revokedAt: z.string().nullable(),
  revokedReason: z.string().nullable(),
});
export type EresultView = z.infer<typeof eresultView>;
export const eresultListResponse = z.object({ items: z.array(eresultView) });
