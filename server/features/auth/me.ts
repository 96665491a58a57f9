import type { Kysely } from 'kysely';
import { grantedPermissions } from '@core/access/permissions';
import type { Me } from '@core/auth/schemas';
import { AppError } from '@core/errors/app-error';
import type { DB } from '../../db/schema';
import { findUserWithUnit, listRoleAssignments } from './queries';

/** Builds the `me` answer: the user, their unit, their roles and what those roles allow. */
export async function loadMe(db: Kysely<DB>, userId: string, session: { csrfToken: string; expiresAt: Date }): Promise<Me> {
  const user = await findUserWithUnit(db, userId);
  if (!user) throw new AppError('AUTH_REQUIRED');
  const roles = await listRoleAssignments(db, userId);
  return {
    user: { id: user.id, username: user.username, fullName: user.full_name, unitId: user.unit_id, unitName: user.unit_name, unitCode: user.unit_code },
    roles: roles.map((r) => ({ role: r.role, unitId: r.unit_id, unitName: r.unit_name, unitCode: r.unit_code, includeSubtree: r.include_subtree })),
    permissions: grantedPermissions(roles.map((r) => ({ role: r.role, unitId: r.unit_id, includeSubtree: r.include_subtree }))),
    csrfToken: session.csrfToken,
    expiresAt: session.expiresAt.toISOString(),
  };
}
