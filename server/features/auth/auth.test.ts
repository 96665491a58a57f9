import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTH_POLICY } from '@core/auth/policy';
import { type TestApp, createTestApp } from '../../../tests/support/app';
import { ENGINES } from '../../../tests/support/database';

describe.each(ENGINES)('staff sign-in (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t.close());

  const loginAs = (username: string, password: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, headers });

  const auditCount = async (action: string) =>
    (await t.database.db.selectFrom('audit_events').select('seq').where('action', '=', action).execute()).length;

  it('signs in with the right password, sets an httpOnly SameSite cookie and returns me with roles and permissions', async () => {
    const res = await loginAs('giamdoc', 'demo123');
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'motcua_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Strict');
    const me = res.json();
    expect(me.user.username).toBe('giamdoc');
    expect(me.user.unitName).toBe('Sở Tư pháp');
    expect(me.roles).toEqual([expect.objectContaining({ role: 'agency_head', includeSubtree: true })]);
    expect(me.permissions).toContain('users.read');
    expect(me.permissions).not.toContain('org.manage');
    expect(me.csrfToken.length).toBeGreaterThan(20);
  });

  it('gives the same code for an unknown user and a wrong password, in Vietnamese by default and English on request', async () => {
    const unknown = await loginAs('khongco', 'demo123');
    const wrong = await loginAs('chutich', 'sai-mat-khau');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json().error.code).toBe('AUTH_INVALID_CREDENTIALS');
    expect(wrong.json().error.code).toBe('AUTH_INVALID_CREDENTIALS');
    expect(wrong.json().error.message).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
    const en = await loginAs('chutich', 'x', { 'accept-language': 'en-US,en;q=0.9' });
    expect(en.json().error.message).toBe('Wrong username or password.');
  });

  it(`locks the account after ${AUTH_POLICY.maxFailedLogins} wrong passwords, then refuses even the right one`, async () => {
    const before = await auditCount('auth.account_locked');
    for (let i = 1; i < AUTH_POLICY.maxFailedLogins; i++) expect((await loginAs('chuyenvien', `wrong${i}`)).json().error.code).toBe('AUTH_INVALID_CREDENTIALS');
    const locking = await loginAs('chuyenvien', 'wrong-last');
    expect(locking.statusCode).toBe(423);
    expect(locking.json().error.code).toBe('AUTH_ACCOUNT_LOCKED');
    const right = await loginAs('chuyenvien', 'demo123');
    expect(right.json().error.code).toBe('AUTH_ACCOUNT_LOCKED');
    expect(right.json().error.message).toMatch(/15 phút/);
    expect(await auditCount('auth.account_locked')).toBe(before + 1);
  });

  it('an administrator can unlock a locked account', async () => {
    for (let i = 0; i < AUTH_POLICY.maxFailedLogins; i++) await loginAs('lanhdao', `wrong${i}`);
    expect((await loginAs('lanhdao', 'demo123')).statusCode).toBe(423);
    const admin = await t.login('admin');
    const user = (await admin.get('/api/v1/users')).json().users.find((u: { username: string }) => u.username === 'lanhdao');
    expect(user.locked).toBe(true);
    expect((await admin.patch(`/api/v1/users/${user.id}`, { unlock: true })).statusCode).toBe(200);
    expect((await loginAs('lanhdao', 'demo123')).statusCode).toBe(200);
  });

  it('answers 401 AUTH_REQUIRED without a cookie and AUTH_SESSION_EXPIRED with a dead one', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me' })).json().error.code).toBe('AUTH_REQUIRED');
    const forged = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: 'motcua_session=abc.def' } });
    expect(forged.statusCode).toBe(401);
    expect(forged.json().error.code).toBe('AUTH_SESSION_EXPIRED');
  });

  it('expires a session after the idle time', async () => {
    const c = await t.login('motcua');
    await t.database.db.updateTable('sessions').set({ expires_at: new Date(Date.now() - 1000) }).execute();
    const res = await c.get('/api/v1/auth/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('AUTH_SESSION_EXPIRED');
  });

  it('refuses a state change without the CSRF token and changes nothing', async () => {
    const c = await t.login('kiemsoat');
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: c.cookie } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('AUTH_CSRF_INVALID');
    expect((await c.get('/api/v1/auth/me')).statusCode).toBe(200);
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: c.cookie, 'x-csrf-token': 'x'.repeat(43) } });
    expect(wrong.json().error.code).toBe('AUTH_CSRF_INVALID');
  });

  it('logs out: the session ends and the logout is audited', async () => {
    const c = await t.login('motcua.xa');
    const before = await auditCount('auth.logout');
    expect((await c.post('/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await c.get('/api/v1/auth/me')).json().error.code).toBe('AUTH_SESSION_EXPIRED');
    expect(await auditCount('auth.logout')).toBe(before + 1);
  });

  it('rejects malformed JSON, oversized bodies and missing fields with their own codes', async () => {
    const malformed = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username":' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('MALFORMED_JSON');
    const big = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ username: 'a', password: 'x'.repeat(2 * 1024 * 1024) }) });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    const missing = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin' } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.code).toBe('VALIDATION_FAILED');
    expect(missing.json().error.fields).toEqual([expect.objectContaining({ field: 'password', code: 'invalid_type' })]);
  });

  it('stores only the hash of the session token, never the token', async () => {
    const c = await t.login('chutich');
    const token = c.cookie.split('=')[1]!.split('.')[0]!;
    const rows = await t.database.db.selectFrom('sessions').select('token_hash').execute();
    expect(rows.some((r) => r.token_hash === token)).toBe(false);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash))).toBe(true);
  });
});

describe('sign-in throttling per client address', () => {
  it('answers 429 RATE_LIMITED past the configured attempts per minute', async () => {
    const t = await createTestApp('pglite', { env: { LOGIN_RATE_LIMIT: '3' } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) codes.push((await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'khongco', password: 'x' } })).statusCode);
      expect(codes).toEqual([401, 401, 401, 429]);
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: 'demo123' } });
      expect(res.json().error.code).toBe('RATE_LIMITED');
    } finally {
      await t.close();
    }
  });
});
