/** Who may see and act on a dossier: unit scope over its receiving and its handling unit. */
import type { Kysely } from 'kysely';
import { canActOnUnit } from '@core/access/permissions';
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
  receivingPath: string[];
}

const covers = (a: { unitId: string; includeSubtree: boolean }, path: readonly string[]) => a.unitId === path[0] || (a.includeSubtree && path.includes(a.unitId));

/** Resolves the caller's access to a dossier: reading needs `dossier.read` over either unit; one-stop roles count over the receiving unit, others over the handling unit. */
export async function dossierAccess(db: Kysely<DB>, actor: StaffActor, row: Pick<DossierRow, 'unit_id' | 'handling_unit_id'>): Promise<DossierAccess> {
  const receivingPath = await unitAncestorIds(db, row.unit_id);
  const handlingPath = row.handling_unit_id === row.unit_id ? receivingPath : await unitAncestorIds(db, row.handling_unit_id);
  const canRead = canActOnUnit(actor.roles, 'dossier.read', receivingPath) || canActOnUnit(actor.roles, 'dossier.read', handlingPath);
  const roles = new Set<Role>();
  const pathFor = (role: Role) => (actingUnit({ receivingUnitCode: 'receiving', unitCode: 'handling' }, role) === 'receiving' ? receivingPath : handlingPath);
  for (const a of actor.roles) if (covers(a, pathFor(a.role))) roles.add(a.role);
  return { canRead, roles: [...roles], receivingPath };
}

/** Throws FORBIDDEN_OUTSIDE_UNIT unless the caller may read the dossier. */
export async function authorizeDossier(db: Kysely<DB>, actor: StaffActor, row: Pick<DossierRow, 'unit_id' | 'handling_unit_id'>): Promise<DossierAccess> {
  const access = await dossierAccess(db, actor, row);
  if (!access.canRead) throw new AppError('FORBIDDEN_OUTSIDE_UNIT');
  return access;
}
