import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp } from '../../../tests/support/app';
import { ENGINES } from '../../../tests/support/database';
import { act, intakeFor } from '../../../tests/support/dossiers';

const HCTP = '000.01.03.H26';
const TAICHINH = '000.00.04.H26';

describe.each(ENGINES)('other paths through the workflow over HTTP (%s)', (engine) => {
  let t: TestApp;
  let motcua: Client;
  let chuyenvien: Client;
  let lanhdao: Client;
  let giamdoc: Client;

  beforeAll(async () => {
    t = await createTestApp(engine);
    [motcua, chuyenvien, lanhdao, giamdoc] = await Promise.all(['motcua', 'chuyenvien', 'lanhdao', 'giamdoc'].map((u) => t.login(u)));
  });
  afterAll(() => t.close());

  /** A dossier accepted at the centre and handed over to the justice department's division. */
  async function inProcessing() {
    const d = (await motcua.post('/api/v1/dossiers', intakeFor())).json().dossier;
    const code = (await act(motcua, d.id, 'accept', 1, { components: ['1', '2'] })).json().dossier.code as string;
    expect((await act(motcua, code, 'hand_over', 2, { toUnit: HCTP })).statusCode).toBe(200);
    return code;
  }

  it('refusal at intake issues Mẫu 03 and ends the dossier; withdrawal ends another', async () => {
    const d = (await motcua.post('/api/v1/dossiers', intakeFor())).json().dossier;
    const blank = await act(motcua, d.id, 'refuse', 1, { reason: ' ' });
    expect(blank.json().error.code).toBe('DOSSIER_REASON_REQUIRED');
    const refused = await act(motcua, d.id, 'refuse', 1, { reason: 'Không thuộc thẩm quyền tiếp nhận' });
    expect(refused.json()).toMatchObject({ forms: ['mau_03'], dossier: { status: 'not_accepted', syncCode: 3, availableActions: [] } });
    expect((await motcua.get(`/api/v1/dossiers/${d.id}/forms/mau_03.pdf`)).body.slice(0, 5)).toBe('%PDF-');
    const w = (await motcua.post('/api/v1/dossiers', intakeFor())).json().dossier;
    expect((await act(motcua, w.id, 'withdraw', 1, { reason: 'Công dân rút hồ sơ' })).json().dossier.status).toBe('withdrawn');
  });

  it('fee wait pauses and resumes; the agency head stops a dossier with Mẫu 03', async () => {
    const d = (await motcua.post('/api/v1/dossiers', intakeFor())).json().dossier;
    const code = (await act(motcua, d.id, 'accept', 1, { components: ['1', '2'] })).json().dossier.code;
    expect((await act(motcua, code, 'await_fee', 2, { reason: 'Chờ nộp phí' })).json().dossier).toMatchObject({ status: 'awaiting_fee', syncCode: 6, timing: 'clock_stopped' });
    expect((await act(motcua, code, 'fee_paid', 3, { method: 'cash' })).json().dossier.status).toBe('accepted');
    const processing = await inProcessing();
    const stop = await act(giamdoc, processing, 'stop', 3, { reason: 'Người nộp không đủ điều kiện' });
    expect(stop.json()).toMatchObject({ forms: ['mau_03'], dossier: { status: 'stopped', syncCode: 8 } });
  });

  it('review sent back for rework; an unknown hand-over unit is refused', async () => {
    const code = await inProcessing();
    await act(lanhdao, code, 'assign', 3, { assigneeId: chuyenvien.me.user.id });
    await act(chuyenvien, code, 'submit_review', 4);
    const early = await act(chuyenvien, code, 'issue_result', 5);
    expect([early.statusCode, early.json().error.code]).toEqual([409, 'DOSSIER_STAGE_INVALID']);
    const rework = await act(lanhdao, code, 'return_for_rework', 5, { reason: 'Bổ sung căn cứ pháp lý' });
    expect(rework.json().dossier).toMatchObject({ stage: 'handling', version: 6 });
    const d = (await motcua.post('/api/v1/dossiers', intakeFor())).json().dossier;
    const c = (await act(motcua, d.id, 'accept', 1, { components: ['1', '2'] })).json().dossier.code;
    const unknown = await act(motcua, c, 'hand_over', 2, { toUnit: '000.99.99.H26' });
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([400, 'DOSSIER_UNIT_UNKNOWN']);
    expect((await motcua.get(`/api/v1/dossiers/${c}`)).json().dossier).toMatchObject({ status: 'accepted', version: 2 });
  });

  it('an inter-agency transfer keeps one dossier and moves who may see it', async () => {
    const code = await inProcessing();
    const moved = await act(lanhdao, code, 'transfer_interagency', 3, { toUnit: TAICHINH, reference: 'CV 12/STP' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().dossier).toMatchObject({ code, unitCode: TAICHINH, availableActions: [] });
    expect((await lanhdao.get(`/api/v1/dossiers/${code}`)).json().error.code).toBe('FORBIDDEN_OUTSIDE_UNIT');
    expect((await motcua.get(`/api/v1/dossiers/${code}`)).json().dossier.unitCode).toBe(TAICHINH);
    const rows = await t.database.db.selectFrom('dossiers').select('id').where('code', '=', code).execute();
    expect(rows).toHaveLength(1);
  });
});
