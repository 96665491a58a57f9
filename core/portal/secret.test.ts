import { describe, expect, it } from 'vitest';
import { LOOKUP_SECRET_ALPHABET } from './api';
import { isLookupSecret, lookupSecretFrom, normaliseSecret } from './secret';

describe('lookup secrets', () => {
  it('the alphabet has no look-alike characters', () => {
    for (const ch of '0O1IL2Z5S8B') expect(LOOKUP_SECRET_ALPHABET).not.toContain(ch);
    expect(new Set(LOOKUP_SECRET_ALPHABET).size).toBe(LOOKUP_SECRET_ALPHABET.length);
  });

  it('maps bytes to the alphabet without bias, skipping bytes past the last full cycle', () => {
    const n = LOOKUP_SECRET_ALPHABET.length;
    const limit = 256 - (256 % n);
    // every byte is past the limit except the ones given: the secret is made of those only
    const bytes = [255, 0, limit, 1, 254, 2, 3, 4, 5, 6, 7];
    let i = 0;
    const secret = lookupSecretFrom((k) => Uint8Array.from({ length: k }, () => bytes[i++ % bytes.length]!));
    expect(secret).toBe([0, 1, 2, 3, 4, 5, 6, 7].map((b) => LOOKUP_SECRET_ALPHABET[b]).join(''));
    expect(isLookupSecret(secret)).toBe(true);
  });

  it('forgives case, spaces and dashes when typed', () => {
    expect(normaliseSecret(' ac3d-efgh ')).toBe('AC3DEFGH');
    expect(isLookupSecret('AC3DEFGH')).toBe(true);
    expect(isLookupSecret('AC3DEFG0')).toBe(false);
    expect(isLookupSecret('AC3DEFG')).toBe(false);
  });
});
