/** One signing authority per key folder, shared by the routes of a process (keys are read once). */
import type { EresultConfig } from '../../config/config';
import { SigningAuthority } from './ca';

const authorities = new Map<string, SigningAuthority>();

/** The signing authority of a configuration. */
export function signingAuthority(config: EresultConfig): SigningAuthority {
  const key = `${config.caDir}|${config.caP12?.file ?? ''}|${config.unitP12Dir?.dir ?? ''}`;
  let found = authorities.get(key);
  if (!found) {
    found = new SigningAuthority(config);
    authorities.set(key, found);
  }
  return found;
}
