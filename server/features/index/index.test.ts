import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CRITERIA } from '@core/feedback/criteria';
import { INDICATOR_CODES } from '@core/index/config';
import type { IndexResponse } from '@core/index/api';
import { type Client, type TestApp, createTestApp } from '../../../tests/support/app';
import { ENGINES } from '../../../tests/support/database';
import { seedDemoDossiers } from '../../seed/dossiers';
import { Random } from '../../seed/random';
import { dossierAt, type Staff } from '../results/testing';
import { compactCounts } from './queries';
import { rebuildIndex } from './rebuild';

const CITY = '000.00.00.H26';
const JUSTICE = '000.00.03.H26';
const AN = '031085012345';
const DAY = 86_400_000;
const today = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(Date.now() + 7 * 3_600_000 - n * DAY).toISOString().slice(0, 10);

const indicator = (r: IndexResponse, code: string) => r.groups.flatMap((g) => g.indicators).find((i) => i.code === code)!;

describe.each(ENGINES)('the Decision 766 index (%s)', (engine) => {
  let t: TestApp;
  let s: Staff;
  let kiemsoat: Client;
  let anonymous: TestApp['app'];
  const period = () => `from=${daysAgo(120)}&to=${today()}`;

  beforeAll(async () => {
    t = await createTestApp(engine);
    anonymous = t.app;
    const report = await seedDemoDossiers(t.database.db, { count: 120, seed: 17 });
    expect(report.refused).toEqual([]);
    const [motcua, chuyenvien, lanhdao, ks] = await Promise.all(['motcua', 'chuyenvien', 'lanhdao', 'kiemsoat'].map((u) => t.login(u)));
    s = { motcua: motcua!, chuyenvien: chuyenvien!, lanhdao: lanhdao! };
    kiemsoat = ks!;
  }, 120_000);
  afterAll(() => t.close());

  const index = async (unit: string, q = period()): Promise<IndexResponse> => {
    const res = await anonymous.inject({ method: 'GET', url: `/api/v1/index?unit=${unit}&${q}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const check = async () => rebuildIndex(t.database.db, { checkOnly: true });

  it('is public, and every figure of it is exactly the length of its drill-down', async () => {
    for (const unit of [CITY, JUSTICE]) {
      const r = await index(unit);
      expect(r.groups.map((g) => [g.code, g.max])).toEqual([
        ['CKMB', 18],
        ['TDGQ', 20],
        ['CLGQ', 12],
        ['TTTT', 10],
        ['MDSH', 22],
        ['MDHL', 18],
      ]);
      expect(r.total).toBeCloseTo(
        r.groups.reduce((x, g) => x + g.score, 0),
        6,
      );
      expect(indicator(r, 'TDGQ.1').denominator).toBeGreaterThan(0);
      for (const code of INDICATOR_CODES) {
        const i = indicator(r, code);
        for (const part of ['numerator', 'denominator'] as const) {
          const res = await kiemsoat.get(`/api/v1/index/${code}/dossiers?unit=${unit}&${period()}&part=${part}&limit=1000`);
          if (code === 'CKMB.1' || code === 'CKMB.2') {
            expect(res.statusCode).toBe(400);
            expect(res.json().error.code).toBe('INDEX_DRILL_PUBLICATION');
            continue;
          }
          expect(res.statusCode, res.body).toBe(200);
          const body = res.json();
          expect(body.total, `${unit} ${code} ${part}`).toBe(i[part]);
          expect(body.dossiers.length + body.procedures.length).toBe(Math.min(1000, i[part]));
        }
      }
    }
  });

  it('moves with each dossier action at once, and the rebuild agrees with it', async () => {
    const before = await index(JUSTICE);
    const d = await dossierAt(s, 'returned', { idNumber: AN, returnMethod: 'online' });
    const after = await index(JUSTICE);
    expect(indicator(after, 'CKMB.4').denominator).toBe(indicator(before, 'CKMB.4').denominator + 1);
    expect(indicator(after, 'MDSH.1').denominator).toBe(indicator(before, 'MDSH.1').denominator + 1);
    // the online return carried a signed e-result
    expect(indicator(after, 'MDSH.1').numerator).toBe(indicator(before, 'MDSH.1').numerator + 1);
    expect(indicator(after, 'TDGQ.1').numerator).toBe(indicator(before, 'TDGQ.1').numerator + 1);

    // the applicant rates one criterion 0: the dossier counts as dissatisfied (MDHL.4)
    const an = await t.loginCitizen(AN);
    const scores = Object.fromEntries(CRITERIA.map((c, k) => [c, k === 0 ? 0 : 2]));
    expect((await an.post(`/api/v1/portal/dossiers/${d.code}/rating`, { scores })).statusCode).toBe(201);
    const rated = await index(JUSTICE);
    expect(indicator(rated, 'MDHL.4').numerator).toBe(indicator(after, 'MDHL.4').numerator + 1);

    const drill = (await kiemsoat.get(`/api/v1/index/MDHL.4/dossiers?unit=${JUSTICE}&${period()}&part=numerator&limit=1000`)).json();
    expect(drill.dossiers.map((x: { code: string }) => x.code)).toContain(d.code);
    expect(await check()).toMatchObject({ differences: 0 });
  }, 60_000);

  it('folding the pending deltas into the counts changes no figure', async () => {
    // a change: the national portal acknowledges some dossiers (CKMB.4)
    await sql`UPDATE dossiers SET national_synced_at = now() WHERE id IN (SELECT id FROM dossiers WHERE received_at IS NOT NULL AND national_synced_at IS NULL ORDER BY id LIMIT 5)`.execute(t.database.db);
    const before = await index(CITY);
    const pending = await sql<{ n: string }>`SELECT count(*) AS n FROM index_count_deltas`.execute(t.database.db);
    expect(Number(pending.rows[0]!.n)).toBeGreaterThan(0);
    expect(await compactCounts(t.database.db)).toBe(Number(pending.rows[0]!.n));
    const after = await index(CITY);
    expect({ ...after, computedAt: '' }).toEqual({ ...before, computedAt: '' });
    expect(await check()).toMatchObject({ differences: 0 });
  });

  it('a rebuild finds a count that drifted from the dossiers, and repairs it', async () => {
    await sql`UPDATE index_counts SET received = received + 1 WHERE ctid = (SELECT ctid FROM index_counts WHERE received > 0 LIMIT 1)`.execute(t.database.db);
    const found = await rebuildIndex(t.database.db);
    expect(found).toMatchObject({ factDifferences: 0, countDifferences: 2, replaced: true });
    expect(await check()).toMatchObject({ differences: 0 });
  });

  describe('bad input', () => {
    it('an unknown unit, an impossible or reversed period: clear errors', async () => {
      const get = (q: string) => anonymous.inject({ method: 'GET', url: `/api/v1/index?${q}`, headers: { 'accept-language': 'vi' } });
      const unknown = await get(`unit=000.99.99.H26&${period()}`);
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json().error).toMatchObject({ code: 'INDEX_UNIT_UNKNOWN', message: 'Không tìm thấy cơ quan, đơn vị có mã 000.99.99.H26.' });
      for (const q of [`unit=${CITY}&from=2026-02-30&to=2026-03-01`, `unit=${CITY}&from=2026-05-01&to=2026-04-01`, `unit=${CITY}&from=2001-01-01&to=2026-01-01`]) {
        const res = await get(q);
        expect(res.statusCode, q).toBe(400);
        expect(res.json().error.code).toBe('INDEX_PERIOD_INVALID');
      }
    });

    it('the drill-down is for staff with the index permission over the unit', async () => {
      expect((await anonymous.inject({ method: 'GET', url: `/api/v1/index/TDGQ.1/dossiers?unit=${CITY}&${period()}&part=numerator` })).statusCode).toBe(401);
      expect((await s.chuyenvien.get(`/api/v1/index/TDGQ.1/dossiers?unit=${CITY}&${period()}&part=numerator`)).statusCode).toBe(403);
    });
  });

  describe('configuration', () => {
    it('a split that does not sum to a group’s statutory points is refused; a valid one rescores, audited', async () => {
      const current = (await anonymous.inject({ method: 'GET', url: '/api/v1/index/settings' })).json();
      const bad = structuredClone(current);
      bad.indicators['CLGQ.1'].max = 7;
      const refused = await kiemsoat.request({ method: 'PUT', url: '/api/v1/index/settings', payload: bad });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.code).toBe('INDEX_SETTINGS_INVALID');
      expect((await s.motcua.request({ method: 'PUT', url: '/api/v1/index/settings', payload: current })).statusCode).toBe(403);

      const good = structuredClone(current);
      good.indicators['CLGQ.1'] = { max: 8, threshold: 0.8 };
      good.indicators['CLGQ.3'] = { max: 4, threshold: 0.5 };
      const saved = await kiemsoat.request({ method: 'PUT', url: '/api/v1/index/settings', payload: good });
      expect(saved.statusCode, saved.body).toBe(200);
      const r = await index(CITY);
      expect(indicator(r, 'CLGQ.1').max).toBe(8);
      const audit = await sql<{ n: string }>`SELECT count(*) AS n FROM audit_events WHERE action = 'index.settings'`.execute(t.database.db);
      expect(Number(audit.rows[0]!.n)).toBe(1);
      expect((await kiemsoat.request({ method: 'PUT', url: '/api/v1/index/settings', payload: current })).statusCode).toBe(200);
    });
  });

  describe('history import (NDJSON)', () => {
    const line = (over: Record<string, unknown> = {}) =>
      JSON.stringify({
        code: 'LS-000001',
        procedureCode: '2.000488',
        unitCode: '000.01.03.H26',
        channel: 'online',
        receivedAt: `${daysAgo(30)}T02:00:00Z`,
        dueAt: `${daysAgo(20)}T10:00:00Z`,
        finishedAt: `${daysAgo(25)}T03:00:00Z`,
        status: 10,
        supplementRequests: 0,
        feeRequired: true,
        paid: 'online',
        componentsDigitised: true,
        reusedComponent: false,
        eResult: true,
        syncedToNational: true,
        complaint: false,
        ratings: [2, 2, 2, 2, 2, 2, 2, 2, 1],
        ...over,
      });
    const post = (client: Client, body: string, dryRun = false) =>
      client.request({ method: 'POST', url: `/api/v1/dossiers/import${dryRun ? '?dryRun=true' : ''}`, payload: body, headers: { 'content-type': 'application/x-ndjson' } });
    const imported = async () => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM index_history_dossiers`.execute(t.database.db)).rows[0]!.n);

    it('with any wrong line writes nothing and lists every error by line', async () => {
      const body = [
        line({ code: 'LS-1' }),
        '{not json',
        line({ code: 'LS-2', procedureCode: '9.999999' }),
        line({ code: 'LS-1' }),
        line({ code: 'LS-3', status: 4 }),
        line({ code: 'LS-4', paid: 'online', feeRequired: false }),
        line({ code: 'LS-5', extra: 1 }),
      ].join('\n');
      const res = await post(kiemsoat, body);
      expect(res.statusCode).toBe(422);
      const r = res.json();
      expect(r).toMatchObject({ dryRun: false, lines: 7, imported: 0, error: { code: 'HISTORY_IMPORT_INVALID' } });
      expect(r.errors.map((e: { line: number; code: string }) => [e.line, e.code])).toEqual([
        [2, 'HISTORY_IMPORT_LINE_NOT_JSON'],
        [3, 'HISTORY_IMPORT_PROCEDURE_UNKNOWN'],
        [4, 'HISTORY_IMPORT_CODE_DUPLICATE'],
        [5, 'HISTORY_IMPORT_FINISHED_MISMATCH'],
        [6, 'HISTORY_IMPORT_PAID_WITHOUT_FEE'],
        [7, 'unrecognized_keys'],
      ]);
      expect(await imported()).toBe(0);
      expect((await post(s.motcua, line())).statusCode).toBe(403);
    });

    it('a dry run writes nothing; the import counts in the index like any dossier, read-only, and the rebuild agrees', async () => {
      const body = Array.from({ length: 30 }, (_, k) => line({ code: `LS-${1000 + k}`, complaint: k < 3, ratings: k === 5 ? [2, 2, 0, 2, 2, 2, 2, 2, 2] : null })).join('\n');
      const dry = await post(kiemsoat, body, true);
      expect(dry.statusCode, dry.body).toBe(200);
      expect(dry.json()).toEqual({ dryRun: true, lines: 30, imported: 0, errors: [] });
      expect(await imported()).toBe(0);

      const before = await index(JUSTICE);
      const res = await post(kiemsoat, body);
      expect(res.json()).toEqual({ dryRun: false, lines: 30, imported: 30, errors: [] });
      const after = await index(JUSTICE);
      expect(indicator(after, 'CLGQ.3').numerator - indicator(before, 'CLGQ.3').numerator).toBe(30);
      expect(indicator(after, 'TTTT.6').numerator - indicator(before, 'TTTT.6').numerator).toBe(30);
      expect(indicator(after, 'MDSH.2').numerator - indicator(before, 'MDSH.2').numerator).toBe(30);
      expect(indicator(after, 'MDHL.4').numerator - indicator(before, 'MDHL.4').numerator).toBe(4);
      expect(indicator(after, 'CKMB.4').numerator - indicator(before, 'CKMB.4').numerator).toBe(30);

      const drill = (await kiemsoat.get(`/api/v1/index/CLGQ.3/dossiers?unit=${JUSTICE}&${period()}&part=numerator&limit=1000`)).json();
      expect(drill.dossiers.filter((x: { source: string }) => x.source === 'import')).toHaveLength(30);
      // the same codes again: refused, as codes are unique across live and imported dossiers
      const again = await post(kiemsoat, body);
      expect(again.statusCode).toBe(422);
      expect(again.json().errors[0].code).toBe('HISTORY_IMPORT_CODE_EXISTS');
      expect(await check()).toMatchObject({ differences: 0 });
      const audit = await sql<{ n: string }>`SELECT count(*) AS n FROM audit_events WHERE action = 'dossier_history.import'`.execute(t.database.db);
      expect(Number(audit.rows[0]!.n)).toBe(1);
    });
  });
});

