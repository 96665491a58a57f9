/** SQL of the violations register, handlings, the head's late dossiers and the grading formula. */
import { type Insertable, type Kysely, type Transaction, sql } from 'kysely';
import type { DB } from '../../db/schema';
import type { AccountabilityEvidenceRow, AccountabilityHandlingRow, AccountabilityHandlingsTable, AccountabilityViolationRow, AccountabilityViolationsTable } from '../../db/tables/accountability';

type Q = Kysely<DB> | Transaction<DB>;

const unitName = sql<string>`coalesce(u.short_name, u.name)`;

/** An automatic violation (from `dossier_violations`) with what its views name. */
export interface DossierViolationRecord {
  dossier_id: string;
  kind: string;
  at: Date;
  dossier_code: string | null;
  unit_id: string;
  unit_code: string;
  unit_name: string;
  officer_id: string | null;
  officer_name: string | null;
}

/** The automatic violations answered by the units `codes`, in [from, to); or the one of `key`. */
export async function listDossierViolations(db: Q, f: { codes: readonly string[]; from: Date; to: Date } | { key: { dossierId: string; kind: string } }): Promise<DossierViolationRecord[]> {
  let q = db
    .selectFrom('dossier_violations as v')
    .innerJoin('dossiers as d', 'd.id', 'v.dossier_id')
    .innerJoin('units as u', 'u.code', 'v.answerable_unit_code')
    .leftJoin('users as o', (j) => j.on(sql<boolean>`o.id::text = v.officer_id`))
    .select(['v.dossier_id', 'v.kind', 'v.at', 'd.code as dossier_code', 'u.id as unit_id', 'u.code as unit_code', unitName.as('unit_name'), 'v.officer_id', 'o.full_name as officer_name']);
  if ('key' in f) q = q.where('v.dossier_id', '=', f.key.dossierId).where('v.kind', '=', f.key.kind);
  else {
    if (f.codes.length === 0) return [];
    q = q.where('v.answerable_unit_code', 'in', [...f.codes]).where('v.at', '>=', f.from).where('v.at', '<', f.to);
  }
  return q.orderBy('v.at', 'desc').orderBy('v.dossier_id').execute();
}

/** A manual violation with what its views name. */
export type ManualViolationRecord = AccountabilityViolationRow & { unit_code: string; unit_name: string; officer_name: string; dossier_code: string | null };

function selectManual(db: Q) {
  return db
    .selectFrom('accountability_violations as m')
    .innerJoin('units as u', 'u.id', 'm.unit_id')
    .innerJoin('users as o', 'o.id', 'm.officer_id')
    .leftJoin('dossiers as d', 'd.id', 'm.dossier_id')
    .selectAll('m')
    .select(['u.code as unit_code', unitName.as('unit_name'), 'o.full_name as officer_name', 'd.code as dossier_code']);
}

/** The manual violations of the units `unitIds` that happened in [from, to), newest first. */
export async function listManualViolations(db: Q, f: { unitIds: readonly string[]; from: Date; to: Date }): Promise<ManualViolationRecord[]> {
  if (f.unitIds.length === 0) return [];
  return selectManual(db).where('m.unit_id', 'in', [...f.unitIds]).where('m.occurred_at', '>=', f.from).where('m.occurred_at', '<', f.to).orderBy('m.occurred_at', 'desc').orderBy('m.id').execute();
}

/** One manual violation, or undefined. */
export async function findManualViolation(db: Q, id: string): Promise<ManualViolationRecord | undefined> {
  return selectManual(db).where('m.id', '=', id).executeTakeFirst();
}

