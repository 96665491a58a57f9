import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../../tests/support/app';
import { ENGINES } from '../../../tests/support/database';

describe.each(ENGINES)('legal clock API (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t.close());

  const get = async (url: string) => t.app.inject({ method: 'GET', url });
  // biome-ignore lint/suspicious/noExplicitAny: API payloads
  const day = async (date: string): Promise<any> => (await get(`/api/v1/calendar/days?from=${date}&to=${date}`)).json().days[0];

  it('classifies days by the default rules: Tết 2026, National Day 2024 compensation', async () => {
    const res = await get('/api/v1/calendar/days?from=2026-02-14&to=2026-02-22');
    expect(res.statusCode).toBe(200);
    const kinds = res.json().days.map((d: { date: string; kind: string }) => `${d.date}:${d.kind}`);
    // Tết Bính Ngọ: 1/1 lunar = 2026-02-17; the 30th of month 12 is 2026-02-16.
    expect(kinds).toContain('2026-02-16:holiday');
    expect(kinds).toContain('2026-02-17:holiday');
    expect(kinds).toContain('2026-02-20:holiday');
    expect((await day('2024-09-03')).kind).toBe('holiday');
    expect((await day('2026-11-30')).working).toBe(true);
  });

  it('answers a due date in +07:00 with the skipped days explained', async () => {
    const res = await get(`/api/v1/calendar/due?from=${encodeURIComponent('2026-04-29T16:00:00+07:00')}&amount=2&unit=working_days`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.dueAt).toMatch(/\+07:00$/);
    expect(body.dueAt).toBe('2026-05-05T16:00:00+07:00');
    expect(body.explanation.skipped.map((s: { date: string }) => s.date)).toEqual(['2026-04-30', '2026-05-01', '2026-05-02', '2026-05-03']);
  });

  it('refuses bad input with its own codes', async () => {
    const code = async (q: string) => (await get(`/api/v1/calendar/due?${q}`)).json().error.code;
    expect(await code('from=2026-01-05T08:00:00&amount=1&unit=working_days')).toBe('CALENDAR_OFFSET_REQUIRED');
    expect(await code(`from=${encodeURIComponent('2026-01-05T08:00:00+07:00')}&amount=0&unit=working_days`)).toBe('CALENDAR_AMOUNT_INVALID');
    expect(await code(`from=${encodeURIComponent('2026-01-05T08:00:00+07:00')}&amount=1.5&unit=working_days`)).toBe('CALENDAR_AMOUNT_INVALID');
    expect(await code(`from=${encodeURIComponent('2026-01-05T08:00:00+07:00')}&amount=1&unit=weeks`)).toBe('CALENDAR_UNIT_INVALID');
    expect(await code('from=garbage&amount=1&unit=working_days')).toMatch(/^CALENDAR_/);
    const range = await get('/api/v1/calendar/days?from=2020-01-01&to=2031-01-02');
    expect(range.statusCode).toBe(400);
    expect(range.json().error.code).toBe('CALENDAR_RANGE_TOO_LONG');
    expect((await get('/api/v1/calendar/days?from=1800-01-01&to=1800-01-02')).json().error.code).toBe('CALENDAR_YEAR_OUT_OF_RANGE');
    expect((await get('/api/v1/calendar/days?from=2026-02-30&to=2026-03-01')).statusCode).toBe(400);
  });

  it('an administrator swaps a Saturday into a working day and back; both are audited and due dates follow', async () => {
    const admin = await t.login('admin');
    const saturday = '2026-12-05';
    const put = await admin.request({ method: 'PUT', url: `/api/v1/calendar/days/${saturday}`, payload: { working: true, name: 'Làm bù cho ngày nghỉ 2/1/2027' } });
    expect(put.statusCode).toBe(200);
    expect(put.json().day).toMatchObject({ date: saturday, working: true, kind: 'swapped_workday' });
    const due = await get(`/api/v1/calendar/due?from=${encodeURIComponent('2026-12-04T17:00:00+07:00')}&amount=1&unit=working_days`);
    expect(due.json().dueAt).toBe('2026-12-05T17:00:00+07:00');
    const del = await admin.request({ method: 'DELETE', url: `/api/v1/calendar/days/${saturday}` });
    expect(del.json().day.kind).toBe('weekend');
    const after = await get(`/api/v1/calendar/due?from=${encodeURIComponent('2026-12-04T17:00:00+07:00')}&amount=1&unit=working_days`);
    expect(after.json().dueAt).toBe('2026-12-07T17:00:00+07:00');
    const actions = await t.database.db.selectFrom('audit_events').select('action').where('entity_id', '=', saturday).orderBy('seq').execute();
    expect(actions.map((a) => a.action)).toEqual(['calendar.override_set', 'calendar.override_removed']);
  });

  it('refuses an override outside 1900–2199 and a missing override removal, changing nothing', async () => {
    const admin = await t.login('admin');
    expect((await admin.request({ method: 'PUT', url: '/api/v1/calendar/days/2300-01-01', payload: { working: false, name: 'x' } })).json().error.code).toBe('CALENDAR_YEAR_OUT_OF_RANGE');
    expect((await admin.request({ method: 'DELETE', url: '/api/v1/calendar/days/2027-03-03' })).statusCode).toBe(404);
    expect((await admin.request({ method: 'PUT', url: '/api/v1/calendar/days/2027-13-01', payload: { working: false, name: 'x' } })).statusCode).toBe(400);
  });

  it('imports an official schedule from CSV all-or-nothing', async () => {
    const admin = await t.login('admin');
    const upload = (filename: string, content: string) => {
      const boundary = '----motcua';
      const payload = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: text/csv\r\n\r\n${content}\r\n--${boundary}--\r\n`;
      return admin.request({ method: 'POST', url: '/api/v1/calendar/overrides/import', payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
    };
    const bad = await upload('lich-2027.csv', 'date,working,name\n2027-02-05,false,Nghỉ Tết\n2027-02-31,false,Sai ngày\n');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('CALENDAR_IMPORT_INVALID');
    expect((await get('/api/v1/calendar/overrides?from=2027-01-01&to=2027-12-31')).json().overrides).toEqual([]);
    const ok = await upload('lich-2027.csv', 'date,working,name\n2027-02-12,false,Nghỉ Tết (Quyết định của Thủ tướng)\n2027-02-20,true,Làm bù\n');
    expect(ok.json()).toEqual({ imported: 2 });
    expect((await day('2027-02-12')).kind).toBe('override_off');
    expect((await day('2027-02-20')).kind).toBe('swapped_workday');
  });

  it('working hours are configured per unit and inherited by its sub-tree', async () => {
    const admin = await t.login('admin');
    const units = (await get('/api/v1/units')).json().units as { id: string; code: string }[];
    const ward = units.find((u) => u.code === '000.50.00.H26')!;
    const desk = units.find((u) => u.code === '000.50.01.H26')!;
    expect((await get(`/api/v1/units/${desk.id}/working-hours`)).json()).toEqual({ periods: [{ start: '08:00', end: '12:00' }, { start: '13:00', end: '17:00' }], inheritedFrom: null });
    const periods = [{ start: '07:30', end: '11:30' }, { start: '13:30', end: '17:00' }];
    expect((await admin.request({ method: 'PUT', url: `/api/v1/units/${ward.id}/working-hours`, payload: { periods } })).statusCode).toBe(200);
    expect((await get(`/api/v1/units/${desk.id}/working-hours`)).json()).toEqual({ periods, inheritedFrom: ward.id });
    const due = await get(`/api/v1/calendar/due?from=${encodeURIComponent('2026-12-01T07:30:00+07:00')}&amount=4&unit=working_hours&unitCode=000.50.01.H26`);
    expect(due.json().dueAt).toBe('2026-12-01T11:30:00+07:00');
    const overlap = await admin.request({ method: 'PUT', url: `/api/v1/units/${ward.id}/working-hours`, payload: { periods: [{ start: '08:00', end: '12:00' }, { start: '11:00', end: '17:00' }] } });
    expect(overlap.json().error.code).toBe('CALENDAR_HOURS_INVALID');
  });
});
