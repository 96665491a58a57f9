import type { Kysely } from 'kysely';
import type { ProcedureDetail } from '@core/catalogue/api';
import type { ProcedureInput } from '@core/catalogue/procedure';
import { validateProcedure } from '@core/catalogue/rules';
import { AppError } from '@core/errors/app-error';
import { type Locale, errorMessage } from '@core/errors/catalogue';
import type { DB } from '../../db/schema';
import { presentDetail } from './present';
import { findProcedure, findVersionByNumber, findVersions, unitDirectory } from './queries';
import { versionInputs } from './read';

/** The procedure page of the current version (or of version `n`); NOT_FOUND when there is none. */
export async function loadDetail(db: Kysely<DB>, code: string, n?: number): Promise<ProcedureDetail> {
  const row = await findProcedure(db, code);
  if (!row?.current_version_id) throw new AppError('NOT_FOUND');
  const v = n === undefined ? (await findVersions(db, [row.current_version_id]))[0] : await findVersionByNumber(db, row.id, n);
  if (!v) throw new AppError('NOT_FOUND');
  const input = (await versionInputs(db, [v], new Map([[row.id, row.code]]))).get(v.id)!;
  const dir = await unitDirectory(db);
  return presentDetail(input, v, row.status, (c) => dir.get(c)?.name);
}

/** Validates one procedure sent by staff; PROCEDURE_INVALID listing every field issue otherwise. */
export function validateOne(raw: unknown, units: ReadonlyMap<string, unknown>, locale: Locale): ProcedureInput {
  const result = validateProcedure(raw, { unitExists: (c) => units.has(c) });
  if (result.ok) return result.value;
  throw new AppError('PROCEDURE_INVALID', {
    fields: result.issues.map((i) => ({ field: i.field, code: i.code, message: errorMessage(i.code, locale, i.params ?? {}) })),
  });
}
