import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, createTestDatabase } from '../../../tests/support/database';
import { buildApp } from '../../app';
import { type Config, loadConfig } from '../../config/config';
import type { Database, Engine } from '../../db/database';
import { SIM_IDENTITIES } from '../../sim/idp/identities';
import { simKeysFile } from '../../sim/idp/keys';
import { requireLevel } from './level';
import { PENDING_COOKIE, encodePending } from './pending';
import { PORTAL_COOKIE } from './session';
import { TestAgent, parsePicker, signInThroughSimulator } from './test-agent';

const AN = SIM_IDENTITIES[0]!; // verified
const CHAU = SIM_IDENTITIES.find((i) => i.level === 'basic')!;
const DUNG = SIM_IDENTITIES.find((i) => i.organisations.length > 0)!;
const FULL_CCCDS = SIM_IDENTITIES.map((i) => i.idNumber);

interface Running {
  app: FastifyInstance;
  database: Database;
  config: Config;
  url: string;
  logs: string[];
}

/** The whole service on a fresh database, listening on a free port, PUBLIC_URL set to it (as a deployment would). */
async function start(engine: Engine): Promise<Running> {
  const database = await createTestDatabase(engine);
  const logs: string[] = [];
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'motcua-oidc-')),
    SESSION_SECRET: 'oidc-test-secret-oidc-test-secret-0123456789',
    LOG_LEVEL: 'debug',
    LOGIN_RATE_LIMIT: '10000',
    MAIL_SIM_PORT: '0',
  });
  const app = await buildApp({ config, database, version: 'test' }, { webDist: path.join(os.tmpdir(), 'no-web-client'), logStream: { write: (line) => logs.push(line) } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  config.publicUrl = url;
  return { app, database, config, url, logs };
}

const form = (body: Record<string, string>): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(body).toString(),
});

const errorCodeOf = async (res: Response) => {
  const html = await res.text();
  return { code: /data-error-code="([A-Z_]+)"/.exec(html)?.[1], html };
};

