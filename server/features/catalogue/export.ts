import type { Kysely } from 'kysely';
import type { ProcedureInput } from '@core/catalogue/procedure';
import type { DB } from '../../db/schema';
import { findProcedures } from './queries';
import { currentInputs } from './read';
import { searchCatalogue } from './search';
import type { SearchFilters } from './search-queries';

/** The current version of every active procedure matching the filters, in code order, in the import format. */
export async function exportInputs(db: Kysely<DB>, filters: Omit<SearchFilters, 'limit' | 'offset'>): Promise<ProcedureInput[]> {
  const hits = await searchCatalogue(db, { ...filters, limit: 1_000_000, offset: 0 });
  const codes = hits.map((h) => h.code).sort();
  const rows = await findProcedures(db, codes);
  const inputs = await currentInputs(db, rows);
  return codes.map((c) => inputs.get(c)).filter((p): p is ProcedureInput => p !== undefined);
}
