/** Dossier commands: each change is one transaction with its audit event in the receiving unit's chain. */
import type { Kysely } from 'kysely';
import type { Role } from '@core/access/roles';
import { formatDate, localDay } from '@core/calendar/time';
import type { WorkingCalendar } from '@core/calendar/working-calendar';
import { AppError } from '@core/errors/app-error';
import type { ActionBody } from '@core/dossier/api';
import { type Decision, decide } from '@core/dossier/decide';
import { formatDossierCode } from '@core/dossier/dossier-code';
import { type Dossier, newDossier } from '@core/dossier/dossier';
import type { IntakeBody } from '@core/dossier/intake';
import { STATUS_SYNC_CODES } from '@core/dossier/status';
import type { DB } from '../../db/schema';
import type { DossierFileRow, DossierRow } from '../../db/tables/dossiers';
import type { AuditActor } from '../../http/actor';
import { appendAudit } from '../audit/append';
import { findUnit, findUnitByCode } from '../org/queries';
import { stateColumns } from './columns';
import { findProcedureForIntake, insertDossier, insertFiles, insertViolations, nextDossierNumber, updateDossierIfVersion } from './queries';
import type { ProcedureRules } from './rules';

/** Who acts, on which database, at what instant. */
export interface Ctx {
  db: Kysely<DB>;
  actor: AuditActor & { id: string };
  requestId: string;
  now: number;
}

/** Registers a counter, postal or online dossier as `new` in the receiving unit; the check (accept…) follows as an action. */
export async function createDossier(ctx: Ctx, unitId: string, body: IntakeBody): Promise<DossierRow> {
  return ctx.db.transaction().execute(async (trx) => {
    const procedure = await findProcedureForIntake(trx, body.procedureCode);
    if (procedure?.status !== 'active') throw new AppError('DOSSIER_PROCEDURE_UNKNOWN', { params: { code: body.procedureCode } });
    const unit = await findUnit(trx, unitId);
    if (!unit) throw new AppError('NOT_FOUND');
    const dossier = newDossier({ unitCode: unit.code, channel: body.channel, returnMethod: body.returnMethod, submittedAt: ctx.now });
    const a = body.applicant;
    const contact = { address: a.address, phone: a.phone, email: a.email, ...(a.kind === 'organisation' && a.representative ? { representative: a.representative } : {}) };
    const row = await insertDossier(trx, {
      unit_id: unit.id,
      handling_unit_id: unit.id,
      procedure_id: procedure.procedureId,
      procedure_version_id: procedure.versionId,
      procedure_code: procedure.code,
      applicant_kind: a.kind,
      applicant_id_number: a.kind === 'citizen' ? a.idNumber : a.taxCode,
      applicant_name: a.name,
      applicant_contact: JSON.stringify(contact),
      channel: body.channel,
      return_method: body.returnMethod,
      status: dossier.status,
      sync_code: STATUS_SYNC_CODES[dossier.status],
      version: dossier.version,
      submitted_at: new Date(ctx.now),
      clock_running: false,
      postal_tracking: body.postal?.trackingNumber ?? null,
      postal_delivered_at: body.postal ? new Date(body.postal.deliveredAt) : null,
      state: JSON.stringify(dossier),
      created_by: ctx.actor.id,
    });
    await appendAudit(trx, {
      actor: ctx.actor,
      action: 'dossier.created',
      entityType: 'dossier',
      entityId: row.id,
      unitId: unit.id,
      after: { procedureCode: procedure.code, channel: body.channel, applicantKind: a.kind },
      requestId: ctx.requestId,
    });
    return row;
  });
}

/**
 * Performs one action: `decide` on the stored state, then the write guarded by the version the caller
 * saw (a concurrent change → DOSSIER_VERSION_STALE, nothing written), the violations it revealed and
 * its audit event. `accept` takes the unit's next number of the day in the same transaction.
 */
export async function performAction(
  ctx: Ctx,
  loaded: { row: DossierRow; rules: ProcedureRules; calendar: WorkingCalendar },
  roles: readonly Role[],
  action: string,
  body: ActionBody,
): Promise<{ row: DossierRow; decision: Decision }> {
  // decided on the state the route loaded (outside the transaction: short locks, and the embedded
  // engine has one connection); the guarded write below refuses it if anyone changed it since
  const { row, rules, calendar } = loaded;
  const dossier = row.state as Dossier;
  return ctx.db.transaction().execute(async (trx) => {
    let input = body.input;
    if (action === 'accept') {
      const no = await nextDossierNumber(trx, row.unit_id, formatDate(localDay(ctx.now)));
      input = { ...input, code: formatDossierCode(dossier.receivingUnitCode, ctx.now, no) };
    }
    const decision = decide(dossier, action, { id: ctx.actor.id, roles }, input, {
      now: ctx.now,
      calendar,
      policy: rules.policy,
      components: rules.checklist,
      expectedVersion: body.version,
    });
    const d = decision.dossier;
    let handlingUnitId = row.handling_unit_id;
    if (d.unitCode !== dossier.unitCode) {
      const target = await findUnitByCode(trx, d.unitCode);
      if (!target || target.valid_to !== null) throw new AppError('DOSSIER_UNIT_UNKNOWN', { params: { unit: d.unitCode } });
      handlingUnitId = target.id;
    }
    const written = await updateDossierIfVersion(trx, row.id, body.version, {
      ...stateColumns(d, decision.deadline, calendar, ctx.now, row.finished_at),
      handling_unit_id: handlingUnitId,
    });
    if (!written) throw new AppError('DOSSIER_VERSION_STALE', { message: `dossier ${row.id} changed after version ${body.version}` });
    await insertViolations(
      trx,
      decision.violations.map((v) => ({ dossier_id: row.id, kind: v.kind, unit_id: row.unit_id, at: new Date(v.at), answerable_unit_code: v.unitCode, officer_id: v.officerId })),
    );
    await appendAudit(trx, {
      actor: ctx.actor,
      action: `dossier.${action}`,
      entityType: 'dossier',
      entityId: row.id,
      unitId: row.unit_id,
      before: { status: dossier.status, version: dossier.version, unitCode: dossier.unitCode },
      after: { code: d.code, status: d.status, version: d.version, unitCode: d.unitCode, input: decision.input, forms: decision.forms, violations: decision.violations.map((v) => v.kind) },
      requestId: ctx.requestId,
    });
    return { row: written, decision };
  });
}

/** A content-checked file already in the blob store, for one component. */
export interface StoredFile {
  componentId: string;
  sha256: string;
  mime: string;
  size: number;
  filename: string;
}

/** Records content-checked files (already in the blob store) against components of the dossier, with one audit event. */
export async function attachFiles(ctx: Ctx, row: DossierRow, files: readonly StoredFile[]): Promise<DossierFileRow[]> {
  return ctx.db.transaction().execute(async (trx) => {
    const saved = await insertFiles(
      trx,
      files.map((f) => ({ dossier_id: row.id, unit_id: row.unit_id, component_id: f.componentId, sha256: f.sha256, mime: f.mime, size: f.size, filename: f.filename, uploaded_by: ctx.actor.id })),
    );
    await appendAudit(trx, { actor: ctx.actor, action: 'dossier.files_attached', entityType: 'dossier', entityId: row.id, unitId: row.unit_id, after: { files }, requestId: ctx.requestId });
    return saved;
  });
}
