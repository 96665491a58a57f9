/**
 * The periodic violation sweep. Actions record the violations they reveal, but a dossier that turns
 * late while nobody touches it (open past its due without an apology, still at the desk past its
 * hand-over due) is only seen by looking: this runs `detectViolations` over such dossiers and records
 * what is new, each dossier in one transaction with its audit event. Running it twice records nothing more.
 */
import type { Kysely } from 'kysely';
import type { Dossier } from '@core/dossier/dossier';
import { type Violation, detectViolations } from '@core/dossier/violations';
import type { DB } from '../../db/schema';
import { SYSTEM_ACTOR } from '../../http/actor';
import type { JobHandler } from '../../jobs/runner';
import { appendAudit } from '../audit/append';
import { CalendarCache } from '../calendar/calendar-cache';
import { RulesCache } from './rules';
import { insertNewViolations, lockDossierVersion, sweepCandidates } from './sweep-queries';

/** The job kind of the sweep. */
export const VIOLATION_SWEEP_JOB = 'dossier.violation_sweep';
/** How often the sweep runs: a late dossier is recorded within this (plus a poll) of turning late. */
export const VIOLATION_SWEEP_EVERY_MS = 5 * 60_000;

/** What a sweep did. */
export interface SweepResult {
  /** Dossiers judged. */
  examined: number;
  /** Violations newly recorded, over all dossiers. */
  recorded: number;
  /** Dossiers skipped because an action changed them between the read and the write (the next sweep judges them again). */
  changed: number;
  /** Dossiers that could not be judged (the error is logged by the caller from `firstError`); the others are still swept. */
  failed: number;
  firstError?: unknown;
}

/** Caches and batch size; a job keeps its caches from one sweep to the next. */
export interface SweepOptions {
  rules?: RulesCache;
  calendars?: CalendarCache;
  batchSize?: number;
  requestId?: string;
}

type Candidate = Awaited<ReturnType<typeof sweepCandidates>>[number];

/** Records the violations not yet recorded, if the dossier is still the version judged; answers the kinds recorded. */
async function record(db: Kysely<DB>, row: Candidate, found: readonly Violation[], requestId: string): Promise<string[] | null> {
  return db.transaction().execute(async (trx) => {
    // the row lock orders this after any action in flight; a changed dossier is left to the next sweep
    if ((await lockDossierVersion(trx, row.id)) !== row.version) return null;
    const kinds = await insertNewViolations(
      trx,
      found.map((v) => ({ dossier_id: row.id, kind: v.kind, unit_id: row.unit_id, at: new Date(v.at), answerable_unit_code: v.unitCode, officer_id: v.officerId })),
    );
    if (kinds.length > 0) {
      const d = row.state as Dossier;
      await appendAudit(trx, {
        actor: SYSTEM_ACTOR,
        action: 'dossier.violations_recorded',
        entityType: 'dossier',
        entityId: row.id,
        unitId: row.unit_id,
        after: { code: d.code, status: d.status, version: d.version, violations: found.filter((v) => kinds.includes(v.kind)) },
        requestId,
      });
    }
    return kinds;
  });
}

/** Judges every dossier that may have turned late by `now` and records the violations found, in batches. */
export async function sweepViolations(db: Kysely<DB>, now: number, opts: SweepOptions = {}): Promise<SweepResult> {
  const rules = opts.rules ?? new RulesCache(db);
  const calendars = opts.calendars ?? new CalendarCache(db);
  const batchSize = opts.batchSize ?? 200;
  const requestId = opts.requestId ?? `sweep-${now}`;
  const result: SweepResult = { examined: 0, recorded: 0, changed: 0, failed: 0 };
  for (let after: string | null = null; ; ) {
    const batch = await sweepCandidates(db, new Date(now), after, batchSize);
    for (const row of batch) {
      result.examined += 1;
      try {
        const [procedure, calendar] = await Promise.all([rules.forVersion(row.procedure_version_id), calendars.forUnit(row.handling_unit_id)]);
        const found = detectViolations(row.state as Dossier, { calendar, policy: procedure.policy }, now);
        if (found.length === 0) continue;
        const kinds = await record(db, row, found, requestId);
        if (kinds === null) result.changed += 1;
        else result.recorded += kinds.length;
      } catch (err) {
        // one dossier that cannot be judged must not stop the sweep of the others
        result.failed += 1;
        result.firstError ??= err;
      }
    }
    if (batch.length < batchSize) return result;
    after = batch[batch.length - 1]!.id;
  }
}

/** The sweep as a job handler, keeping its caches across runs. */
export function violationSweepHandler(db: Kysely<DB>): JobHandler {
  const rules = new RulesCache(db);
  const calendars = new CalendarCache(db);
  return async (_payload, ctx) => {
    const result = await sweepViolations(ctx.db, Date.now(), { rules, calendars, requestId: `job-${ctx.jobId}` });
    // the others are recorded; failing the job keeps the error in jobs.last_error and retries it
    if (result.failed > 0) {
      const first = result.firstError instanceof Error ? result.firstError.message : String(result.firstError);
      throw new Error(`violation sweep: ${result.failed} dossier(s) could not be judged; first: ${first}`);
    }
  };
}
