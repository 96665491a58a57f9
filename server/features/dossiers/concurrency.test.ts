import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp } from '../../../tests/support/app';
import { ENGINES } from '../../../tests/support/database';
import { act, intakeFor } from '../../../tests/support/dossiers';

const N = 50;

describe.each(ENGINES)('concurrent intake on one unit (%s)', (engine) => {
  let t: TestApp;
  let motcua: Client;

  beforeAll(async () => {
    t = await createTestApp(engine);
    motcua = await t.login('motcua');
  });
  afterAll(() => t.close());

  it(`${N} parallel accepts give ${N} distinct, gap-free codes`, async () => {
    const created = await Promise.all(Array.from({ length: N }, () => motcua.post('/api/v1/dossiers', intakeFor())));
    const ids = created.map((r) => r.json().dossier.id as string);
    const accepted = await Promise.all(ids.map((id) => act(motcua, id, 'accept', 1, { components: ['1', '2'] })));
    for (const r of accepted) expect(r.statusCode, r.body).toBe(200);
    const codes = accepted.map((r) => r.json().dossier.code as string);
    expect(new Set(codes).size).toBe(N);
    // group by local day (a run across midnight in Vietnam starts a new sequence): each day numbers 1..n
    const byDay = new Map<string, number[]>();
    for (const c of codes) {
      const [, day, no] = c.split(/-(?=\d)/);
      byDay.set(day!, [...(byDay.get(day!) ?? []), Number(no)]);
    }
    for (const numbers of byDay.values()) expect(numbers.sort((a, b) => a - b)).toEqual(numbers.map((_, i) => i + 1));
    const stored = await t.database.db.selectFrom('dossier_sequences').select(['day', 'last_no']).execute();
    expect(stored.reduce((s, r) => s + r.last_no, 0)).toBe(N);
  });

  it('two writers on one version: one wins, the other gets DOSSIER_VERSION_STALE', async () => {
    const d = (await motcua.post('/api/v1/dossiers', intakeFor())).json().dossier;
    const [a, b] = await Promise.all([act(motcua, d.id, 'refuse', 1, { reason: 'Không thuộc thẩm quyền' }), act(motcua, d.id, 'withdraw', 1)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect([a, b].find((r) => r.statusCode === 409)!.json().error.code).toBe('DOSSIER_VERSION_STALE');
    const after = (await motcua.get(`/api/v1/dossiers/${d.id}`)).json().dossier;
    expect(after.version).toBe(2);
    expect(after.history).toHaveLength(1);
  });
});
