import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDay } from '@core/calendar/time';
import { WorkingCalendar } from '@core/calendar/working-calendar';
import type { Dossier } from '@core/dossier/dossier';
import { STATUSES } from '@core/dossier/status';
import { isValidCccd } from '@core/identity/cccd';
import { isValidTaxCode } from '@core/identity/tax-code';
import { type Client, type TestApp, createTestApp } from '../../tests/support/app';
import { ENGINES, createTestDatabase } from '../../tests/support/database';
import { LocalBlobStore } from '../blobs/local-store';
import { verifyAuditChains } from '../features/audit/verify';
import { listOverrides } from '../features/calendar/queries';
import { inspectDocument } from '../uploads/inspect';
import { type SeedDossiersReport, seedDemoDossiers } from './dossiers';

const COUNT = 100;

describe.each(ENGINES)('demo dossiers (%s)', (engine) => {
  let t: TestApp;
  let report: SeedDossiersReport;
  let now: number;
  const progress: string[] = [];
  const blobs = new LocalBlobStore(mkdtempSync(path.join(os.tmpdir(), 'motcua-seed-blobs-')));

  beforeAll(async () => {
    t = await createTestApp(engine);
    now = Date.now();
    report = await seedDemoDossiers(t.database.db, { now, count: COUNT, blobs, onProgress: (m) => progress.push(m) });
  }, 120_000);
  afterAll(() => t.close());

  const db = () => t.database.db;
  const dossiers = () => db().selectFrom('dossiers as d').innerJoin('units as u', 'u.id', 'd.unit_id').select(['d.id', 'd.code', 'd.status', 'd.channel', 'd.state', 'd.postal_tracking', 'd.applicant_kind', 'd.applicant_id_number', 'u.code as unit_code']).execute();

  it('drives every planned dossier through the domain without a refusal, and says so', () => {
    expect(report.refused).toEqual([]);
    expect(report.skipped).toBeNull();
    expect(report.dossiers).toBe(COUNT);
    expect(progress.at(-1)).toMatch(new RegExp(`^${COUNT} dossiers \\(.*\\); \\d+ actions, \\d+ violations, \\d+ files in`));
  });

  it('has every status, every processing stage, both kinds of supplement wait, every channel and several desks', async () => {
    const rows = await dossiers();
    const states = rows.map((r) => r.state as Dossier);
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(STATUSES));
    const stages = new Set(states.filter((d) => d.status === 'processing').map((d) => d.stage));
    expect(stages).toEqual(new Set(['handling', 'review', 'approved']));
    const waits = new Set(states.filter((d) => d.status === 'supplement_requested').map((d) => d.priorStatus));
    expect(waits).toEqual(new Set(['new', 'processing']));
    expect(new Set(rows.map((r) => r.channel))).toEqual(new Set(['counter', 'online', 'postal']));
    for (const r of rows.filter((x) => x.channel === 'postal')) expect(r.postal_tracking).toMatch(/^[A-Z]{2}\d{9}VN$/);
    expect(new Set(rows.map((r) => r.unit_code)).size).toBeGreaterThanOrEqual(5);
  });

  it('identifies applicants by valid CCCD and tax codes', async () => {
    const rows = await dossiers();
    expect(rows.some((r) => r.applicant_kind === 'organisation')).toBe(true);
    for (const r of rows) expect(r.applicant_kind === 'citizen' ? isValidCccd(r.applicant_id_number) : isValidTaxCode(r.applicant_id_number), r.applicant_id_number).toBe(true);
  });

  it('numbers each desk’s dossiers of a day 1, 2, 3 … in the order they were accepted', async () => {
    const rows = (await dossiers()).filter((r) => r.code !== null);
    expect(new Set(rows.map((r) => r.code)).size).toBe(rows.length);
    const days = new Map<string, { no: number; at: number }[]>();
    for (const r of rows) {
      const m = /^(.+)-(\d{6})-(\d{4,})$/.exec(r.code!)!;
      expect(m[1]).toBe(r.unit_code);
      const key = `${m[1]}-${m[2]}`;
      days.set(key, [...(days.get(key) ?? []), { no: Number(m[3]), at: (r.state as Dossier).receivedAt! }]);
    }
    for (const list of days.values()) {
      const byTime = [...list].sort((a, b) => a.at - b.at).map((x) => x.no);
      expect(byTime).toEqual(list.map((_, i) => i + 1));
    }
    const sequences = await db().selectFrom('dossier_sequences').select((eb) => eb.fn.sum<number>('last_no').as('n')).executeTakeFirstOrThrow();
    expect(Number(sequences.n)).toBe(rows.length);
  });

  it('has a true history: late ones with violations, apologies, supplements, late returns, a transfer', async () => {
    const states = (await dossiers()).map((r) => r.state as Dossier);
    const kinds = new Set((await db().selectFrom('dossier_violations').select('kind').execute()).map((v) => v.kind));
    expect(kinds).toEqual(new Set(['late_without_apology', 'late_handover', 'late_return', 'repeated_supplement']));
    expect(states.filter((d) => d.redateUsed && d.status === 'returned').length).toBeGreaterThanOrEqual(2);
    expect(states.some((d) => d.redateUsed && d.status === 'processing')).toBe(true);
    expect(states.some((d) => d.supplementCount > 0 && d.status === 'returned')).toBe(true);
    expect(states.some((d) => d.intakeSupplementCount > 0 && d.code !== null)).toBe(true);
    expect(states.some((d) => d.transfers.length > 0)).toBe(true);
    expect(states.some((d) => d.history.some((h) => h.action === 'return_for_rework'))).toBe(true);
    expect(states.some((d) => d.history.some((h) => h.action === 'fee_paid'))).toBe(true);
    // most finish in time
    const finished = await db().selectFrom('dossiers').select(['finished_at', 'due_at']).where('status', '=', 'returned').execute();
    const late = finished.filter((d) => d.finished_at! > d.due_at!).length;
    expect(late).toBeGreaterThan(0);
    expect(late / finished.length).toBeLessThan(0.2);
  });

  it('acts in working hours of working days, before the seed instant, after the submission', async () => {
    const cal = new WorkingCalendar({ overrides: (await listOverrides(db())).map((o) => ({ date: o.date, working: o.working, name: o.name })) });
    for (const r of await dossiers()) {
      const d = r.state as Dossier;
      let last = d.submittedAt;
      expect(d.submittedAt).toBeLessThan(now);
      for (const h of d.history) {
        expect(h.at, `${r.id} ${h.action}`).toBeGreaterThan(last);
        expect(h.at).toBeLessThan(now);
        expect(cal.isWorkingDay(localDay(h.at)), `${r.id} ${h.action} on a day off`).toBe(true);
        // inside a working period, or at its very end
        expect(cal.countingStart(h.at) === h.at || cal.countingStart(h.at - 1) === h.at - 1, `${r.id} ${h.action} outside hours`).toBe(true);
        last = h.at;
      }
    }
  });

  it('keeps the files it attached, each passing the content check', async () => {
    const files = await db().selectFrom('dossier_files').select(['sha256', 'mime']).execute();
    expect(files.length).toBe(report.files);
    expect(files.length).toBeGreaterThan(0);
    expect(new Set(files.map((f) => f.mime))).toEqual(new Set(['application/pdf', 'image/png']));
    for (const f of files.slice(0, 20)) expect(await inspectDocument(await blobs.get(f.sha256))).toBe(f.mime);
  });

  it('every fee confirmed has its paid payment, fixed fees are paid at intake (some online); every online return its result document', async () => {
    const rows = await dossiers();
    const payments = await db().selectFrom('payments').selectAll().execute();
    const byDossier = new Map(payments.map((p) => [p.dossier_id, p]));
    let paidOnline = 0;
    for (const r of rows) {
      const paid = (r.state as Dossier).history.filter((h) => h.action === 'fee_paid');
      const own = payments.filter((p) => p.dossier_id === r.id);
      // one per fee_paid, or one fixed fee paid at intake
      expect(own.length === paid.length || (paid.length === 0 && own.length === 1), r.id).toBe(true);
      if (paid.length === 0) continue;
      const p = byDossier.get(r.id)!;
      expect(p.status).toBe('paid');
      expect(['online', 'counter', 'post']).toContain(p.method);
      expect(Number(p.amount)).toBe((r.state as Dossier).feeDemand?.amount);
      if (p.method === 'online') paidOnline += 1;
    }
    expect(payments.length).toBeGreaterThan(0);
    expect(paidOnline).toBeGreaterThan(0);
    const results = new Set((await db().selectFrom('dossier_results').select('dossier_id').execute()).map((x) => x.dossier_id));
    expect(results.size).toBe(report.results);
    const returnedOnline = rows.filter((r) => (r.state as Dossier).history.some((h) => h.action === 'return_result') && (r.state as Dossier).returnMethod === 'online');
    expect(returnedOnline.length).toBeGreaterThan(0);
    for (const r of returnedOnline) expect(results.has(r.id), r.id).toBe(true);
  });

  it('gives the identity simulator’s demo people dossiers of their own, in different states', async () => {
    const rows = await dossiers();
    const of = (kind: string, id: string) => rows.filter((r) => r.applicant_kind === kind && r.applicant_id_number === id);
    const an = of('citizen', '031085012345');
    expect(an.length).toBeGreaterThanOrEqual(4);
    expect(new Set(an.map((r) => r.status)).size).toBeGreaterThanOrEqual(3);
    expect(of('citizen', '031192004567').length).toBeGreaterThan(0);
    expect(of('organisation', '0201234569').length).toBeGreaterThan(0);
  });

  it('writes one audit event per step, the chains verify, and one event announces the simulated history', async () => {
    expect(await verifyAuditChains(db())).toMatchObject({ ok: true, firstBroken: null });
    const events = await db().selectFrom('audit_events').select(['entity_id', 'action', 'request_id']).where('entity_type', '=', 'dossier').execute();
    const rows = await dossiers();
    const files = new Set((await db().selectFrom('dossier_files').select('dossier_id').execute()).map((f) => f.dossier_id));
    const payments = await db().selectFrom('payments').select('dossier_id').execute();
    const results = await db().selectFrom('dossier_results').select('dossier_id').execute();
    // created, each action, the scans attached, each fee payment and each result document
    expect(events.length).toBe(rows.reduce((n, r) => n + 1 + (r.state as Dossier).history.length + (files.has(r.id) ? 1 : 0), 0) + payments.length + results.length);
    for (const e of events) expect(e.request_id).toMatch(/^demo-seed:\d{4}-\d\d-\d\dT/);
    const announced = await db().selectFrom('audit_events').select(['after']).where('action', '=', 'demo.dossiers_seeded').execute();
    expect(announced).toHaveLength(1);
    expect(announced[0]!.after).toMatchObject({ dossiers: COUNT, actions: report.actions });
  });

  it('gives the work queues members now, for the demo accounts', async () => {
    // a specialist with an open dossier assigned
    const assigned = await db()
      .selectFrom('dossiers as d')
      .innerJoin('users as u', (j) => j.on((eb) => eb(eb.cast('u.id', 'text'), '=', eb.ref('d.assignee_id'))))
      .select('u.username')
      .where('d.status', '=', 'processing')
      .executeTakeFirstOrThrow();
    const [kiemsoat, motcua, chuyenvien] = await Promise.all(['kiemsoat', 'motcua', assigned.username].map((u) => t.login(u)));
    const total = async (c: Client, q: string) => {
      const res = await c.get(`/api/v1/dossiers?${q}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().total as number;
    };
    for (const queue of ['new', 'due_soon', 'overdue', 'awaiting_applicant', 'awaiting_fee']) expect(await total(kiemsoat, `queue=${queue}`), queue).toBeGreaterThan(0);
    expect(await total(kiemsoat, '')).toBe(COUNT);
    expect(await total(motcua, 'status=returned')).toBeGreaterThan(0);
    expect(await total(chuyenvien, 'queue=mine')).toBeGreaterThan(0);
  });

  it('prints the forms of an apologised, returned dossier', async () => {
    const states = (await dossiers()).map((r) => r.state as Dossier);
    const d = states.find((x) => x.redateUsed && x.status === 'returned' && x.receivingUnitCode === '000.00.30.H26') ?? states.find((x) => x.redateUsed && x.status === 'returned')!;
    const officer = (await db().selectFrom('users').select('username').where('id', '=', d.history[0]!.actorId).executeTakeFirstOrThrow()).username;
    const client = await t.login(officer);
    const view = (await client.get(`/api/v1/dossiers/${d.code}`)).json().dossier;
    expect(view.forms).toEqual(expect.arrayContaining(['mau_01', 'mau_04', 'mau_05']));
    for (const form of view.forms) {
      const pdf = await client.get(`/api/v1/dossiers/${d.code}/forms/${form}.pdf`);
      expect(pdf.statusCode, `${form}: ${pdf.body.slice(0, 200)}`).toBe(200);
      expect(pdf.body.slice(0, 5)).toBe('%PDF-');
    }
  });

  it('seeds once: a second run changes nothing', async () => {
    const again = await seedDemoDossiers(db(), { now, count: COUNT });
    expect(again.skipped).toMatch(/already holds dossiers/);
    expect(Number((await db().selectFrom('dossiers').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n)).toBe(COUNT);
  });
});

describe('demo dossiers are reproducible', () => {
  it('the same seed and instant give the same dossiers', async () => {
    const at = Date.parse('2026-02-24T10:15:00+07:00');
    const codes = [];
    for (let i = 0; i < 2; i++) {
      const database = await createTestDatabase('pglite');
      try {
        const r = await seedDemoDossiers(database.db, { now: at, count: 31 });
        expect(r.refused).toEqual([]);
        codes.push(await database.db.selectFrom('dossiers').select(['code', 'status', 'applicant_name', 'submitted_at', 'version']).orderBy('submitted_at').execute());
      } finally {
        await database.close();
      }
    }
    expect(codes[1]).toEqual(codes[0]);
    expect(new Set(codes[0]!.map((d) => d.status)).size).toBe(STATUSES.length);
  }, 60_000);
});
