import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleProcedure } from '@core/catalogue/fixtures';
import { type Client, type TestApp, type TestResponse, createTestApp } from '../../../tests/support/app';
import { ENGINES } from '../../../tests/support/database';
import { readImportFile } from './files/read-file';

/** A multipart/form-data body with one file field, as a browser sends it. */
function upload(filename: string, content: Buffer | string) {
  const boundary = '----motcuaTestBoundary7MA4YWxkTrZu0gW';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  const payload = Buffer.concat([head, Buffer.from(content), Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** The body bytes of an inject response (the test harness types only the text). */
const raw = (res: TestResponse) => (res as unknown as { rawPayload: Buffer }).rawPayload;

describe.each(ENGINES)('catalogue import and export (%s)', (engine) => {
  let t: TestApp;
  let officer: Client;
  const importFile = (name: string, content: Buffer | string, query = '') => officer.request({ method: 'POST', url: `/api/v1/procedures/import${query}`, ...upload(name, content) });
  const counts = async () => ({
    procedures: (await t.database.db.selectFrom('procedures').select('id').execute()).length,
    versions: (await t.database.db.selectFrom('procedure_versions').select('id').execute()).length,
  });
  const exportAs = async (format: 'json' | 'xlsx', filter = '') => officer.request({ method: 'GET', url: `/api/v1/procedures/export?format=${format}${filter}` });

  beforeAll(async () => {
    t = await createTestApp(engine);
    officer = await t.login('kiemsoat');
  });
  afterAll(() => t.close());

  it('imports JSON: a dry run writes nothing, the real run creates, versions and skips unchanged, audited per unit', async () => {
    const existing = (await t.app.inject({ method: 'GET', url: '/api/v1/procedures/1.000656' })).json().procedure.procedure;
    const file = JSON.stringify([
      sampleProcedure({ code: '1.088001', name: 'Thủ tục nhập thử thứ nhất' }),
      sampleProcedure({ code: '1.088002', name: 'Thủ tục nhập thử thứ hai' }),
      { ...existing, conditions: 'Người đi khai tử là người thân thích của người chết' },
      (await t.app.inject({ method: 'GET', url: '/api/v1/procedures/1.001193' })).json().procedure.procedure,
    ]);
    const before = await counts();
    const dry = await importFile('catalogue.json', file, '?dryRun=true');
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toEqual({ dryRun: true, written: false, created: 2, updated: 1, unchanged: 1, errors: [] });
    expect(await counts()).toEqual(before);
    const real = await importFile('catalogue.json', file);
    expect(real.json()).toEqual({ dryRun: false, written: true, created: 2, updated: 1, unchanged: 1, errors: [] });
    expect(await counts()).toEqual({ procedures: before.procedures + 2, versions: before.versions + 3 });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/procedures/1.000656' })).json().procedure.version).toBe(2);
    const audit = await t.database.db.selectFrom('audit_events').selectAll().where('action', '=', 'procedure.imported').where('request_id', '=', real.headers['x-request-id'] as string).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({ created: [expect.stringMatching(/^1\.088001@1:/), expect.stringMatching(/^1\.088002@1:/)], updated: [expect.stringMatching(/^1\.000656@2:/)] });
  });

  it('reports every bad input of the issue with row, field and code, and writes nothing', async () => {
    const steps = [{ name: 'Xử lý', role: 'specialist' as const, unit: null, time: 1 }];
    const file = JSON.stringify([
      { ...sampleProcedure({ code: '1.077001' }), name: undefined },
      sampleProcedure({ code: '1-077002' }),
      sampleProcedure({ code: '1.077003' }),
      sampleProcedure({ code: '1.077003', name: 'Trùng mã' }),
      sampleProcedure({ code: '1.077004', fees: [{ name: 'Lệ phí', amount: -50000, rule: null }] }),
      sampleProcedure({ code: '1.077005', processingTime: { amount: 0, unit: 'working_days' }, steps: [] }),
      sampleProcedure({ code: '1.077006', implementingUnits: ['000.99.99.H26'] }),
      { ...sampleProcedure({ code: '1.077007' }), onlineLevel: 'muc-do-4' },
      sampleProcedure({ code: '1.077008', steps }),
    ]);
    const before = await counts();
    const res = await importFile('bad.json', file);
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.error.code).toBe('CATALOGUE_IMPORT_REJECTED');
    expect(body.error.message).toContain('chưa có dữ liệu nào được ghi');
    expect(body.written).toBe(false);
    expect(body.errors.map((e: { row: number; field: string; code: string }) => [e.row, e.field, e.code])).toEqual([
      [1, 'name', 'PROCEDURE_NAME_REQUIRED'],
      [2, 'code', 'PROCEDURE_CODE_INVALID'],
      [4, 'code', 'PROCEDURE_CODE_DUPLICATE'],
      [5, 'fees.0.amount', 'PROCEDURE_FEE_NEGATIVE'],
      [6, 'processingTime.amount', 'PROCEDURE_TIME_INVALID'],
      [7, 'implementingUnits.0', 'PROCEDURE_UNIT_UNKNOWN'],
      [8, 'onlineLevel', 'PROCEDURE_ONLINE_LEVEL_UNKNOWN'],
      [9, 'steps', 'PROCEDURE_STEPS_SUM'],
    ]);
    expect(body.errors.every((e: { message: string }) => e.message.length > 10)).toBe(true);
    expect(await counts()).toEqual(before);
    const en = await officer.request({ method: 'POST', url: '/api/v1/procedures/import', ...upload('bad.json', file), headers: { ...upload('bad.json', file).headers, 'accept-language': 'en' } });
    expect(en.json().errors[3].message).toBe('A fee cannot be negative.');
  });

  it('reports a non-spreadsheet or truncated file named .xlsx, a bad extension and bad JSON, without crashing', async () => {
    const notXlsx = await importFile('catalogue.xlsx', 'code,name\n1.000001,Không phải Excel\n');
    expect(notXlsx.statusCode).toBe(422);
    expect(notXlsx.json().errors).toEqual([{ row: 0, field: 'file', code: 'CATALOGUE_FILE_CORRUPT', message: 'Tệp không đọc được: nội dung không phải Excel (.xlsx) hợp lệ.' }]);
    const real = raw(await exportAs('xlsx', '&field=HOTICH'));
    const truncated = await importFile('catalogue.xlsx', real.subarray(0, Math.floor(real.length / 2)));
    expect(truncated.json().errors[0]).toMatchObject({ row: 0, field: 'file', code: 'CATALOGUE_FILE_CORRUPT' });
    expect((await importFile('catalogue.pdf', '%PDF-1.4')).json().errors[0].code).toBe('CATALOGUE_FILE_UNSUPPORTED');
    expect((await importFile('catalogue.json', '[{"code": ')).json().errors[0].code).toBe('CATALOGUE_FILE_CORRUPT');
    expect((await importFile('catalogue.json', real)).json().errors[0].code).toBe('CATALOGUE_FILE_CORRUPT');
    const notMultipart = await officer.post('/api/v1/procedures/import', []);
    expect(notMultipart.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('exports .json and .xlsx that re-import exactly: every procedure unchanged', async () => {
    const json = await exportAs('json');
    expect(json.headers['content-disposition']).toMatch(/attachment; filename="thu-tuc-.*\.json"/);
    const items = json.json();
    expect(items.length).toBeGreaterThanOrEqual(80);
    const again = await importFile('export.json', json.body, '?dryRun=true');
    expect(again.json()).toMatchObject({ created: 0, updated: 0, unchanged: items.length, errors: [] });
    const xlsx = await exportAs('xlsx');
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const buf = raw(xlsx);
    const parsed = await readImportFile('export.xlsx', buf, 'vi');
    expect(parsed.issues).toEqual([]);
    expect(parsed.rows.map((r) => r.value)).toHaveLength(items.length);
    const xlsxAgain = await importFile('export.xlsx', buf);
    expect(xlsxAgain.json()).toMatchObject({ written: false, created: 0, updated: 0, unchanged: items.length, errors: [] });
  });

  it('imports a spreadsheet: components, fees and steps sheets keyed by code; an orphan row and a bad cell are reported', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(raw(await officer.get('/api/v1/procedures/import-template')) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['procedures', 'components', 'fees', 'steps', 'huong-dan']);
    wb.getWorksheet('procedures')!.getCell('A2').value = '1.066001';
    for (const s of ['components', 'fees', 'steps']) {
      wb.getWorksheet(s)!.eachRow((r, n) => {
        if (n > 1) r.getCell(1).value = '1.066001';
      });
    }
    const ok = Buffer.from(await wb.xlsx.writeBuffer());
    expect((await importFile('mau.xlsx', ok)).json()).toMatchObject({ written: true, created: 1, errors: [] });
    const created = (await t.app.inject({ method: 'GET', url: '/api/v1/procedures/1.066001' })).json().procedure.procedure;
    expect(created.components.map((c: { name: string }) => c.name)).toEqual(['Tờ khai đăng ký khai sinh', 'Giấy chứng sinh']);
    wb.getWorksheet('fees')!.getCell('C2').value = -1;
    wb.getWorksheet('components')!.addRow(['9.999999', 'Giấy tờ lạc']);
    const bad = await importFile('mau.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(bad.json().errors.map((e: { row: number; field: string; code: string }) => [e.row, e.field, e.code])).toEqual([
      [2, 'fees.0.amount', 'PROCEDURE_FEE_NEGATIVE'],
      [4, 'components.code', 'CATALOGUE_ROW_ORPHAN'],
    ]);
  });

  it('an officer scoped to one department imports and creates only that department’s procedures', async () => {
    const admin = await t.login('admin');
    const units = (await t.app.inject({ method: 'GET', url: '/api/v1/units' })).json().units;
    const tuphap = units.find((u: { code: string }) => u.code === '000.00.03.H26');
    const password = 'MatKhauKiemSoat2026';
    const created = await admin.post('/api/v1/users', { username: 'kiemsoat.stp', fullName: 'Kiểm soát Sở Tư pháp', unitId: tuphap.id, password, roles: [{ role: 'control_officer', unitId: tuphap.id, includeSubtree: true }] });
    expect(created.statusCode).toBe(201);
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'kiemsoat.stp', password } });
    const cookie = `motcua_session=${login.cookies.find((c) => c.name === 'motcua_session')!.value}`;
    const headers = { cookie, 'x-csrf-token': login.json().csrfToken };
    const file = JSON.stringify([sampleProcedure({ code: '1.022001' }), sampleProcedure({ code: '1.022002', responsibleUnit: '000.00.10.H26' })]);
    const body = upload('scoped.json', file);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/procedures/import', payload: body.payload, headers: { ...body.headers, ...headers } });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.map((e: { row: number; field: string; code: string }) => [e.row, e.field, e.code])).toEqual([[2, 'responsibleUnit', 'PROCEDURE_UNIT_OUT_OF_SCOPE']]);
    const other = await t.app.inject({ method: 'POST', url: '/api/v1/procedures', payload: sampleProcedure({ code: '1.022002', responsibleUnit: '000.00.10.H26' }), headers });
    expect(other.json().error.code).toBe('FORBIDDEN_OUTSIDE_UNIT');
    const own = await t.app.inject({ method: 'POST', url: '/api/v1/procedures', payload: sampleProcedure({ code: '1.022001' }), headers });
    expect(own.statusCode).toBe(201);
  });

  it('imports CSV with the components, fees and steps as JSON columns', async () => {
    const p = sampleProcedure({ code: '1.055001', name: 'Thủ tục nhập từ CSV' });
    const header = 'code,name,fieldCode,fieldName,level,responsibleUnit,implementingUnits,receivingUnits,applicants,methods,processingAmount,processingUnit,onlineLevel,components,steps';
    const cell = (v: unknown) => `"${JSON.stringify(v).replace(/"/g, '""')}"`;
    const line = [p.code, p.name, 'HOTICH', 'Hộ tịch', 'commune', p.responsibleUnit, '000.50.00.H26', '000.50.01.H26', 'citizen', 'counter; online', '3', 'working_days', 'full', cell(p.components), cell(p.steps)].join(',');
    const res = await importFile('csv.csv', `\uFEFF${header}\n${line}\n`);
    expect(res.json()).toMatchObject({ created: 1, errors: [] });
    const got = (await t.app.inject({ method: 'GET', url: '/api/v1/procedures/1.055001' })).json().procedure.procedure;
    expect(got).toEqual({ ...p, legalBasis: null, result: null });
  });
});
