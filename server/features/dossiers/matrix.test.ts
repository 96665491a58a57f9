/**
 * Every action × status (and processing stage) × role decision of the workflow table, over HTTP.
 * For each demo person and each dossier state, every action is posted with an input that no action's
 * schema accepts: a refused decision answers its own code (outside the unit, not in this status, not
 * this role, wrong stage) and an allowed one gets as far as validating the input (400). Either way
 * nothing changes, so one dossier per state serves every probe, and the dossier's version proves it.
 * The allowed set must also be exactly the `availableActions` the dossier page offers that person.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@core/access/roles';
import { ACTIONS, type Action } from '@core/dossier/actions';
import type { Stage } from '@core/dossier/dossier';
import type { Status } from '@core/dossier/status';
import { rolesAllow, stageAllows, transitionOf } from '@core/dossier/workflow';
import { type Client, type TestApp, createTestApp } from '../../../tests/support/app';
import { ENGINES } from '../../../tests/support/database';
import { act, intakeFor } from '../../../tests/support/dossiers';

const HCTP = '000.01.03.H26';

/** The demo people and the one role each holds (over the units their scope covers). */
const PEOPLE: Record<string, Role> = {
  motcua: 'onestop_officer',
  'motcua.xa': 'onestop_officer',
  chuyenvien: 'specialist',
  lanhdao: 'unit_leader',
  giamdoc: 'agency_head',
  chutich: 'city_leader',
  kiemsoat: 'control_officer',
  admin: 'system_admin',
};

/** Accepts nothing: every action's schema has at least one of these keys with another type. */
const POISON = { code: 1, components: 1, note: 1, reason: 1, items: 1, assigneeId: 1, receiverId: 1, toUnit: 1, newDueAt: 1, method: 'poison', number: 1 };

/** What the table says for this person (who may read the dossier) and this action in this state. */
function expected(status: Status, stage: Stage | null, action: Action, role: Role): string {
  const t = transitionOf(status, action);
  if (!t) return 'DOSSIER_ACTION_NOT_ALLOWED';
  if (!rolesAllow(t, [role])) return 'DOSSIER_ROLE_NOT_ALLOWED';
  if (!stageAllows(t, { stage })) return 'DOSSIER_STAGE_INVALID';
  return 'VALIDATION_FAILED';
}

