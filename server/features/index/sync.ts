/**
 * Explicit refresh of some dossiers' index facts. The database already refreshes them after every
 * statement that touches a table they derive from (triggers of migration 20261201_0400_index.sql),
 * so callers never need this for correctness; it re-derives on demand (a no-op when nothing
 * differs) and answers how many facts changed — the check a caller may want after a bulk change.
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema';

export async function syncIndexFacts(db: Kysely<DB> | Transaction<DB>, dossierIds: readonly string[]): Promise<number> {
  if (dossierIds.length === 0) return 0;
  const { rows } = await sql<{ n: number }>`SELECT index_refresh(${[...dossierIds]}::uuid[]) AS n`.execute(db);
  return Number(rows[0]?.n ?? 0);
}
