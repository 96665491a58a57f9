import type { Insertable, Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import type {
  ProcedureComponentsTable,
  ProcedureFeesTable,
  ProcedureRow,
  ProcedureStepsTable,
  ProcedureUnitsTable,
  ProcedureVersionRow,
  ProcedureVersionsTable,
  ProceduresTable,
} from '../../db/tables/catalogue';

type Q = Kysely<DB> | Transaction<DB>;

/** Rows per multi-row INSERT: well under PostgreSQL's 65,535 bind parameters for our widest table. */
const CHUNK = 1000;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Every unit as code → {id, name, validTo}: small and read once per import or page. */
export async function unitDirectory(db: Q): Promise<Map<string, { id: string; name: string; validTo: string | null }>> {
  const rows = await db.selectFrom('units').select(['id', 'code', 'name', 'valid_to']).execute();
  return new Map(rows.map((r) => [r.code, { id: r.id, name: r.name, validTo: r.valid_to }]));
}

/** A procedure by national code. */
export async function findProcedure(db: Q, code: string): Promise<ProcedureRow | undefined> {
  return db.selectFrom('procedures').selectAll().where('code', '=', code).executeTakeFirst();
}

/** A procedure by id. */
export async function findProcedureById(db: Q, id: string): Promise<ProcedureRow | undefined> {
  return db.selectFrom('procedures').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The procedures with these codes (any status). */
export async function findProcedures(db: Q, codes: readonly string[]): Promise<ProcedureRow[]> {
  const out: ProcedureRow[] = [];
  for (const part of chunks(codes)) out.push(...(await db.selectFrom('procedures').selectAll().where('code', 'in', part).execute()));
  return out;
}

/** Locks the procedures about to get a new version, so two editors cannot both create version N+1. */
export async function lockProcedures(trx: Transaction<DB>, ids: readonly string[]): Promise<void> {
  for (const part of chunks(ids)) await trx.selectFrom('procedures').select('id').where('id', 'in', part).forUpdate().execute();
}

/** Version rows by id. */
export async function findVersions(db: Q, ids: readonly string[]): Promise<ProcedureVersionRow[]> {
  const out: ProcedureVersionRow[] = [];
  for (const part of chunks(ids)) out.push(...(await db.selectFrom('procedure_versions').selectAll().where('id', 'in', part).execute()));
  return out;
}

/** The child rows (units, components, fees, steps) of these versions, each ordered. */
export async function findVersionChildren(db: Q, ids: readonly string[]) {
  const units: Insertable<ProcedureUnitsTable>[] = [];
  const components: Insertable<ProcedureComponentsTable>[] = [];
  const fees: Insertable<ProcedureFeesTable>[] = [];
  const steps: (Omit<Insertable<ProcedureStepsTable>, 'time'> & { time: string | number })[] = [];
  for (const part of chunks(ids)) {
    units.push(
      ...(await db
        .selectFrom('procedure_units')
        .select(['version_id', 'role', 'ord', 'target_unit_id', 'unit_id'])
        .where('version_id', 'in', part)
        .orderBy('version_id')
        .orderBy('role')
        .orderBy('ord')
        .execute()),
    );
    components.push(...(await db.selectFrom('procedure_components').selectAll().where('version_id', 'in', part).orderBy('version_id').orderBy('ord').execute()));
    fees.push(...(await db.selectFrom('procedure_fees').selectAll().where('version_id', 'in', part).orderBy('version_id').orderBy('ord').execute()));
    steps.push(...(await db.selectFrom('procedure_steps').selectAll().where('version_id', 'in', part).orderBy('version_id').orderBy('ord').execute()));
  }
  return { units, components, fees, steps };
}

/** Every version of a procedure, newest first, with who made it. */
export async function listVersions(db: Q, procedureId: string) {
  return db
    .selectFrom('procedure_versions')
    .select(['id', 'version', 'name', 'created_at', 'created_by'])
    .where('procedure_id', '=', procedureId)
    .orderBy('version', 'desc')
    .execute();
}

/** One version of a procedure by its number. */
export async function findVersionByNumber(db: Q, procedureId: string, version: number): Promise<ProcedureVersionRow | undefined> {
  return db.selectFrom('procedure_versions').selectAll().where('procedure_id', '=', procedureId).where('version', '=', version).executeTakeFirst();
}

/** Highest version number per procedure. */
export async function latestVersionNumbers(db: Q, procedureIds: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const part of chunks(procedureIds)) {
    const rows = await db
      .selectFrom('procedure_versions')
      .select(['procedure_id', (eb) => eb.fn.max('version').as('v')])
      .where('procedure_id', 'in', part)
      .groupBy('procedure_id')
      .execute();
    for (const r of rows) out.set(r.procedure_id, Number(r.v));
  }
  return out;
}

/** Everything a batch of new versions writes, as rows ready to insert. */
export interface VersionRows {
  newProcedures: Insertable<ProceduresTable>[];
  versions: Insertable<ProcedureVersionsTable>[];
  units: Insertable<ProcedureUnitsTable>[];
  components: Insertable<ProcedureComponentsTable>[];
  fees: Insertable<ProcedureFeesTable>[];
  steps: Insertable<ProcedureStepsTable>[];
  /** Existing procedures whose projection moves to the new version. */
  updates: { id: string; set: Omit<Insertable<ProceduresTable>, 'id' | 'code' | 'created_at'> }[];
}

/** Writes a batch of versions: one multi-row INSERT per table (chunked), one UPDATE per changed procedure. */
export async function writeVersionRows(trx: Transaction<DB>, rows: VersionRows): Promise<void> {
  for (const part of chunks(rows.newProcedures)) await trx.insertInto('procedures').values(part).execute();
  for (const part of chunks(rows.versions, 500)) await trx.insertInto('procedure_versions').values(part).execute();
  for (const part of chunks(rows.units)) await trx.insertInto('procedure_units').values(part).execute();
  for (const part of chunks(rows.components)) await trx.insertInto('procedure_components').values(part).execute();
  for (const part of chunks(rows.fees)) await trx.insertInto('procedure_fees').values(part).execute();
  for (const part of chunks(rows.steps)) await trx.insertInto('procedure_steps').values(part).execute();
  for (const u of rows.updates) await trx.updateTable('procedures').set(u.set).where('id', '=', u.id).execute();
}

/** Marks procedures abolished (a publication decision abolished them); they leave the public search. */
export async function abolishProcedures(trx: Transaction<DB>, codes: readonly string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const rows = await trx
    .updateTable('procedures')
    .set({ status: 'abolished', updated_at: new Date() })
    .where('code', 'in', codes)
    .where('status', '=', 'active')
    .returning('code')
    .execute();
  return rows.map((r) => r.code);
}

/** Active procedures with their owner unit and completeness, for the publicity rates. */
export async function listCompleteness(db: Q) {
  return db.selectFrom('procedures').select(['unit_id', 'complete']).where('status', '=', 'active').execute();
}
