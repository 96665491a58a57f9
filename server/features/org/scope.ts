import type { Kysely } from 'kysely';
import { type Permission, canActOnUnit, roleGrants } from '@core/access/permissions';
import { AppError } from '@core/errors/app-error';
import type { DB } from '../../db/schema';
import type { StaffActor } from '../../http/actor';
import { unitAncestorIds, unitSubtreeIds } from './queries';

/** Throws FORBIDDEN_OUTSIDE_UNIT unless the actor holds the permission over the unit (directly or via a sub-tree role). */
export async function authorizeUnit(db: Kysely<DB>, actor: StaffActor, permission: Permission, unitId: string): Promise<void> {
  const path = await unitAncestorIds(db, unitId);
  if (path.length === 0) throw new AppError('NOT_FOUND');
  if (!canActOnUnit(actor.roles, permission, path)) throw new AppError('FORBIDDEN_OUTSIDE_UNIT');
}

/** Every unit id over which the actor holds the permission. */
export async function unitsInScope(db: Kysely<DB>, actor: StaffActor, permission: Permission): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const a of actor.roles) {
    if (!roleGrants(a.role, permission)) continue;
    if (a.includeSubtree) for (const id of await unitSubtreeIds(db, a.unitId)) ids.add(id);
    else ids.add(a.unitId);
  }
  return ids;
}
