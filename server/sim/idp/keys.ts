import { createHash, createHmac, generateKeyPairSync } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { JWK } from 'oidc-provider';

/** The simulator's private signing keys (a JWK set), as kept on disk. */
export interface SimSigningKeys {
  keys: JWK[];
}

/** Where the simulator keeps its signing keys: under DATA_DIR, never in the repository. */
export const simKeysFile = (dataDir: string) => path.join(dataDir, 'sim-idp', 'signing-keys.json');

/**
 * The simulator's ID-token signing key: an RSA key (RS256, every OIDC client's default) generated at
 * the first start and kept in DATA_DIR (mode 0600), so tokens and the published JWKS survive
 * restarts. Written by link-after-write, so two processes starting at once end up with one key.
 */
export function loadOrCreateSimKeys(dataDir: string): SimSigningKeys {
  const file = simKeysFile(dataDir);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as SimSigningKeys;
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = privateKey.export({ format: 'jwk' }) as JWK;
  // RFC 7638 thumbprint as key id: stable, and different for every generated key.
  const kid = createHash('sha256').update(JSON.stringify({ e: jwk.e, kty: jwk.kty, n: jwk.n })).digest('base64url');
  const set: SimSigningKeys = { keys: [{ ...jwk, kid, alg: 'RS256', use: 'sig' }] };
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(set), { mode: 0o600 });
  try {
    linkSync(tmp, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  } finally {
    unlinkSync(tmp);
  }
  return JSON.parse(readFileSync(file, 'utf8')) as SimSigningKeys;
}

/** Keys signing the simulator's own cookies: derived from the session secret, so nothing more to store. */
export function simCookieKeys(sessionSecret: string): string[] {
  return [createHmac('sha256', sessionSecret).update('sim-idp-cookies').digest('base64url')];
}
