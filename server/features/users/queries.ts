import type { Kysely, Transaction } from 'kysely';
import type { Role } from '@core/access/roles';
import type { DB } from '../../db/schema';

type Q = Kysely<DB> | Transaction<DB>;

/** Users of the given units with their unit name, ordered by name. */
export async function listUsersOfUnits(db: Q, unitIds: string[]) {
  if (unitIds.length === 0) return [];
  return db
    .selectFrom('users')
    .innerJoin('units', 'units.id', 'users.unit_id')
    .select(['users.id', 'users.username', 'users.full_name', 'users.email', 'users.unit_id', 'users.active', 'users.locked_until', 'users.last_login_at', 'units.name as unit_name'])
    .where('users.unit_id', 'in', unitIds)
    .orderBy('users.username')
    .execute();
}

export async function findUser(db: Q, id: string) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function usernameExists(db: Q, username: string): Promise<boolean> {
  return (await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst()) !== undefined;
}

/** Role assignments of many users at once, with unit names. */
export async function rolesOfUsers(db: Q, userIds: string[]) {
  if (userIds.length === 0) return [];
  const rows = await db
    .selectFrom('user_roles')
    .innerJoin('units', 'units.id', 'user_roles.unit_id')
    .select(['user_roles.user_id', 'user_roles.role', 'user_roles.unit_id', 'user_roles.include_subtree', 'units.name as unit_name'])
    .where('user_roles.user_id', 'in', userIds)
    .execute();
  return rows.map((r) => ({ ...r, role: r.role as Role }));
}

export async function insertUser(
  trx: Transaction<DB>,
  u: { username: string; full_name: string; email: string | null; unit_id: string; password_hash: string; is_demo?: boolean },
  roles: { role: Role; unitId: string; includeSubtree: boolean }[],
) {
  const row = await trx.insertInto('users').values(u).returningAll().executeTakeFirstOrThrow();
  await trx
    .insertInto('user_roles')
    .values(roles.map((r) => ({ user_id: row.id, role: r.role, unit_id: r.unitId, include_subtree: r.includeSubtree })))
    .execute();
  return row;
}

export async function updateUser(trx: Transaction<DB>, id: string, set: { active?: boolean; full_name?: string; failed_logins?: number; locked_until?: Date | null }) {
  return trx.updateTable('users').set({ ...set, updated_at: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/** Usernames of demo accounts that can still sign in (refused in production). */
export async function activeDemoAccounts(db: Q): Promise<string[]> {
  const rows = await db.selectFrom('users').select('username').where('is_demo', '=', true).where('active', '=', true).execute();
  return rows.map((r) => r.username);
}
