import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roleGrants } from '@core/access/permissions';
import { type Client, type TestApp, createTestApp } from '../../../tests/support/app';
import { ENGINES } from '../../../tests/support/database';
import { DEMO_ACCOUNTS } from '../../seed/demo-org';
import { testClock } from '../../../tests/support/clock';

const clock = testClock('2026-06-01T09:00:00+07:00');
const PARAMS: Record<string, string> = { ref: '00000000-0000-4000-8000-000000000000', fileId: '00000000-0000-4000-8000-000000000000' };
const concrete = (url: string) => url.replace(/:(\w+)/g, (_, name: string) => PARAMS[name] ?? 'x');

describe.each(ENGINES)('accountability routes × every role (%s)', (engine) => {
  let t: TestApp;
  const clients = new Map<string, Client>();

  beforeAll(async () => {
    t = await createTestApp(engine, { now: () => clock.now });
    for (const a of DEMO_ACCOUNTS) clients.set(a.username, await t.login(a.username));
  });
  afterAll(() => t.close());

  it('anonymous callers get 401; each role is refused exactly what its permissions do not grant', async () => {
    const routes = t.app.routeAccess.filter((r) => r.url.startsWith('/api/v1/accountability'));
    expect(routes.length).toBeGreaterThanOrEqual(8);
    for (const r of routes) {
      const anon = await t.app.inject({ method: r.method as 'GET', url: concrete(r.url), payload: r.method === 'GET' ? undefined : {} });
      expect(anon.statusCode, `${r.method} ${r.url}`).toBe(401);
      for (const account of DEMO_ACCOUNTS) {
        const res = await clients.get(account.username)!.request({ method: r.method as 'GET', url: concrete(r.url), payload: r.method === 'GET' ? undefined : {} });
        const access = r.access;
        const allowed = typeof access === 'object' && account.roles.some((x) => roleGrants(x.role, access.permission));
        const label = `${account.username} ${r.method} ${r.url} → ${res.statusCode} ${res.body.slice(0, 120)}`;
        if (allowed) expect(String(res.headers['content-type']).includes('json') ? (res.json().error?.code ?? 'none') : 'none', label).not.toBe('FORBIDDEN');
        else expect(res.json().error?.code, label).toBe('FORBIDDEN');
      }
    }
  });
});