/** Stores a manual violation. */
export async function insertManualViolation(trx: Transaction<DB>, row: Insertable<AccountabilityViolationsTable>): Promise<AccountabilityViolationRow> {
  return trx.insertInto('accountability_violations').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Records the evidence files of a manual violation. */
export async function insertEvidence(trx: Transaction<DB>, violationId: string, files: readonly { sha256: string; mime: string; size: number; filename: string }[]): Promise<void> {
  if (files.length > 0) await trx.insertInto('accountability_evidence').values(files.map((f) => ({ violation_id: violationId, ...f }))).execute();
}

/** The evidence of the given manual violations. */
export async function listEvidence(db: Q, violationIds: readonly string[]): Promise<AccountabilityEvidenceRow[]> {
  if (violationIds.length === 0) return [];
  return db.selectFrom('accountability_evidence').selectAll().where('violation_id', 'in', [...violationIds]).orderBy('filename').execute();
}

/** One evidence file of a manual violation, or undefined. */
export async function findEvidence(db: Q, violationId: string, id: string): Promise<AccountabilityEvidenceRow | undefined> {
  return db.selectFrom('accountability_evidence').selectAll().where('violation_id', '=', violationId).where('id', '=', id).executeTakeFirst();
}

/** The handlings recorded on violations of the units `unitIds`, in the order written. */
export async function listHandlings(db: Q, unitIds: readonly string[]): Promise<AccountabilityHandlingRow[]> {
  if (unitIds.length === 0) return [];
  return db.selectFrom('accountability_handlings').selectAll().where('unit_id', 'in', [...unitIds]).orderBy('n').execute();
}

/** The handlings of one violation (manual by id, or automatic by key), in the order written. */
export async function handlingsOf(db: Q, ref: { violationId: string } | { dossierId: string; kind: string }): Promise<AccountabilityHandlingRow[]> {
  let q = db.selectFrom('accountability_handlings').selectAll();
  q = 'violationId' in ref ? q.where('violation_id', '=', ref.violationId) : q.where('dossier_id', '=', ref.dossierId).where('dossier_kind', '=', ref.kind);
  return q.orderBy('n').execute();
}

/** Locks the violation's own row, so handlings of one violation are decided one at a time. */
export async function lockViolation(trx: Transaction<DB>, ref: { violationId: string } | { dossierId: string; kind: string }): Promise<boolean> {
  const row =
    'violationId' in ref
      ? await trx.selectFrom('accountability_violations').select('id').where('id', '=', ref.violationId).forUpdate().executeTakeFirst()
      : await trx.selectFrom('dossier_violations').select('dossier_id as id').where('dossier_id', '=', ref.dossierId).where('kind', '=', ref.kind).forUpdate().executeTakeFirst();
  return row !== undefined;
}

/** Appends a handling. */
export async function insertHandling(trx: Transaction<DB>, row: Insertable<AccountabilityHandlingsTable>): Promise<AccountabilityHandlingRow> {
  return trx.insertInto('accountability_handlings').values(row).returningAll().executeTakeFirstOrThrow();
}

/** The unit a staff account belongs to, or undefined for no such account. */
export async function findOfficerUnit(db: Q, userId: string): Promise<string | undefined> {
  return (await db.selectFrom('users').select('unit_id').where('id', '=', userId).executeTakeFirst())?.unit_id;
}

/** The active staff accounts of the units `unitIds`, by name. */
export async function listStaffOfUnits(db: Q, unitIds: readonly string[]): Promise<{ id: string; name: string; unit: string }[]> {
  if (unitIds.length === 0) return [];
  return db
    .selectFrom('users as s')
    .innerJoin('units as u', 'u.id', 's.unit_id')
    .select(['s.id', 's.full_name as name', unitName.as('unit')])
    .where('s.unit_id', 'in', [...unitIds])
    .where('s.active', '=', true)
    .orderBy('s.full_name')
    .execute();
}

/** The dossier coded `code`, or undefined. */
export async function findDossierIdByCode(db: Q, code: string): Promise<string | undefined> {
  return (await db.selectFrom('dossiers').select('id').where('code', '=', code).executeTakeFirst())?.id;
}

/** A dossier the head answers for that is late: open past its overdue instant, or finished after its due. */
export interface LateDossierRow {
  code: string | null;
  procedure_code: string;
  status: string;
  handling_unit: string;
  assignee: string | null;
  due_at: Date;
  finished_at: Date | null;
}

/**
 * The late dossiers handled by `unitIds` whose due falls in [from, to): still open past the overdue
 * instant at `now`, or finished after their due; most recent due first, at most `limit`.
 */
export async function listLateDossiers(db: Q, f: { unitIds: readonly string[]; from: Date; to: Date; now: Date; limit: number }): Promise<{ rows: LateDossierRow[]; open: number; finished: number }> {
  if (f.unitIds.length === 0) return { rows: [], open: 0, finished: 0 };
  const base = db
    .selectFrom('dossiers as d')
    .where('d.handling_unit_id', 'in', [...f.unitIds])
    .where('d.due_at', 'is not', null)
    .where('d.due_at', '>=', f.from)
    .where('d.due_at', '<', f.to)
    .where((eb) => eb.or([eb.and([eb('d.finished_at', 'is', null), eb('d.overdue_at', '<=', f.now)]), eb('d.finished_at', '>', eb.ref('d.due_at'))]));
  const [rows, counts] = await Promise.all([
    base
      .innerJoin('units as u', 'u.id', 'd.handling_unit_id')
      .leftJoin('users as a', (j) => j.on(sql<boolean>`a.id::text = d.assignee_id`))
      .select(['d.code', 'd.procedure_code', 'd.status', unitName.as('handling_unit'), 'a.full_name as assignee', sql<Date>`d.due_at`.as('due_at'), 'd.finished_at'])
      .orderBy('d.due_at', 'desc')
      .orderBy('d.id')
      .limit(f.limit)
      .execute(),
    base.select([sql<string>`count(*) FILTER (WHERE d.finished_at IS NULL)`.as('open'), sql<string>`count(*) FILTER (WHERE d.finished_at IS NOT NULL)`.as('finished')]).executeTakeFirstOrThrow(),
  ]);
  return { rows, open: Number(counts.open), finished: Number(counts.finished) };
}

/** The stored formula row, or undefined (the default is in force). */
export async function findFormula(db: Q) {
  return db.selectFrom('accountability_formula as f').leftJoin('users as u', (j) => j.on(sql<boolean>`u.id::text = f.updated_by`)).select(['f.formula', 'f.updated_by', 'f.updated_at', 'u.full_name as updated_by_name']).executeTakeFirst();
}

/** Replaces the formula. */
export async function upsertFormula(trx: Transaction<DB>, formula: unknown, by: string, at: Date): Promise<void> {
  await trx
    .insertInto('accountability_formula')
    .values({ id: true, formula: JSON.stringify(formula), updated_by: by, updated_at: at })
    .onConflict((oc) => oc.column('id').doUpdateSet({ formula: JSON.stringify(formula), updated_by: by, updated_at: at }))
    .execute();
}
