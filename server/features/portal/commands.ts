/**
 * Portal commands of a signed-in applicant: drafts (start, autosave, files, delete), submission
 * (a draft becomes one dossier, numbered at once), a supplement answered online, a new lookup
 * secret. Each is one transaction with its audit event; autosave of a draft's own text is the only
 * change not audited (docs/portal.md).
 */
import type { Kysely, Transaction } from 'kysely';
import { formatDate, localDay } from '@core/calendar/time';
import { formatDossierCode } from '@core/dossier/dossier-code';
import { newDossier } from '@core/dossier/dossier';
import type { IntakeBody } from '@core/dossier/intake';
import { AppError } from '@core/errors/app-error';
import { type Locale, errorMessage, type ErrorCode } from '@core/errors/catalogue';
import { type CreateDraftBody, type DraftData, type SaveDraftBody, draftData } from '@core/portal/api';
import type { DB } from '../../db/schema';
import type { DossierRow } from '../../db/tables/dossiers';
import type { PortalDraftRow } from '../../db/tables/portal';
import { type CitizenActor, applicantOf, auditActorOfCitizen } from '../../http/actor';
import { appendAudit, appendAuditMany } from '../audit/append';
import { requireLevel } from '../citizens/level';
import { type StoredFile, type Who, fileRows, filesEvent, intakeRow } from '../dossiers/commands';
import { insertDossiers, insertFiles, nextDossierNumber } from '../dossiers/queries';
import { enqueueNotification } from '../notifications/enqueue';
import { linkChosenReuse } from '../warehouse/commands';
import { draftDataOf, draftState } from './present';
import {
  type ApplicantKey,
  countOpenDrafts,
  deleteDraft,
  deleteDraftFile,
  findCitizenContact,
  findProcedureForDraft,
  insertDraft,
  insertDraftFiles,
  insertSubmission,
  listDraftFiles,
  lockDossier,
  lockOwnDraft,
  markDraftSubmitted,
  touchDraft,
  updateDraftIfVersion,
  upsertSecretHash,
} from './queries';
import type { SecretHasher } from './secret-hash';
import { type DraftVersionCache, standingOf } from './versions';

/** Open drafts one applicant may keep. */
export const MAX_OPEN_DRAFTS = 50;
/** Files one draft may hold. */
export const MAX_DRAFT_FILES = 50;

/** Who acts (a signed-in citizen), on which database, at what instant, in which language. */
export interface PortalCtx {
  db: Kysely<DB>;
  citizen: CitizenActor;
  requestId: string;
  now: number;
  locale: Locale;
}

/** The audit view of the acting citizen. */
export function whoOf(ctx: Pick<PortalCtx, 'citizen' | 'requestId'>): Who {
  return { actor: { ...auditActorOfCitizen(ctx.citizen), id: ctx.citizen.citizenId }, requestId: ctx.requestId };
}

/** The applicant the citizen acts as, as a key of drafts and dossiers. */
export function applicantKey(citizen: CitizenActor): ApplicantKey {
  const a = applicantOf(citizen);
  return { kind: a.kind, idNumber: a.idNumber };
}

/** A draft event on the system chain: drafts belong to no unit until they are submitted. */
function draftEvent(ctx: PortalCtx, draftId: string, action: string, after: unknown) {
  return { actor: whoOf(ctx).actor, action: `portal.${action}`, entityType: 'portal_draft', entityId: draftId, unitId: null, after, requestId: ctx.requestId };
}

/**
 * Starts a draft of a procedure offered online, for the applicant the citizen acts as, pinned to
 * the procedure's current version and prefilled from the identity.
 */
