import type { Kysely } from 'kysely';
import { AppError } from '@core/errors/app-error';
import type { DB } from '../../db/schema';
import type { StaffActor } from '../../http/actor';
import { authorizeUnit, unitsInScope } from '../org/scope';
import { unitDirectory } from './queries';

/** Throws unless the actor manages the catalogue for every unit named (by code) or given (by id). */
export async function authorizeProcedureUnits(db: Kysely<DB>, actor: StaffActor, codes: readonly string[], ids: readonly string[] = []): Promise<void> {
  const dir = await unitDirectory(db);
  const all = new Set([...codes.map((c) => dir.get(c)?.id), ...ids]);
  for (const id of all) {
    if (!id) throw new AppError('NOT_FOUND');
    await authorizeUnit(db, actor, 'catalogue.manage', id);
  }
}

/** A predicate: may the actor manage procedures owned by this unit code? (for imports, checked row by row) */
export async function catalogueScope(db: Kysely<DB>, actor: StaffActor): Promise<(unitCode: string) => boolean> {
  const dir = await unitDirectory(db);
  const ids = await unitsInScope(db, actor, 'catalogue.manage');
  return (code) => {
    const id = dir.get(code)?.id;
    return id !== undefined && ids.has(id);
  };
}
