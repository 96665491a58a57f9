import type { Transaction } from 'kysely';
import type { ProcedureInput } from '@core/catalogue/procedure';
import { validateProcedure } from '@core/catalogue/rules';
import type { DB } from '../db/schema';
import { saveProceduresIn } from '../features/catalogue/commands';
import { unitDirectory } from '../features/catalogue/queries';
import { SYSTEM_ACTOR } from '../http/actor';
import { CIVIL_FIELDS } from './procedures-civil';
import { seedPublication } from './procedures-publication';
import { expandField } from './procedures-builder';
import { SERVICE_FIELDS } from './procedures-services';
import { SOCIAL_FIELDS } from './procedures-social';

/** The demo catalogue of Hải Phòng: 82 procedures in 24 fields, at city and commune level. */
export const DEMO_PROCEDURES: ProcedureInput[] = [...CIVIL_FIELDS, ...SERVICE_FIELDS, ...SOCIAL_FIELDS].flatMap(expandField);

/**
 * Seeds the demo catalogue and its publication record inside the demo seed's transaction, through the same path as a file
 * import (one multi-row insert per table, one audit event per responsible department). Every
 * procedure passes the import rules first, so the demo can never hold what an import would refuse.
 */
export async function seedProcedures(trx: Transaction<DB>): Promise<number> {
  const dir = await unitDirectory(trx);
  for (const p of DEMO_PROCEDURES) {
    const r = validateProcedure(p, { unitExists: (c) => dir.has(c) });
    if (!r.ok) throw new Error(`seed: procedure ${p.code} is invalid: ${JSON.stringify(r.issues)}`);
  }
  const saved = await saveProceduresIn(trx, { actor: SYSTEM_ACTOR, requestId: 'seed' }, DEMO_PROCEDURES, 'import');
  await seedPublication(trx);
  return saved.created.length;
}
