/** Every SQL statement of the portal's online submission and tracking, as named functions. */
import { type Insertable, type Kysely, type Transaction, sql } from 'kysely';
import type { DB } from '../../db/schema';
import type { DossierRow } from '../../db/tables/dossiers';
import type { DossierLookupSecretsTable, PortalDraftFileRow, PortalDraftFilesTable, PortalDraftRow, PortalDraftsTable, PortalSubmissionsTable } from '../../db/tables/portal';

type Q = Kysely<DB> | Transaction<DB>;

/** Who a draft or a dossier belongs to: a citizen by CCCD or an organisation by tax code. */
export interface ApplicantKey {
  kind: 'citizen' | 'organisation';
  idNumber: string;
}

/** A procedure by national code with what starting a draft checks of its current version. */
export async function findProcedureForDraft(db: Q, code: string) {
  return db
    .selectFrom('procedures as p')
    .innerJoin('procedure_versions as v', 'v.id', 'p.current_version_id')
    .select(['p.id as procedureId', 'p.code', 'p.status', 'v.id as versionId', 'v.online_level as onlineLevel', 'v.applicants', 'v.identity_level as identityLevel'])
    .where('p.code', '=', code)
    .executeTakeFirst();
}

/** A procedure version with the facts a draft shows (immutable once written). */
export async function findDraftVersion(db: Q, versionId: string) {
  const version = await db
    .selectFrom('procedure_versions as v')
    .innerJoin('procedures as p', 'p.id', 'v.procedure_id')
    .select([
      'v.id',
      'v.version',
      'v.name',
      'p.code',
      'v.online_level',
      'v.online_justification',
      'v.identity_level',
      'v.processing_amount',
      'v.processing_unit',
      'v.result_name',
      'v.result_paper',
      'v.applicants',
    ])
    .where('v.id', '=', versionId)
    .executeTakeFirst();
  if (!version) return undefined;
  const [components, fees, units] = await Promise.all([
    db.selectFrom('procedure_components').select(['name', 'originals', 'copies', 'required', 'condition', 'form', 'document_type']).where('version_id', '=', versionId).orderBy('ord').execute(),
    db.selectFrom('procedure_fees').select(['name', 'amount', 'rule']).where('version_id', '=', versionId).orderBy('ord').execute(),
    db
      .selectFrom('procedure_units as pu')
      .innerJoin('units as u', 'u.id', 'pu.target_unit_id')
      .select(['pu.role', 'u.id', 'u.code', 'u.name'])
      .where('pu.version_id', '=', versionId)
      .where('u.valid_to', 'is', null)
      .orderBy('pu.role')
      .orderBy('pu.ord')
      .execute(),
  ]);
  return { version, components, fees, units };
}

/** Where a procedure stands now: its status and current version's id and online level. */
export async function findProcedureStanding(db: Q, procedureId: string) {
  return db
    .selectFrom('procedures as p')
    .leftJoin('procedure_versions as v', 'v.id', 'p.current_version_id')
    .select(['p.status', 'p.current_version_id', 'v.online_level'])
    .where('p.id', '=', procedureId)
    .executeTakeFirst();
}

/** The contact details the identity provider gave for a citizen. */
export async function findCitizenContact(db: Q, citizenId: string) {
  return db.selectFrom('citizens').select(['email', 'phone', 'address']).where('id', '=', citizenId).executeTakeFirst();
}

