/** Every SQL statement of the dossiers feature, as named functions. */
import { type Insertable, type Kysely, type Transaction, type Updateable, sql } from 'kysely';
import { PREPARED } from '../../db/prepared';
import type { DB, NewAuditEvent } from '../../db/schema';
import type { DossierFileRow, DossierFilesTable, DossierRow, DossiersTable, DossierViolationsTable } from '../../db/tables/dossiers';

type Q = Kysely<DB> | Transaction<DB>;

/**
 * A procedure by national code with its current version, the receiving unit's code, whether the
 * version lists that unit among its receiving units, and whether it lists any.
 */
export async function findProcedureForIntake(db: Q, code: string, unitId: string) {
  const r = await sql<{ procedureId: string; code: string; status: string; versionId: string; unitCode: string; listed: boolean; listsAny: boolean }>`${sql.raw(PREPARED)}
    SELECT p.id AS "procedureId", p.code, p.status, v.id AS "versionId", u.code AS "unitCode",
      EXISTS (SELECT 1 FROM procedure_units pu WHERE pu.version_id = v.id AND pu.role = 'receiving' AND pu.target_unit_id = u.id) AS listed,
      EXISTS (SELECT 1 FROM procedure_units pu WHERE pu.version_id = v.id AND pu.role = 'receiving') AS "listsAny"
    FROM procedures p JOIN procedure_versions v ON v.id = p.current_version_id JOIN units u ON u.id = ${unitId}
    WHERE p.code = ${code}`.execute(db);
  return r.rows[0];
}

/** Whether a procedure version names the unit, or one of its ancestors, among its implementing units. */
export async function implementsWithin(db: Q, versionId: string, unitId: string): Promise<boolean> {
  const r = await sql<{ found: boolean }>`
    WITH RECURSIVE up(id, parent_id, depth) AS (
      SELECT id, parent_id, 0 FROM units WHERE id = ${unitId}
      UNION ALL
      SELECT u.id, u.parent_id, up.depth + 1 FROM units u JOIN up ON u.id = up.parent_id WHERE up.depth < 50
    )
    SELECT EXISTS (SELECT 1 FROM procedure_units pu JOIN up ON up.id = pu.target_unit_id WHERE pu.version_id = ${versionId} AND pu.role = 'implementing') AS found`.execute(db);
  return r.rows[0]?.found === true;
}

/** What a dossier needs of the procedure version it keeps: names, legal time, components and steps. */
export async function findVersionRules(db: Q, versionId: string) {
  const version = await db
    .selectFrom('procedure_versions as v')
    .innerJoin('procedures as p', 'p.id', 'v.procedure_id')
    .select(['v.id', 'v.name', 'p.code', 'v.processing_amount', 'v.processing_unit'])
    .where('v.id', '=', versionId)
    .executeTakeFirstOrThrow();
  const components = await db
    .selectFrom('procedure_components')
    .select(['name', 'required', 'originals', 'copies'])
    .where('version_id', '=', versionId)
    .orderBy('ord')
    .execute();
  const steps = await db.selectFrom('procedure_steps').select(['name', 'time']).where('version_id', '=', versionId).orderBy('ord').execute();
  return { version, components, steps };
}

/** Stores new dossiers (ids chosen by the caller); answers the stored rows. */
export async function insertDossiers(trx: Transaction<DB>, rows: Insertable<DossiersTable>[]): Promise<DossierRow[]> {
  if (rows.length === 0) return [];
  return trx.insertInto('dossiers').values(rows).returningAll().execute();
}

/** One JSON object of a row; the named columns already hold JSON text (jsonb) and go in as it is. */
function jsonRecord(row: object, jsonColumns: ReadonlySet<string>): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(row)) {
    if (v === undefined) continue;
    parts.push(`${JSON.stringify(k)}:${jsonColumns.has(k) && typeof v === 'string' ? v : JSON.stringify(v)}`);
  }
  return `{${parts.join(',')}}`;
}
const jsonArray = (rows: readonly object[], jsonColumns: ReadonlySet<string> = new Set()) => `[${rows.map((r) => jsonRecord(r, jsonColumns)).join(',')}]`;
const DOSSIER_JSON = new Set(['state', 'applicant_contact']);
const AUDIT_JSON = new Set(['before', 'after']);

