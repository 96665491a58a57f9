/**
 * Vietnamese tax codes (mã số thuế, MST) of organisations: 10 digits whose last is a check digit,
 * or 13 digits = the parent's 10-digit code + a 3-digit branch number (001–999), often written
 * `0100109106-001`. The check digit catches a mistyped code at the counter.
 */
import { z } from 'zod';

/** Weights of the first nine digits in the check-digit sum (General Department of Taxation). */
export const TAX_CODE_WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3] as const;

/** Why a tax code is refused. */
export type TaxCodeFailure = 'format' | 'check_digit' | 'branch';

/** A valid tax code normalised to digits only, or why it is invalid. */
export type TaxCodeResult =
  | { ok: true; value: string; parent: string; branch: string | null }
  | { ok: false; reason: TaxCodeFailure };

/**
 * The check digit of the first nine digits, or null when none exists (sum ≡ 0 mod 11 would need
 * a check of 10, so no valid code has those nine digits).
 */
export function taxCheckDigit(first9: string): number | null {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(first9[i]) * TAX_CODE_WEIGHTS[i]!;
  const check = 10 - (sum % 11);
  return check === 10 ? null : check;
}

const SHAPE = /^(\d{10})(?:-?(\d{3}))?$/;

/** Validates and normalises a tax code: `0100109106-001` → `0100109106001`. */
export function parseTaxCode(input: string): TaxCodeResult {
  const m = SHAPE.exec(input.trim());
  if (!m) return { ok: false, reason: 'format' };
  const parent = m[1]!;
  if (taxCheckDigit(parent.slice(0, 9)) !== Number(parent[9])) return { ok: false, reason: 'check_digit' };
  const branch = m[2] ?? null;
  if (branch === '000') return { ok: false, reason: 'branch' };
  return { ok: true, value: branch ? parent + branch : parent, parent, branch };
}

/** True when the string is a valid 10- or 13-digit tax code (dash form accepted). */
export function isValidTaxCode(input: string): boolean {
  return parseTaxCode(input).ok;
}

/** Display form: `0100109106` or `0100109106-001`. */
export function formatTaxCode(value: string): string {
  const r = parseTaxCode(value);
  if (!r.ok) return value;
  return r.branch ? `${r.parent}-${r.branch}` : r.parent;
}

/** zod schema of a tax-code field: refuses with IDENTITY_TAX_CODE_INVALID, outputs the 10/13-digit normal form. */
export const taxCodeSchema = z
  .string()
  .trim()
  .refine(isValidTaxCode, { error: 'IDENTITY_TAX_CODE_INVALID' })
  .transform((v) => (parseTaxCode(v) as { value: string }).value);
