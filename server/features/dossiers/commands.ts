/** Dossier commands: each change is one transaction with its audit event in the receiving unit's chain. */
import type { Insertable, Kysely, Transaction } from 'kysely';
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
import type { DossierFileRow, DossierFilesTable, DossierRow, DossiersTable, DossierViolationsTable } from '../../db/tables/dossiers';
import type { AuditActor } from '../../http/actor';
import { type AuditEntry, appendAudit } from '../audit/append';
import { actionNotification } from '../notifications/actions';
import { enqueueNotification } from '../notifications/enqueue';
import { findUnitByCode } from '../org/queries';
import { stateColumns } from './columns';
import { findProcedureForIntake, implementsWithin, insertDossiers, insertFiles, insertViolations, nextDossierNumber, updateDossierIfVersion } from './queries';
import type { ProcedureRules } from './rules';

/** Who acts, for the audit trail. */
export type Who = Pick<Ctx, 'actor' | 'requestId'>;

/** Who acts, on which database, at what instant. */
export interface Ctx {
  db: Kysely<DB>;
  actor: AuditActor & { id: string };
  requestId: string;
  now: number;
}

/** The procedure an intake names, as stored beside the dossier. */
export interface IntakeProcedure {
  procedureId: string;
  code: string;
  versionId: string;
}

/**
 * The procedure of an intake at `unitId`, or the reason it cannot be received there:
 * DOSSIER_PROCEDURE_UNKNOWN (no such procedure in force) or DOSSIER_PROCEDURE_NOT_RECEIVED_HERE.
 * The unit must be one of the version's receiving units; a version that lists none is received by
 * its implementing units themselves, and by the units inside them (an agency's own one-stop desk).
 */
export async function procedureForIntake(db: Kysely<DB> | Transaction<DB>, code: string, unitId: string): Promise<{ procedure: IntakeProcedure; unitCode: string }> {
  const found = await findProcedureForIntake(db, code, unitId);
  if (found?.status !== 'active') throw new AppError('DOSSIER_PROCEDURE_UNKNOWN', { params: { code } });
  const receives = found.listsAny ? found.listed : await implementsWithin(db, found.versionId, unitId);
  if (!receives) throw new AppError('DOSSIER_PROCEDURE_NOT_RECEIVED_HERE', { params: { code } });
  return { procedure: { procedureId: found.procedureId, code: found.code, versionId: found.versionId }, unitCode: found.unitCode };
}

/** The row of a new dossier: the applicant and the procedure version beside its lifecycle state. */
export function intakeRow(unitId: string, procedure: IntakeProcedure, body: IntakeBody, dossier: Dossier, createdBy: string, now: number): Insertable<DossiersTable> {
  const a = body.applicant;
  const contact = { address: a.address, phone: a.phone, email: a.email, ...(a.kind === 'organisation' && a.representative ? { representative: a.representative } : {}) };
  return {
    unit_id: unitId,
    handling_unit_id: unitId,
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
    submitted_at: new Date(now),
    clock_running: false,
    postal_tracking: body.postal?.trackingNumber ?? null,
    postal_delivered_at: body.postal ? new Date(body.postal.deliveredAt) : null,
    state: JSON.stringify(dossier),
    created_by: createdBy,
  };
}

/** The audit event of a registered dossier. */
export function createdEvent(who: Who, row: Pick<DossierRow, 'id' | 'unit_id'>, procedureCode: string, body: IntakeBody, at?: Date): AuditEntry {
  return {
    actor: who.actor,
    action: 'dossier.created',
    entityType: 'dossier',
    entityId: row.id,
    unitId: row.unit_id,
    after: { procedureCode, channel: body.channel, applicantKind: body.applicant.kind },
    requestId: who.requestId,
    at,
  };
}

