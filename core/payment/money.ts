/**
 * Money in the system: whole Vietnamese đồng (VND has no minor unit in use), as safe integers.
 * A fractional, negative or non-numeric amount is refused with PAYMENT_AMOUNT_INVALID.
 */
import { z } from 'zod';

/** The only currency fees are paid in. */
export const CURRENCY = 'VND' as const;

/** The largest amount accepted in one payment: 999 999 999 999 đồng (well inside the safe integers). */
export const MAX_VND = 999_999_999_999;

/** A positive whole number of đồng. */
export const vndAmount = z
  .number({ error: 'PAYMENT_AMOUNT_INVALID' })
  .int({ error: 'PAYMENT_AMOUNT_INVALID' })
  .positive({ error: 'PAYMENT_AMOUNT_INVALID' })
  .max(MAX_VND, { error: 'PAYMENT_AMOUNT_INVALID' });

/** True for a positive whole number of đồng within MAX_VND. */
export function isVndAmount(n: unknown): n is number {
  return typeof n === 'number' && Number.isSafeInteger(n) && n > 0 && n <= MAX_VND;
}

/** `200.000 ₫`-style text without a locale dependency: `200.000 đồng` (vi) or `200,000 VND` (en). */
export function formatVnd(amount: number, locale: 'vi' | 'en' = 'vi'): string {
  const digits = String(Math.trunc(Math.abs(amount))).replace(/\B(?=(\d{3})+(?!\d))/g, locale === 'vi' ? '.' : ',');
  const sign = amount < 0 ? '-' : '';
  return locale === 'vi' ? `${sign}${digits} đồng` : `${sign}${digits} VND`;
}

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];

/** Reads a group of three digits; `full` reads "không trăm" / "linh" as a group after a higher one does. */
function readGroup(n: number, full: boolean): string[] {
  const h = Math.floor(n / 100);
  const t = Math.floor((n % 100) / 10);
  const u = n % 10;
  const out: string[] = [];
  if (full || h > 0) out.push(DIGITS[h]!, 'trăm');
  if (t === 0) {
    if (u > 0 && out.length > 0) out.push('linh');
    if (u > 0) out.push(DIGITS[u]!);
  } else if (t === 1) {
    out.push('mười');
    if (u === 5) out.push('lăm');
    else if (u > 0) out.push(DIGITS[u]!);
  } else {
    out.push(DIGITS[t]!, 'mươi');
    if (u === 1) out.push('mốt');
    else if (u === 4) out.push('tư');
    else if (u === 5) out.push('lăm');
    else if (u > 0) out.push(DIGITS[u]!);
  }
  return out;
}

const SCALES = ['', 'nghìn', 'triệu'];

/** The words of a number below one billion; `full` when a higher group was read before it. */
function readBelowBillion(n: number, full: boolean): string[] {
  const groups = [Math.floor(n / 1_000_000), Math.floor((n % 1_000_000) / 1000), n % 1000];
  const out: string[] = [];
  groups.forEach((g, i) => {
    if (g === 0) return;
    out.push(...readGroup(g, full || out.length > 0));
    const scale = SCALES[2 - i]!;
    if (scale) out.push(scale);
  });
  return out;
}

/**
 * An amount in Vietnamese words as printed on receipts ("Bằng chữ"): `Hai trăm nghìn đồng`,
 * `Một triệu không trăm linh năm nghìn đồng`. Whole đồng from 0 to MAX_VND.
 */
export function vndInWords(amount: number): string {
  if (!Number.isSafeInteger(amount) || amount < 0 || amount > MAX_VND) throw new RangeError(`not an amount in đồng: ${amount}`);
  let words: string[];
  if (amount === 0) words = ['không'];
  else {
    const billions = Math.floor(amount / 1_000_000_000);
    const rest = amount % 1_000_000_000;
    words = billions > 0 ? [...readBelowBillion(billions, false), 'tỷ', ...readBelowBillion(rest, true)] : readBelowBillion(rest, false);
  }
  const text = `${words.join(' ')} đồng`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}
