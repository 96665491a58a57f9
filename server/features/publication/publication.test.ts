import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp } from '../../../tests/support/app';
import { ENGINES } from '../../../tests/support/database';

interface BoardUnit {
  unit: { code: string };
  counts: { due: number; at_risk: number; late: number };
  items: { obligation: string; number: string; dueOn: string; state: string; days: number }[];
}

describe.each(ENGINES)('publication control (%s)', (engine) => {
  let t: TestApp;
  let officer: Client;
  const board = async (c: Client, on: string): Promise<BoardUnit[]> => (await c.get(`/api/v1/publication/board?on=${on}`)).json().units;
  const unitOf = (units: BoardUnit[], code: string) => units.find((u) => u.unit.code === code);

  beforeAll(async () => {
    t = await createTestApp(engine);
    officer = await t.login('kiemsoat');
  });
  afterAll(() => t.close());

  it('the board shows, per department, what is due, at risk and late, in working days', async () => {
    const units = await board(officer, '2026-11-30');
    expect(unitOf(units, '000.00.06.H26')!.items).toEqual([
      expect.objectContaining({ obligation: 'publicise', number: '3350/QĐ-UBND', dueOn: '2026-11-19', state: 'late', days: 7 }),
    ]);
    expect(unitOf(units, '000.00.11.H26')!.items[0]).toMatchObject({ obligation: 'publish', dueOn: '2026-12-08', state: 'due', days: 6 });
    // 1 January 2027 is a holiday: five working days before it end on Friday 25 December.
    expect(unitOf(units, '000.00.10.H26')!.items[0]).toMatchObject({ obligation: 'publish', dueOn: '2026-12-25', state: 'due' });
    expect(unitOf(units, '000.00.03.H26')).toBeUndefined();
    expect(units[0]!.unit.code).toBe('000.00.06.H26');
    const later = await board(officer, '2026-12-07');
    expect(unitOf(later, '000.00.11.H26')!.items[0]).toMatchObject({ state: 'at_risk', days: 1 });
  });

  it('records a ministry decision with its legal deadline; the city decision closes it; publicising abolishes procedures', async () => {
    const res = await officer.post('/api/v1/publication/ministry-decisions', {
      number: '999/QĐ-BTP',
      issuer: 'Bộ Tư pháp',
      signedOn: '2026-11-20',
      effectiveOn: '2027-02-01',
      responsibleUnit: '000.00.03.H26',
      items: [{ code: '2.001019', name: 'Chứng thực di chúc', change: 'abolished' }],
    });
    expect(res.statusCode).toBe(201);
    const ministry = res.json().decision;
    expect(ministry).toMatchObject({ kind: 'ministry', publishDueOn: '2027-01-25', publiciseDueOn: null, responsibleUnit: { code: '000.00.03.H26', name: 'Sở Tư pháp' } });
    const dup = await officer.post('/api/v1/publication/ministry-decisions', { number: '999/QĐ-BTP', issuer: 'Bộ Tư pháp', signedOn: '2026-11-21', effectiveOn: '2027-03-01', responsibleUnit: '000.00.03.H26', items: ministry.items });
    expect(dup.json().error.code).toBe('PUBLICATION_DECISION_TAKEN');
    expect(unitOf(await board(officer, '2026-12-01'), '000.00.03.H26')!.items[0]).toMatchObject({ number: '999/QĐ-BTP', obligation: 'publish' });

    const badSource = await officer.post('/api/v1/publication/city-decisions', { number: '4001/QĐ-UBND', signedOn: '2026-12-10', sourceId: '00000000-0000-4000-8000-000000000000', responsibleUnit: '000.00.03.H26', items: ministry.items });
    expect(badSource.json().error.code).toBe('PUBLICATION_SOURCE_INVALID');
    const city = (await officer.post('/api/v1/publication/city-decisions', { number: '4001/QĐ-UBND', signedOn: '2026-12-10', sourceId: ministry.id, responsibleUnit: '000.00.03.H26', items: ministry.items })).json().decision;
    expect(city).toMatchObject({ kind: 'city', issuer: 'Chủ tịch Ủy ban nhân dân thành phố Hải Phòng', publiciseDueOn: '2026-12-17', publishDueOn: ministry.publishDueOn });
    expect(unitOf(await board(officer, '2026-12-11'), '000.00.03.H26')!.items).toEqual([expect.objectContaining({ number: '4001/QĐ-UBND', obligation: 'publicise', dueOn: '2026-12-17' })]);

    const early = await officer.post(`/api/v1/publication/decisions/${city.id}/publicise`, { publicisedOn: '2026-12-01' });
    expect(early.json().error.code).toBe('PUBLICATION_DATE_INVALID');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/procedures?q=chung%20thuc%20di%20chuc' })).json().items[0].code).toBe('2.001019');
    const done = await officer.post(`/api/v1/publication/decisions/${city.id}/publicise`, { publicisedOn: '2026-12-14' });
    expect(done.statusCode).toBe(200);
    expect(done.json().decision.publicisedOn).toBe('2026-12-14');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/procedures?q=chung%20thuc%20di%20chuc' })).json().items.map((i: { code: string }) => i.code)).not.toContain('2.001019');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/procedures/2.001019' })).json().procedure.status).toBe('abolished');
    const again = await officer.post(`/api/v1/publication/decisions/${city.id}/publicise`, { publicisedOn: '2026-12-15' });
    expect(again.json().error.code).toBe('PUBLICATION_ALREADY_PUBLICISED');
    const events = await t.database.db.selectFrom('audit_events').select('action').where('entity_id', 'in', [ministry.id, city.id]).orderBy('occurred_at').execute();
    expect(events.map((e) => e.action)).toEqual(['publication.ministry_recorded', 'publication.city_recorded', 'publication.publicised']);
  });

  it('a department head sees only their own department; a specialist is refused', async () => {
    const head = await t.login('giamdoc');
    const mine = await board(head, '2026-11-30');
    expect(mine.every((u) => u.unit.code === '000.00.03.H26')).toBe(true);
    const decisions = (await head.get('/api/v1/publication/decisions')).json().decisions;
    expect(decisions.length).toBeGreaterThan(0);
    expect(decisions.every((d: { responsibleUnit: { code: string } }) => d.responsibleUnit.code === '000.00.03.H26')).toBe(true);
    const refused = await head.post('/api/v1/publication/ministry-decisions', {});
    expect(refused.json().error.code).toBe('FORBIDDEN');
    const specialist = await t.login('chuyenvien');
    expect((await specialist.get('/api/v1/publication/board')).statusCode).toBe(403);
  });

  it('gives on-time publication, publicising and completeness rates per unit for a period', async () => {
    const res = await officer.get('/api/v1/publication/rates?from=2026-10-01&to=2026-11-30');
    expect(res.statusCode).toBe(200);
    const byCode = new Map(res.json().units.map((u: { unit: { code: string } }) => [u.unit.code, u]));
    expect(byCode.get('000.00.03.H26')).toMatchObject({ publication: { numerator: 2, denominator: 2, rate: 1 }, publicising: { rate: 1 } });
    expect(byCode.get('000.00.06.H26')).toMatchObject({ publication: { numerator: 0, denominator: 2, rate: 0 }, publicising: { numerator: 0, denominator: 2, rate: 0 }, completeness: { rate: 1 } });
    const year = new Map((await officer.get('/api/v1/publication/rates?from=2026-10-01&to=2026-12-31')).json().units.map((u: { unit: { code: string } }) => [u.unit.code, u]));
    // Unanswered ministry decisions whose deadline passed count as late, not as "nothing due".
    expect(year.get('000.00.11.H26')).toMatchObject({ publication: { numerator: 0, denominator: 2, rate: 0 } });
    expect(year.get('000.00.10.H26')).toMatchObject({ publication: { numerator: 0, denominator: 2, rate: 0 } });
    expect(year.get('000.00.03.H26')).toMatchObject({ publication: { numerator: 3, denominator: 3, rate: 1 } });
    const reversed = await officer.get('/api/v1/publication/rates?from=2026-12-01&to=2026-10-01');
    expect(reversed.json().error.code).toBe('CALENDAR_RANGE_INVALID');
  });
});
