import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatInstant, parseInstant } from '@core/calendar/time';
import { type Client, type TestApp, createTestApp } from '../../../tests/support/app';
import { ENGINES } from '../../../tests/support/database';
import { PDF, act, intakeFor, uploadMany } from '../../../tests/support/dossiers';

const HCTP = '000.01.03.H26';

describe.each(ENGINES)('a dossier from counter intake to return (%s)', (engine) => {
  let t: TestApp;
  let motcua: Client;
  let chuyenvien: Client;
  let lanhdao: Client;

  beforeAll(async () => {
    t = await createTestApp(engine);
    [motcua, chuyenvien, lanhdao] = await Promise.all(['motcua', 'chuyenvien', 'lanhdao'].map((u) => t.login(u)));
  });
  afterAll(() => t.close());

  it('walks every step with one processing supplement and one apology, and prints every form', async () => {
    const created = await motcua.post('/api/v1/dossiers', intakeFor());
    expect(created.statusCode, created.body).toBe(201);
    let d = created.json().dossier;
    expect(d).toMatchObject({ code: null, status: 'new', syncCode: 1, version: 1, receivingUnitCode: '000.00.30.H26', availableActions: ['accept', 'request_supplement', 'refuse', 'withdraw'] });
    expect(d.applicant.idNumber).toBe('031090123456');
    expect(d.deadlines).toEqual({ supplement: null, apology: null });
    const files = await uploadMany(motcua, d.id, [
      { componentId: '1', bytes: PDF },
      { componentId: '2', bytes: PDF },
    ]);
    expect(files.statusCode, files.body).toBe(201);

    const step = async (client: Client, action: string, input: Record<string, unknown> = {}) => {
      const res = await act(client, d.code ?? d.id, action, d.version, input);
      expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
      d = res.json().dossier;
      return res.json().forms as string[];
    };

    expect(await step(motcua, 'accept', { components: ['1', '2'] })).toEqual(['mau_01']);
    expect(d.code).toMatch(/^000\.00\.30\.H26-\d{6}-\d{4}$/);
    expect(d).toMatchObject({ status: 'accepted', syncCode: 2, files: [{ componentId: '1' }, { componentId: '2' }] });
    expect((await chuyenvien.get(`/api/v1/dossiers/${d.code}`)).json().error.code).toBe('FORBIDDEN_OUTSIDE_UNIT');

    expect(await step(motcua, 'hand_over', { toUnit: HCTP })).toEqual(['mau_05']);
    expect(d).toMatchObject({ status: 'processing', stage: 'handling', unitCode: HCTP });
    expect(d.availableActions).toEqual(['withdraw']);
    const leaderView = (await lanhdao.get(`/api/v1/dossiers/${d.code}`)).json().dossier;
    expect(leaderView.availableActions).toContain('assign');

    await step(lanhdao, 'assign', { assigneeId: chuyenvien.me.user.id });
    expect(d.assigneeId).toBe(chuyenvien.me.user.id);
    expect(d.people).toEqual({ [motcua.me.user.id]: motcua.me.user.fullName, [lanhdao.me.user.id]: lanhdao.me.user.fullName, [chuyenvien.me.user.id]: chuyenvien.me.user.fullName });
    // the time-limited actions carry their last instant for those who may take them
    const handlerView = (await chuyenvien.get(`/api/v1/dossiers/${d.code}`)).json().dossier;
    expect(handlerView.availableActions).toContain('request_supplement_processing');
    expect(parseInstant(handlerView.deadlines.supplement)).toBeGreaterThan(parseInstant(d.receivedAt));
    expect(parseInstant(handlerView.deadlines.supplement)).toBeLessThan(parseInstant(d.dueAt));
    expect(handlerView.deadlines.apology).toBeNull();
    const leaderDeadlines = (await lanhdao.get(`/api/v1/dossiers/${d.code}`)).json().dossier.deadlines;
    expect(leaderDeadlines.supplement).toBe(handlerView.deadlines.supplement);
    expect(parseInstant(leaderDeadlines.apology)).toBeLessThan(parseInstant(d.dueAt));
    expect(parseInstant(leaderDeadlines.apology)).toBeGreaterThan(parseInstant(d.receivedAt));
    const mine = (await chuyenvien.get('/api/v1/dossiers?queue=mine')).json();
    expect(mine.items.map((i: { code: string }) => i.code)).toEqual([d.code]);
    // the list names the procedure (of the version the dossier keeps) and counts the working time left
    expect(mine.items[0]).toMatchObject({ procedureCode: '2.000488', procedureName: d.procedureName, timing: 'on_track' });
    expect(mine.items[0].remainingWorkingMinutes).toBeGreaterThan(0);

    expect(await step(chuyenvien, 'request_supplement_processing', { items: ['Bản chụp CCCD rõ nét', 'bản chụp  CCCD rõ nét'] })).toEqual(['mau_02']);
    expect(d).toMatchObject({ status: 'supplement_requested', syncCode: 5, supplementCount: 1 });
    expect((await motcua.get('/api/v1/dossiers?queue=awaiting_applicant')).json().total).toBe(1);
    await step(motcua, 'receive_supplement');
    expect(d).toMatchObject({ status: 'processing', stage: 'handling' });

    const newDueAt = formatInstant(parseInstant(d.dueAt) + 7 * 86_400_000);
    expect(await step(lanhdao, 'apologise', { reason: 'Cần xác minh thêm thông tin', newDueAt })).toEqual(['mau_04']);
    expect(d.redateUsed).toBe(true);
    const again = await act(lanhdao, d.code, 'apologise', d.version, { reason: 'Lần nữa', newDueAt });
    expect(again.json().error.code).toBe('DOSSIER_APOLOGY_ALREADY_ISSUED');

    await step(chuyenvien, 'submit_review');
    expect(d.stage).toBe('review');
    await step(lanhdao, 'approve');
    expect(d.stage).toBe('approved');
    await step(chuyenvien, 'issue_result', { number: '125/LLTP' });
    expect(d).toMatchObject({ status: 'processed', syncCode: 9 });
    await step(motcua, 'return_result', { collectedBy: 'Nguyễn Văn An' });
    expect(d).toMatchObject({ status: 'returned', syncCode: 10, availableActions: [] });
    expect(d.history.map((h: { action: string }) => h.action)).toEqual([
      'accept', 'hand_over', 'assign', 'request_supplement_processing', 'receive_supplement', 'apologise', 'submit_review', 'approve', 'issue_result', 'return_result',
    ]);

    expect(d.forms).toEqual(expect.arrayContaining(['mau_01', 'mau_02', 'mau_04', 'mau_05']));
    for (const form of d.forms) {
      const pdf = await motcua.get(`/api/v1/dossiers/${d.code}/forms/${form}.pdf`);
      expect(pdf.statusCode, `${form}: ${pdf.body.slice(0, 200)}`).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.body.slice(0, 5)).toBe('%PDF-');
    }
    expect((await motcua.get(`/api/v1/dossiers/${d.code}/forms/mau_03.pdf`)).json().error.code).toBe('DOSSIER_FORM_NOT_AVAILABLE');

    const audit = await t.database.db.selectFrom('audit_events').select('action').where('entity_id', '=', d.id).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['dossier.created', 'dossier.files_attached', ...d.history.map((h: { action: string }) => `dossier.${h.action}`)]);
  });
});
