import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseInstant } from '@core/calendar/time';
import { DOSSIER_BOOK_COLUMNS } from '@core/dossier/forms';
import { type Client, type TestApp, type TestResponse, createTestApp } from '../../../tests/support/app';
import { ENGINES } from '../../../tests/support/database';
import { actionsAt } from '../../../tests/support/dossier-clock';
import { WARD_PROCEDURE, intakeFor } from '../../../tests/support/dossiers';
import { pdfTextRuns } from '../../../tests/support/pdf-text';
import { bookPeriod } from '@core/dossier/book';
import { CalendarCache } from '../calendar/calendar-cache';
import { findUnitByCode } from '../org/queries';
import { loadDossierBook } from './book';
import { BOOK_HEADER_ROW, BOOK_SHEET, excelDate } from './book-xlsx';
import { RulesCache } from './rules';

const CENTRE = '000.00.30.H26';
const HCTP = '000.01.03.H26';
const at = parseInstant;
const raw = (res: TestResponse) => (res as unknown as { rawPayload: Buffer }).rawPayload;
const MARCH = `unit=${CENTRE}&from=2026-03-01&to=2026-03-31`;

async function sheetOf(res: TestResponse): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(raw(res) as unknown as ArrayBuffer);
  return wb.getWorksheet(BOOK_SHEET)!;
}