/** How many open drafts an applicant has. */
export async function countOpenDrafts(db: Q, a: ApplicantKey): Promise<number> {
  const r = await db
    .selectFrom('portal_drafts')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('applicant_kind', '=', a.kind)
    .where('applicant_id_number', '=', a.idNumber)
    .where('status', '=', 'open')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Stores a new draft. */
export async function insertDraft(trx: Transaction<DB>, row: Insertable<PortalDraftsTable>): Promise<PortalDraftRow> {
  return trx.insertInto('portal_drafts').values(row).returningAll().executeTakeFirstOrThrow();
}

/** A draft by id, if it belongs to the applicant. */
export async function findOwnDraft(db: Q, id: string, a: ApplicantKey): Promise<PortalDraftRow | undefined> {
  return db.selectFrom('portal_drafts').selectAll().where('id', '=', id).where('applicant_kind', '=', a.kind).where('applicant_id_number', '=', a.idNumber).executeTakeFirst();
}

/** The same, locking the row until the transaction ends (submit, autosave and uploads take turns). */
export async function lockOwnDraft(trx: Transaction<DB>, id: string, a: ApplicantKey): Promise<PortalDraftRow | undefined> {
  return trx
    .selectFrom('portal_drafts')
    .selectAll()
    .where('id', '=', id)
    .where('applicant_kind', '=', a.kind)
    .where('applicant_id_number', '=', a.idNumber)
    .forUpdate()
    .executeTakeFirst();
}

/** An applicant's open drafts with their procedure names and current standing, newest first. */
export async function listOpenDrafts(db: Q, a: ApplicantKey) {
  return db
    .selectFrom('portal_drafts as d')
    .innerJoin('procedure_versions as v', 'v.id', 'd.procedure_version_id')
    .innerJoin('procedures as p', 'p.id', 'd.procedure_id')
    .leftJoin('procedure_versions as cv', 'cv.id', 'p.current_version_id')
    .select(['d.id', 'd.version', 'd.procedure_code', 'd.procedure_version_id', 'd.data', 'd.created_at', 'd.updated_at', 'v.name', 'p.status as procedure_status', 'p.current_version_id', 'cv.online_level as current_online_level'])
    .where('d.applicant_kind', '=', a.kind)
    .where('d.applicant_id_number', '=', a.idNumber)
    .where('d.status', '=', 'open')
    .orderBy('d.updated_at', 'desc')
    .limit(200)
    .execute();
}

/** Writes a draft's data if nobody saved it since `seenVersion`; undefined when someone did. */
export async function updateDraftIfVersion(trx: Transaction<DB>, id: string, seenVersion: number, data: string, now: Date): Promise<PortalDraftRow | undefined> {
  return trx
    .updateTable('portal_drafts')
    .set({ data, version: sql`version + 1`, updated_at: now })
    .where('id', '=', id)
    .where('version', '=', seenVersion)
    .where('status', '=', 'open')
    .returningAll()
    .executeTakeFirst();
}

/**
 * Marks a draft changed by a file added or removed. The version guards the typed data only, so an
 * upload running beside an autosave does not make the autosave stale.
 */
export async function touchDraft(trx: Transaction<DB>, id: string, now: Date): Promise<PortalDraftRow> {
  return trx.updateTable('portal_drafts').set({ updated_at: now }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/** Deletes an open draft and its files. */
export async function deleteDraft(trx: Transaction<DB>, id: string): Promise<void> {
  await trx.deleteFrom('portal_drafts').where('id', '=', id).where('status', '=', 'open').execute();
}

/** Marks a draft submitted as the dossier. */
export async function markDraftSubmitted(trx: Transaction<DB>, id: string, dossierId: string, now: Date): Promise<void> {
  await trx.updateTable('portal_drafts').set({ status: 'submitted', dossier_id: dossierId, submitted_at: now, updated_at: now, version: sql`version + 1` }).where('id', '=', id).execute();
}

/** A draft's files, by component then upload. */
export async function listDraftFiles(db: Q, draftId: string): Promise<PortalDraftFileRow[]> {
  return db.selectFrom('portal_draft_files').selectAll().where('draft_id', '=', draftId).orderBy('component_id').orderBy('uploaded_at').execute();
}

/** Records files uploaded to a draft. */
export async function insertDraftFiles(trx: Transaction<DB>, rows: Insertable<PortalDraftFilesTable>[]): Promise<PortalDraftFileRow[]> {
  if (rows.length === 0) return [];
  return trx.insertInto('portal_draft_files').values(rows).returningAll().execute();
}

/** Removes one file of a draft; answers whether it was there. */
export async function deleteDraftFile(trx: Transaction<DB>, draftId: string, fileId: string): Promise<boolean> {
  const r = await trx.deleteFrom('portal_draft_files').where('draft_id', '=', draftId).where('id', '=', fileId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** Records an online submission (UNIQUE draft: one dossier per draft). */
export async function insertSubmission(trx: Transaction<DB>, row: Insertable<PortalSubmissionsTable>): Promise<void> {
  await trx.insertInto('portal_submissions').values(row).execute();
}

/** The stored hash of a dossier's lookup secret, if it has one. */
export async function findSecretHash(db: Q, dossierId: string): Promise<string | undefined> {
  const r = await db.selectFrom('dossier_lookup_secrets').select('secret_hash').where('dossier_id', '=', dossierId).executeTakeFirst();
  return r?.secret_hash;
}

/** Sets (or replaces) a dossier's lookup secret hash. */
export async function upsertSecretHash(trx: Transaction<DB>, row: Insertable<DossierLookupSecretsTable>): Promise<void> {
  await trx
    .insertInto('dossier_lookup_secrets')
    .values(row)
    .onConflict((oc) => oc.column('dossier_id').doUpdateSet({ secret_hash: row.secret_hash, issued_at: row.issued_at, issued_by: row.issued_by }))
    .execute();
}

/** Locks a dossier row until the transaction ends (a supplement answer against a concurrent action). */
export async function lockDossier(trx: Transaction<DB>, id: string): Promise<DossierRow | undefined> {
  return trx.selectFrom('dossiers').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** One page of an applicant's numbered dossiers (every channel), newest first, with the handling unit and procedure names, and the total. */
export async function listOwnDossiers(db: Q, a: ApplicantKey, f: { finished?: boolean; limit: number; offset: number }) {
  let query = db
    .selectFrom('dossiers as d')
    .where('d.applicant_kind', '=', a.kind)
    .where('d.applicant_id_number', '=', a.idNumber)
    .where('d.code', 'is not', null);
  if (f.finished === true) query = query.where('d.finished_at', 'is not', null);
  if (f.finished === false) query = query.where('d.finished_at', 'is', null);
  const [rows, total] = await Promise.all([
    query
      .innerJoin('units as u', 'u.id', 'd.handling_unit_id')
      .innerJoin('procedure_versions as v', 'v.id', 'd.procedure_version_id')
      .select(['d.id', 'd.code', 'd.status', 'd.sync_code', 'd.procedure_code', 'd.channel', 'd.submitted_at', 'd.due_at', 'd.state', 'u.code as unit_code', 'u.name as unit_name', 'v.name as procedure_name'])
      .orderBy('d.submitted_at', 'desc')
      .orderBy('d.id')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** Supplement files of the dossiers, by dossier id (what the to-do list needs to tell answered requests). */
export async function supplementFilesOf(db: Q, dossierIds: readonly string[]) {
  if (dossierIds.length === 0) return [];
  return db
    .selectFrom('dossier_files')
    .select(['dossier_id', 'component_id', 'uploaded_at'])
    .where('dossier_id', 'in', [...dossierIds])
    .where('component_id', 'like', 'supplement:%')
    .execute();
}

/** Units by id: code and name. */
export async function unitsById(db: Q, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, { code: string; name: string }>();
  const rows = await db.selectFrom('units').select(['id', 'code', 'name']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, { code: r.code, name: r.name }]));
}

/** The name of a procedure version. */
export async function versionName(db: Q, versionId: string): Promise<string> {
  const r = await db.selectFrom('procedure_versions').select('name').where('id', '=', versionId).executeTakeFirstOrThrow();
  return r.name;
}
