import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GROUPS, INDICATORS } from '@core/index/config';
import type { UnitsResponse } from '@core/index/api';
import { type Client, type TestApp, type TestResponse, createTestApp } from '../../../tests/support/app';
import { ENGINES } from '../../../tests/support/database';
import { pdfTextRuns } from '../../../tests/support/pdf-text';
import { REPORT_BASIS, REPORT_TITLE } from './export-table';
import { HEADER_ROW } from './export-xlsx';
import { unitsIndex } from './service';

const CITY = '000.00.00.H26';
const TUPHAP = '000.00.03.H26';
const Q1 = 'from=2026-01-01&to=2026-03-31';
const raw = (res: TestResponse) => (res as unknown as { rawPayload: Buffer }).rawPayload;


async function workbookOf(res: TestResponse): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(raw(res) as unknown as ArrayBuffer);
  return wb;
}

/** The data rows of a sheet, from under the header row to the last row with a unit code. */
function dataRows(ws: ExcelJS.Worksheet): ExcelJS.CellValue[][] {
  const rows: ExcelJS.CellValue[][] = [];
  for (let r = HEADER_ROW + 1; ; r++) {
    const row = ws.getRow(r);
    if (!row.getCell(2).value) break;
    rows.push(Array.from({ length: ws.columnCount }, (_, i) => row.getCell(i + 1).value));
  }
  return rows;
}

describe.each(ENGINES)('index report exports (%s)', (engine) => {
  let t: TestApp;
  let chutich: Client;
  let lanhdao: Client;
  let motcua: Client;
  let expected: UnitsResponse;

  beforeAll(async () => {
    t = await createTestApp(engine);
    [chutich, lanhdao, motcua] = await Promise.all(['chutich', 'lanhdao', 'motcua'].map((u) => t.login(u)));
    expected = await unitsIndex(t.database.db, { parent: CITY, from: '2026-01-01', to: '2026-03-31' });
  });
  afterAll(() => t.close());

  it('is for staff who may see the parent’s index', async () => {
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/index/export.xlsx?${Q1}` })).statusCode).toBe(401);
    expect((await motcua.get(`/api/v1/index/export.pdf?${Q1}`)).json().error.code).toBe('FORBIDDEN');
    // a division's leader may not export the city (named, or by default)
    for (const url of [`/api/v1/index/export.xlsx?parent=${CITY}&${Q1}`, `/api/v1/index/export.pdf?${Q1}`, `/api/v1/index/export.xlsx?parent=${TUPHAP}&${Q1}`]) {
      const res = await lanhdao.get(url);
      expect(res.statusCode, url).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN_OUTSIDE_UNIT');
    }
    const bad = await chutich.get('/api/v1/index/export.xlsx?from=2026-03-31&to=2026-01-01');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('INDEX_PERIOD_INVALID');
  });

  it('.xlsx: the heading, then the parent and its units ranked by total, with the same figures as the index', async () => {
    const res = await chutich.get(`/api/v1/index/export.xlsx?${Q1}`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="chi-so-phuc-vu_${CITY}_2026-01-01_2026-03-31.xlsx"`);
    const wb = await workbookOf(res);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Xếp hạng', 'Tỷ lệ chỉ số', 'Điểm chỉ số']);
    const ws = wb.getWorksheet('Xếp hạng')!;
    expect(ws.getCell('A1').value).toBe('ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG');
    expect(ws.getCell('A4').value).toBe(REPORT_TITLE);
    expect(ws.getCell('A5').value).toBe(REPORT_BASIS);
    expect(ws.getCell('A6').value).toBe('Kỳ báo cáo: từ ngày 01/01/2026 đến ngày 31/03/2026');
    expect(ws.getCell('A7').value).toBe(`Đơn vị: Ủy ban nhân dân thành phố Hải Phòng (${CITY})`);
    expect(ws.getRow(HEADER_ROW).getCell(4).value).toBe('Công khai, minh bạch (CKMB, 18 điểm)');

    const rows = dataRows(ws);
    expect(rows).toHaveLength(expected.units.length);
    // the parent first, unranked; then the units best total first, equal totals sharing a rank
    expect(rows[0]!.slice(0, 2)).toEqual(['Chung', CITY]);
    const ranked = rows.slice(1);
    expect(ranked.map((r) => r[1])).toEqual(expected.units.slice(1).map((u) => u.unit.code));
    const totals = ranked.map((r) => r[3 + GROUPS.length] as number);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
    ranked.forEach((r, i) => {
      if (i > 0) expect(r[0]).toBe(totals[i] === totals[i - 1] ? ranked[i - 1]![0] : i + 1);
    });
    for (const [i, u] of expected.units.entries()) {
      const row = rows[i]!;
      expect(row.slice(3, 3 + GROUPS.length), u.unit.code).toEqual(GROUPS.map((g) => u.groups.find((x) => x.code === g.code)!.score));
      expect(row[3 + GROUPS.length]).toBe(u.total);
      expect(row.slice(4 + GROUPS.length, 7 + GROUPS.length)).toEqual(u.cityRules.map((r) => r.points));
      expect(row[7 + GROUPS.length]).toBe(u.cityPoints);
    }

    const rates = dataRows(wb.getWorksheet('Tỷ lệ chỉ số')!);
    for (const [i, u] of expected.units.entries()) {
      const byCode = new Map(u.groups.flatMap((g) => g.indicators).map((x) => [x.code, x]));
      expect(rates[i]!.slice(3), u.unit.code).toEqual(INDICATORS.map((ind) => byCode.get(ind.code)!.rate));
    }
    const scores = dataRows(wb.getWorksheet('Điểm chỉ số')!);
    const city = new Map(expected.units[0]!.groups.flatMap((g) => g.indicators).map((x) => [x.code, x.score]));
    expect(scores[0]!.slice(3)).toEqual(INDICATORS.map((ind) => city.get(ind.code)));
  });

  it('.pdf: the report’s title, basis, period, unit and every unit of the ranking, in Vietnamese', async () => {
    const res = await chutich.get(`/api/v1/index/export.pdf?parent=${CITY}&${Q1}`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = raw(res);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfTextRuns(pdf).join(' ').replace(/\s+/g, ' ');
    expect(text).toContain(REPORT_TITLE);
    expect(text).toContain(REPORT_BASIS);
    expect(text).toContain('Kỳ báo cáo: từ ngày 01/01/2026 đến ngày 31/03/2026');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toMatch(/Hải Phòng, ngày \d{2} tháng \d{1,2} năm \d{4}/);
    for (const u of expected.units) expect(text, u.unit.code).toContain(u.unit.code);
    expect(text).toContain('NGƯỜI LẬP BIỂU');
  });

  it('a unit’s head exports their own unit and what is under it', async () => {
    const res = await lanhdao.get(`/api/v1/index/export.xlsx?parent=000.01.03.H26&${Q1}`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    const rows = dataRows((await workbookOf(res)).getWorksheet('Xếp hạng')!);
    expect(rows[0]!.slice(0, 2)).toEqual(['Chung', '000.01.03.H26']);
  });
});
