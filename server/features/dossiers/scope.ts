/** Who may see and act on a dossier: unit scope over its receiving and its handling unit. */
import type { Kysely } from 'kysely';
import { type Permission, canActOnUnit } from '@core/access/permissions';
import type { Role } from '@core/access/roles';
import { actingUnit } from '@core/dossier/workflow';
import { AppError } from '@core/errors/app-error';
import type { DB } from '../../db/schema';
import type { DossierRow } from '../../db/tables/dossiers';
import type { StaffActor } from '../../http/actor';
import { unitAncestorIds } from '../org/queries';

/** What the caller may do with one dossier. */
export interface DossierAccess {
  canRead: boolean;
  /** The roles held over the unit each role acts for (`actingUnit`): what `decide` and `availableActions` receive. */
  roles: Role[];
  /** The receiving unit, with its ancestors when the caller's sub-tree roles need them (`unitPathFor`): enough for `canActOnUnit`. */
  receivingPath: string[];
}

const covers = (a: { unitId: string; includeSubtree: boolean }, path: readonly string[]) => a.unitId === path[0] || (a.includeSubtree && path.includes(a.unitId));

/**
 * The unit and its ancestors as far as the caller's roles can tell them apart: a role held on the
 * unit itself needs no ancestors, so the tree is only read when a sub-tree role sits on another
 * unit (a supervisor); one-stop officers and specialists acting in their own unit cost no query.
 */
export async function unitPathFor(db: Kysely<DB>, actor: Pick<StaffActor, 'roles'>, unitId: string): Promise<string[]> {
  const needsTree = actor.roles.some((a) => a.includeSubtree && a.unitId !== unitId);
  return needsTree ? unitAncestorIds(db, unitId) : [unitId];
}

/** Resolves the caller's access to a dossier: reading needs `dossier.read` over either unit; one-stop roles count over the receiving unit, others over the handling unit. */
export async function dossierAccess(db: Kysely<DB>, actor: StaffActor, row: Pick<DossierRow, 'unit_id' | 'handling_unit_id'>): Promise<DossierAccess> {
  const receivingPath = await unitPathFor(db, actor, row.unit_id);
  const handlingPath = row.handling_unit_id === row.unit_id ? receivingPath : await unitPathFor(db, actor, row.handling_unit_id);
  const canRead = canActOnUnit(actor.roles, 'dossier.read', receivingPath) || canActOnUnit(actor.roles, 'dossier.read', handlingPath);
  const roles = new Set<Role>();
  const pathFor = (role: Role) => (actingUnit({ receivingUnitCode: 'receiving', unitCode: 'handling' }, role) === 'receiving' ? receivingPath : handlingPath);
  for (const a of actor.roles) if (covers(a, pathFor(a.role))) roles.add(a.role);
  return { canRead, roles: [...roles], receivingPath };
}

/** Throws FORBIDDEN_OUTSIDE_UNIT unless the caller holds `permission` over the unit (which must exist: a dossier's or the caller's own). */
export async function authorizeOverUnit(db: Kysely<DB>, actor: StaffActor, permission: Permission, unitId: string): Promise<void> {
  if (!canActOnUnit(actor.roles, permission, await unitPathFor(db, actor, unitId))) throw new AppError('FORBIDDEN_OUTSIDE_UNIT');
}

/** Throws FORBIDDEN_OUTSIDE_UNIT unless the caller may read the dossier. */
export async function authorizeDossier(db: Kysely<DB>, actor: StaffActor, row: Pick<DossierRow, 'unit_id' | 'handling_unit_id'>): Promise<DossierAccess> {
  const access = await dossierAccess(db, actor, row);
  if (!access.canRead) throw new AppError('FORBIDDEN_OUTSIDE_UNIT');
  return access;
}