export async function createDraft(ctx: PortalCtx, versions: DraftVersionCache, body: CreateDraftBody): Promise<PortalDraftRow> {
  const applicant = applicantOf(ctx.citizen);
  const p = await findProcedureForDraft(ctx.db, body.procedureCode);
  if (p?.status !== 'active') throw new AppError('DOSSIER_PROCEDURE_UNKNOWN', { params: { code: body.procedureCode } });
  if (p.onlineLevel === 'none') throw new AppError('PORTAL_PROCEDURE_NOT_ONLINE', { params: { code: p.code } });
  const allowed = (p.applicants as string[] | null) ?? [];
  if (allowed.length > 0 && !allowed.includes(applicant.kind)) throw new AppError('PORTAL_APPLICANT_NOT_ALLOWED');
  requireLevel(ctx.citizen, p.identityLevel as 'basic' | 'verified');
  const version = await versions.get(p.versionId);
  if (body.receivingUnitCode !== undefined && !version.units.some((u) => u.code === body.receivingUnitCode)) {
    throw new AppError('PORTAL_RECEIVING_UNIT_INVALID', { params: { unit: body.receivingUnitCode } });
  }
  const contact = await findCitizenContact(ctx.db, ctx.citizen.citizenId);
  const data: DraftData = draftData.parse({
    contact: {
      phone: ctx.citizen.phone ?? contact?.phone ?? null,
      email: ctx.citizen.email ?? contact?.email ?? null,
      // an organisation's address is not the representative's own
      address: applicant.kind === 'citizen' ? (contact?.address ?? null) : null,
      representative: applicant.kind === 'organisation' ? ctx.citizen.fullName : null,
    },
    receivingUnitCode: body.receivingUnitCode ?? (version.units.length === 1 ? version.units[0]!.code : null),
  });
  const at = new Date(ctx.now);
  return ctx.db.transaction().execute(async (trx) => {
    if ((await countOpenDrafts(trx, applicant)) >= MAX_OPEN_DRAFTS) throw new AppError('PORTAL_DRAFT_LIMIT', { params: { max: MAX_OPEN_DRAFTS } });
    const row = await insertDraft(trx, {
      citizen_id: ctx.citizen.citizenId,
      applicant_kind: applicant.kind,
      applicant_id_number: applicant.idNumber,
      applicant_name: applicant.name,
      procedure_id: p.procedureId,
      procedure_version_id: p.versionId,
      procedure_code: p.code,
      data: JSON.stringify(data),
      created_at: at,
      updated_at: at,
    });
    await appendAudit(trx, draftEvent(ctx, row.id, 'draft_created', { procedureCode: p.code, versionId: p.versionId, applicantKind: applicant.kind }));
    return row;
  });
}

/** The draft locked for a change: NOT_FOUND when it is not the applicant's, PORTAL_DRAFT_SUBMITTED once submitted. */
async function lockOpenDraft(trx: Transaction<DB>, ctx: PortalCtx, id: string): Promise<PortalDraftRow> {
  const row = await lockOwnDraft(trx, id, applicantKey(ctx.citizen));
  if (!row) throw new AppError('NOT_FOUND');
  if (row.status === 'submitted') throw await submittedError(trx, row);
  return row;
}

/** PORTAL_DRAFT_SUBMITTED naming the dossier the draft became. */
async function submittedError(db: Kysely<DB> | Transaction<DB>, row: PortalDraftRow): Promise<AppError> {
  const d = row.dossier_id ? await db.selectFrom('dossiers').select('code').where('id', '=', row.dossier_id).executeTakeFirst() : undefined;
  return new AppError('PORTAL_DRAFT_SUBMITTED', { params: { code: d?.code ?? '' } });
}

/**
 * Autosave: replaces the draft's data if the client saw the current version; a stale version gets
 * PORTAL_DRAFT_VERSION_STALE with the current version (in the message and as `fields[0].message`).
 */
export async function saveDraft(ctx: PortalCtx, id: string, body: SaveDraftBody): Promise<PortalDraftRow> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await lockOpenDraft(trx, ctx, id);
    const written = await updateDraftIfVersion(trx, row.id, body.version, JSON.stringify(body.data), new Date(ctx.now));
    if (!written) {
      throw new AppError('PORTAL_DRAFT_VERSION_STALE', {
        message: `draft ${id} is at version ${row.version}, not ${body.version}`,
        params: { current: row.version },
        fields: [{ field: 'version', code: 'PORTAL_DRAFT_VERSION_STALE', message: String(row.version) }],
      });
    }
    return written;
  });
}

/** Deletes an open draft with its files. */
export async function removeDraft(ctx: PortalCtx, id: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await lockOpenDraft(trx, ctx, id);
    await deleteDraft(trx, row.id);
    await appendAudit(trx, draftEvent(ctx, row.id, 'draft_deleted', { procedureCode: row.procedure_code }));
  });
}

