/**
 * The national portal sync (docs/national-sync.md): a recurring job sends every numbered dossier
 * whose current version the portal has not acknowledged, one message per dossier version, and on
 * acknowledgement records it (`national_synced_at`, `national_synced_version`), refreshes the
 * dossier's index fact (CKMB.4 counts a dossier synced once the portal acknowledged it) and appends
 * an audit event, in one transaction. The portal is called outside any transaction, so dossier
 * actions are never blocked; a portal that cannot be reached stops the run, which fails and is
 * retried by the job runner with back-off.
 */
import type { Kysely } from 'kysely';
import { type NationalSyncSource, nationalSyncPayload } from '@core/dossier/national-sync';
import type { Channel } from '@core/dossier/channel';
import type { Status } from '@core/dossier/status';
import { type NationalPortal, NationalPortalUnavailable, nationalPortalFromConfig } from '../../adapters/national';
import type { Config } from '../../config/config';
import type { DB } from '../../db/schema';
import type { AuditActor } from '../../http/actor';
import type { JobHandler } from '../../jobs/runner';
import { appendAudit } from '../audit/append';
import { syncIndexFacts } from '../index/sync';
import { type UnsyncedDossier, markNationalSynced, unsyncedDossiers } from './queries';

/** The job kind of the sync. */
export const NATIONAL_SYNC_JOB = 'national.sync';
/** How often it runs: a dossier action reaches the portal within this (plus a poll). */
export const NATIONAL_SYNC_EVERY_MS = 60_000;
/** At most this many dossiers per run, so that a run stays well inside the job lease; the next run goes on. */
export const NATIONAL_SYNC_MAX_PER_RUN = 1_000;

/** The system as the actor of the acknowledgements it records. */
export const NATIONAL_SYNC_ACTOR: AuditActor & { id: string } = { kind: 'system', id: 'system:national-sync', name: 'Đồng bộ Cổng Dịch vụ công quốc gia' };

/** Where log lines go (Fastify's or pino's logger); never given secrets or personal numbers. */
export interface NationalSyncLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface NationalSyncDeps {
  db: Kysely<DB>;
  portal: NationalPortal;
  log: NationalSyncLog;
}

/** What a run did. */
export interface NationalSyncResult {
  /** Dossier versions sent. */
  sent: number;
  /** Acknowledged and recorded. */
  synced: number;
  /** Refused by the portal (logged; sent again on every run until the dossier changes or the portal accepts). */
  refused: number;
  /** Set when the portal could not be reached: the run stopped there. */
  unavailable?: NationalPortalUnavailable;
}

/** The deps of a process from its configuration; null when no portal is configured (production without NATIONAL_PORTAL_URL). */
export function nationalSyncDeps(config: Config, db: Kysely<DB>, log: NationalSyncLog): NationalSyncDeps | undefined {
  const portal = nationalPortalFromConfig(config.national);
  return portal ? { db, portal, log } : undefined;
}

/** The sync message's source of a picked dossier. */
export function syncSourceOf(d: UnsyncedDossier): NationalSyncSource {
  const returned = d.returned_at_ms === null ? null : Number(d.returned_at_ms);
  return {
    code: d.code!,
    version: d.version,
    procedureCode: d.procedure_code,
    receivingUnitCode: d.receiving_unit_code,
    handlingUnitCode: d.handling_unit_code,
    channel: d.channel as Channel,
    status: d.status as Status,
    applicantKind: d.applicant_kind,
    applicantIdNumber: d.applicant_id_number,
    applicantName: d.applicant_name,
    submittedAt: d.submitted_at,
    receivedAt: d.received_at,
    dueAt: d.due_at,
    finishedAt: d.finished_at,
    returnedAt: returned !== null && Number.isFinite(returned) ? new Date(returned) : null,
  };
}

/** Sends the dossiers the portal lacks, in id order, until none is left, the run's cap, or the portal is unreachable. */
export async function syncToNationalPortal(deps: NationalSyncDeps, opts: { batchSize?: number; maxPerRun?: number; requestId?: string } = {}): Promise<NationalSyncResult> {
  const result: NationalSyncResult = { sent: 0, synced: 0, refused: 0 };
  const batchSize = opts.batchSize ?? 50;
  const max = opts.maxPerRun ?? NATIONAL_SYNC_MAX_PER_RUN;
  let after: string | null = null;
  while (result.sent < max) {
    const batch = await unsyncedDossiers(deps.db, after, Math.min(batchSize, max - result.sent));
    if (batch.length === 0) break;
    for (const d of batch) {
      after = d.id;
      const payload = nationalSyncPayload(syncSourceOf(d));
      result.sent += 1;
      let outcome: Awaited<ReturnType<NationalPortal['syncDossier']>>;
      try {
        outcome = await deps.portal.syncDossier(payload);
      } catch (err) {
        if (!(err instanceof NationalPortalUnavailable)) throw err;
        result.unavailable = err;
        deps.log.warn({ code: d.code, version: d.version, err: err.message }, 'national portal unavailable; the sync stops and is retried later');
        return result;
      }
      if (!outcome.accepted) {
        result.refused += 1;
        deps.log.warn({ code: d.code, version: d.version, refusal: outcome.code, reason: outcome.message }, 'national portal refused a dossier');
        continue;
      }
      const receivedAt = outcome.receivedAt;
      const recorded = await deps.db.transaction().execute(async (trx) => {
        const marked = await markNationalSynced(trx, d.id, d.version, new Date());
        if (marked.skipped) return false;
        await syncIndexFacts(trx, [d.id]);
        await appendAudit(trx, {
          actor: NATIONAL_SYNC_ACTOR,
          action: 'dossier.national_synced',
          entityType: 'dossier',
          entityId: d.id,
          unitId: d.unit_id,
          before: { syncedVersion: marked.before.version },
          after: { code: d.code, version: d.version, status: payload.TrangThaiHoSo, portalReceivedAt: receivedAt.toISOString() },
          requestId: opts.requestId ?? null,
        });
        return true;
      });
      if (recorded) result.synced += 1;
    }
  }
  if (result.sent > 0) deps.log.info({ sent: result.sent, synced: result.synced, refused: result.refused }, 'national portal sync run');
  return result;
}

/** The sync as a job handler: a run that met an unreachable portal fails, so the runner retries it with back-off. */
export function nationalSyncHandler(deps: NationalSyncDeps): JobHandler {
  return async (_payload, ctx) => {
    const result = await syncToNationalPortal({ ...deps, db: ctx.db }, { requestId: `job-${ctx.jobId}` });
    if (result.unavailable) throw new Error(`national portal sync: ${result.synced} dossier(s) synced, then the portal was unavailable: ${result.unavailable.message}`);
  };
}
