import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp } from '../../../tests/support/app';
import { testClock } from '../../../tests/support/clock';
import { ENGINES } from '../../../tests/support/database';
import { SUMMARY_HEADERS } from './export';

const clock = testClock('2026-06-01T09:00:00+07:00');
const raw = (res: unknown) => (res as { rawPayload: Buffer }).rawPayload;

/** Thẩm định dự thảo VBQPPL: 3 steps, 12 times a year. */
const steps = [
  { order: 1, name: 'Tiếp nhận hồ sơ đề nghị thẩm định', actor: 'Văn thư Sở Tư pháp', time: 2, unit: 'hours', hourlyCost: 35_000, otherCosts: 20_000 },
  { order: 2, name: 'Nghiên cứu, thẩm định dự thảo', actor: 'Chuyên viên Phòng Xây dựng và kiểm tra VBQPPL', time: 5, unit: 'working_days', otherCosts: 150_000 },
  { order: 3, name: 'Lãnh đạo Sở ký báo cáo thẩm định', actor: 'Phó Giám đốc Sở Tư pháp', time: 4, unit: 'hours', hourlyCost: 80_000 },
];
// step 1: 70 000 + 20 000 = 90 000; step 2: 40 h × 40 000 = 1 600 000 + 150 000 = 1 750 000; step 3: 320 000; per run 2 160 000; × 12 = 25 920 000
const YEARLY_BEFORE = 25_920_000;
const afterSteps = [
  { order: 1, name: 'Tiếp nhận hồ sơ điện tử', actor: 'Văn thư Sở Tư pháp', time: 0.5, unit: 'hours', hourlyCost: 35_000 },
  { order: 2, name: 'Nghiên cứu, thẩm định dự thảo', actor: 'Chuyên viên Phòng Xây dựng và kiểm tra VBQPPL', time: 3, unit: 'working_days', otherCosts: 50_000 },
  { order: 3, name: 'Lãnh đạo Sở ký số báo cáo thẩm định', actor: 'Phó Giám đốc Sở Tư pháp', time: 2, unit: 'hours', hourlyCost: 80_000 },
];
// 17 500 + (24 h × 40 000 + 50 000 = 1 010 000) + 160 000 = 1 187 500; × 12 = 14 250 000; cut 11 670 000 = 45.02 %
const YEARLY_AFTER = 14_250_000;
const finding = (verdict: string, text: string) => ({ verdict, text });
const review = { necessity: finding('keep', 'Cần thiết để bảo đảm chất lượng văn bản'), reasonableness: finding('amend', 'Thời gian thẩm định dài, hồ sơ giấy'), legality: finding('keep', 'Phù hợp Luật Ban hành VBQPPL'), proposals: 'Tiếp nhận điện tử, rút thời gian thẩm định còn 3 ngày làm việc' };

