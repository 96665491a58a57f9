import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleProcedure } from '@core/catalogue/fixtures';
import { type TestApp, createTestApp } from '../../../tests/support/app';
import { ENGINES } from '../../../tests/support/database';
import { DEMO_PROCEDURES } from '../../seed/procedures';
import { loadVersion } from './read';

describe.each(ENGINES)('procedure catalogue (%s)', (engine) => {
  let t: TestApp;
  const get = (url: string) => t.app.inject({ method: 'GET', url });
  const search = async (q: string, extra = '') => (await get(`/api/v1/procedures?q=${encodeURIComponent(q)}${extra}`)).json();

  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t.close());

  it('seeds at least 80 Hải Phòng procedures in at least 12 fields, at city and commune level', async () => {
    const all = await search('', '&limit=100');
    expect(all.total).toBeGreaterThanOrEqual(80);
    const fields = (await get('/api/v1/procedure-fields')).json().fields;
    expect(fields.length).toBeGreaterThanOrEqual(12);
    expect(fields.find((f: { code: string }) => f.code === 'HOTICH')).toMatchObject({ name: 'Hộ tịch', byLevel: { commune: expect.any(Number) } });
    expect(new Set(DEMO_PROCEDURES.map((p) => p.level))).toEqual(new Set(['province', 'commune']));
  });

  it('lists the units to browse by: departments answerable, communes carrying out', async () => {
    const units = (await get('/api/v1/procedure-units')).json().units;
    expect(units.find((u: { code: string }) => u.code === '000.00.03.H26')).toMatchObject({ name: 'Sở Tư pháp', responsible: expect.any(Number) });
    const commune = units.find((u: { code: string }) => u.code === '000.52.00.H26');
    expect(commune.responsible).toBe(0);
    expect(commune.implementing).toBeGreaterThan(20);
  });

  it('finds "Đăng ký khai sinh" first with diacritics, without them and with a typo', async () => {
    for (const q of ['Đăng ký khai sinh', 'dang ky khai sinh', 'DANG KY KHAI SINH', 'khai sihn', 'đăng ki khai sinh']) {
      const r = await search(q);
      expect(r.items[0]?.name, q).toBe('Đăng ký khai sinh');
      expect(r.total).toBeGreaterThanOrEqual(1);
    }
  });

  it('filters by field, level, online level, unit and completeness, and finds by code prefix', async () => {
    const all = await search('', '&limit=1');
    const r = await search('', '&field=HOTICH&level=commune&limit=100');
    expect(r.items.length).toBeGreaterThan(5);
    expect(r.items.every((i: { field: { code: string }; level: string }) => i.field.code === 'HOTICH' && i.level === 'commune')).toBe(true);
    const full = await search('', '&online=full&limit=100');
    expect(full.items.every((i: { onlineLevel: string }) => i.onlineLevel === 'full')).toBe(true);
    const byUnit = await search('', '&unit=000.00.03.H26&limit=100');
    expect(byUnit.items.every((i: { responsibleUnit: { code: string } }) => i.responsibleUnit.code === '000.00.03.H26')).toBe(true);
    const commune = await search('khai sinh', '&unit=000.52.00.H26');
    expect(commune.items[0].code).toBe('1.001193');
    expect((await search('1.001193')).items.map((i: { code: string }) => i.code)).toEqual(['1.001193']);
    expect((await search('', '&unit=999.99.99.H99')).total).toBe(0);
    expect((await search('', '&complete=false')).total).toBe(0);
    expect((await search('', '&complete=true&limit=1')).total).toBe(all.total);
    expect((await search('%_\\')).total).toBe(0);
  });

  it('pages with limit/offset and keeps the total', async () => {
    const a = await search('', '&limit=10&offset=0');
    const b = await search('', '&limit=10&offset=10');
    expect(a.items).toHaveLength(10);
    expect(b.items[0].code).not.toBe(a.items[0].code);
    expect(b.total).toBe(a.total);
    expect((await search('', '&offset=5000')).total).toBe(a.total);
    const bad = await get('/api/v1/procedures?limit=1000');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('shows the procedure page with steps, components, fees, units and completeness', async () => {
    const res = await get('/api/v1/procedures/1.001612');
    expect(res.statusCode).toBe(200);
    const d = res.json().procedure;
    expect(d.procedure.name).toBe('Đăng ký thành lập hộ kinh doanh');
    expect(d.version).toBe(1);
    expect(d.complete).toBe(true);
    expect(d.procedure.steps.reduce((s: number, x: { time: number }) => s + x.time, 0)).toBe(d.procedure.processingTime.amount);
    expect(d.procedure.fees[0].amount).toBe(100000);
    expect(d.unitNames['000.00.04.H26']).toBe('Sở Tài chính');
    expect((await get('/api/v1/procedures/9.999999')).statusCode).toBe(404);
    expect((await get('/api/v1/procedures/abc')).json().error.code).toBe('VALIDATION_FAILED');
  });

  it('a control officer creates a procedure (audited); a duplicate code is refused', async () => {
    const officer = await t.login('kiemsoat');
    const p = sampleProcedure({ code: '1.099001', name: 'Cấp giấy xác nhận thử nghiệm' });
    const res = await officer.post('/api/v1/procedures', p);
    expect(res.statusCode).toBe(201);
    expect(res.json().procedure).toMatchObject({ version: 1, procedure: p });
    const events = await t.database.db.selectFrom('audit_events').selectAll().where('entity_id', '=', '1.099001').execute();
    expect(events.map((e) => [e.action, e.actor_name])).toEqual([['procedure.created', 'kiemsoat']]);
    const dup = await officer.post('/api/v1/procedures', p);
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('PROCEDURE_CODE_TAKEN');
    const thin = await officer.post('/api/v1/procedures', sampleProcedure({ code: '1.099008', name: 'Thủ tục còn thiếu thông tin', steps: [], applicants: [] }));
    expect(thin.json().procedure).toMatchObject({ complete: false, missing: ['steps', 'applicants'] });
    expect((await search('', '&complete=false')).items.map((i: { code: string }) => i.code)).toEqual(['1.099008']);
  });

  it('two officers creating the same code at once: one wins, the other gets a stable error', async () => {
    const officer = await t.login('kiemsoat');
    const p = sampleProcedure({ code: '1.099009', name: 'Thủ tục tạo đồng thời' });
    const [a, b] = await Promise.all([officer.post('/api/v1/procedures', p), officer.post('/api/v1/procedures', p)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    expect(['PROCEDURE_CODE_TAKEN', 'CONFLICT']).toContain((a.statusCode === 409 ? a : b).json().error.code);
  });

  it('refuses an invalid procedure with every field issue in Vietnamese, writing nothing', async () => {
    const officer = await t.login('kiemsoat');
    const before = (await search('', '&limit=1')).total;
    const res = await officer.post('/api/v1/procedures', { ...sampleProcedure({ code: '1.099002', fees: [{ name: 'Phí', amount: -5, rule: null }] }), name: '' });
    expect(res.statusCode).toBe(400);
    const body = res.json().error;
    expect(body.code).toBe('PROCEDURE_INVALID');
    expect(body.fields.map((f: { code: string }) => f.code)).toEqual(['PROCEDURE_NAME_REQUIRED']);
    const fee = (await officer.post('/api/v1/procedures', sampleProcedure({ code: '1.099002', fees: [{ name: 'Phí', amount: -5, rule: null }] }))).json().error;
    expect(fee.fields).toEqual([{ field: 'fees.0.amount', code: 'PROCEDURE_FEE_NEGATIVE', message: 'Mức phí, lệ phí không được là số âm.' }]);
    expect((await search('', '&limit=1')).total).toBe(before);
  });

  it('editing a published procedure creates a new version; the old one stays readable; no change, no version', async () => {
    const officer = await t.login('kiemsoat');
    const current = (await get('/api/v1/procedures/1.000894')).json().procedure;
    const same = await officer.request({ method: 'PUT', url: '/api/v1/procedures/1.000894', payload: current.procedure });
    expect(same.json().procedure.version).toBe(1);
    const edited = { ...current.procedure, fees: [{ name: 'Lệ phí đăng ký kết hôn', amount: 0, rule: 'Miễn lệ phí' }] };
    const res = await officer.request({ method: 'PUT', url: '/api/v1/procedures/1.000894', payload: edited });
    expect(res.statusCode).toBe(200);
    expect(res.json().procedure.version).toBe(2);
    expect(res.json().procedure.versionId).not.toBe(current.versionId);
    const history = (await get('/api/v1/procedures/1.000894/versions')).json();
    expect(history.currentVersion).toBe(2);
    expect(history.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const v1 = (await get('/api/v1/procedures/1.000894/versions/1')).json().procedure;
    expect(v1.procedure.fees).toEqual([]);
    expect(v1.versionId).toBe(current.versionId);
    const stored = await loadVersion(t.database.db, current.versionId);
    expect(stored).toMatchObject({ code: '1.000894', version: 1, procedure: { fees: [] } });
    expect(await loadVersion(t.database.db, '00000000-0000-4000-8000-000000000000')).toBeUndefined();
    const mismatch = await officer.request({ method: 'PUT', url: '/api/v1/procedures/1.000894', payload: { ...edited, code: '1.000895' } });
    expect(mismatch.json().error.code).toBe('PROCEDURE_CODE_MISMATCH');
    const events = await t.database.db.selectFrom('audit_events').select('action').where('entity_id', '=', '1.000894').execute();
    expect(events.map((e) => e.action)).toEqual(['procedure.versioned']);
  });

  it('only staff with catalogue.manage edit: anonymous 401, a specialist 403', async () => {
    const anon = await t.app.inject({ method: 'POST', url: '/api/v1/procedures', payload: sampleProcedure({ code: '1.099003' }) });
    expect(anon.statusCode).toBe(401);
    const specialist = await t.login('chuyenvien');
    const res = await specialist.post('/api/v1/procedures', sampleProcedure({ code: '1.099003' }));
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
  });
});
