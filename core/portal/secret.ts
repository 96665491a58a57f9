/**
 * Lookup secrets: 8 characters from an alphabet without look-alikes, printed on the receipt and
 * typed by hand. Pure: the random bytes come from the caller; the server keeps only a keyed hash.
 */
import { LOOKUP_SECRET_ALPHABET, LOOKUP_SECRET_LENGTH } from './api';

/**
 * A secret from a source of random bytes, without modulo bias (bytes at or above the largest
 * multiple of the alphabet's size are skipped).
 */
export function lookupSecretFrom(randomBytes: (n: number) => Uint8Array): string {
  const n = LOOKUP_SECRET_ALPHABET.length;
  const limit = 256 - (256 % n);
  let out = '';
  while (out.length < LOOKUP_SECRET_LENGTH) {
    for (const byte of randomBytes(LOOKUP_SECRET_LENGTH * 2)) {
      if (byte >= limit) continue;
      out += LOOKUP_SECRET_ALPHABET[byte % n];
      if (out.length === LOOKUP_SECRET_LENGTH) break;
    }
  }
  return out;
}

/** How a typed secret is compared: no spaces or dashes, upper case. */
export function normaliseSecret(typed: string): string {
  return typed.replace(/[\s-]/g, '').toUpperCase();
}

/** True when the text has the shape of a lookup secret (after normalising). */
export function isLookupSecret(s: string): boolean {
  return s.length === LOOKUP_SECRET_LENGTH && [...s].every((ch) => LOOKUP_SECRET_ALPHABET.includes(ch));
}