/**
 * Writes a group of new dossiers with their files, violations and audit events (already linked to
 * the locked chain head), and moves the chain head, in one statement whatever the group's size:
 * each table's rows travel as one JSON array (every column given, ids included).
 */
export async function insertIntakes(
  trx: Transaction<DB>,
  w: { dossiers: Insertable<DossiersTable>[]; files: Insertable<DossierFilesTable>[]; violations: Insertable<DossierViolationsTable>[]; events: NewAuditEvent[] },
): Promise<void> {
  const head = w.events.at(-1);
  if (!head) throw new Error('insertIntakes: no audit event');
  await sql`${sql.raw(PREPARED)}
    WITH d AS (INSERT INTO dossiers SELECT * FROM jsonb_populate_recordset(NULL::dossiers, ${jsonArray(w.dossiers, DOSSIER_JSON)}::jsonb)),
      f AS (INSERT INTO dossier_files SELECT * FROM jsonb_populate_recordset(NULL::dossier_files, ${jsonArray(w.files)}::jsonb)),
      v AS (INSERT INTO dossier_violations SELECT * FROM jsonb_populate_recordset(NULL::dossier_violations, ${jsonArray(w.violations)}::jsonb) ON CONFLICT (dossier_id, kind) DO NOTHING),
      e AS (INSERT INTO audit_events SELECT * FROM jsonb_populate_recordset(NULL::audit_events, ${jsonArray(w.events, AUDIT_JSON)}::jsonb))
    UPDATE audit_chains SET last_seq = ${head.seq}, last_hash = ${head.hash} WHERE chain_key = ${head.chain_key}`.execute(trx);
}

/** A dossier by id. */
export async function findDossierById(db: Q, id: string): Promise<DossierRow | undefined> {
  return db.selectFrom('dossiers').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A dossier by its code. */
export async function findDossierByCode(db: Q, code: string): Promise<DossierRow | undefined> {
  return db.selectFrom('dossiers').selectAll().where('code', '=', code).executeTakeFirst();
}

/** Writes a dossier's new state only if nobody changed it since `seenVersion`; undefined when someone did. */
export async function updateDossierIfVersion(trx: Transaction<DB>, id: string, seenVersion: number, set: Updateable<DossiersTable>): Promise<DossierRow | undefined> {
  return trx.updateTable('dossiers').set(set).where('id', '=', id).where('version', '=', seenVersion).returningAll().executeTakeFirst();
}

/**
 * The next dossier number of a unit on a local day. The upsert's row lock holds until the
 * transaction ends, so concurrent intakes of one unit take numbers in turn and a rollback returns it.
 */
export async function nextDossierNumber(trx: Transaction<DB>, unitId: string, day: string): Promise<number> {
  return nextDossierNumbers(trx, unitId, day, 1);
}

/**
 * Takes the next `count` numbers of a unit on a local day at once (a group commit of several
 * acceptances) under the same row lock; answers the first of them.
 */
export async function nextDossierNumbers(trx: Transaction<DB>, unitId: string, day: string, count: number): Promise<number> {
  const r = await sql<{ last_no: number }>`${sql.raw(PREPARED)}
    INSERT INTO dossier_sequences (unit_id, day, last_no) VALUES (${unitId}, ${day}, ${count})
    ON CONFLICT (unit_id, day) DO UPDATE SET last_no = dossier_sequences.last_no + ${count}
    RETURNING last_no`.execute(trx);
  return Number(r.rows[0]!.last_no) - count + 1;
}

/** Records violations; a kind a dossier already has is kept as first recorded. */
export async function insertViolations(trx: Transaction<DB>, rows: Insertable<DossierViolationsTable>[]): Promise<void> {
  if (rows.length === 0) return;
  await trx
    .insertInto('dossier_violations')
    .values(rows)
    .onConflict((oc) => oc.columns(['dossier_id', 'kind']).doNothing())
    .execute();
}

/** A dossier's recorded violations. */
export async function listViolations(db: Q, dossierId: string) {
  return db.selectFrom('dossier_violations').selectAll().where('dossier_id', '=', dossierId).orderBy('at').execute();
}

/** Records uploaded component files. */
export async function insertFiles(trx: Transaction<DB>, rows: Insertable<DossierFilesTable>[]): Promise<DossierFileRow[]> {
  if (rows.length === 0) return [];
  return trx.insertInto('dossier_files').values(rows).returningAll().execute();
}

/** A dossier's files, by component then upload. */
export async function listFiles(db: Q, dossierId: string): Promise<DossierFileRow[]> {
  return db.selectFrom('dossier_files').selectAll().where('dossier_id', '=', dossierId).orderBy('component_id').orderBy('uploaded_at').execute();
}

/** Unit id → code and name for the given ids. */
export async function unitsByIds(db: Q, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('units').select(['id', 'code', 'name', 'parent_id']).where('id', 'in', [...ids]).execute();
}

/** Full names of users by id (for forms); unknown ids are left out. */
export async function userNames(db: Q, ids: readonly string[]): Promise<Map<string, string>> {
  const uuids = ids.filter((i) => /^[0-9a-f-]{36}$/i.test(i));
  if (uuids.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'full_name']).where('id', 'in', uuids).execute();
  return new Map(rows.map((r) => [r.id, r.full_name]));
}

