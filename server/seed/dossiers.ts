/**
 * The demo dossiers (issue 5): several hundred dossiers over the three months before the seed's
 * instant, across the one-stop desks, procedures, channels and every status. Each one is moved by the
 * real commands (`createDossier`, `attachFiles`, `performAction`) with `ctx.now` set to simulated
 * working-hour instants, so codes, the legal clock, hand-over lines, violations, queue columns and
 * audit events are what the system itself produces. Per desk, events run in simulated-time order
 * (codes of a day follow acceptance order); desks run side by side.
 */
import type { Kysely } from 'kysely';
import type { DeadlineState } from '@core/calendar/deadline-events';
import { DAY_MS, MINUTE_MS } from '@core/calendar/time';
import type { WorkingCalendar } from '@core/calendar/working-calendar';
import { intakeBody } from '@core/dossier/intake';
import type { Dossier } from '@core/dossier/dossier';
import { AppError } from '@core/errors/app-error';
import type { BlobStore } from '../blobs/blob-store';
import type { DB } from '../db/schema';
import type { DossierRow } from '../db/tables/dossiers';
import { SYSTEM_ACTOR } from '../http/actor';
import { appendAudit } from '../features/audit/append';
import { hashPassword } from '../features/auth/tokens';
import { CalendarCache } from '../features/calendar/calendar-cache';
import { type Ctx, attachFiles, createDossier, performAction, performActionIn } from '../features/dossiers/commands';
import { RulesCache } from '../features/dossiers/rules';
import { type IssueDeps, issueEresult } from '../features/eresults/commands';
import { uploadResult } from '../features/results/commands';
import { listUnits } from '../features/org/queries';
import { inspectDocument } from '../uploads/inspect';
import { type Person, Staff, ensureStaff } from './dossier-actors';
import { inputFor } from './dossier-inputs';
import { type Desk, type Plan, planDossiers } from './dossier-plan';
import { loadProcedures } from './dossier-procedures';
import type { Step, TimingCtx } from './dossier-scenarios';
import { assignDemoCitizens } from './demo-citizens';
import { DEMO_PASSWORD, DEMO_UNITS } from './demo-org';
import { DEMO_DEPARTMENTS, DEMO_DESKS } from './demo-staff';
import { seedFeePayment } from './payments';
import { anyDossier } from './queries';
import { Random } from './random';
import { scanPdf, scanPng } from './scans';

/** The applicant's name without diacritics, for the demo's plain-text PDFs. */
const applicantAscii = (plan: Plan) => (plan.body.applicant as { name: string }).name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D'));

/** The sum of a plan's fixed fees (đồng). */
const fixedFeesOf = (plan: Plan) => plan.procedure.input.fees.reduce((s, f) => s + (f.amount ?? 0), 0);

/**
 * The payment an action of the demo history records, or null: `fee_paid` says how the demanded fee
 * was paid; a fixed fee of a story without a demand is paid at intake (`accept`) — online for most
 * online dossiers, through the post for postal ones, at the desk otherwise.
 */
function paymentOf(plan: Plan, action: string, input: unknown, r: Random): { method: 'cash' | 'post' | 'online'; receipt?: string } | null {
  if (action === 'fee_paid') return input as { method: 'cash' | 'post' | 'online'; receipt?: string };
  if (action !== 'accept' || fixedFeesOf(plan) <= 0 || plan.scenario.steps.some((s) => s.action === 'await_fee')) return null;
  const method = plan.channel === 'online' ? (r.chance(0.8) ? 'online' : 'cash') : plan.channel === 'postal' ? 'post' : 'cash';
  return { method, receipt: `BL${r.digits(7)}` };
}

/** Dossiers in the demo. */
export const DEMO_DOSSIER_COUNT = 400;
/** The default random seed (the same instant and seed give the same dossiers). */
export const DEMO_DOSSIER_SEED = 5;
/** How far back the simulated history goes. */
const HISTORY_DAYS = 91;

export interface SeedDossiersOptions {
  /** The seed's instant (default: now); the history ends just before it. */
  now?: number;
  count?: number;
  seed?: number;
  /** Where scanned components go; without it no files are attached. */
  blobs?: BlobStore;
  /** With it, the result documents of online returns are issued as signed e-results, as the upload route does. */
  issuing?: IssueDeps;
  onProgress?: (msg: string) => void;
}

/** What a seed run did. */
export interface SeedDossiersReport {
  dossiers: number;
  actions: number;
  files: number;
  /** Result documents of dossiers returned online. */
  results: number;
  violations: number;
  byStatus: Record<string, number>;
  /** Actions the domain refused (none expected: the test demands zero); the dossier stops there. */
  refused: { scenario: string; action: string; code: string }[];
  ms: number;
  skipped: string | null;
}