/** Records content-checked files (already in the blob store) on an open draft. */
export async function addDraftFiles(ctx: PortalCtx, id: string, files: readonly StoredFile[]): Promise<PortalDraftRow> {
  const at = new Date(ctx.now);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await lockOpenDraft(trx, ctx, id);
    const held = (await listDraftFiles(trx, row.id)).length;
    if (held + files.length > MAX_DRAFT_FILES) throw new AppError('PORTAL_DRAFT_TOO_MANY_FILES', { params: { max: MAX_DRAFT_FILES } });
    await insertDraftFiles(
      trx,
      files.map((f) => ({ draft_id: row.id, component_id: f.componentId, sha256: f.sha256, mime: f.mime, size: f.size, filename: f.filename, uploaded_at: at })),
    );
    await appendAudit(trx, draftEvent(ctx, row.id, 'draft_files_added', { files: files.map((f) => ({ componentId: f.componentId, sha256: f.sha256, mime: f.mime, size: f.size })) }));
    return touchDraft(trx, row.id, at);
  });
}

/** Removes one file of an open draft (NOT_FOUND when the draft has no such file). */
export async function removeDraftFile(ctx: PortalCtx, id: string, fileId: string): Promise<PortalDraftRow> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await lockOpenDraft(trx, ctx, id);
    if (!(await deleteDraftFile(trx, row.id, fileId))) throw new AppError('NOT_FOUND');
    await appendAudit(trx, draftEvent(ctx, row.id, 'draft_file_removed', { fileId }));
    return touchDraft(trx, row.id, new Date(ctx.now));
  });
}

/** What a submission answers: the dossier, and its lookup secret the first time only. */
export interface Submitted {
  dossierId: string;
  secret: string | null;
  created: boolean;
}

/** The intake body of the dossier a draft becomes (the applicant from the identity, contact from the draft). */
function intakeOf(row: PortalDraftRow, data: DraftData): IntakeBody {
  const c = data.contact;
  const contact = { name: row.applicant_name, address: c.address?.trim() || undefined, phone: c.phone?.trim() || undefined, email: c.email?.trim() || undefined };
  return {
    procedureCode: row.procedure_code,
    applicant:
      row.applicant_kind === 'citizen'
        ? { kind: 'citizen', idNumber: row.applicant_id_number, ...contact }
        : { kind: 'organisation', taxCode: row.applicant_id_number, representative: c.representative?.trim() || undefined, ...contact },
    channel: 'online',
    returnMethod: data.returnMethod ?? 'online',
  };
}

/**
 * Submits a draft: in one transaction, with the draft locked, checks it (procedure version still
 * current, complete, identity level), numbers the dossier in its receiving unit's gap-free
 * sequence of the day, writes it as `new` (channel online) with its files, the submission, the
 * lookup secret's hash, the audit events and the `submitted` notification. A draft already
 * submitted answers its dossier again (`created: false`): one dossier per draft, whatever the
 * retries; the database holds it too (`portal_drafts.dossier_id`, `portal_submissions.draft_id` UNIQUE).
 */
