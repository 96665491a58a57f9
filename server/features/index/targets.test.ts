import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp } from '../../../tests/support/app';
import { ENGINES } from '../../../tests/support/database';

const CITY = '000.00.00.H26';
const HCTP = '000.01.03.H26';
const TUPHAP = '000.00.03.H26';


describe.each(ENGINES)('index targets (%s)', (engine) => {
  let t: TestApp;
  let chutich: Client;
  let kiemsoat: Client;
  let admin: Client;
  let lanhdao: Client;
  let giamdoc: Client;
  let motcua: Client;

  beforeAll(async () => {
    t = await createTestApp(engine);
    [chutich, kiemsoat, admin, lanhdao, giamdoc, motcua] = await Promise.all(['chutich', 'kiemsoat', 'admin', 'lanhdao', 'giamdoc', 'motcua'].map((u) => t.login(u)));
  });
  afterAll(() => t.close());

  const put = (c: Client, payload: unknown, lang = 'vi') => c.request({ method: 'PUT', url: '/api/v1/index/targets', payload: payload as object, headers: { 'accept-language': lang } });
  const stored = () => t.database.db.selectFrom('index_targets').select(['code', 'target', 'year']).orderBy('year').orderBy('code').execute();
  const audits = () => t.database.db.selectFrom('audit_events').select(['entity_id', 'before', 'after', 'actor_name']).where('action', '=', 'index.targets_set').orderBy('occurred_at').execute();

  it('needs a session, and the permission to read or set', async () => {
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/index/targets?unit=${CITY}&year=2026` })).statusCode).toBe(401);
    const officer = await motcua.get(`/api/v1/index/targets?unit=${CITY}&year=2026`);
    expect(officer.statusCode).toBe(403);
    expect(officer.json().error.code).toBe('FORBIDDEN');
    const leaderOfDivision = await put(lanhdao, { unit: HCTP, year: 2026, targets: [{ code: 'total', value: 80 }] });
    expect(leaderOfDivision.statusCode).toBe(403);
    expect(await stored()).toEqual([]);
  });

  it('starts empty; a city leader sets targets in one change with its audit event', async () => {
    const empty = await chutich.get(`/api/v1/index/targets?unit=${HCTP}&year=2026`);
    expect(empty.statusCode, empty.body).toBe(200);
    expect(empty.json()).toEqual({ unit: { code: HCTP, name: 'Phòng Hành chính tư pháp' }, year: 2026, canEdit: true, targets: [] });

    const res = await put(chutich, { unit: HCTP, year: 2026, targets: [{ code: 'TDGQ.1', value: 0.95 }, { code: 'total', value: 85.5 }, { code: 'CLGQ.3', value: 0.5 }] });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    // in the order of TARGET_CODES: the total first, then the indicators in display order
    expect(body.targets.map((x: { code: string; value: number; setBy: string }) => [x.code, x.value, x.setBy])).toEqual([
      ['total', 85.5, 'chutich'],
      ['TDGQ.1', 0.95, 'chutich'],
      ['CLGQ.3', 0.5, 'chutich'],
    ]);
    expect((await chutich.get(`/api/v1/index/targets?unit=${HCTP}&year=2026`)).json().targets).toEqual(body.targets);
    expect(await audits()).toEqual([{ entity_id: `${HCTP}/2026`, before: {}, after: { 'TDGQ.1': 0.95, total: 85.5, 'CLGQ.3': 0.5 }, actor_name: 'chutich' }]);
  });

  it('replaces and removes targets; another year is its own', async () => {
    const res = await put(kiemsoat, { unit: HCTP, year: 2026, targets: [{ code: 'TDGQ.1', value: 0.9 }, { code: 'CLGQ.3', value: null }] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().targets.map((x: { code: string; value: number; setBy: string }) => [x.code, x.value, x.setBy])).toEqual([
      ['total', 85.5, 'chutich'],
      ['TDGQ.1', 0.9, 'kiemsoat'],
    ]);
    expect((await put(admin, { unit: HCTP, year: 2027, targets: [{ code: 'total', value: 90 }] })).statusCode).toBe(200);
    expect((await chutich.get(`/api/v1/index/targets?unit=${HCTP}&year=2027`)).json().targets.map((x: { value: number }) => x.value)).toEqual([90]);
    const last = (await audits()).at(-2);
    expect(last).toMatchObject({ before: { total: 85.5, 'TDGQ.1': 0.95, 'CLGQ.3': 0.5 }, after: { 'TDGQ.1': 0.9, 'CLGQ.3': null }, actor_name: 'kiemsoat' });
  });

  it('lets heads read the targets of their units, without editing, and nothing outside them', async () => {
    const own = await lanhdao.get(`/api/v1/index/targets?unit=${HCTP}&year=2026`);
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json()).toMatchObject({ canEdit: false, targets: [{ code: 'total', value: 85.5 }, { code: 'TDGQ.1', value: 0.9 }] });
    expect((await giamdoc.get(`/api/v1/index/targets?unit=${HCTP}&year=2026`)).statusCode).toBe(200);
    const outside = await lanhdao.get(`/api/v1/index/targets?unit=${TUPHAP}&year=2026`);
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error.code).toBe('FORBIDDEN_OUTSIDE_UNIT');
  });

  it('refuses values out of range, unknown or repeated codes and unknown units, writing nothing', async () => {
    const before = await stored();
    const beforeAudits = (await audits()).length;
    const cases: [unknown, number, string][] = [
      [{ unit: HCTP, year: 2026, targets: [{ code: 'TDGQ.1', value: 1.2 }] }, 400, 'INDEX_TARGET_VALUE_INVALID'],
      [{ unit: HCTP, year: 2026, targets: [{ code: 'total', value: 100.5 }] }, 400, 'INDEX_TARGET_VALUE_INVALID'],
      [{ unit: HCTP, year: 2026, targets: [{ code: 'total', value: -1 }] }, 400, 'INDEX_TARGET_VALUE_INVALID'],
      [{ unit: HCTP, year: 2026, targets: [{ code: 'XYZ.9', value: 0.5 }] }, 400, 'INDEX_TARGET_CODE_UNKNOWN'],
      [{ unit: HCTP, year: 2026, targets: [{ code: 'total', value: 80 }, { code: 'total', value: 70 }] }, 400, 'INDEX_TARGET_DUPLICATE'],
      [{ unit: HCTP, year: 1999, targets: [{ code: 'total', value: 80 }] }, 400, 'INDEX_TARGET_YEAR_INVALID'],
      [{ unit: '999.99.99.H99', year: 2026, targets: [{ code: 'total', value: 80 }] }, 404, 'INDEX_UNIT_UNKNOWN'],
      [{ unit: HCTP, year: 2026, targets: [] }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [payload, status, code] of cases) {
      const res = await put(chutich, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(status);
      expect(res.json().error.code, res.body).toBe(code);
    }
    const en = await put(chutich, { unit: HCTP, year: 2026, targets: [{ code: 'total', value: 120 }] }, 'en');
    expect(en.json().error.message).toBe('An indicator’s target is a rate from 0 to 100 %; the total’s target is 0 to 100 points.');
    expect(await stored()).toEqual(before);
    expect(await audits()).toHaveLength(beforeAudits);
  });
});
