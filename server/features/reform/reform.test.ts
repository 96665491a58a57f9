import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp } from '../../../tests/support/app';
import { ENGINES } from '../../../tests/support/database';
import { pdfTextRuns } from '../../../tests/support/pdf-text';
import { scanPdf } from '../../seed/scans';
import { postReport } from './testing';
import { multipart } from '../../../tests/support/multipart';
import { testClock } from '../../../tests/support/clock';

const PDF = scanPdf('Bao cao', ['Minh chung thuc hien nhiem vu CCHC']);
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 1)]);
const raw = (res: unknown) => (res as { rawPayload: Buffer }).rawPayload;
const clock = testClock('2026-02-02T09:00:00+07:00');

describe.each(ENGINES)('reform plans and tasks (%s)', (engine) => {
  let t: TestApp;
  let kiemsoat: Client;
  let giamdoc: Client;
  let lanhdao: Client;
  let motcua: Client;
  const unit: Record<string, string> = {};
  let planId: string;

  const count = async (table: 'reform_events' | 'reform_tasks' | 'reform_evidence') => Number((await t.database.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  const addTask = (body: Record<string, unknown>) => kiemsoat.post(`/api/v1/reform/plans/${planId}/tasks`, { expectedOutput: 'Báo cáo', completionMeasure: 'Văn bản ban hành', ...body });
  const task = async (id: string, who: Client = kiemsoat) => (await who.get(`/api/v1/reform/tasks/${id}`)).json();

  beforeAll(async () => {
    clock.set('2026-02-02T09:00:00+07:00');
    t = await createTestApp(engine, { now: () => clock.now });
    [kiemsoat, giamdoc, lanhdao, motcua] = (await Promise.all(['kiemsoat', 'giamdoc', 'lanhdao', 'motcua'].map((u) => t.login(u)))) as Client[];
    for (const u of await t.database.db.selectFrom('units').select(['id', 'code']).execute()) unit[u.code] = u.id;
    const created = await kiemsoat.post('/api/v1/reform/plans', { number: '259/KH-UBND', title: 'Kế hoạch cải cách hành chính năm 2026', issuerUnitId: unit['000.00.00.H26'], issuedOn: '2026-01-15', legalBasis: 'Nghị quyết 131/NQ-CP' });
    expect(created.statusCode, created.body).toBe(201);
    planId = created.json().plan.id;
  });
  afterAll(() => t.close());

  const TUPHAP = '000.00.03.H26';
  const NOIVU = '000.00.02.H26';

  it('refuses a duplicate plan number, a deadline before the plan’s date and unknown units, with nothing changed', async () => {
    const dup = await kiemsoat.post('/api/v1/reform/plans', { number: '259/KH-UBND', title: 'Trùng', issuerUnitId: unit['000.00.00.H26'], issuedOn: '2026-01-15' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('REFORM_PLAN_NUMBER_TAKEN');
    const before = await count('reform_tasks');
    const early = await addTask({ content: 'Nhiệm vụ hạn sớm', leadUnitId: unit[TUPHAP], deadline: { kind: 'date', date: '2026-01-10' } });
    expect(early.statusCode).toBe(400);
    expect(early.json().error).toMatchObject({ code: 'REFORM_DEADLINE_BEFORE_PLAN', message: 'Thời hạn 2026-01-10 sớm hơn ngày ban hành kế hoạch (2026-01-15).' });
    const unknown = await addTask({ content: 'Đơn vị lạ', leadUnitId: '00000000-0000-4000-8000-000000000000', deadline: { kind: 'date', date: '2026-03-31' } });
    expect(unknown.json().error.code).toBe('REFORM_UNIT_UNKNOWN');
    expect((await addTask({ content: ' ', leadUnitId: unit[TUPHAP], deadline: { kind: 'date', date: '2026-03-31' } })).json().error.code).toBe('REFORM_TASK_CONTENT_REQUIRED');
    // only the Office manages plans
    expect((await giamdoc.post(`/api/v1/reform/plans/${planId}/tasks`, { content: 'x', leadUnitId: unit[TUPHAP], deadline: { kind: 'date', date: '2026-03-31' } })).json().error.code).toBe('FORBIDDEN');
    expect(await count('reform_tasks')).toBe(before);
  });

  it('the city Office sees on-time, late and overdue tasks across units; a unit reports a task late and it counts as late', async () => {
    clock.set('2026-02-02T09:00:00+07:00');
    const a = (await addTask({ content: 'Rà soát, đơn giản hóa TTHC nội bộ (Kế hoạch 242)', leadUnitId: unit[TUPHAP], supportingUnitIds: [unit[NOIVU]], deadline: { kind: 'date', date: '2026-03-31' } })).json().task;
    const b = (await addTask({ content: 'Số hóa kết quả giải quyết TTHC còn hiệu lực', leadUnitId: unit[TUPHAP], deadline: { kind: 'date', date: '2026-03-31' } })).json().task;
    const c = (await addTask({ content: 'Báo cáo đánh giá hoạt động Bộ phận Một cửa', leadUnitId: unit[NOIVU], deadline: { kind: 'working_days', days: 10, start: '2026-02-02' } })).json().task;
    expect(a).toMatchObject({ state: 'not_started', lead: { id: unit[TUPHAP] }, supporting: [{ id: unit[NOIVU] }], current: 'once' });
    // ten working days from Mon 2 Feb, the start day not counted: 3–6, 9–13, 23 Feb after the Tết break
    expect(c.occurrences).toEqual([expect.objectContaining({ period: 'once', due: '2026-02-23', state: 'not_started' })]);

    // the director of the Department of Justice reports progress with a PDF
    clock.set('2026-03-10T10:00:00+07:00');
    const r = await postReport(giamdoc, a.id, { note: 'Đã rà soát 12/20 thủ tục nội bộ', progress: '60' }, [{ filename: 'bao-cao.pdf', bytes: PDF }]);
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().task.state).toBe('in_progress');
    expect(r.json().events[0]).toMatchObject({ kind: 'report', progress: 60, unit: { id: unit[TUPHAP] }, evidence: [{ filename: 'bao-cao.pdf', mime: 'application/pdf' }] });
    const file = await kiemsoat.get(`/api/v1/reform/tasks/${a.id}/evidence/${r.json().events[0].evidence[0].id}`);
    expect(file.statusCode).toBe(200);
    expect(raw(file).subarray(0, 4).toString()).toBe('%PDF');
    // b is completed on time: marked 30 March, accepted by the Office in April
    clock.set('2026-03-30T15:00:00+07:00');
    expect((await giamdoc.post(`/api/v1/reform/tasks/${b.id}/complete`, { note: 'Đã hoàn thành' })).json().task.occurrences[0]).toMatchObject({ awaitingAcceptance: true, state: 'in_progress' });

    // the clock crosses 31 March: a and c are overdue, b waits for acceptance but was marked in time
    clock.set('2026-04-01T08:00:00+07:00');
    let board = (await kiemsoat.get('/api/v1/reform/board')).json();
    expect(board.totals).toMatchObject({ total: 3, overdue: 2, in_progress: 1, awaitingAcceptance: 1, completed_late: 0 });
    expect(board.attention.map((x: { taskId: string; reason: string }) => [x.taskId, x.reason])).toEqual([
      [c.id, 'overdue'],
      [a.id, 'overdue'],
      [b.id, 'awaiting_acceptance'],
    ]);
    expect((await kiemsoat.post(`/api/v1/reform/tasks/${b.id}/accept`, {})).json().task.state).toBe('completed_on_time');

    // a is marked completed two days late, and the Office accepts: it counts as completed late
    clock.set('2026-04-02T09:00:00+07:00');
    const marked = await giamdoc.post(`/api/v1/reform/tasks/${a.id}/complete`, { note: 'Hoàn thành rà soát' });
    expect(marked.json().task.state).toBe('overdue');
    expect(marked.json().may).toMatchObject({ complete: false, accept: false });
    expect((await task(a.id)).may).toMatchObject({ accept: true });
    clock.set('2026-04-03T09:00:00+07:00');
    const accepted = await kiemsoat.post(`/api/v1/reform/tasks/${a.id}/accept`, { note: 'Đạt yêu cầu' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().task).toMatchObject({ state: 'completed_late', occurrences: [{ completedAt: '2026-04-02T09:00:00+07:00' }] });

    board = (await kiemsoat.get('/api/v1/reform/board')).json();
    expect(board.totals).toMatchObject({ total: 3, completed_on_time: 1, completed_late: 1, overdue: 1, onTimeRate: 33.3, lateRate: 33.3, overdueRate: 33.3 });
    const byUnit = Object.fromEntries(board.units.map((u: { unit: { id: string }; counts: unknown }) => [u.unit.id, u.counts]));
    expect(byUnit[unit[TUPHAP]!]).toMatchObject({ total: 2, completed_on_time: 1, completed_late: 1, overdue: 0, onTimeRate: 50 });
    expect(byUnit[unit[NOIVU]!]).toMatchObject({ total: 1, overdue: 1, onTimeRate: 0 });
    // the unit's own board: its sub-tree only
    const own = (await giamdoc.get(`/api/v1/reform/board?unitId=${unit[TUPHAP]}`)).json();
    expect(own).toMatchObject({ scope: { id: unit[TUPHAP] }, totals: { total: 2, completed_late: 1 } });
    expect((await giamdoc.get(`/api/v1/reform/board?unitId=${unit[NOIVU]}`)).json().error.code).toBe('FORBIDDEN_OUTSIDE_UNIT');
    const plans = (await kiemsoat.get('/api/v1/reform/plans')).json();
    expect(plans.items.find((p: { id: string }) => p.id === planId).counts).toMatchObject({ completed_on_time: 1, completed_late: 1, overdue: 1 });

    const audit = await t.database.db.selectFrom('audit_events').select('action').where('entity_id', '=', a.id).orderBy('seq').execute();
    expect(audit.map((x) => x.action)).toEqual(['reform.task_created', 'reform.report', 'reform.completion_marked', 'reform.completion_accepted']);
  });

  it('refuses evidence that is not a document, reports on a cancelled task and reports by a unit outside the task, with nothing changed', async () => {
    clock.set('2026-04-06T09:00:00+07:00');
    const d = (await addTask({ content: 'Nâng cấp Cổng Dịch vụ công', leadUnitId: unit[TUPHAP], deadline: { kind: 'date', date: '2026-06-30' } })).json().task;
    const [events, evidence] = [await count('reform_events'), await count('reform_evidence')];
    const exe = await postReport(giamdoc, d.id, { note: 'Kèm tệp' }, [{ filename: 'bao-cao.pdf', bytes: EXE }]);
    expect(exe.statusCode).toBe(415);
    expect(exe.json().error).toMatchObject({ code: 'REFORM_EVIDENCE_NOT_DOCUMENT' });
    expect((await postReport(giamdoc, d.id, { note: ' ' })).json().error.code).toBe('REFORM_TEXT_REQUIRED');
    // the head of a division of the department acts for the division only: the department's task is outside their scope
    expect((await postReport(lanhdao, d.id, { note: 'Báo cáo' })).json().error.code).toBe('FORBIDDEN_OUTSIDE_UNIT');
    // a one-stop officer sees no reform work at all
    expect((await motcua.get(`/api/v1/reform/tasks/${d.id}`)).json().error.code).toBe('FORBIDDEN');
    // a director may not accept
    expect((await giamdoc.post(`/api/v1/reform/tasks/${d.id}/accept`, {})).json().error.code).toBe('FORBIDDEN');
    // nothing to accept yet
    expect((await kiemsoat.post(`/api/v1/reform/tasks/${d.id}/accept`, {})).json().error.code).toBe('REFORM_ACTION_NOT_ALLOWED');

    const cancelled = await kiemsoat.post(`/api/v1/reform/tasks/${d.id}/cancel`, { reason: 'Gộp vào nhiệm vụ khác' });
    expect(cancelled.json().task).toMatchObject({ state: 'cancelled', cancelReason: 'Gộp vào nhiệm vụ khác' });
    const afterCancel = await count('reform_events');
    const late = await postReport(giamdoc, d.id, { note: 'Báo cáo' }, [{ filename: 'a.pdf', bytes: PDF }]);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('REFORM_TASK_CANCELLED');
    expect((await giamdoc.post(`/api/v1/reform/tasks/${d.id}/complete`, {})).json().error.code).toBe('REFORM_TASK_CANCELLED');
    expect(await count('reform_events')).toBe(afterCancel);
    expect(afterCancel).toBe(events + 1);
    expect(await count('reform_evidence')).toBe(evidence);
  });

  it('tracks a quarterly report per quarter; a returned completion needs the head’s attention', async () => {
    clock.set('2026-02-02T09:00:00+07:00');
    const q = (await addTask({ content: 'Báo cáo CCHC định kỳ hằng quý', leadUnitId: unit[NOIVU], deadline: { kind: 'quarterly', day: 15, from: '2026-01-15', to: '2026-12-31' } })).json().task;
    expect(q.occurrences.map((o: { period: string; due: string }) => `${o.period} ${o.due}`)).toEqual(['2026-Q1 2026-03-16', '2026-Q2 2026-06-15', '2026-Q3 2026-09-15', '2026-Q4 2026-12-15']);
    const director = await t.login('admin');
    clock.set('2026-03-12T09:00:00+07:00');
    // the administrator (of the Office) may not mark completion: only the lead unit's staff may
    expect((await director.post(`/api/v1/reform/tasks/${q.id}/complete`, {})).json().error.code).toBe('FORBIDDEN');
    // the Office returns a monthly report of the Department of Justice
    const r = (await addTask({ content: 'Báo cáo số hóa hằng tháng', leadUnitId: unit[TUPHAP], deadline: { kind: 'monthly', day: 20, from: '2026-03-01', to: '2026-05-31' } })).json().task;
    expect((await giamdoc.post(`/api/v1/reform/tasks/${r.id}/complete`, { note: 'Báo cáo tháng 3' })).json().task.occurrences[0]).toMatchObject({ period: '2026-03', awaitingAcceptance: true });
    clock.set('2026-03-13T09:00:00+07:00');
    const returned = await kiemsoat.post(`/api/v1/reform/tasks/${r.id}/return`, { note: 'Thiếu số liệu' });
    expect(returned.json().task.occurrences[0]).toMatchObject({ phase: 'open', returned: true, state: 'in_progress' });
    expect((await kiemsoat.post(`/api/v1/reform/tasks/${r.id}/return`, { note: ' ' })).json().error.code).toBe('REFORM_REASON_REQUIRED');
    const board = (await kiemsoat.get(`/api/v1/reform/board?planId=${planId}`)).json();
    expect(board.attention).toContainEqual(expect.objectContaining({ taskId: r.id, reason: 'returned', period: '2026-03' }));
    // the quarter's report is due in four days
    expect(board.attention).toContainEqual(expect.objectContaining({ taskId: q.id, reason: 'due_soon', period: '2026-Q1' }));
  });

  it('imports the plan’s appendix: validated in full, dry run, per-row errors, nothing written on any error', async () => {
    const csv = ['PHỤ LỤC: DANH MỤC NHIỆM VỤ', 'STT,Nội dung nhiệm vụ,Cơ quan chủ trì,Cơ quan phối hợp,Thời hạn,Sản phẩm,Tiêu chí hoàn thành', '1,Rà soát quy trình nội bộ,Sở Tư pháp,SNV,30/09/2026,Báo cáo,Ban hành', '2,,Sở Không Tồn Tại,,01/01/2025,,', '3,Báo cáo tháng,STP,,"Hằng tháng, ngày 25",Báo cáo,Gửi đúng hạn'].join('\n');
    const send = (bytes: Buffer, name: string, dryRun: boolean) => {
      const body = multipart({}, [{ name: 'file', filename: name, bytes }]);
      return kiemsoat.request({ method: 'POST', url: `/api/v1/reform/plans/${planId}/import?dryRun=${dryRun}`, payload: body.payload, headers: body.headers });
    };
    const before = await count('reform_tasks');
    const dry = await send(Buffer.from(csv), 'phu-luc.csv', true);
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true, rows: 3, created: 0 });
    expect(dry.json().issues.map((i: { row: number; field: string; code: string }) => `${i.row} ${i.field} ${i.code}`)).toEqual(['4 content REFORM_TASK_CONTENT_REQUIRED', '4 lead REFORM_UNIT_UNKNOWN', '4 deadline REFORM_DEADLINE_BEFORE_PLAN']);
    const real = await send(Buffer.from(csv), 'phu-luc.csv', false);
    expect(real.statusCode).toBe(400);
    expect(real.json().error.code).toBe('REFORM_IMPORT_INVALID');
    expect(real.json().error.fields[0]).toMatchObject({ field: 'row 4.content', code: 'REFORM_TASK_CONTENT_REQUIRED' });
    expect(await count('reform_tasks')).toBe(before);
    expect((await send(EXE, 'phu-luc.xlsx', true)).json().issues[0].code).toBe('REFORM_IMPORT_FILE_INVALID');

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Phụ lục');
    ws.addRow(['DANH MỤC NHIỆM VỤ']);
    ws.addRow(['STT', 'Nội dung nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời hạn', 'Sản phẩm', 'Tiêu chí hoàn thành']);
    ws.addRow(['I', 'CẢI CÁCH THỦ TỤC HÀNH CHÍNH']);
    ws.addRow([1, 'Rà soát quy trình nội bộ', 'Sở Tư pháp', 'Sở Nội vụ; Sở Tài chính', new Date(Date.UTC(2026, 8, 30)), 'Báo cáo', 'Ban hành']);
    ws.addRow([2, 'Báo cáo tháng', '000.00.02.H26', '', 'Hằng tháng, ngày 25', 'Báo cáo', 'Gửi đúng hạn']);
    const ok = await send(Buffer.from(await wb.xlsx.writeBuffer()), 'phu-luc.xlsx', false);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ dryRun: false, rows: 2, created: 2, issues: [] });
    const tasks = (await kiemsoat.get(`/api/v1/reform/plans/${planId}`)).json().tasks;
    const imported = tasks.filter((x: { content: string }) => ['Rà soát quy trình nội bộ', 'Báo cáo tháng'].includes(x.content));
    expect(imported.map((x: { deadline: unknown; supporting: unknown[] }) => [x.deadline, x.supporting.length])).toEqual([
      [{ kind: 'date', date: '2026-09-30' }, 2],
      [{ kind: 'monthly', day: 25, from: '2026-01-15', to: '2026-12-31' }, 0],
    ]);
  });

  it('exports the board as a periodic reform report (.xlsx and PDF)', async () => {
    const res = await kiemsoat.request({ method: 'GET', url: '/api/v1/reform/board.xlsx' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(raw(res) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell(4, 1).value).toBe('BÁO CÁO TÌNH HÌNH THỰC HIỆN NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH');
    expect(ws.getRow(7).getCell(2).value).toBe('Cơ quan, đơn vị chủ trì');
    const board = (await kiemsoat.get('/api/v1/reform/board')).json();
    const last = ws.getRow(ws.rowCount);
    expect([last.getCell(2).value, last.getCell(3).value, last.getCell(5).value, last.getCell(6).value]).toEqual(['Tổng cộng', board.totals.total, board.totals.completed_late, board.totals.overdue]);
    expect(wb.worksheets[1]!.rowCount - 7).toBe(board.attention.length);

    const pdf = await kiemsoat.request({ method: 'GET', url: '/api/v1/reform/board.pdf' });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdfTextRuns(raw(pdf)).join(' ');
    expect(text).toContain('BÁO CÁO TÌNH HÌNH THỰC HIỆN NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH');
    expect(text).toContain('Tổng cộng');
    expect(text).toContain('NHIỆM VỤ CẦN NGƯỜI ĐỨNG ĐẦU CHÚ Ý');
  });
});
