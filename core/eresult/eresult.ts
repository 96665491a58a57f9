/**
 * Signed e-results (issue 7; docs/results.md): the result code `<dossier code>-KQ<n>` (n counts the
 * e-results of one dossier from 1), the status rules of public verification and the holder's mask.
 */

/** Statuses a verification answers. */
export const ERESULT_STATUSES = ['valid', 'revoked', 'superseded', 'unknown'] as const;
export type EresultStatus = (typeof ERESULT_STATUSES)[number];

/** The result code of the `n`-th e-result of a dossier. */
export function resultCode(dossierCode: string, n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`e-result number must be a positive integer, got ${n}`);
  return `${dossierCode}-KQ${n}`;
}

/** Shape of a result code: a dossier code (letters, digits, dots, dashes) then `-KQ<n>`. Case-insensitive on input. */
export const RESULT_CODE_PATTERN = /^[A-Za-z0-9.-]{1,60}-KQ[1-9][0-9]{0,5}$/i;

/** The dossier code and number of a result code, or null when it is not one. */
export function parseResultCode(code: string): { dossierCode: string; n: number } | null {
  const trimmed = code.trim();
  if (!RESULT_CODE_PATTERN.test(trimmed)) return null;
  const at = trimmed.toUpperCase().lastIndexOf('-KQ');
  return { dossierCode: trimmed.slice(0, at), n: Number(trimmed.slice(at + 3)) };
}

/** The facts that decide an e-result's status. */
export interface EresultStanding {
  revokedAt: unknown | null;
  supersededBy: string | null;
}

/** Revocation wins over replacement: a revoked result is revoked even if it was also replaced. */
export function eresultStatus(r: EresultStanding | undefined): EresultStatus {
  if (!r) return 'unknown';
  if (r.revokedAt) return 'revoked';
  if (r.supersededBy) return 'superseded';
  return 'valid';
}

/**
 * The holder's name as a public verification shows it: the first letter of each word, the rest
 * replaced by `*` (`Nguyễn Văn An` → `N***** V** A*`). Enough to match a paper in hand, not to learn a name.
 */
export function maskHolder(name: string): string {
  return name
    .normalize('NFC')
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => {
      const letters = [...w];
      return letters[0] + '*'.repeat(Math.max(letters.length - 1, 1));
    })
    .join(' ');
}

/** Largest file accepted for verification by upload. */
export const MAX_VERIFY_BYTES = 25 * 1024 * 1024;