/** Filters of the dossier list, already resolved to ids and instants. */
export interface ListFilters {
  /** Units whose received or handled dossiers the caller may see; null = every unit. */
  scope: readonly string[] | null;
  queue?: 'new' | 'mine' | 'due_soon' | 'overdue' | 'awaiting_applicant' | 'awaiting_fee';
  status?: string;
  unitId?: string;
  procedureCode?: string;
  q?: string;
  from?: Date;
  to?: Date;
  userId: string;
  now: Date;
  limit: number;
  offset: number;
}

/** One page of dossiers matching the filters, newest first, and the total (the SQL form of `inQueue`). */
export async function listDossiers(db: Q, f: ListFilters) {
  let query = db.selectFrom('dossiers as d').innerJoin('units as u', 'u.id', 'd.handling_unit_id');
  if (f.scope !== null) {
    const scope = f.scope.length > 0 ? [...f.scope] : ['00000000-0000-0000-0000-000000000000'];
    query = query.where((eb) => eb.or([eb('d.unit_id', 'in', scope), eb('d.handling_unit_id', 'in', scope)]));
  }
  if (f.status) query = query.where('d.status', '=', f.status);
  if (f.unitId) query = query.where((eb) => eb.or([eb('d.unit_id', '=', f.unitId!), eb('d.handling_unit_id', '=', f.unitId!)]));
  if (f.procedureCode) query = query.where('d.procedure_code', '=', f.procedureCode);
  if (f.from) query = query.where('d.submitted_at', '>=', f.from);
  if (f.to) query = query.where('d.submitted_at', '<', f.to);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('d.code', 'like', like), eb('d.applicant_name', 'ilike', like)]));
  }
  switch (f.queue) {
    case 'new':
      query = query.where('d.status', '=', 'new');
      break;
    case 'mine':
      query = query.where('d.assignee_id', '=', f.userId).where('d.finished_at', 'is', null);
      break;
    case 'due_soon':
      query = query.where('d.clock_running', '=', true).where('d.at_risk_at', '<', f.now).where('d.overdue_at', '>=', f.now);
      break;
    case 'overdue':
      query = query.where('d.clock_running', '=', true).where('d.overdue_at', '<', f.now);
      break;
    case 'awaiting_applicant':
      query = query.where('d.status', '=', 'supplement_requested');
      break;
    case 'awaiting_fee':
      query = query.where('d.status', '=', 'awaiting_fee');
      break;
  }
  const total = await query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const rows = await query
    .select(['d.id', 'd.code', 'd.status', 'd.sync_code', 'd.procedure_code', 'u.code as unit_code', 'd.channel', 'd.received_at', 'd.due_at', 'd.applicant_kind', 'd.applicant_name', 'd.applicant_id_number', 'd.state', 'd.procedure_version_id', 'd.handling_unit_id'])
    .orderBy('d.submitted_at', 'desc')
    .orderBy('d.id')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { rows, total: Number(total.n) };
}
