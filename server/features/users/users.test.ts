import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../../tests/support/app';
import { ENGINES } from '../../../tests/support/database';

describe.each(ENGINES)('staff accounts (%s)', (engine) => {
  let t: TestApp;
  // biome-ignore lint/suspicious/noExplicitAny: API payloads
  let units: any[];
  const unitId = (code: string) => units.find((u) => u.code === code).id as string;

  beforeAll(async () => {
    t = await createTestApp(engine);
    units = (await t.app.inject({ method: 'GET', url: '/api/v1/units' })).json().units;
  });
  afterAll(() => t.close());

  const names = (res: { json(): { users: { username: string }[] } }) => res.json().users.map((u) => u.username).sort();

  it('each reader sees only the accounts of the units in their scope', async () => {
    expect(names(await (await t.login('admin')).get('/api/v1/users'))).toHaveLength(8);
    expect(names(await (await t.login('giamdoc')).get('/api/v1/users'))).toEqual(['chuyenvien', 'giamdoc', 'lanhdao']);
    expect(names(await (await t.login('lanhdao')).get('/api/v1/users'))).toEqual(['chuyenvien', 'lanhdao']);
  });

  it('an administrator creates an account with a strong password; the hash never reaches the audit trail', async () => {
    const admin = await t.login('admin');
    const res = await admin.post('/api/v1/users', {
      username: 'CV.XayDung',
      fullName: 'Ngô Thị Xây',
      unitId: unitId('000.01.06.H26'),
      password: 'MatKhau2026vn',
      roles: [{ role: 'specialist', unitId: unitId('000.01.06.H26') }],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().user).toMatchObject({ username: 'cv.xaydung', roles: [{ role: 'specialist', includeSubtree: false }] });
    const event = await t.database.db.selectFrom('audit_events').selectAll().where('action', '=', 'user.created').where('entity_id', '=', res.json().user.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(event.after)).not.toMatch(/argon2|password_hash/);
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'cv.xaydung', password: 'MatKhau2026vn' } });
    expect(login.statusCode).toBe(200);
  });

  it('refuses a weak password and a taken username with their own codes', async () => {
    const admin = await t.login('admin');
    const base = { fullName: 'Thử Nghiệm', unitId: unitId('000.00.03.H26'), roles: [{ role: 'specialist', unitId: unitId('000.00.03.H26') }] };
    expect((await admin.post('/api/v1/users', { ...base, username: 'thu.nghiem', password: 'ngan' })).json().error.code).toBe('PASSWORD_TOO_WEAK');
    expect((await admin.post('/api/v1/users', { ...base, username: 'admin', password: 'MatKhau2026vn' })).json().error.code).toBe('USERNAME_TAKEN');
  });

  it('disabling an account ends its sessions', async () => {
    const admin = await t.login('admin');
    const victim = await t.login('motcua');
    expect((await admin.patch(`/api/v1/users/${victim.me.user.id}`, { active: false })).json().user.active).toBe(false);
    expect((await victim.get('/api/v1/auth/me')).statusCode).toBe(401);
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'motcua', password: 'demo123' } });
    expect(again.json().error.code).toBe('AUTH_ACCOUNT_DISABLED');
  });
});