/** Registers a counter, postal or online dossier as `new` in the receiving unit; the check (accept…) follows as an action. */
export async function createDossier(ctx: Ctx, unitId: string, body: IntakeBody): Promise<DossierRow> {
  return ctx.db.transaction().execute(async (trx) => {
    const { procedure, unitCode } = await procedureForIntake(trx, body.procedureCode, unitId);
    const dossier = newDossier({ unitCode, channel: body.channel, returnMethod: body.returnMethod, submittedAt: ctx.now });
    const [row] = await insertDossiers(trx, [intakeRow(unitId, procedure, body, dossier, ctx.actor.id, ctx.now)]);
    await appendAudit(trx, createdEvent(ctx, row!, procedure.code, body));
    return row!;
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
  return ctx.db.transaction().execute((trx) => performActionIn(trx, ctx, loaded, roles, action, body));
}

/**
 * `performAction` inside the caller's transaction, for a command that makes other writes with the
 * action (a payment settling performs `fee_paid`, server/features/payments/settle.ts). The version
 * guard still refuses a dossier changed since `loaded` was read.
 */
export async function performActionIn(
  trx: Transaction<DB>,
  ctx: Ctx,
  loaded: { row: DossierRow; rules: ProcedureRules; calendar: WorkingCalendar },
  roles: readonly Role[],
  action: string,
  body: ActionBody,
): Promise<{ row: DossierRow; decision: Decision }> {
  const { row, rules, calendar } = loaded;
  const dossier = row.state as Dossier;
  let input = body.input;
  if (action === 'accept') {
    // an online dossier took its number at submission (docs/portal.md) and keeps it
    const no = dossier.code === null ? await nextDossierNumber(trx, row.unit_id, formatDate(localDay(ctx.now))) : null;
    input = { ...input, code: no === null ? dossier.code : formatDossierCode(dossier.receivingUnitCode, ctx.now, no) };
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
  await insertViolations(trx, violationRows(row, decision));
  await appendAudit(trx, actionEvent(ctx, row, dossier, action, decision));
  // the applicant hears of it once this commits (outbox: the notify job)
  const notice = actionNotification(ctx, written, action, decision);
  if (notice) await enqueueNotification(trx, notice);
  return { row: written, decision };
}

/** The violations an action revealed, as rows. */
export function violationRows(row: Pick<DossierRow, 'id' | 'unit_id'>, decision: Decision): Insertable<DossierViolationsTable>[] {
  return decision.violations.map((v) => ({ dossier_id: row.id, kind: v.kind, unit_id: row.unit_id, at: new Date(v.at), answerable_unit_code: v.unitCode, officer_id: v.officerId }));
}

/** The audit event of an action: the state before, the state after with the parsed input, forms and violations. */
export function actionEvent(who: Who, row: Pick<DossierRow, 'id' | 'unit_id'>, before: Dossier, action: string, decision: Decision, at?: Date): AuditEntry {
  const d = decision.dossier;
  return {
    actor: who.actor,
    action: `dossier.${action}`,
    entityType: 'dossier',
    entityId: row.id,
    unitId: row.unit_id,
    before: { status: before.status, version: before.version, unitCode: before.unitCode },
    after: { code: d.code, status: d.status, version: d.version, unitCode: d.unitCode, input: decision.input, forms: decision.forms, violations: decision.violations.map((v) => v.kind) },
    requestId: who.requestId,
    at,
  };
}

/** The audit event of files attached to a dossier. */
export function filesEvent(who: Who, row: Pick<DossierRow, 'id' | 'unit_id'>, files: readonly StoredFile[], at?: Date): AuditEntry {
  return { actor: who.actor, action: 'dossier.files_attached', entityType: 'dossier', entityId: row.id, unitId: row.unit_id, after: { files }, requestId: who.requestId, at };
}

/** The rows of content-checked files of a dossier. */
export function fileRows(who: Who, row: Pick<DossierRow, 'id' | 'unit_id'>, files: readonly StoredFile[], at?: Date): Insertable<DossierFilesTable>[] {
  return files.map((f) => ({ dossier_id: row.id, unit_id: row.unit_id, component_id: f.componentId, sha256: f.sha256, mime: f.mime, size: f.size, filename: f.filename, uploaded_by: who.actor.id, ...(at ? { uploaded_at: at } : {}) }));
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
    const saved = await insertFiles(trx, fileRows(ctx, row, files));
    await appendAudit(trx, filesEvent(ctx, row, files));
    return saved;
  });
}