/**
 * Random writes straight to every table a fact derives from (inserts, updates and deletes, as any
 * future writer might make them): the triggers must keep the live index equal to a rebuild.
 */
async function randomWrites(db: TestApp['database']['db'], r: Random, citizenId: string, n: number): Promise<string[]> {
  const done: string[] = [];
  const dossiers = (await sql<{ id: string; unit_id: string; sync_code: number }>`SELECT id, unit_id, sync_code FROM dossiers WHERE received_at IS NOT NULL ORDER BY id`.execute(db)).rows;
  const pick = () => r.pick(dossiers);
  const sha = () => Array.from({ length: 64 }, () => '0123456789abcdef'[r.int(0, 15)]).join('');
  for (let k = 0; k < n; k++) {
    const d = pick();
    const op = r.int(0, 9);
    if (op === 0) {
      const method = r.pick(['online', 'counter', 'post'] as const);
      await sql`INSERT INTO payments (dossier_id, unit_id, method, amount, status, order_id, receipt_number, created_by_kind, paid_at, settled_at)
        VALUES (${d.id}, ${d.unit_id}, ${method}, ${r.int(1, 500) * 1000}, 'paid', ${method === 'online' ? `ORD-${k}-${sha().slice(0, 8)}` : null},
                ${method === 'online' ? null : `BL-${k}-${sha().slice(0, 8)}`}, 'staff', now(), now())`.execute(db);
    } else if (op === 1) {
      const s = () => r.pick([0, 1, 2, 2, 2]);
      await sql`INSERT INTO dossier_ratings (dossier_id, unit_id, handling_unit_id, citizen_id, return_time, agencies_contacted, contact_count, publicity, attitude, legality_cost, feedback_handling, online_service, other)
        SELECT id, unit_id, handling_unit_id, ${citizenId}, ${s()}, ${s()}, ${s()}, ${s()}, ${s()}, ${s()}, ${s()}, ${s()}, ${s()} FROM dossiers WHERE id = ${d.id}
        ON CONFLICT (dossier_id) DO NOTHING`.execute(db);
    } else if (op === 2) {
      await sql`DELETE FROM dossier_ratings WHERE dossier_id = (SELECT dossier_id FROM dossier_ratings ORDER BY dossier_id LIMIT 1)`.execute(db);
    } else if (op === 3) {
      await sql`INSERT INTO feedback (unit_id, dossier_id, kind, citizen_id, applicant_kind, applicant_id_number, applicant_name, subject, content, submitted_at, due_at)
        VALUES (${d.unit_id}, ${d.id}, ${r.pick(['phan_anh', 'kien_nghi'])}, ${citizenId}, 'citizen', '031085012345', 'Nguyễn Văn An', 'Chậm trả', 'Nội dung', now(), now() + interval '10 days')`.execute(db);
    } else if (op === 4) {
      await sql`UPDATE dossiers SET national_synced_at = CASE WHEN national_synced_at IS NULL THEN now() END WHERE id = ${d.id}`.execute(db);
    } else if (op === 5 || op === 6) {
      // a digitised copy of a component made from the dossier, or a holder's document reused by it
      const component = String(r.int(1, 3));
      const doc = await sql<{ id: string }>`INSERT INTO documents (holder_kind, holder_id, type_code, number, issuer, issued_on, source, dossier_id, unit_id, component_id, created_by, sha256, mime, size, filename)
        VALUES ('citizen', '031085012345', 'GKS', ${`SO-${k}`}, 'UBND', '2020-01-01', ${op === 5 ? 'digitised' : 'self_provided'}, ${op === 5 ? d.id : null}, ${op === 5 ? d.unit_id : null}, ${op === 5 ? component : null}, 'test', ${sha()}, 'application/pdf', 100, 'x.pdf')
        RETURNING id`.execute(db);
      if (op === 6) await sql`INSERT INTO dossier_document_reuse (dossier_id, component_id, document_id) VALUES (${d.id}, ${component}, ${doc.rows[0]!.id})`.execute(db);
    } else if (op === 7) {
      await sql`UPDATE documents SET revoked_at = now() WHERE id = (SELECT id FROM documents WHERE dossier_id IS NOT NULL AND revoked_at IS NULL ORDER BY id LIMIT 1)`.execute(db);
    } else if (op === 8) {
      await sql`DELETE FROM dossier_document_reuse WHERE dossier_id = (SELECT dossier_id FROM dossier_document_reuse ORDER BY dossier_id LIMIT 1)`.execute(db);
    } else {
      // a scan of a component (of no document type: an application form is digitised by its scan)
      await sql`INSERT INTO dossier_files (dossier_id, unit_id, component_id, sha256, mime, size, filename, uploaded_by)
        VALUES (${d.id}, ${d.unit_id}, ${String(r.int(1, 3))}, ${sha()}, 'application/pdf', 100, 'scan.pdf', 'test')`.execute(db);
    }
    done.push(String(op));
  }
  return done;
}

