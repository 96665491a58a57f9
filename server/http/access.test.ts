import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roleGrants } from '@core/access/permissions';
import { DEMO_ACCOUNTS } from '../seed/demo-org';
import { SIM_IDENTITIES } from '../sim/idp/identities';
import { type Client, type TestApp, createTestApp } from '../../tests/support/app';
import { ENGINES } from '../../tests/support/database';

/** A plausible value for each path parameter, so requests reach the access check with a well-formed URL. */
const PARAM_VALUES: Record<string, string> = { id: '00000000-0000-4000-8000-000000000000', date: '2031-06-15', code: '1.000001' };
const concrete = (url: string) => url.replace(/:(\w+)/g, (_, name: string) => PARAM_VALUES[name] ?? 'x');

describe.each(ENGINES)('every route × every role (%s)', (engine) => {
  let t: TestApp;
  const clients = new Map<string, Client>();

  beforeAll(async () => {
    t = await createTestApp(engine);
    for (const a of DEMO_ACCOUNTS) clients.set(a.username, await t.login(a.username));
  });
  afterAll(() => t.close());

  it('every /api/v1 route declares its access rule and the catalogue is not empty', () => {
    expect(t.app.routeAccess.length).toBeGreaterThan(8);
    expect(t.app.routeAccess.some((r) => r.url === '/api/v1/auth/logout')).toBe(true);
  });

  it('anonymous callers get 401 AUTH_REQUIRED on every non-public route', async () => {
    for (const r of t.app.routeAccess.filter((x) => x.access !== 'public')) {
      const res = await t.app.inject({ method: r.method as 'GET', url: concrete(r.url), payload: r.method === 'GET' ? undefined : {} });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
      expect(res.json().error.code).toBe('AUTH_REQUIRED');
    }
  });

  it('each role is refused exactly the routes its permissions do not grant', async () => {
    for (const r of t.app.routeAccess.filter((x) => x.access !== 'public')) {
      for (const account of DEMO_ACCOUNTS) {
        const client = clients.get(account.username) as Client;
        if (r.url === '/api/v1/auth/logout') continue; // would end the session the other checks use
        const res = await client.request({ method: r.method as 'GET', url: concrete(r.url), payload: r.method === 'GET' ? undefined : {} });
        const access = r.access;
        const allowed = access === 'authenticated' || (typeof access === 'object' && account.roles.some((x) => roleGrants(x.role, access.permission)));
        const label = `${account.username} ${r.method} ${r.url} → ${res.statusCode} ${res.body.slice(0, 120)}`;
        if (access === 'citizen') {
          // A staff session is not a portal session: the portal's routes do not know staff.
          expect(res.statusCode, label).toBe(401);
          expect(res.json().error.code, label).toBe('AUTH_REQUIRED');
        } else if (allowed) {
          expect(res.statusCode, label).not.toBe(401);
          // An allowed route may answer with a file (a template, a PDF): only JSON bodies carry an error code.
          const isJson = String(res.headers['content-type'] ?? '').includes('json');
          expect(isJson ? (res.json().error?.code ?? 'none') : 'none', label).not.toBe('FORBIDDEN');
        } else {
          expect(res.statusCode, label).toBe(403);
          expect(res.json().error.code, label).toBe('FORBIDDEN');
        }
      }
    }
  });

  it('a signed-in citizen is refused every staff route and reaches every portal route', async () => {
    const citizen = await t.loginCitizen(SIM_IDENTITIES[0]!.idNumber);
    for (const r of t.app.routeAccess.filter((x) => x.access !== 'public')) {
      if (r.url.endsWith('/logout')) continue;
      const res = await citizen.request({ method: r.method as 'GET', url: concrete(r.url), payload: r.method === 'GET' ? undefined : {} });
      const label = `citizen ${r.method} ${r.url} → ${res.statusCode} ${res.body.slice(0, 120)}`;
      if (r.access === 'citizen') {
        expect(res.statusCode, label).not.toBe(401);
        const isJson = String(res.headers['content-type'] ?? '').includes('json');
        expect(isJson ? (res.json().error?.code ?? 'none') : 'none', label).not.toBe('FORBIDDEN');
      } else {
        // Staff routes see no staff session: 401, never the staff data.
        expect(res.statusCode, label).toBe(401);
      }
    }
  });
});
