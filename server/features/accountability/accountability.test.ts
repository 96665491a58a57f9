import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseInstant } from '@core/calendar/time';
import { type Client, type TestApp, createTestApp } from '../../../tests/support/app';
import { ENGINES } from '../../../tests/support/database';
import { actionsAt } from '../../../tests/support/dossier-clock';
import { EXE, PDF, intakeFor } from '../../../tests/support/dossiers';
import { verifyAuditChains } from '../audit/verify';
import { sweepViolations } from '../dossiers/sweep';
import { findDossierById } from '../dossiers/queries';
import { addScopedInspector, postViolation } from './testing';
import { testClock } from '../../../tests/support/clock';

const HCTP = '000.01.03.H26';
const TUPHAP = '000.00.03.H26';
const SXD = '000.00.06.H26';
const MINUTE = 60_000;
const clock = testClock('2026-03-02T08:00:00+07:00');

describe.each(ENGINES)('inspection and accountability (%s)', (engine) => {
  let t: TestApp;
  let kiemsoat: Client;
  let giamdoc: Client;
  let lanhdao: Client;
  let chuyenvien: Client;
  let motcua: Client;
  let narrow: Client;
  let actAt: ReturnType<typeof actionsAt>;
  let lateRef: string;
  let lateCode: string;
  const unitId: Record<string, string> = {};

  const count = async (table: 'accountability_violations' | 'accountability_evidence' | 'accountability_handlings') => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(t.database.db)).rows[0]!.n);
  const audits = async (action: string) => t.database.db.selectFrom('audit_events').select(['entity_id', 'unit_id', 'actor_id', 'after']).where('action', '=', action).execute();
  const grade = async (who: Client = lanhdao, unit = HCTP, year = 2026) => {
    const res = await who.get(`/api/v1/accountability/grade?unit=${unit}&year=${year}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    clock.set('2026-03-02T08:00:00+07:00');
    t = await createTestApp(engine, { now: () => clock.now });
    await addScopedInspector(t.database.db, 'kiemsoat.sxd', SXD);
    [kiemsoat, giamdoc, lanhdao, chuyenvien, motcua, narrow] = (await Promise.all(['kiemsoat', 'giamdoc', 'lanhdao', 'chuyenvien', 'motcua', 'kiemsoat.sxd'].map((u) => t.login(u)))) as Client[];
    for (const u of await t.database.db.selectFrom('units').select(['id', 'code']).execute()) unitId[u.code] = u.id;
    actAt = actionsAt(t.database);
  });
  afterAll(() => t.close());

  it('a dossier that goes late without apology records a violation on its officer; the head’s grade drops by the penalty and shows why', async () => {
    // accepted Monday 2 March 2026 at the centre, handed to the justice division, assigned to its specialist, then left alone
    const res = await motcua.post('/api/v1/dossiers', intakeFor());
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().dossier.id as string;
    const acceptedAt = parseInstant('2026-03-02T09:00:00+07:00');
    await actAt(id, 'accept', acceptedAt, motcua, ['onestop_officer'], { components: ['1', '2'] });
    await actAt(id, 'hand_over', acceptedAt + 30 * MINUTE, motcua, ['onestop_officer'], { toUnit: HCTP });
    await actAt(id, 'assign', acceptedAt + 60 * MINUTE, lanhdao, ['unit_leader'], { assigneeId: chuyenvien.me.user.id });
    const row = (await findDossierById(t.database.db, id))!;
    lateCode = row.code!;
    lateRef = `${id}.late_without_apology`;

    // the clock crosses the due; the grade before the sweep records the violation, and after
    clock.now = row.overdue_at!.getTime() + 2 * MINUTE;
    const before = await grade();
    expect((await sweepViolations(t.database.db, row.overdue_at!.getTime() + MINUTE)).recorded).toBe(1);
    const after = await grade();

    const register = await lanhdao.get(`/api/v1/accountability/violations?unit=${HCTP}&year=2026`);
    expect(register.statusCode, register.body).toBe(200);
    const v = register.json().items.find((x: { ref: string }) => x.ref === lateRef);
    expect(v).toMatchObject({
      source: 'dossier',
      kind: 'late_without_apology',
      dossierCode: lateCode,
      unit: { code: HCTP },
      officer: { id: chuyenvien.me.user.id, name: 'Vũ Thị Chuyên' },
      status: 'open',
      allowed: ['reminder', 'criticism', 'disciplinary_proposal', 'closure'],
    });
    // referenced, not copied: the register's automatic rows are the one-stop's own
    expect(await count('accountability_violations')).toBe(0);

    expect(after.inputs.automaticViolations).toBe(before.inputs.automaticViolations + 1);
    expect(after.inputs.violations).toBe(before.inputs.violations + 1);
    expect(after.result.components).toEqual(before.result.components);
    const { perViolation, cap } = after.result.penalty;
    expect(after.result.penalty.points).toBe(Math.min(cap, after.inputs.violations * perViolation));
    expect(after.result.penalty.points - before.result.penalty.points).toBe(perViolation);
    // every step adds up
    const subtotal = after.result.components.reduce((s: number, c: { contribution: number }) => s + c.contribution, 0);
    expect(after.result.subtotal).toBeCloseTo(subtotal, 2);
    expect(after.result.raw).toBeCloseTo(after.result.subtotal - after.result.penalty.points, 2);
    expect(after.result.score).toBeCloseTo(Math.max(0, Math.min(100, after.result.raw)), 2);
    expect(after.result.score).toBeCloseTo(before.result.score - perViolation, 2);
    for (const c of after.result.components) expect(c.contribution).toBeCloseTo(c.share * c.weight, 1);
    expect(after.result.band.min).toBeLessThanOrEqual(after.result.score);

    // the head's page: the officer with the violation, the dossier among the late ones
    const head = await lanhdao.get('/api/v1/accountability/head?year=2026');
    expect(head.statusCode, head.body).toBe(200);
    const page = head.json();
    expect(page.unit.code).toBe(HCTP);
    expect(page.officers.find((o: { officer: { id: string } }) => o.officer.id === chuyenvien.me.user.id)).toMatchObject({ count: 1, open: 1 });
    expect(page.lateDossiers.items).toContainEqual(expect.objectContaining({ code: lateCode, late: 'open', assignee: 'Vũ Thị Chuyên' }));
    expect(page.may).toEqual({ inspect: false, handle: true, configure: false });
    // the department's head sees it through the sub-tree
    const dept = (await giamdoc.get(`/api/v1/accountability/head?unit=${TUPHAP}&year=2026`)).json();
    expect(dept.officers.flatMap((o: { violations: { ref: string }[] }) => o.violations.map((x) => x.ref))).toContain(lateRef);
  });

  it('the head records a reminder and a closure, each audited; nothing more after the closure, and only within scope', async () => {
    const url = `/api/v1/accountability/violations/${lateRef}/handlings`;
    const reminder = await lanhdao.post(url, { kind: 'reminder', note: 'Nhắc nhở chuyên viên xử lý đúng hạn' });
    expect(reminder.statusCode, reminder.body).toBe(201);
    expect(reminder.json().violation).toMatchObject({ status: 'handling', handlings: [{ kind: 'reminder', actorName: 'lanhdao' }] });
    expect((await lanhdao.post(url, { kind: 'warning', note: 'x' })).json().error.code).toBe('ACCOUNTABILITY_KIND_UNKNOWN');
    expect((await lanhdao.post(url, { kind: 'criticism', note: '  ' })).json().error.code).toBe('ACCOUNTABILITY_TEXT_REQUIRED');
    // outside the permission, outside the scope
    expect((await motcua.post(url, { kind: 'reminder', note: 'x' })).json().error.code).toBe('FORBIDDEN');
    expect((await narrow.post(url, { kind: 'reminder', note: 'x' })).json().error.code).toBe('FORBIDDEN_OUTSIDE_UNIT');
    const closed = await lanhdao.post(url, { kind: 'closure', note: 'Đã kiểm điểm, kết thúc xử lý' });
    expect(closed.json().violation).toMatchObject({ status: 'closed', allowed: [] });
    const n = await count('accountability_handlings');
    const again = await giamdoc.post(url, { kind: 'criticism', note: 'Phê bình' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'ACCOUNTABILITY_VIOLATION_CLOSED', message: 'Vi phạm đã kết thúc xử lý, không ghi thêm được.' });
    expect(await count('accountability_handlings')).toBe(n);
    expect((await audits('accountability.violation_handled')).map((a) => [a.entity_id, a.unit_id])).toEqual([[lateRef, unitId[HCTP]]]);
    expect(await audits('accountability.violation_closed')).toHaveLength(1);
    // what the head has done, newest first
    const page = (await lanhdao.get('/api/v1/accountability/head?year=2026')).json();
    expect(page.handlings.map((h: { kind: string; ref: string; officerName: string }) => [h.kind, h.ref, h.officerName])).toEqual([
      ['closure', lateRef, 'Vũ Thị Chuyên'],
      ['reminder', lateRef, 'Vũ Thị Chuyên'],
    ]);
    expect((await lanhdao.get(`/api/v1/accountability/violations/${lateRef}`)).json().violation.status).toBe('closed');
  });

  it('an inspector records a violation with evidence in their scope; outside it, or with evidence that is not a document, nothing changes', async () => {
    clock.now += 60 * MINUTE;
    const fields = { unitId: unitId[HCTP]!, officerId: chuyenvien.me.user.id, kind: 'extra_documents', description: 'Yêu cầu công dân nộp thêm bản sao sổ hộ khẩu', occurredAt: '2026-03-05T10:00:00+07:00' };
    const unchanged = async () => [await count('accountability_violations'), await count('accountability_evidence'), (await audits('accountability.violation_recorded')).length];
    const start = await unchanged();

    const outside = await postViolation(narrow, fields, [{ filename: 'bien-ban.pdf', bytes: PDF }]);
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error.code).toBe('FORBIDDEN_OUTSIDE_UNIT');
    const exe = await postViolation(kiemsoat, fields, [{ filename: 'bien-ban.pdf', bytes: EXE }]);
    expect(exe.statusCode).toBe(415);
    expect(exe.json().error).toMatchObject({ code: 'ACCOUNTABILITY_EVIDENCE_NOT_DOCUMENT', message: expect.stringContaining('bien-ban.pdf') });
    expect((await postViolation(kiemsoat, fields, [])).json().error.code).toBe('ACCOUNTABILITY_EVIDENCE_REQUIRED');
    expect((await postViolation(kiemsoat, { ...fields, officerId: motcua.me.user.id }, [{ filename: 'a.pdf', bytes: PDF }])).json().error.code).toBe('ACCOUNTABILITY_OFFICER_NOT_IN_UNIT');
    expect((await postViolation(kiemsoat, { ...fields, occurredAt: '2026-12-01T10:00:00+07:00' }, [{ filename: 'a.pdf', bytes: PDF }])).json().error.code).toBe('ACCOUNTABILITY_DATE_INVALID');
    expect((await postViolation(kiemsoat, { ...fields, kind: 'late_return' }, [{ filename: 'a.pdf', bytes: PDF }])).json().error.code).toBe('ACCOUNTABILITY_KIND_UNKNOWN');
    expect((await postViolation(lanhdao, fields, [{ filename: 'a.pdf', bytes: PDF }])).json().error.code).toBe('FORBIDDEN');
    expect(await unchanged()).toEqual(start);

    const before = await grade();
    const ok = await postViolation(kiemsoat, fields, [{ filename: 'bien-ban-kiem-tra.pdf', bytes: PDF }]);
    expect(ok.statusCode, ok.body).toBe(201);
    const v = ok.json().violation;
    expect(v).toMatchObject({ source: 'manual', kind: 'extra_documents', unit: { code: HCTP }, officer: { id: chuyenvien.me.user.id, name: 'Vũ Thị Chuyên' }, status: 'open', recordedBy: 'kiemsoat', evidence: [{ filename: 'bien-ban-kiem-tra.pdf', mime: 'application/pdf' }] });
    const file = await lanhdao.get(`/api/v1/accountability/violations/${v.ref}/evidence/${v.evidence[0].id}`);
    expect(file.statusCode).toBe(200);
    expect(file.body.slice(0, 4)).toBe('%PDF');
    expect((await narrow.get(`/api/v1/accountability/violations/${v.ref}`)).json().error.code).toBe('FORBIDDEN_OUTSIDE_UNIT');
    expect((await audits('accountability.violation_recorded')).map((a) => [a.entity_id, a.unit_id])).toEqual([[v.ref, unitId[HCTP]]]);
    const after = await grade();
    expect(after.inputs.manualViolations).toBe(before.inputs.manualViolations + 1);
    expect(after.result.penalty.points - before.result.penalty.points).toBe(after.result.penalty.perViolation);
  });

  it('a formula whose weights do not sum as declared is refused with nothing changed; a valid one is audited and changes the grade', async () => {
    const current = (await kiemsoat.get('/api/v1/accountability/formula')).json();
    expect(current.updatedAt).toBeNull();
    const bad = await kiemsoat.request({ method: 'PUT', url: '/api/v1/accountability/formula', payload: { ...current.formula, weights: { index: 50, cityRules: 10, reformOnTime: 30 } } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'ACCOUNTABILITY_WEIGHTS_SUM', message: 'Tổng trọng số là 90, không bằng tổng điểm đã khai báo (100). Chưa có thay đổi nào được lưu.' });
    const en = await kiemsoat.request({ method: 'PUT', url: '/api/v1/accountability/formula', payload: { ...current.formula, bands: [] }, headers: { 'accept-language': 'en' } });
    expect(en.json().error.code).toBe('ACCOUNTABILITY_FORMULA_INVALID');
    expect((await lanhdao.request({ method: 'PUT', url: '/api/v1/accountability/formula', payload: current.formula })).json().error.code).toBe('FORBIDDEN');
    expect((await kiemsoat.get('/api/v1/accountability/formula')).json()).toEqual(current);
    expect(await audits('accountability.formula_changed')).toHaveLength(0);

    const before = await grade();
    const stricter = { ...current.formula, violationPenalty: 5, maxViolationPenalty: 50 };
    const put = await kiemsoat.request({ method: 'PUT', url: '/api/v1/accountability/formula', payload: stricter });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ formula: stricter, updatedBy: 'Trần Thị Kiểm' });
    expect(await audits('accountability.formula_changed')).toHaveLength(1);
    const after = await grade();
    expect(after.formula).toEqual(stricter);
    expect(after.result.penalty).toEqual({ violations: before.inputs.violations, perViolation: 5, cap: 50, points: Math.min(50, before.inputs.violations * 5) });
    expect(after.result.subtotal).toBe(before.result.subtotal);
  });

  it('counts the reform tasks the unit leads: an overdue one brings the on-time share down and is listed on the head’s page', async () => {
    clock.now = parseInstant('2026-03-02T09:00:00+07:00');
    const plan = await kiemsoat.post('/api/v1/reform/plans', { number: '77/KH-UBND', title: 'Kế hoạch kiểm tra công vụ năm 2026', issuerUnitId: unitId['000.00.00.H26'], issuedOn: '2026-02-01' });
    expect(plan.statusCode, plan.body).toBe(201);
    const task = await kiemsoat.post(`/api/v1/reform/plans/${plan.json().plan.id}/tasks`, { content: 'Rà soát quy trình nội bộ giải quyết TTHC', leadUnitId: unitId[HCTP], deadline: { kind: 'date', date: '2026-03-20' }, expectedOutput: 'Báo cáo', completionMeasure: 'Báo cáo được ban hành' });
    expect(task.statusCode, task.body).toBe(201);
    clock.now = parseInstant('2026-03-25T09:00:00+07:00');
    const g = await grade();
    expect(g.inputs.reformOnTimeRate).toBe(0);
    expect(g.result.components.find((c: { code: string }) => c.code === 'reformOnTime')).toMatchObject({ input: 0, share: 0, contribution: 0, note: null });
    const page = (await lanhdao.get('/api/v1/accountability/head?year=2026')).json();
    expect(page.reform).toMatchObject({ onTimeRate: 0, overdue: 1 });
    expect(page.reform.items).toEqual([expect.objectContaining({ planNumber: '77/KH-UBND', due: '2026-03-20', state: 'overdue' })]);
  });

  it('refuses a year not begun and a unit outside the caller’s scope', async () => {
    expect((await lanhdao.get(`/api/v1/accountability/grade?unit=${HCTP}&year=2027`)).json().error.code).toBe('ACCOUNTABILITY_YEAR_INVALID');
    expect((await lanhdao.get(`/api/v1/accountability/grade?unit=${SXD}&year=2026`)).json().error.code).toBe('FORBIDDEN_OUTSIDE_UNIT');
    expect((await chuyenvien.get(`/api/v1/accountability/grade?unit=${HCTP}&year=2026`)).json().error.code).toBe('FORBIDDEN');
    expect((await verifyAuditChains(t.database.db)).ok).toBe(true);
  });
});
