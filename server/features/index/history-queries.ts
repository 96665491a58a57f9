/** SQL of the dossier-history import. */
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import type { IndexHistoryDossiersTable } from '../../db/tables/index';

type Q = Kysely<DB> | Transaction<DB>;

/** Procedures by national code, with whether their current version's result is a paper document. */
export async function procedureIdsByCode(db: Q, codes: readonly string[]): Promise<Map<string, { id: string; resultPaper: boolean }>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .selectFrom('procedures as p')
    .leftJoin('procedure_versions as v', 'v.id', 'p.current_version_id')
    .select(['p.code', 'p.id', 'v.result_paper'])
    .where('p.code', 'in', [...codes])
    .execute();
  return new Map(rows.map((r) => [r.code, { id: r.id, resultPaper: r.result_paper === true }]));
}

/** Units by code. */
export async function unitIdsByCode(db: Q, codes: readonly string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db.selectFrom('units').select(['code', 'id']).where('code', 'in', [...codes]).execute();
  return new Map(rows.map((r) => [r.code, r.id]));
}

/** Which of these codes a live dossier or an imported one already has. */
export async function existingDossierCodes(db: Q, codes: readonly string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (let i = 0; i < codes.length; i += 5_000) {
    const chunk = codes.slice(i, i + 5_000);
    const live = await db.selectFrom('dossiers').select('code').where('code', 'in', chunk).execute();
    const old = await db.selectFrom('index_history_dossiers').select('code').where('code', 'in', chunk).execute();
    for (const r of [...live, ...old]) if (r.code) out.add(r.code);
  }
  return out;
}

/** Writes imported history rows (the database refreshes their facts and counts in the same statement). */
export async function insertHistoryDossiers(trx: Transaction<DB>, rows: Insertable<IndexHistoryDossiersTable>[]): Promise<void> {
  if (rows.length > 0) await trx.insertInto('index_history_dossiers').values(rows).execute();
}