describe.each(ENGINES)('the rebuild agrees with the live index after random action sequences (%s)', (engine) => {
  for (const seed of [3, 29]) {
    it(`seed ${seed}: dossiers driven by random plans through the commands, then random writes to every source table`, async () => {
      const t = await createTestApp(engine);
      try {
        // the demo generator: random channels, checks, supplements, refusals, withdrawals, delays, fees, payments and returns
        const report = await seedDemoDossiers(t.database.db, { count: 90, seed, now: Date.now() - seed * DAY });
        expect(report.dossiers).toBe(90);
        const r = await rebuildIndex(t.database.db, { checkOnly: true });
        // new dossiers not yet checked count nowhere and have no fact
        const counted = await sql<{ n: string }>`SELECT count(*) AS n FROM dossiers WHERE received_at IS NOT NULL OR sync_code IN (3, 7, 8, 9, 10)`.execute(t.database.db);
        expect(r).toMatchObject({ facts: Number(counted.rows[0]!.n), differences: 0 });
        expect(r.facts).toBeGreaterThan(80);

        await t.loginCitizen(AN);
        const citizen = await sql<{ id: string }>`SELECT id FROM citizens ORDER BY id LIMIT 1`.execute(t.database.db);
        const random = new Random(seed);
        for (let round = 0; round < 3; round++) {
          const ops = await randomWrites(t.database.db, random, citizen.rows[0]!.id, 25);
          expect(await rebuildIndex(t.database.db, { checkOnly: true }), `round ${round}: ${ops.join(',')}`).toMatchObject({ differences: 0 });
        }
      } finally {
        await t.close();
      }
    }, 120_000);
  }
});