describe.each(ENGINES)('the workflow table over HTTP: every action × status × role (%s)', (engine) => {
  let t: TestApp;
  const c: Record<string, Client> = {};
  /** One dossier per state, by label. */
  const states = new Map<string, string>();

  beforeAll(async () => {
    t = await createTestApp(engine);
    for (const u of Object.keys(PEOPLE)) c[u] = await t.login(u);
    const { motcua, chuyenvien, lanhdao, giamdoc } = c as Record<string, Client>;
    /** Runs actions in order on a new dossier; answers its reference. */
    const build = async (steps: [Client, Action, Record<string, unknown>?][]) => {
      const d = (await motcua!.post('/api/v1/dossiers', intakeFor())).json().dossier;
      let ref: string = d.id;
      let version: number = d.version;
      for (const [client, action, input] of steps) {
        const res = await act(client, ref, action, version, input ?? {});
        expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
        ref = res.json().dossier.code ?? ref;
        version = res.json().dossier.version;
      }
      return ref;
    };
    const accept: [Client, Action, Record<string, unknown>] = [motcua!, 'accept', { components: ['1', '2'] }];
    const handOver: [Client, Action, Record<string, unknown>] = [motcua!, 'hand_over', { toUnit: HCTP }];
    const assign = (): [Client, Action, Record<string, unknown>] => [lanhdao!, 'assign', { assigneeId: chuyenvien!.me.user.id }];
    const handling = [accept, handOver, assign()];
    const recipes: Record<string, [Client, Action, Record<string, unknown>?][]> = {
      new: [],
      'supplement_requested (intake)': [[motcua!, 'request_supplement', { items: ['Tờ khai có chữ ký'] }]],
      accepted: [accept],
      'awaiting_fee (intake)': [accept, [motcua!, 'await_fee', { reason: 'Chờ nộp lệ phí' }]],
      'processing:handling': handling,
      'processing:review': [...handling, [chuyenvien!, 'submit_review']],
      'processing:approved': [...handling, [chuyenvien!, 'submit_review'], [lanhdao!, 'approve']],
      'supplement_requested (processing)': [...handling, [chuyenvien!, 'request_supplement_processing', { items: ['Bản sao giấy khai sinh'] }]],
      'awaiting_fee (processing)': [...handling, [chuyenvien!, 'await_fee', { reason: 'Chờ nộp phí' }]],
      processed: [...handling, [chuyenvien!, 'submit_review'], [lanhdao!, 'approve'], [chuyenvien!, 'issue_result', { number: '12/LLTP' }]],
      returned: [...handling, [chuyenvien!, 'submit_review'], [lanhdao!, 'approve'], [chuyenvien!, 'issue_result'], [motcua!, 'return_result', { collectedBy: 'Nguyễn Văn An' }]],
      not_accepted: [[motcua!, 'refuse', { reason: 'Không thuộc thẩm quyền' }]],
      withdrawn: [[motcua!, 'withdraw', { reason: 'Công dân rút hồ sơ' }]],
      stopped: [...handling, [giamdoc!, 'stop', { reason: 'Không đủ điều kiện' }]],
    };
    for (const [label, steps] of Object.entries(recipes)) states.set(label, await build(steps));
  }, 120_000);
  afterAll(() => t.close());

  it('covers every status and every processing stage', async () => {
    const seen = new Set<string>();
    for (const ref of states.values()) {
      const d = (await c.chutich!.get(`/api/v1/dossiers/${ref}`)).json().dossier;
      seen.add(d.status === 'processing' ? `processing:${d.stage}` : d.status);
    }
    expect([...seen].sort()).toEqual(
      ['accepted', 'awaiting_fee', 'new', 'not_accepted', 'processed', 'processing:approved', 'processing:handling', 'processing:review', 'returned', 'stopped', 'supplement_requested', 'withdrawn'].sort(),
    );
  });

  it('answers each decision of the table, changes nothing, and offers exactly the allowed actions', async () => {
    const mismatches: string[] = [];
    let allowed = 0;
    for (const [label, ref] of states) {
      const before = (await c.chutich!.get(`/api/v1/dossiers/${ref}`)).json().dossier;
      for (const [user, role] of Object.entries(PEOPLE)) {
        const page = await c[user]!.get(`/api/v1/dossiers/${ref}`);
        const readable = page.statusCode === 200;
        const offered: Action[] = readable ? page.json().dossier.availableActions : [];
        for (const action of ACTIONS) {
          const want = readable ? expected(before.status, before.stage ?? null, action, role) : page.json().error.code;
          const res = await act(c[user]!, ref, action, before.version, POISON);
          const code: string = res.json().error?.code ?? `HTTP ${res.statusCode}`;
          // a blank or wrong-typed reason has its own code; it is still the input check, the last step
          const got = code === 'DOSSIER_REASON_REQUIRED' && res.statusCode === 400 ? 'VALIDATION_FAILED' : code;
          if (got !== want) mismatches.push(`${label} × ${action} × ${user}: ${got}, expected ${want}`);
          if (want === 'VALIDATION_FAILED') allowed++;
          if ((want === 'VALIDATION_FAILED') !== offered.includes(action)) mismatches.push(`${label} × ${action} × ${user}: offered ${offered.includes(action)}`);
        }
      }
      const after = (await c.chutich!.get(`/api/v1/dossiers/${ref}`)).json().dossier;
      expect(after.version, label).toBe(before.version);
    }
    expect(mismatches).toEqual([]);
    // the walk is not vacuous: people are allowed something in most open states
    expect(allowed).toBeGreaterThan(30);
  }, 120_000);
});
