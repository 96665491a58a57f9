import type { Adapter, AdapterFactory, AdapterPayload } from 'oidc-provider';

const GRANTABLE = new Set(['AccessToken', 'AuthorizationCode', 'RefreshToken', 'DeviceCode', 'BackchannelAuthenticationRequest']);

interface Entry {
  payload: AdapterPayload;
  expiresAt: number;
}

/**
 * The simulator's storage for the provider's short-lived artefacts (interactions, sessions, codes,
 * tokens, grants): in this process's memory, one store per provider. A restart therefore loses only
 * the logins in flight (the person starts again); nothing the system keeps depends on it.
 */
export function memoryAdapter(now: () => number = Date.now): AdapterFactory {
  const entries = new Map<string, Entry>();
  const byGrant = new Map<string, Set<string>>();
  const byIndex = new Map<string, string>();
  let writes = 0;

  const live = (key: string): AdapterPayload | undefined => {
    const e = entries.get(key);
    if (!e) return undefined;
    if (e.expiresAt <= now()) {
      entries.delete(key);
      return undefined;
    }
    return e.payload;
  };
  // Expired entries are dropped as they are met, and all of them every 200 writes, so memory stays bounded.
  const sweep = () => {
    const t = now();
    for (const [key, e] of entries) if (e.expiresAt <= t) entries.delete(key);
    for (const [grantId, keys] of byGrant) {
      for (const key of keys) if (!entries.has(key)) keys.delete(key);
      if (keys.size === 0) byGrant.delete(grantId);
    }
    for (const [index, key] of byIndex) if (!entries.has(key)) byIndex.delete(index);
  };

  return (model: string): Adapter => {
    const keyOf = (id: string) => `${model}:${id}`;
    return {
      async upsert(id, payload, expiresIn) {
        const key = keyOf(id);
        entries.set(key, { payload, expiresAt: now() + (expiresIn ?? 3600) * 1000 });
        if (GRANTABLE.has(model) && payload.grantId) {
          const keys = byGrant.get(payload.grantId) ?? new Set<string>();
          keys.add(key);
          byGrant.set(payload.grantId, keys);
        }
        if (model === 'Session' && payload.uid) byIndex.set(`uid:${payload.uid}`, key);
        if (payload.userCode) byIndex.set(`userCode:${payload.userCode}`, key);
        if (++writes % 200 === 0) sweep();
      },
      async find(id) {
        return live(keyOf(id));
      },
      async findByUid(uid) {
        const key = byIndex.get(`uid:${uid}`);
        return key ? live(key) : undefined;
      },
      async findByUserCode(userCode) {
        const key = byIndex.get(`userCode:${userCode}`);
        return key ? live(key) : undefined;
      },
      async consume(id) {
        const payload = live(keyOf(id));
        if (payload) payload.consumed = Math.floor(now() / 1000);
      },
      async destroy(id) {
        entries.delete(keyOf(id));
      },
      async revokeByGrantId(grantId) {
        for (const key of byGrant.get(grantId) ?? []) entries.delete(key);
        byGrant.delete(grantId);
      },
    };
  };
}