export async function submitDraft(ctx: PortalCtx, versions: DraftVersionCache, hasher: SecretHasher, id: string): Promise<Submitted> {
  const at = new Date(ctx.now);
  const who = whoOf(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await lockOwnDraft(trx, id, applicantKey(ctx.citizen));
    if (!row) throw new AppError('NOT_FOUND');
    if (row.status === 'submitted' && row.dossier_id) return { dossierId: row.dossier_id, secret: null, created: false };
    const version = await versions.get(row.procedure_version_id);
    const standing = await standingOf(trx, row.procedure_id, row.procedure_version_id);
    if (standing === 'superseded') throw new AppError('PORTAL_PROCEDURE_VERSION_SUPERSEDED', { params: { code: row.procedure_code } });
    if (standing === 'withdrawn') throw new AppError('PORTAL_PROCEDURE_WITHDRAWN', { params: { code: row.procedure_code } });
    requireLevel(ctx.citizen, version.procedure.identityLevel);
    const data = draftDataOf(row);
    const files = await listDraftFiles(trx, row.id);
    const { completeness } = draftState(version, data, files, standing);
    if (!completeness.complete) {
      throw new AppError('PORTAL_DRAFT_INCOMPLETE', {
        message: `draft ${id}: ${completeness.problems.map((p) => p.code).join(', ')}`,
        fields: completeness.problems.map((p) => ({ field: p.field, code: p.code, message: errorMessage(p.code as ErrorCode, ctx.locale) })),
      });
    }
    const unit = version.units.find((u) => u.code === data.receivingUnitCode)!;
    const no = await nextDossierNumber(trx, unit.id, formatDate(localDay(ctx.now)));
    const dossier = { ...newDossier({ unitCode: unit.code, channel: 'online', returnMethod: data.returnMethod!, submittedAt: ctx.now }), code: formatDossierCode(unit.code, ctx.now, no) };
    const body = intakeOf(row, data);
    const base = intakeRow(unit.id, { procedureId: row.procedure_id, code: row.procedure_code, versionId: row.procedure_version_id }, body, dossier, ctx.citizen.citizenId, ctx.now);
    const contact = JSON.parse(base.applicant_contact as string) as Record<string, unknown>;
    const [dossierRow] = await insertDossiers(trx, [
      { ...base, code: dossier.code, applicant_contact: JSON.stringify(data.returnMethod === 'post' ? { ...contact, postAddress: data.postAddress?.trim() } : contact) },
    ]);
    const d = dossierRow!;
    const stored: StoredFile[] = files.map((f) => ({ componentId: f.component_id, sha256: f.sha256, mime: f.mime, size: f.size, filename: f.filename }));
    await insertFiles(trx, fileRows(who, d, stored, at));
    // components answered from the applicant's warehouse: a link, not a copy (docs/warehouse.md)
    const asked = new Map(version.components.map((c, i) => [String(i + 1), c.documentType ?? null] as const));
    await linkChosenReuse(trx, { actor: who.actor, requestId: ctx.requestId, now: ctx.now }, d, data.reuse ?? {}, asked);
    await insertSubmission(trx, {
      dossier_id: d.id,
      draft_id: row.id,
      unit_id: unit.id,
      citizen_id: ctx.citizen.citizenId,
      data: JSON.stringify({ fields: data.fields, conditions: data.conditions, notes: data.notes }),
      submitted_at: at,
    });
    const secret = hasher.issue();
    await upsertSecretHash(trx, { dossier_id: d.id, unit_id: unit.id, secret_hash: hasher.hash(d.id, secret), issued_at: at, issued_by: ctx.citizen.citizenId });
    await markDraftSubmitted(trx, row.id, d.id, at);
    await appendAuditMany(trx, [
      {
        actor: who.actor,
        action: 'dossier.created',
        entityType: 'dossier',
        entityId: d.id,
        unitId: d.unit_id,
        after: { procedureCode: row.procedure_code, channel: 'online', applicantKind: row.applicant_kind, code: dossier.code, draftId: row.id },
        requestId: ctx.requestId,
        at,
      },
      ...(stored.length > 0 ? [filesEvent(who, d, stored, at)] : []),
    ]);
    await enqueueNotification(trx, { event: 'submitted', dossierId: d.id, data: { at: ctx.now, code: dossier.code, lookupSecret: secret, locale: ctx.locale } });
    return { dossierId: d.id, secret, created: true };
  });
}

/**
 * Records the files answering the dossier's open supplement request (content-checked, already in
 * the blob store, component ids `supplement:<n>`), if the dossier still awaits it: the staff see
 * the answer on the dossier and receive it with `receive_supplement` as for paper.
 */
export async function answerSupplement(ctx: PortalCtx, loaded: DossierRow, files: readonly StoredFile[]): Promise<void> {
  const at = new Date(ctx.now);
  const who = whoOf(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await lockDossier(trx, loaded.id);
    // the request answered must be the one the applicant saw (no action in between)
    if (row?.status !== 'supplement_requested' || row.version !== loaded.version) throw new AppError('PORTAL_SUPPLEMENT_NOT_REQUESTED');
    await insertFiles(trx, fileRows(who, row, files, at));
    await appendAudit(trx, { actor: who.actor, action: 'dossier.supplement_answered', entityType: 'dossier', entityId: row.id, unitId: row.unit_id, after: { files }, requestId: ctx.requestId, at });
  });
}

/** Issues a new lookup secret for one of the applicant's dossiers (the old one stops working). */
export async function reissueSecret(ctx: PortalCtx, hasher: SecretHasher, row: DossierRow): Promise<string> {
  const secret = hasher.issue();
  const at = new Date(ctx.now);
  await ctx.db.transaction().execute(async (trx) => {
    await upsertSecretHash(trx, { dossier_id: row.id, unit_id: row.unit_id, secret_hash: hasher.hash(row.id, secret), issued_at: at, issued_by: ctx.citizen.citizenId });
    await appendAudit(trx, { actor: whoOf(ctx).actor, action: 'dossier.lookup_secret_issued', entityType: 'dossier', entityId: row.id, unitId: row.unit_id, requestId: ctx.requestId, at });
  });
  return secret;
}
