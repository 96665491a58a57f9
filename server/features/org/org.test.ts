import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rollUpUnitIds } from '@core/org/tree';
import { type TestApp, createTestApp } from '../../../tests/support/app';
import { ENGINES } from '../../../tests/support/database';

describe.each(ENGINES)('organisation tree (%s)', (engine) => {
  let t: TestApp;
  // biome-ignore lint/suspicious/noExplicitAny: API payloads
  let units: any[];
  const byCode = (code: string) => units.find((u) => u.code === code);

  beforeAll(async () => {
    t = await createTestApp(engine);
    units = (await t.app.inject({ method: 'GET', url: '/api/v1/units' })).json().units;
  });
  afterAll(() => t.close());

  it('publishes the Hải Phòng demo tree: city, office, ≥10 departments, the service centre, ≥10 communes with one-stop units', () => {
    const kinds = (k: string) => units.filter((u) => u.kind === k && u.active).length;
    expect(byCode('000.00.00.H26').name).toBe('Ủy ban nhân dân thành phố Hải Phòng');
    expect(kinds('city_office')).toBe(1);
    expect(kinds('department')).toBeGreaterThanOrEqual(10);
    expect(kinds('service_centre')).toBe(1);
    expect(kinds('commune')).toBeGreaterThanOrEqual(10);
    expect(kinds('onestop')).toBeGreaterThanOrEqual(10);
    const closed = units.filter((u) => !u.active);
    expect(closed.length).toBeGreaterThan(0);
    expect(closed.every((u) => u.successorId)).toBe(true);
  });

  it('an administrator creates a unit; the change is audited in the new unit’s chain', async () => {
    const admin = await t.login('admin');
    const res = await admin.post('/api/v1/units', { code: '000.00.20.H26', name: 'Sở Ngoại vụ', kind: 'department', parentId: byCode('000.00.00.H26').id });
    expect(res.statusCode).toBe(201);
    const created = res.json().unit;
    const events = await t.database.db.selectFrom('audit_events').selectAll().where('entity_id', '=', created.id).execute();
    expect(events.map((e) => e.action)).toEqual(['unit.created']);
    expect(events[0]!.chain_key).toBe(created.id);
    expect(events[0]!.actor_name).toBe('admin');
  });

  it('refuses a duplicate code, a malformed code and a closed parent, writing nothing', async () => {
    const admin = await t.login('admin');
    const count = async () => (await t.database.db.selectFrom('units').select('id').execute()).length;
    const before = await count();
    const dup = await admin.post('/api/v1/units', { code: '000.00.02.H26', name: 'Trùng mã', kind: 'department', parentId: byCode('000.00.00.H26').id });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('UNIT_CODE_TAKEN');
    const bad = await admin.post('/api/v1/units', { code: '15.H12', name: 'Sai mã', kind: 'department', parentId: byCode('000.00.00.H26').id });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe('code');
    const closedParent = units.find((u) => !u.active);
    const under = await admin.post('/api/v1/units', { code: '000.00.21.H26', name: 'Dưới đơn vị đã giải thể', kind: 'division', parentId: closedParent.id });
    expect(under.json().error.code).toBe('UNIT_PARENT_INVALID');
    expect(await count()).toBe(before);
  });

  it('renaming keeps the old name in the history', async () => {
    const admin = await t.login('admin');
    const unit = byCode('000.00.12.H26');
    const res = await admin.post(`/api/v1/units/${unit.id}/rename`, { name: 'Thanh tra thành phố Hải Phòng', effectiveFrom: '2026-12-01', reason: 'Quyết định đổi tên' });
    expect(res.statusCode).toBe(200);
    const detail = (await t.app.inject({ method: 'GET', url: `/api/v1/units/${unit.id}` })).json();
    expect(detail.unit.name).toBe('Thanh tra thành phố Hải Phòng');
    expect(detail.names.map((n: { name: string; validTo: string | null }) => [n.name, n.validTo])).toEqual([
      ['Thanh tra thành phố', '2026-11-30'],
      ['Thanh tra thành phố Hải Phòng', null],
    ]);
  });

  it('merging closes the unit, points to the successor, moves its children, and reports roll up', async () => {
    const admin = await t.login('admin');
    const anlao = byCode('000.58.00.H26');
    const tienlang = byCode('000.59.00.H26');
    const res = await admin.post(`/api/v1/units/${anlao.id}/merge`, { successorId: tienlang.id, effectiveFrom: '2026-12-01', reason: 'Sáp nhập đơn vị hành chính' });
    expect(res.statusCode).toBe(200);
    expect(res.json().unit).toMatchObject({ validTo: '2026-11-30', successorId: tienlang.id });
    const after = (await t.app.inject({ method: 'GET', url: '/api/v1/units' })).json().units;
    const anlaoOneStop = after.find((u: { code: string }) => u.code === '000.58.01.H26');
    expect(anlaoOneStop.parentId).toBe(tienlang.id);
    expect(rollUpUnitIds(tienlang.id, after).has(anlao.id)).toBe(true);
    const again = await admin.post(`/api/v1/units/${anlao.id}/merge`, { successorId: tienlang.id, effectiveFrom: '2026-12-02', reason: 'lần hai' });
    expect(again.json().error.code).toBe('UNIT_ALREADY_CLOSED');
  });

  it('refuses merging a unit into its own descendant', async () => {
    const admin = await t.login('admin');
    const ward = byCode('000.50.00.H26');
    const res = await admin.post(`/api/v1/units/${ward.id}/merge`, { successorId: byCode('000.50.01.H26').id, effectiveFrom: '2026-12-01', reason: 'vòng lặp' });
    expect(res.json().error.code).toBe('UNIT_SUCCESSOR_INVALID');
  });
});

describe.each(ENGINES)('acting outside one’s unit (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t.close());

  it('an administrator scoped to one department cannot change units elsewhere, and nothing changes', async () => {
    const units = (await t.app.inject({ method: 'GET', url: '/api/v1/units' })).json().units as { id: string; code: string }[];
    const id = (code: string) => units.find((u) => u.code === code)!.id;
    const admin = await t.login('admin');
    const created = await admin.post('/api/v1/users', {
      username: 'qtv.tuphap',
      fullName: 'Quản trị Sở Tư pháp',
      unitId: id('000.00.03.H26'),
      password: 'MatKhau2026vn',
      roles: [{ role: 'system_admin', unitId: id('000.00.03.H26'), includeSubtree: true }],
    });
    expect(created.statusCode).toBe(201);
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'qtv.tuphap', password: 'MatKhau2026vn' } });
    const cookie = `motcua_session=${login.cookies.find((c) => c.name === 'motcua_session')!.value}`;
    const headers = { cookie, 'x-csrf-token': login.json().csrfToken };
    const outside = await t.app.inject({ method: 'POST', url: '/api/v1/units', headers, payload: { code: '000.00.22.H26', name: 'Ngoài phạm vi', kind: 'department', parentId: id('000.00.00.H26') } });
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error.code).toBe('FORBIDDEN_OUTSIDE_UNIT');
    const inside = await t.app.inject({ method: 'POST', url: '/api/v1/units', headers, payload: { code: '000.02.03.H26', name: 'Phòng Bổ trợ tư pháp', kind: 'division', parentId: id('000.00.03.H26') } });
    expect(inside.statusCode).toBe(201);
    const visible = (await t.app.inject({ method: 'GET', url: '/api/v1/users', headers })).json().users.map((u: { username: string }) => u.username);
    expect(visible).not.toContain('admin');
    expect(units.some((u) => u.code === '000.00.22.H26')).toBe(false);
  });
});