describe.each(ENGINES)('portal sign-in through OpenID Connect (%s)', (engine) => {
  let s: Running;
  beforeAll(async () => {
    s = await start(engine);
  });
  afterAll(async () => {
    await s.app.close();
    await s.database.close();
  });

  const countSessions = async () => Number((await s.database.db.selectFrom('citizen_sessions').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('signs a citizen in: portal → simulator page → chosen identity → callback → session → returnTo', async () => {
    const agent = new TestAgent(s.url);
    const login = await agent.request('/api/v1/portal/auth/login?returnTo=/ho-so/cua-toi?tab=2');
    expect(login.status).toBe(302);
    const authorize = new URL(login.headers.get('location') ?? '');
    expect(authorize.origin + authorize.pathname).toBe(`${s.url}/sim/idp/auth`);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(authorize.searchParams.get('state')).toMatch(/^[\w-]{20,}$/);
    expect(authorize.searchParams.get('nonce')).toMatch(/^[\w-]{20,}$/);
    expect(authorize.searchParams.get('prompt')).toBe('login');
    expect(agent.cookie(PENDING_COOKIE, '/api/v1/portal/auth/callback')).toBeDefined();
    expect(agent.cookie(PENDING_COOKIE, '/api/v1/portal/me')).toBeUndefined();

    const toPage = await agent.follow(authorize.href);
    expect(toPage.res.status).toBe(200);
    expect(toPage.url).toMatch(/\/sim\/idp\/interaction\/[\w-]+$/);
    const page = await toPage.res.text();
    expect(page).toContain('MÔ PHỎNG — không phải VNeID');
    expect(page).toContain('lang="vi"');
    expect(page).toContain('name="viewport" content="width=device-width, initial-scale=1"');
    expect(page).toContain('031******345');
    for (const cccd of FULL_CCCDS) expect(page).not.toContain(cccd);
    const picker = parsePicker(page);
    expect(picker.subs).toEqual(SIM_IDENTITIES.map((i) => i.sub));

    const done = await agent.follow(picker.action, form({ sub: AN.sub }));
    const callbackHop = done.hops.find((h) => h.url.includes('/api/v1/portal/auth/callback'));
    expect(callbackHop?.status).toBe(303);
    expect(callbackHop?.location).toBe('/ho-so/cua-toi?tab=2');
    expect(done.url).toBe(`${s.url}/ho-so/cua-toi?tab=2`);
    expect(agent.cookie(PENDING_COOKIE, '/api/v1/portal/auth/callback')).toBeUndefined();

    const me = await agent.request('/api/v1/portal/me');
    expect(me.status).toBe(200);
    const body = await me.json();
    expect(body).toMatchObject({ idNumber: AN.idNumber, fullName: AN.fullName, level: 'verified', email: AN.email, phone: AN.phone, organisations: [], actingFor: null });
    expect(body.csrfToken).toMatch(/^[\w-]{20,}$/);
    expect(new Date(body.sessionExpiresAt).getTime()).toBeGreaterThan(Date.now());

    const citizen = await s.database.db.selectFrom('citizens').selectAll().where('subject', '=', AN.sub).executeTakeFirstOrThrow();
    expect(citizen).toMatchObject({ issuer: `${s.url}/sim/idp`, id_number: AN.idNumber, full_name: AN.fullName, level: 'verified', address: AN.address });
    const audit = await s.database.db.selectFrom('audit_events').selectAll().where('action', '=', 'portal.login').where('entity_id', '=', citizen.id).executeTakeFirstOrThrow();
    expect(audit.actor_kind).toBe('citizen');
    expect(JSON.stringify(audit.after)).toContain('031******345');
    expect(JSON.stringify(audit.after)).not.toContain(AN.idNumber);
    expect(s.logs.some((l) => l.includes('/api/v1/portal/auth/callback'))).toBe(true);
    for (const cccd of FULL_CCCDS) expect(s.logs.join('\n')).not.toContain(cccd);
  });

  it('sets the portal cookie signed, HttpOnly, SameSite=Lax, for the whole site', async () => {
    const agent = new TestAgent(s.url);
    const toPicker = await agent.follow('/api/v1/portal/auth/login');
    const { action } = parsePicker(await toPicker.res.text());
    const afterPick = await agent.request(action, form({ sub: AN.sub }));
    const resume = await agent.request(afterPick.headers.get('location') ?? '');
    const callback = await agent.request(resume.headers.get('location') ?? '');
    expect(callback.status).toBe(303);
    const line = callback.headers.getSetCookie().find((c) => c.startsWith(`${PORTAL_COOKIE}=`)) ?? '';
    expect(line).toMatch(/; HttpOnly/i);
    expect(line).toMatch(/; SameSite=Lax/i);
    expect(line).toMatch(/; Path=\/(;|$)/);
    expect(line).not.toMatch(/; Secure/i); // not production
    expect(line.split(';')[0]).toMatch(/^motcua_portal=[\w-]+\.[\w%+/=-]+$/); // token.signature
    expect(callback.headers.get('location')).toBe('/');
  });

  it('keeps the identity level: a basic identity is refused what needs verified', async () => {
    const agent = new TestAgent(s.url);
    await signInThroughSimulator(agent, CHAU.sub);
    const me = await (await agent.request('/api/v1/portal/me')).json();
    expect(me.level).toBe('basic');
    expect(() => requireLevel(me, 'verified')).toThrow(expect.objectContaining({ code: 'PORTAL_IDENTITY_LEVEL_REQUIRED' }));
    expect(() => requireLevel(me, 'basic')).not.toThrow();
    const row = await s.database.db.selectFrom('citizens').select('level').where('subject', '=', CHAU.sub).executeTakeFirstOrThrow();
    expect(row.level).toBe('basic');
  });

  it('lets a business representative act for their organisation, and nobody for anyone else’s', async () => {
    const agent = new TestAgent(s.url);
    await signInThroughSimulator(agent, DUNG.sub);
    const me = await (await agent.request('/api/v1/portal/me')).json();
    expect(me.organisations).toEqual(DUNG.organisations);
    const post = (body: unknown, csrf = me.csrfToken) =>
      agent.request('/api/v1/portal/me/acting-for', { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrf }, body: JSON.stringify(body) });
    const org = DUNG.organisations[0]!;

    const noCsrf = await post({ taxCode: org.taxCode }, 'wrong');
    expect(noCsrf.status).toBe(403);
    expect((await noCsrf.json()).error.code).toBe('AUTH_CSRF_INVALID');

    const switched = await post({ taxCode: org.taxCode });
    expect(switched.status).toBe(200);
    expect((await switched.json()).actingFor).toEqual(org);
    expect((await (await agent.request('/api/v1/portal/me')).json()).actingFor).toEqual(org);

    const foreign = await post({ taxCode: '0100109106' }); // a valid tax code she does not represent
    expect(foreign.status).toBe(403);
    expect((await foreign.json()).error.code).toBe('PORTAL_ACTING_FOR_INVALID');
    const malformed = await post({ taxCode: '12345' });
    expect(malformed.status).toBe(400);
    expect((await (await agent.request('/api/v1/portal/me')).json()).actingFor).toEqual(org);

    const back = await post({ taxCode: null });
    expect((await back.json()).actingFor).toBeNull();

    const other = new TestAgent(s.url);
    await signInThroughSimulator(other, AN.sub);
    const otherMe = await (await other.request('/api/v1/portal/me')).json();
    const refused = await other.request('/api/v1/portal/me/acting-for', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': otherMe.csrfToken },
      body: JSON.stringify({ taxCode: org.taxCode }),
    });
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.code).toBe('PORTAL_ACTING_FOR_INVALID');
    const actions = await s.database.db.selectFrom('audit_events').select('action').where('action', '=', 'portal.acting_for').execute();
    expect(actions).toHaveLength(2);
  });

  it('refuses a forged state, an altered or missing pending cookie, and opens no session', async () => {
    const before = await countSessions();
    const agent = new TestAgent(s.url);
    await agent.request('/api/v1/portal/auth/login');
    const forged = await agent.request('/api/v1/portal/auth/callback?code=abc&state=forged-state-forged-state');
    expect(forged.status).toBe(400);
    expect((await errorCodeOf(forged)).code).toBe('PORTAL_LOGIN_STATE_INVALID');
    expect(forged.headers.get('x-error-code')).toBe('PORTAL_LOGIN_STATE_INVALID');

    const tampered = new TestAgent(s.url);
    const login = await tampered.request('/api/v1/portal/auth/login');
    const state = new URL(login.headers.get('location') ?? '').searchParams.get('state') ?? '';
    const c = tampered.cookies.get(PENDING_COOKIE)!;
    c.value = `x${c.value.slice(1)}`;
    const altered = await tampered.request(`/api/v1/portal/auth/callback?code=abc&state=${state}`);
    const { code, html } = await errorCodeOf(altered);
    expect(code).toBe('PORTAL_LOGIN_STATE_INVALID');
    expect(html).toContain('Không đăng nhập được');
    expect(html).toContain('href="/api/v1/portal/auth/login?returnTo=%2F"');

    const none = await new TestAgent(s.url).request(`/api/v1/portal/auth/callback?code=abc&state=${state}`);
    expect((await errorCodeOf(none)).code).toBe('PORTAL_LOGIN_STATE_INVALID');
    expect(none.headers.getSetCookie().some((l) => l.startsWith(`${PORTAL_COOKIE}=`))).toBe(false);
    expect(await countSessions()).toBe(before);
  });

  it('refuses an expired pending sign-in (older than 10 minutes), in English when asked', async () => {
    const agent = new TestAgent(s.url);
    const value = encodePending({ state: 'expired-state-0123456789', nonce: 'n-0123456789', codeVerifier: 'v'.repeat(43), returnTo: '/', expiresAt: Date.now() - 1 });
    agent.cookies.set(PENDING_COOKIE, { value: encodeURIComponent(s.app.signCookie(value)), path: '/api/v1/portal/auth', expires: null });
    const res = await agent.request('/api/v1/portal/auth/callback?code=abc&state=expired-state-0123456789', { headers: { 'accept-language': 'en' } });
    expect(res.status).toBe(400);
    const { code, html } = await errorCodeOf(res);
    expect(code).toBe('PORTAL_LOGIN_EXPIRED');
    expect(html).toContain('older than 10 minutes');
  });

  it('refuses a replayed callback, with or without the pending cookie, and opens no second session', async () => {
    const agent = new TestAgent(s.url);
    const toPicker = await agent.follow('/api/v1/portal/auth/login');
    const { action } = parsePicker(await toPicker.res.text());
    const pendingCopy = { ...agent.cookies.get(PENDING_COOKIE)! };
    const afterPick = await agent.request(action, form({ sub: AN.sub }));
    const resume = await agent.request(afterPick.headers.get('location') ?? '');
    const callbackUrl = resume.headers.get('location') ?? '';
    expect(callbackUrl).toContain('/api/v1/portal/auth/callback?code=');
    expect((await agent.request(callbackUrl)).status).toBe(303);
    const after = await countSessions();

    const again = await agent.request(callbackUrl);
    expect((await errorCodeOf(again)).code).toBe('PORTAL_LOGIN_STATE_INVALID');

    const attacker = new TestAgent(s.url);
    attacker.cookies.set(PENDING_COOKIE, pendingCopy);
    const replay = await attacker.request(callbackUrl);
    expect(replay.status).toBe(400);
    expect((await errorCodeOf(replay)).code).toBe('PORTAL_LOGIN_FAILED');
    expect(replay.headers.getSetCookie().some((l) => l.startsWith(`${PORTAL_COOKIE}=`))).toBe(false);
    expect(await countSessions()).toBe(after);
  });

  it('refuses a tampered portal cookie', async () => {
    const agent = new TestAgent(s.url);
    await signInThroughSimulator(agent, AN.sub);
    const c = agent.cookies.get(PORTAL_COOKIE)!;
    const [token = '', sig = ''] = decodeURIComponent(c.value).split('.');
    c.value = encodeURIComponent(`${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}.${sig}`);
    const res = await agent.request('/api/v1/portal/me');
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('AUTH_SESSION_EXPIRED');
    expect((await new TestAgent(s.url).request('/api/v1/portal/me')).status).toBe(401);
  });

  it.each(['https://evil.example/phish', '//evil.example/phish', '/\\evil.example', '/a/..//evil.example'])('sends a returnTo of %s to / instead', async (returnTo) => {
    const agent = new TestAgent(s.url);
    const { url, hops } = await signInThroughSimulator(agent, AN.sub, returnTo);
    expect(url).toBe(`${s.url}/`);
    for (const h of hops) if (h.location) expect(new URL(h.location, h.url).origin).toBe(s.url);
  });

  it('moves a sign-in started on another host name to PUBLIC_URL first, once', async () => {
    const res = await s.app.inject({ url: '/api/v1/portal/auth/login?returnTo=/x', headers: { host: 'localhost.example:1' } });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe(`${s.url}/api/v1/portal/auth/login?returnTo=%2Fx&hop=1`);
    expect(res.headers['set-cookie']).toBeUndefined();
    const hopped = await s.app.inject({ url: '/api/v1/portal/auth/login?returnTo=/x&hop=1', headers: { host: 'localhost.example:1' } });
    expect(hopped.statusCode).toBe(302);
    expect(hopped.headers.location).toMatch(new RegExp(`^${s.url}/sim/idp/auth\\?`));
  });

  it('reports a cancelled sign-in at the provider', async () => {
    const agent = new TestAgent(s.url);
    const toPicker = await agent.follow('/api/v1/portal/auth/login');
    const page = await toPicker.res.text();
    const abort = /action="([^"]+\/abort)"/.exec(page)?.[1] ?? '';
    const done = await agent.follow(abort, form({}));
    expect(done.url).toContain('/api/v1/portal/auth/callback');
    expect((await errorCodeOf(done.res)).code).toBe('PORTAL_LOGIN_CANCELLED');
  });

  it('signing in as someone else in the same browser ends the previous session', async () => {
    const agent = new TestAgent(s.url);
    await signInThroughSimulator(agent, AN.sub);
    const first = agent.cookie(PORTAL_COOKIE);
    const second = await signInThroughSimulator(agent, DUNG.sub);
    expect(second.url).toBe(`${s.url}/`);
    expect(agent.cookie(PORTAL_COOKIE)).not.toBe(first);
    const me = await (await agent.request('/api/v1/portal/me')).json();
    expect(me.fullName).toBe(DUNG.fullName);
    const stale = new TestAgent(s.url);
    stale.cookies.set(PORTAL_COOKIE, { value: first ?? '', path: '/', expires: null });
    expect((await stale.request('/api/v1/portal/me')).status).toBe(401);
  });

  it('logout ends the session', async () => {
    const agent = new TestAgent(s.url);
    await signInThroughSimulator(agent, AN.sub);
    const me = await (await agent.request('/api/v1/portal/me')).json();
    const kept = agent.cookie(PORTAL_COOKIE);
    const withoutCsrf = await agent.request('/api/v1/portal/auth/logout', { method: 'POST' });
    expect(withoutCsrf.status).toBe(403);
    const out = await agent.request('/api/v1/portal/auth/logout', { method: 'POST', headers: { 'x-csrf-token': me.csrfToken } });
    expect(out.status).toBe(204);
    expect(agent.cookie(PORTAL_COOKIE)).toBeUndefined();
    expect((await agent.request('/api/v1/portal/me')).status).toBe(401);
    const replay = new TestAgent(s.url);
    replay.cookies.set(PORTAL_COOKIE, { value: kept ?? '', path: '/', expires: null });
    expect((await replay.request('/api/v1/portal/me')).status).toBe(401);
    const logouts = await s.database.db.selectFrom('audit_events').select('actor_kind').where('action', '=', 'portal.logout').execute();
    expect(logouts.map((l) => l.actor_kind)).toEqual(['citizen']);
  });

  it('the simulator requires PKCE and keeps its signing key in DATA_DIR (mode 0600), published in its JWKS', async () => {
    const noPkce = new URL(`${s.url}/sim/idp/auth`);
    noPkce.search = new URLSearchParams({ client_id: s.config.oidc.clientId, response_type: 'code', scope: 'openid', redirect_uri: `${s.url}/api/v1/portal/auth/callback`, state: 'abcdefgh' }).toString();
    const refused = await fetch(noPkce, { redirect: 'manual' });
    const location = new URL(refused.headers.get('location') ?? '', s.url);
    expect(location.pathname).toBe('/api/v1/portal/auth/callback');
    expect(location.searchParams.get('error')).toBe('invalid_request');
    expect(location.searchParams.get('error_description')).toMatch(/PKCE/);

    const discovery = await (await fetch(`${s.url}/sim/idp/.well-known/openid-configuration`)).json();
    expect(discovery.issuer).toBe(`${s.url}/sim/idp`);
    expect(discovery.code_challenge_methods_supported).toEqual(['S256']);
    expect(discovery.claims_supported).toEqual(expect.arrayContaining(['cccd', 'identity_level', 'organisations', 'birthdate', 'phone_number', 'address']));
    const jwks = await (await fetch(discovery.jwks_uri)).json();
    const file = simKeysFile(s.config.dataDir);
    expect(statSync(file).mode & 0o077).toBe(0);
    const stored = JSON.parse(readFileSync(file, 'utf8'));
    expect(jwks.keys.map((k: { kid: string }) => k.kid)).toEqual(stored.keys.map((k: { kid: string }) => k.kid));
    expect(jwks.keys[0].d).toBeUndefined();
  });
});
