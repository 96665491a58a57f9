/**
 * Dossier codes (Circular 01/2018/TT-VPCP art. 19): `<agency code>-<YYMMDD>-<NNNN>`, the date in
 * Vietnamese time and the sequence per unit per day. The sequence comes from the caller (a database
 * counter), so this file stays pure.
 */
import { z } from 'zod';
import { AppError } from '../errors/app-error';
import { AGENCY_CODE_PATTERN } from '../org/unit';
import { dayFromYmd, formatDate, localDay, ymdFromDay } from '../calendar/time';

/** A parsed dossier code. */
export interface DossierCodeParts {
  unitCode: string;
  /** The local (UTC+7) date of receipt, `YYYY-MM-DD`. */
  date: string;
  sequence: number;
}

// Four digits at least; a unit past 9,999 dossiers in a day widens the number rather than wrapping.
const CODE_RE = /^(\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2})-(\d{2})(\d{2})(\d{2})-(\d{4,6})$/;

/** Formats the code of the `sequence`-th dossier (from 1) a unit accepts on the local day of `at`. */
export function formatDossierCode(unitCode: string, at: number, sequence: number): string {
  if (!AGENCY_CODE_PATTERN.test(unitCode) || !Number.isSafeInteger(sequence) || sequence < 1 || sequence > 999_999) {
    throw new AppError('DOSSIER_CODE_INVALID', { message: `cannot format ${unitCode} #${sequence}` });
  }
  const [y, m, d] = ymdFromDay(localDay(at));
  const yymmdd = [y % 100, m, d].map((n) => String(n).padStart(2, '0')).join('');
  return `${unitCode}-${yymmdd}-${String(sequence).padStart(4, '0')}`;
}

/** Parses a dossier code, or throws DOSSIER_CODE_INVALID (also for impossible dates and sequence 0). */
export function parseDossierCode(code: string): DossierCodeParts {
  const m = CODE_RE.exec(code.trim());
  const bad = (): never => {
    throw new AppError('DOSSIER_CODE_INVALID', { message: `invalid dossier code ${JSON.stringify(code)}` });
  };
  if (!m) return bad();
  // two-digit years are this century: the system has no dossiers from before 2000
  const [y, mo, d] = [2000 + Number(m[2]), Number(m[3]), Number(m[4])];
  const day = dayFromYmd(y, mo, d);
  const [yy, mm, dd] = ymdFromDay(day);
  if (yy !== y || mm !== mo || dd !== d) return bad();
  const sequence = Number(m[5]);
  if (sequence < 1 || (m[5]!.length > 4 && m[5]![0] === '0')) return bad();
  return { unitCode: m[1]!, date: formatDate(day), sequence };
}

/** True when the string is a well-formed dossier code. */
export function isDossierCode(code: string): boolean {
  try {
    parseDossierCode(code);
    return true;
  } catch {
    return false;
  }
}

/** zod schema of a dossier code (path parameter `{code}`), refusing with DOSSIER_CODE_INVALID. */
export const dossierCodeSchema = z.string().trim().refine(isDossierCode, { error: 'DOSSIER_CODE_INVALID' });