/** One dossier on its way. */
interface Live {
  plan: Plan;
  r: Random;
  row: DossierRow | null;
  deadline: DeadlineState | null;
  last: number;
  step: number;
  skipTags: Set<string>;
  /** The officer who registered a paper dossier. */
  officer?: Person;
}

/** The desk's check of a new dossier. */
const CHECKS = new Set(['accept', 'request_supplement', 'refuse']);

/**
 * Seeds the demo dossiers, once: does nothing when any dossier exists or the demo organisation is
 * missing. Creates the staff who handle them first (demo-staff.ts).
 */
export async function seedDemoDossiers(db: Kysely<DB>, opts: SeedDossiersOptions = {}): Promise<SeedDossiersReport> {
  const started = performance.now();
  const now = opts.now ?? Date.now();
  const count = opts.count ?? DEMO_DOSSIER_COUNT;
  const seed = opts.seed ?? DEMO_DOSSIER_SEED;
  const say = opts.onProgress ?? (() => {});
  const report: SeedDossiersReport = { dossiers: 0, actions: 0, files: 0, results: 0, violations: 0, byStatus: {}, refused: [], ms: 0, skipped: null };
  const skip = (why: string) => {
    say(`demo dossiers not seeded: ${why}`);
    return { ...report, skipped: why, ms: performance.now() - started };
  };
  if (await anyDossier(db)) return skip('the database already holds dossiers');
  const units = await listUnits(db);
  const byCode = new Map(units.map((u) => [u.code, u]));
  const unitOf = new Map(DEMO_UNITS.map((u) => [u.key, byCode.get(u.code)]));
  const needed = [...DEMO_DESKS.flatMap((d) => [d.desk, ...(d.commune ? [d.commune] : [])]), ...DEMO_DEPARTMENTS.flatMap((d) => [d.key, d.handling])];
  const absent = needed.filter((k) => !unitOf.get(k) || unitOf.get(k)!.valid_to !== null);
  if (absent.length > 0) return skip(`the demo organisation is incomplete (${absent.join(', ')})`);
  const unit = (key: string) => unitOf.get(key)!;

  // argon2 works off the main thread while the catalogue loads
  let hashing: Promise<string> | undefined;
  const passwordHash = () => (hashing ??= hashPassword(DEMO_PASSWORD));
  void passwordHash();
  const calendars = new CalendarCache(db);
  const calendarOf = new Map<string, WorkingCalendar>();
  for (const key of needed) calendarOf.set(unit(key).id, await calendars.forUnit(unit(key).id));
  const cal = calendarOf.get(unit('centre').id)!;
  const rules = new RulesCache(db);
  const procedures = await loadProcedures(db, rules, cal, now, unit);
  const staff = new Staff(await ensureStaff(db, (k) => unit(k).id, passwordHash, say), units);

  const desks: Desk[] = DEMO_DESKS.map((d) => ({ key: d.desk, id: unit(d.desk).id, code: unit(d.desk).code, commune: d.commune ? { key: d.commune, code: unit(d.commune).code } : null, share: d.share }));
  const from = now - HISTORY_DAYS * DAY_MS;
  const plans = planDossiers({ now, from, cal, r: new Random(seed), desks, procedures }, count);
  assignDemoCitizens(plans);
  say(`planning ${plans.length} dossiers from ${new Date(from).toISOString().slice(0, 10)} to ${new Date(now).toISOString().slice(0, 10)}: ${desks.length} one-stop desks, ${new Set(plans.map((p) => p.procedure.code)).size} procedures`);

  const resultNumbers = new Map<string, number>();
  let finished = 0;
  const done = () => {
    finished += 1;
    if (finished % 100 === 0 && finished < plans.length) say(`${finished}/${plans.length} dossiers`);
  };
  const ctxOf = (actor: Ctx['actor'], at: number): Ctx => ({ db, actor, requestId: `demo-seed:${new Date(at).toISOString()}`, now: at });
  const staffActor = (p: Person): Ctx['actor'] => ({ kind: 'staff', id: p.id, name: p.username });

  /** Registers the dossier (the officer at the desk, or the applicant online) and, sometimes, its scans. */
  async function create(live: Live): Promise<void> {
    const { plan, r } = live;
    const officer = r.pick(staff.officers(plan.desk.id));
    const applicant = plan.body.applicant as { kind: string; name: string; idNumber?: string; taxCode?: string };
    // online dossiers come from the portal: the applicant acts, under a pseudonymous subject
    const actor: Ctx['actor'] = plan.channel === 'online' ? { kind: 'citizen', id: `demo-citizen-${seed}-${plan.n}`, name: applicant.name } : staffActor(officer);
    live.row = await createDossier(ctxOf(actor, plan.submittedAt), plan.desk.id, intakeBody.parse(plan.body));
    if (plan.channel !== 'online') live.officer = officer;
    live.last = plan.submittedAt;
    if (opts.blobs && plan.channel !== 'online' && r.chance(0.25)) {
      const files = [];
      for (const c of plan.procedure.rules.checklist.filter((x) => x.required)) {
        const png = /^Bản chụp/.test(c.name);
        const bytes = png ? scanPng(seed * 100_003 + plan.n * 31 + Number(c.id)) : scanPdf(c.name, [`Ho so ${plan.procedure.code} - ${applicant.name}`, `Ban quet mo phong (du lieu demo) #${plan.n}-${c.id}`]);
        const mime = await inspectDocument(bytes);
        const ref = await opts.blobs.put(bytes);
        files.push({ componentId: c.id, sha256: ref.sha256, mime, size: ref.size, filename: `${c.id}-${png ? 'anh-chup.png' : 'ban-quet.pdf'}` });
      }
      if (files.length > 0) {
        await attachFiles(ctxOf(staffActor(officer), plan.submittedAt), live.row, files);
        report.files += files.length;
      }
    }
  }

  /** Who takes a step on the dossier as it stands. */
  function actorFor(step: Step, live: Live): Person {
    const { r } = live;
    const row = live.row!;
    switch (step.who) {
      case 'desk':
        // the officer who registered a paper dossier checks it
        return live.officer && CHECKS.has(step.action) ? live.officer : r.pick(staff.officers(row.unit_id));
      case 'leader':
        return r.pick(staff.leaders(row.handling_unit_id));
      case 'signer':
        return staff.signer(row.handling_unit_id, r);
      case 'assignee':
        return staff.byId(row.assignee_id) ?? r.pick(staff.specialists(row.handling_unit_id));
    }
  }

  /** Performs the dossier's current step at `at`. */
  async function act(live: Live, at: number): Promise<void> {
    const { plan, r } = live;
    const step = plan.scenario.steps[live.step]!;
    const row = live.row!;
    const calendar = calendarOf.get(row.handling_unit_id)!;
    const person = actorFor(step, live);
    // before the hand-over the dossier is still at the desk: name a leader of the unit it goes to
    const target = row.handling_unit_id === row.unit_id ? byCode.get(plan.handlingCode)!.id : row.handling_unit_id;
    const input = inputFor(step.action, {
      plan,
      dossier: row.state as Dossier,
      dueAt: live.deadline?.dueAt ?? null,
      cal: calendar,
      r,
      leaderId: () => r.pick(staff.leaders(target)).id,
      specialistId: () => r.pick(staff.specialists(row.handling_unit_id)).id,
      resultNumber: () => {
        const n = (resultNumbers.get(row.handling_unit_id) ?? 0) + 1;
        resultNumbers.set(row.handling_unit_id, n);
        return n;
      },
    });
    const ctx = ctxOf(staffActor(person), at);
    if (step.action === 'issue_result' && plan.returnMethod === 'online' && opts.blobs) {
      // an online return needs the signed result document on the dossier (server/features/results/guard.ts)
      const pdf = scanPdf(`Ket qua giai quyet ${plan.procedure.code}`, [`So ${input && typeof input === 'object' && 'number' in input ? String(input.number) : ''}`, `Cap cho: ${applicantAscii(plan)}`, 'Ban dien tu mo phong (du lieu demo)']);
      const ref = await opts.blobs.put(pdf);
      const issuing = opts.issuing;
      await uploadResult(ctx, row, { sha256: ref.sha256, size: ref.size, filename: `ket-qua-${plan.n}.pdf` }, undefined, issuing ? async (trx, saved) => void (await issueEresult(trx, ctx, issuing, row, saved, pdf, null)) : undefined);
      report.results += 1;
    }
    const loaded = { row, rules: plan.procedure.rules, calendar };
    const roles = staff.rolesOver(person, row);
    const body = { version: row.version, input };
    // payments draw from a stream of their own, so that adding them leaves every story's timing as it was
    const pay = new Random(seed * 1_000_003 + plan.n * 31 + live.step);
    const payment = paymentOf(plan, step.action, input, pay);
    // a fee paid goes in with the action that records it (seed/payments.ts): fee_paid after the
    // staff's demand, or a fixed fee paid at intake (online at submission, else at the desk or post)
    const { row: written, decision } = payment
      ? await db.transaction().execute(async (trx) => {
          const payer = { kind: 'citizen' as const, id: `demo-citizen-${seed}-${plan.n}`, name: (plan.body.applicant as { name: string }).name };
          await seedFeePayment(trx, { row, input: payment, at, fixedFees: fixedFeesOf(plan), payer, officer: ctx.actor, requestId: ctx.requestId, txnId: pay.digits(10) });
          return performActionIn(trx, ctx, loaded, roles, step.action, body);
        })
      : await performAction(ctx, loaded, roles, step.action, body);
    live.row = written;
    live.deadline = decision.deadline;
    live.last = at;
    report.actions += 1;
    report.violations += decision.violations.length;
  }

  /** The instant of the dossier's next step (skipping left-out ones), or null when its story ends before the seed's instant. */
  function next(live: Live): number | null {
    const { plan } = live;
    const steps = plan.scenario.steps;
    for (; live.step < steps.length; live.step++) {
      const step = steps[live.step]!;
      if (step.tag && live.skipTags.has(step.tag)) continue;
      const dossier = live.row!.state as Dossier;
      const c: TimingCtx = { cal: calendarOf.get(live.row!.handling_unit_id)!, now, r: live.r, last: live.last, anchor: plan.anchor, channel: plan.channel, receivedAt: dossier.receivedAt, dueAt: live.deadline?.dueAt ?? null };
      const t = step.at(c);
      if (t === null) {
        if (step.tag) live.skipTags.add(step.tag);
        continue;
      }
      // at least a working minute after the previous step, still inside working hours
      const at = t >= live.last + MINUTE_MS ? t : c.cal.addWorking(live.last, MINUTE_MS);
      return at < now ? at : null;
    }
    return null;
  }

  /** Runs one desk's dossiers in simulated-time order. */
  async function runDesk(lives: Live[]): Promise<void> {
    const queue: { at: number; live: Live; create: boolean }[] = lives.map((live) => ({ at: live.plan.submittedAt, live, create: true })).sort((a, b) => a.at - b.at);
    const push = (e: (typeof queue)[number]) => {
      let lo = 0;
      let hi = queue.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (queue[mid]!.at <= e.at) lo = mid + 1;
        else hi = mid;
      }
      queue.splice(lo, 0, e);
    };
    for (let e = queue.shift(); e; e = queue.shift()) {
      const { live } = e;
      try {
        if (e.create) await create(live);
        else {
          await act(live, e.at);
          live.step += 1;
        }
      } catch (err) {
        if (!(err instanceof AppError) || !live.row) throw err;
        // the domain refused: the transaction rolled back, the dossier stays as it was
        report.refused.push({ scenario: live.plan.scenario.name, action: live.plan.scenario.steps[live.step]?.action ?? 'create', code: err.code });
        done();
        continue;
      }
      const at = next(live);
      if (at === null) done();
      else push({ at, live, create: false });
    }
  }

  const lives: Live[] = plans.map((plan) => ({ plan, r: new Random(seed * 1_000_003 + plan.n), row: null, deadline: null, last: plan.submittedAt, step: 0, skipTags: new Set() }));
  // desks run side by side (their numbers and audit chains are their own); a desk's events in order
  await Promise.all(desks.map((d) => runDesk(lives.filter((l) => l.plan.desk.id === d.id))));

  report.dossiers = lives.filter((l) => l.row).length;
  for (const l of lives) if (l.row) report.byStatus[l.row.status] = (report.byStatus[l.row.status] ?? 0) + 1;
  await db.transaction().execute(async (trx) => {
    await appendAudit(trx, {
      actor: SYSTEM_ACTOR,
      action: 'demo.dossiers_seeded',
      entityType: 'demo_seed',
      entityId: `dossiers-${seed}`,
      unitId: null,
      after: {
        seed,
        simulatedFrom: new Date(from).toISOString(),
        simulatedUntil: new Date(now).toISOString(),
        dossiers: report.dossiers,
        actions: report.actions,
        files: report.files,
        byStatus: report.byStatus,
        note: 'Demo history: dossier instants are simulated (request_id demo-seed:<instant>); occurred_at is when each event was written.',
      },
      requestId: 'demo-seed',
    });
  });
  report.ms = performance.now() - started;
  const statuses = Object.entries(report.byStatus)
    .sort((a, b) => b[1] - a[1])
    .map(([s, n]) => `${s} ${n}`)
    .join(', ');
  say(`${report.dossiers} dossiers (${statuses}); ${report.actions} actions, ${report.violations} violations, ${report.files} files in ${(report.ms / 1000).toFixed(1)} s`);
  if (report.refused.length > 0) say(`warning: ${report.refused.length} demo actions refused by the domain (${report.refused.map((x) => `${x.scenario}/${x.action}: ${x.code}`).join('; ')})`);
  return report;
}
