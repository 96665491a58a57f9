import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp } from '../../../tests/support/app';
import { ENGINES } from '../../../tests/support/database';
import { type SeedDossiersReport, seedDemoDossiers } from '../../seed/dossiers';
import { testClock } from '../../../tests/support/clock';

// the demo history is seeded up to this instant, and the routes answer at it
const NOW = Date.parse('2026-11-20T10:00:00+07:00');
const clock = testClock('2026-11-20T10:00:00+07:00');
const CITY = '000.00.00.H26';

describe.each(ENGINES)('accountability over the demo data (%s)', (engine) => {
  let t: TestApp;
  let chutich: Client;
  let report: SeedDossiersReport;

  beforeAll(async () => {
    clock.now = NOW;
    t = await createTestApp(engine, { now: () => clock.now });
    report = await seedDemoDossiers(t.database.db, { now: NOW, count: 150 });
    chutich = await t.login('chutich');
  }, 120_000);
  afterAll(() => t.close());

  it('the city leader sees every violation the one-stop recorded, by officer, and the grade counts them', async () => {
    const stored = Number((await sql<{ n: string }>`SELECT count(*) AS n FROM dossier_violations WHERE at < ${new Date(NOW + 1)}`.execute(t.database.db)).rows[0]!.n);
    expect(report.violations).toBeGreaterThan(0);
    expect(stored).toBe(report.violations);
    const head = await chutich.get(`/api/v1/accountability/head?unit=${CITY}&year=2026`);
    expect(head.statusCode, head.body).toBe(200);
    const page = head.json();
    expect(page.officers.reduce((s: number, o: { count: number }) => s + o.count, 0)).toBe(stored);
    for (const o of page.officers) for (const v of o.violations) expect(v).toMatchObject({ source: 'dossier', status: 'open', officer: o.officer });
    expect(page.lateDossiers.open + page.lateDossiers.finished).toBeGreaterThan(0);
    const grade = (await chutich.get(`/api/v1/accountability/grade?unit=${CITY}&year=2026`)).json();
    expect(grade.inputs).toMatchObject({ automaticViolations: stored, manualViolations: 0, violations: stored });
    expect(grade.result.penalty.points).toBe(Math.min(grade.formula.maxViolationPenalty, stored * grade.formula.violationPenalty));
    expect(grade.inputs.indexTotal).toBeGreaterThan(0);
    expect(grade.result.components[0]).toMatchObject({ code: 'index', input: grade.inputs.indexTotal, contribution: Math.round(grade.inputs.indexTotal * 0.6 * 100) / 100 });
  });
});