describe.each(ENGINES)('internal procedures (%s)', (engine) => {
  let t: TestApp;
  let kiemsoat: Client;
  let giamdoc: Client;
  const unit: Record<string, string> = {};
  let procId: string;
  const TUPHAP = '000.00.03.H26';
  const NOIVU = '000.00.02.H26';

  const count = async (table: 'internal_procedures' | 'internal_procedure_versions' | 'internal_procedure_reviews' | 'audit_events') => Number((await t.database.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  const snapshot = async () => [await count('internal_procedures'), await count('internal_procedure_versions'), await count('internal_procedure_reviews'), await count('audit_events')];
  const create = (body: Record<string, unknown>) => kiemsoat.post('/api/v1/internal-procedures', { code: '1.TP-01', name: 'Thẩm định dự thảo văn bản quy phạm pháp luật', field: 'Xây dựng và kiểm tra VBQPPL', ownerUnitId: unit[TUPHAP], legalBasis: 'Luật Ban hành VBQPPL 2025', steps, fees: 0, yearlyFrequency: 12, ...body });

  beforeAll(async () => {
    t = await createTestApp(engine, { now: () => clock.now });
    [kiemsoat, giamdoc] = (await Promise.all(['kiemsoat', 'giamdoc'].map((u) => t.login(u)))) as Client[];
    for (const u of await t.database.db.selectFrom('units').select(['id', 'code']).execute()) unit[u.code] = u.id;
  });
  afterAll(() => t.close());

  it('registers a procedure with its steps and shows the cost step by step (exact đồng)', async () => {
    const res = await create({});
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json();
    procId = d.procedure.id;
    expect(d.procedure).toMatchObject({ code: '1.TP-01', currentVersion: 1, yearlyCost: YEARLY_BEFORE, reviewed: false, simplified: false });
    expect(d.versions[0].cost.steps.map((s: { hours: number; timeCost: number; total: number }) => [s.hours, s.timeCost, s.total])).toEqual([
      [2, 70_000, 90_000],
      [40, 1_600_000, 1_750_000],
      [4, 320_000, 320_000],
    ]);
    expect(d.versions[0].cost).toMatchObject({ perRun: 2_160_000, yearlyFrequency: 12, yearly: YEARLY_BEFORE });
    expect(d.defaultHourlyCost).toBe(40_000);
    const audit = await t.database.db.selectFrom('audit_events').select(['action']).where('entity_id', '=', procId).execute();
    expect(audit.map((a) => a.action)).toEqual(['internal_procedure.registered']);
  });

  it('refuses negative times and costs, empty steps, a duplicate code, an unknown unit and a review of an unknown procedure, with nothing changed', async () => {
    const before = await snapshot();
    const neg = await create({ code: 'X-1', steps: [{ ...steps[0], time: -2 }] });
    expect(neg.statusCode).toBe(400);
    expect(neg.json().error).toMatchObject({ code: 'INTERNAL_PROC_STEP_INVALID', message: 'Thời gian thực hiện của mỗi bước phải là số không âm. Chưa có thay đổi nào được lưu.' });
    expect((await create({ code: 'X-2', steps: [{ ...steps[0], otherCosts: -1 }] })).json().error.code).toBe('INTERNAL_PROC_COST_INVALID');
    expect((await create({ code: 'X-3', steps: [] })).json().error.code).toBe('INTERNAL_PROC_STEPS_REQUIRED');
    const dup = await create({});
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('INTERNAL_PROC_CODE_TAKEN');
    expect((await create({ code: 'X-4', ownerUnitId: '00000000-0000-4000-8000-000000000000' })).json().error.code).toBe('INTERNAL_PROC_UNIT_UNKNOWN');
    const unknown = await kiemsoat.post('/api/v1/internal-procedures/00000000-0000-4000-8000-000000000000/reviews', review);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('INTERNAL_PROC_NOT_FOUND');
    // a department head reads but does not write
    expect((await giamdoc.post(`/api/v1/internal-procedures/${procId}/reviews`, review)).json().error.code).toBe('FORBIDDEN');
    expect(await snapshot()).toEqual(before);
  });

  it('a review freezes the "before" cost; the decision stores the "after" version, keeps both and shows the cut; an empty "after" is refused', async () => {
    const r = await kiemsoat.post(`/api/v1/internal-procedures/${procId}/reviews`, review);
    expect(r.statusCode, r.body).toBe(201);
    const rev = r.json().reviews[0];
    expect(rev).toMatchObject({ beforeVersion: 1, costBefore: YEARLY_BEFORE, decision: null, cut: null, reasonableness: { verdict: 'amend' } });
    expect((await kiemsoat.post(`/api/v1/internal-procedures/${procId}/reviews`, review)).json().error.code).toBe('INTERNAL_PROC_REVIEW_OPEN');

    const before = await snapshot();
    const decision = { number: '123/QĐ-UBND', date: '2026-06-15', summary: 'Thông qua phương án đơn giản hóa' };
    const empty = await kiemsoat.post(`/api/v1/internal-procedures/${procId}/reviews/${rev.id}/decision`, { ...decision, after: { steps: [], fees: 0, yearlyFrequency: 12 } });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.code).toBe('INTERNAL_PROC_STEPS_REQUIRED');
    expect((await kiemsoat.post(`/api/v1/internal-procedures/${procId}/reviews/00000000-0000-4000-8000-000000000000/decision`, decision)).json().error.code).toBe('INTERNAL_PROC_REVIEW_NOT_FOUND');
    expect(await snapshot()).toEqual(before);

    clock.set('2026-06-15T10:00:00+07:00');
    const d = await kiemsoat.post(`/api/v1/internal-procedures/${procId}/reviews/${rev.id}/decision`, { ...decision, after: { steps: afterSteps, fees: 0, yearlyFrequency: 12 } });
    expect(d.statusCode, d.body).toBe(200);
    const body = d.json();
    expect(body.versions.map((v: { version: number; kind: string; cost: { yearly: number } }) => [v.version, v.kind, v.cost.yearly])).toEqual([
      [1, 'registered', YEARLY_BEFORE],
      [2, 'simplified', YEARLY_AFTER],
    ]);
    expect(body.procedure).toMatchObject({ currentVersion: 2, yearlyCost: YEARLY_AFTER, reviewed: true, simplified: true });
    expect(body.reviews[0].decision).toMatchObject({ number: '123/QĐ-UBND', date: '2026-06-15', afterVersion: 2, decidedAt: '2026-06-15T10:00:00+07:00' });
    expect(body.reviews[0].cut).toEqual({ before: YEARLY_BEFORE, after: YEARLY_AFTER, cut: 11_670_000, percent: 45.02 });
    expect((await kiemsoat.post(`/api/v1/internal-procedures/${procId}/reviews/${rev.id}/decision`, decision)).json().error.code).toBe('INTERNAL_PROC_REVIEW_DECIDED');
    const audit = await t.database.db.selectFrom('audit_events').select(['action']).where('entity_id', '=', procId).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['internal_procedure.registered', 'internal_procedure.reviewed', 'internal_procedure.decided']);
  });

  it('the summary board per unit and city against the target, scoped to the caller, and its .xlsx', async () => {
    // a Nội vụ procedure reviewed and kept as is: 2 reviewed, 1 simplified (50 %), cut 11 670 000 of 25 920 000 + 2 400 000
    const nv = await create({ code: '2.NV-01', name: 'Giao chỉ tiêu biên chế', field: 'Tổ chức bộ máy', ownerUnitId: unit[NOIVU], steps: [{ order: 1, name: 'Tổng hợp nhu cầu biên chế', actor: 'Chuyên viên Sở Nội vụ', time: 60, unit: 'hours' }], yearlyFrequency: 1 });
    expect(nv.statusCode, nv.body).toBe(201);
    const nvId = nv.json().procedure.id;
    const rev = (await kiemsoat.post(`/api/v1/internal-procedures/${nvId}/reviews`, { ...review, reasonableness: finding('keep', 'Hợp lý') })).json().reviews[0];
    expect((await kiemsoat.post(`/api/v1/internal-procedures/${nvId}/reviews/${rev.id}/decision`, { number: '130/QĐ-UBND', date: '2026-06-20', summary: 'Giữ nguyên' })).statusCode).toBe(200);
    const s = (await kiemsoat.get('/api/v1/internal-procedures/summary')).json();
    expect(s.city).toMatchObject({ reviewed: 2, simplified: 1, simplifiedPercent: 50, costBefore: 28_320_000, costAfter: 16_650_000, cut: 11_670_000, cutPercent: 41.21, targetMet: true });
    expect(s.units.map((u: { unit: { name: string }; progress: { targetMet: boolean } }) => [u.unit.name, u.progress.targetMet])).toEqual([
      ['Sở Nội vụ', false],
      ['Sở Tư pháp', true],
    ]);
    expect((await kiemsoat.get('/api/v1/internal-procedures/summary?costPercent=50')).json().city).toMatchObject({ costTargetMet: false, targetMet: false });

    // the Tư pháp director sees only Tư pháp
    const mine = (await giamdoc.get('/api/v1/internal-procedures/summary')).json();
    expect(mine.units.map((u: { unit: { name: string } }) => u.unit.name)).toEqual(['Sở Tư pháp']);
    expect((await giamdoc.get('/api/v1/internal-procedures')).json().items.map((i: { code: string }) => i.code)).toEqual(['1.TP-01']);
    expect((await giamdoc.get(`/api/v1/internal-procedures/${nvId}`)).json().error.code).toBe('FORBIDDEN_OUTSIDE_UNIT');
    expect((await giamdoc.get(`/api/v1/internal-procedures/${procId}`)).json().may).toEqual({ manage: false });

    const x = await kiemsoat.get('/api/v1/internal-procedures/summary.xlsx');
    expect(x.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(raw(x) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Tổng hợp')!;
    expect(ws.getRow(4).values).toEqual([undefined, ...SUMMARY_HEADERS]);
    expect((ws.getRow(7).values as unknown[]).slice(1)).toEqual(['', 'Toàn thành phố', 2, 2, 1, '50%', 28_320_000, 16_650_000, 11_670_000, '41,21%', 'Đạt']);
  });
});