describe.each(ENGINES)('dossier book, Mẫu 06 (%s)', (engine) => {
  let t: TestApp;
  let motcua: Client;
  let motcuaXa: Client;
  let chuyenvien: Client;
  let lanhdao: Client;
  let kiemsoat: Client;
  let admin: Client;
  let actAt: ReturnType<typeof actionsAt>;
  /** Codes of the centre's March dossiers, in the order the book must list them. */
  const march: string[] = [];
  let returnedTimes: Record<string, number>;

  // the ward desk (motcua.xa) receives commune procedures, the centre the city's
  const intake = async (client: Client) => {
    const res = await client.post('/api/v1/dossiers', intakeFor(client === motcuaXa ? WARD_PROCEDURE : undefined));
    expect(res.statusCode, res.body).toBe(201);
    return res.json().dossier.id as string;
  };
  const acceptAt = async (client: Client, now: number) => {
    const id = await intake(client);
    const row = await actAt(id, 'accept', now, client, ['onestop_officer'], { components: ['1', '2'] });
    return { id, code: row.code! };
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    [motcua, motcuaXa, chuyenvien, lanhdao, kiemsoat, admin] = await Promise.all(['motcua', 'motcua.xa', 'chuyenvien', 'lanhdao', 'kiemsoat', 'admin'].map((u) => t.login(u)));
    actAt = actionsAt(t.database);
    // Monday 2 March: one dossier walked to return, one left open; accepted in that order
    const full = await acceptAt(motcua, at('2026-03-02T09:00:00+07:00'));
    const open = await acceptAt(motcua, at('2026-03-02T10:00:00+07:00'));
    returnedTimes = {
      hand_over: at('2026-03-02T11:00:00+07:00'),
      issue_result: at('2026-03-06T10:00:00+07:00'),
      return_result: at('2026-03-09T09:30:00+07:00'),
    };
    await actAt(full.id, 'hand_over', returnedTimes.hand_over!, motcua, ['onestop_officer'], { toUnit: HCTP });
    await actAt(full.id, 'assign', at('2026-03-02T14:00:00+07:00'), lanhdao, ['unit_leader'], { assigneeId: chuyenvien.me.user.id });
    await actAt(full.id, 'submit_review', at('2026-03-04T10:00:00+07:00'), chuyenvien, ['specialist']);
    await actAt(full.id, 'approve', at('2026-03-05T10:00:00+07:00'), lanhdao, ['unit_leader']);
    await actAt(full.id, 'issue_result', returnedTimes.issue_result!, chuyenvien, ['specialist'], { number: '12/LLTP' });
    await actAt(full.id, 'return_result', returnedTimes.return_result!, motcua, ['onestop_officer'], { collectedBy: 'Nguyễn Văn An' });
    // the local (UTC+7) day decides: 00:30 on 1 March is in March although it is 28 February in UTC,
    // 00:30 on 1 April is not although it is still 31 March in UTC
    const first = await acceptAt(motcua, at('2026-03-01T00:30:00+07:00'));
    const last = await acceptAt(motcua, at('2026-03-31T23:30:00+07:00'));
    await acceptAt(motcua, at('2026-04-01T00:30:00+07:00'));
    await acceptAt(motcua, at('2026-02-28T23:30:00+07:00'));
    // another unit's dossier of the same month, and a dossier never accepted: neither is in the book
    await acceptAt(motcuaXa, at('2026-03-02T09:30:00+07:00'));
    await intake(motcua);
    march.push(first.code, full.code, open.code, last.code);
  });
  afterAll(() => t.close());

  it('.xlsx: header block, the columns, frozen filtered header row, one row per dossier in code order', async () => {
    const res = await motcua.get(`/api/v1/dossier-book.xlsx?${MARCH}`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="so-theo-doi-ho-so_${CENTRE}_2026-03-01_2026-03-31.xlsx"`);
    const ws = await sheetOf(res);
    expect(ws.getCell('A2').value).toBe('TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG THÀNH PHỐ');
    expect(ws.getCell('A4').value).toBe('SỔ THEO DÕI HỒ SƠ');
    expect(ws.getCell('A5').value).toBe('Từ ngày 01/03/2026 đến ngày 31/03/2026');
    expect(ws.getRow(BOOK_HEADER_ROW).values).toEqual([undefined, ...DOSSIER_BOOK_COLUMNS.map((c) => c.vi)]);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: BOOK_HEADER_ROW });
    expect(ws.autoFilter).toBe(`A${BOOK_HEADER_ROW}:N${BOOK_HEADER_ROW + march.length}`);
    expect(ws.getColumn(2).width).toBe(27);

    const col = (key: (typeof DOSSIER_BOOK_COLUMNS)[number]['key']) => DOSSIER_BOOK_COLUMNS.findIndex((c) => c.key === key) + 1;
    const data = Array.from({ length: ws.rowCount - BOOK_HEADER_ROW }, (_, i) => ws.getRow(BOOK_HEADER_ROW + 1 + i));
    expect(data.map((r) => r.getCell(col('code')).value)).toEqual(march);
    expect(data.map((r) => r.getCell(col('index')).value)).toEqual([1, 2, 3, 4]);

    const full = data[1]!;
    const cell = (key: Parameters<typeof col>[0]) => full.getCell(col(key)).value;
    expect(cell('procedure')).toBe('Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam');
    expect(cell('applicant')).toBe('Nguyễn Văn An');
    expect(cell('contact')).toBe('Số 1 Lê Chân, Hải Phòng — 0912345678');
    expect(cell('leadUnit')).toBe('Phòng Hành chính tư pháp');
    // real dates holding the wall-clock time in Vietnam
    expect(cell('receivedAt')).toEqual(excelDate(at('2026-03-02T09:00:00+07:00')));
    expect((cell('receivedAt') as Date).toISOString()).toBe('2026-03-02T09:00:00.000Z');
    expect(full.getCell(col('receivedAt')).numFmt).toBe('dd/mm/yyyy hh:mm');
    expect(cell('handedOverAt')).toEqual(excelDate(returnedTimes.hand_over!));
    expect(cell('resultReceivedAt')).toEqual(excelDate(returnedTimes.issue_result!));
    expect(cell('returnedAt')).toEqual(excelDate(returnedTimes.return_result!));
    expect(cell('dueAt')).toBeInstanceOf(Date);
    expect(cell('note')).toBe('Giải quyết trước hạn');
    const open = data[2]!;
    expect(open.getCell(col('handedOverAt')).value).toBeNull();
    expect(open.getCell(col('note')).value).toBe('Đang giải quyết, quá hạn');
  });

  it('PDF: the form with its title, period and the same rows in the same order', async () => {
    const res = await motcua.get(`/api/v1/dossier-book.pdf?${MARCH}`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = raw(res);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const runs = pdfTextRuns(pdf);
    expect(runs).toContain('SỔ THEO DÕI HỒ SƠ');
    expect(runs).toContain('Từ ngày 01/03/2026 đến ngày 31/03/2026');
    expect(runs).toContain('TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG THÀNH PHỐ');
    // the code cell breaks after the unit code: `000.00.30.H26-` then `260302-0001`
    const codes = runs.flatMap((r, i) => (r === `${CENTRE}-` ? [`${r}${runs[i + 1]}`] : []));
    expect(codes).toEqual(march);
  });

  it('reads the dossiers page by page and lists the same rows whatever the page size', async () => {
    const { db } = t.database;
    const sources = { db, calendars: new CalendarCache(db), rules: new RulesCache(db) };
    const unit = (await findUnitByCode(db, CENTRE))!;
    const period = bookPeriod('2026-03-01', '2026-03-31');
    const now = Date.now();
    const whole = await loadDossierBook(sources, unit, period, now);
    expect(whole.rows.map((r) => r.code)).toEqual(march);
    for (const size of [1, 2, 3]) expect(await loadDossierBook(sources, unit, period, now, size)).toEqual(whole);
  });

  it('an empty period gives the header alone', async () => {
    const ws = await sheetOf(await motcua.get(`/api/v1/dossier-book.xlsx?unit=${CENTRE}&from=2025-01-01&to=2025-01-31`));
    expect(ws.rowCount).toBe(BOOK_HEADER_ROW);
    const pdf = await motcua.get(`/api/v1/dossier-book.pdf?unit=${CENTRE}&from=2025-01-01&to=2025-01-31`);
    expect(pdfTextRuns(raw(pdf))).toContain('SỔ THEO DÕI HỒ SƠ');
  });

  it('a unit sees its own book; the control office sees every unit’s', async () => {
    const xa = await sheetOf(await motcuaXa.get('/api/v1/dossier-book.xlsx?unit=000.52.01.H26&from=2026-03-01&to=2026-03-31'));
    expect(xa.rowCount).toBe(BOOK_HEADER_ROW + 1);
    expect((await kiemsoat.get(`/api/v1/dossier-book.xlsx?${MARCH}`)).statusCode).toBe(200);
  });

  it('refuses a unit outside the caller’s scope, a caller without dossier.read and an unknown unit', async () => {
    for (const [client, format] of [[motcuaXa, 'xlsx'], [chuyenvien, 'pdf']] as const) {
      const res = await client.get(`/api/v1/dossier-book.${format}?${MARCH}`);
      expect([res.statusCode, res.json().error.code]).toEqual([403, 'FORBIDDEN_OUTSIDE_UNIT']);
    }
    const noRead = await admin.get(`/api/v1/dossier-book.xlsx?${MARCH}`);
    expect([noRead.statusCode, noRead.json().error.code]).toEqual([403, 'FORBIDDEN']);
    const anonymous = await t.app.inject({ method: 'GET', url: `/api/v1/dossier-book.pdf?${MARCH}` });
    expect(anonymous.statusCode).toBe(401);
    const unknown = await motcua.get('/api/v1/dossier-book.xlsx?unit=000.99.99.H26&from=2026-03-01&to=2026-03-31');
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([404, 'NOT_FOUND']);
  });

  it('refuses a bad period with a stable code', async () => {
    const code = async (query: string) => {
      const res = await motcua.get(`/api/v1/dossier-book.xlsx?${query}`);
      return [res.statusCode, res.json().error.code];
    };
    expect(await code(`unit=${CENTRE}&from=2026-03-31&to=2026-03-01`)).toEqual([400, 'DOSSIER_BOOK_PERIOD_INVALID']);
    expect(await code(`unit=${CENTRE}&from=2026-01-01&to=2027-01-02`)).toEqual([400, 'DOSSIER_BOOK_PERIOD_TOO_LONG']);
    expect(await code(`unit=${CENTRE}&from=2026-02-30&to=2026-03-31`)).toEqual([400, 'CALENDAR_DATE_INVALID']);
    expect(await code(`unit=${CENTRE}&from=2026-03-01`)).toEqual([400, 'VALIDATION_FAILED']);
    expect(await code('unit=trung-tam&from=2026-03-01&to=2026-03-31')).toEqual([400, 'VALIDATION_FAILED']);
    const pdf = await motcua.get(`/api/v1/dossier-book.pdf?unit=${CENTRE}&from=2026-03-31&to=2026-03-01`);
    expect(pdf.json().error.code).toBe('DOSSIER_BOOK_PERIOD_INVALID');
  });
});
