import { type Kysely, type Transaction, sql } from 'kysely';
import type { Role } from '@core/access/roles';
import { PREPARED } from '../../db/prepared';
import type { DB } from '../../db/schema';

type Q = Kysely<DB> | Transaction<DB>;

export async function findUserForLogin(db: Q, username: string) {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

/** The user with their unit, for the `me` answer. */
export async function findUserWithUnit(db: Q, userId: string) {
  return db
    .selectFrom('users')
    .innerJoin('units', 'units.id', 'users.unit_id')
    .select(['users.id', 'users.username', 'users.full_name', 'users.unit_id', 'users.active', 'units.name as unit_name', 'units.code as unit_code'])
    .where('users.id', '=', userId)
    .executeTakeFirst();
}

/** Role assignments of a user with the name and code of each assignment's unit. */
export async function listRoleAssignments(db: Q, userId: string) {
  const rows = await db
    .selectFrom('user_roles')
    .innerJoin('units', 'units.id', 'user_roles.unit_id')
    .select(['user_roles.role', 'user_roles.unit_id', 'user_roles.include_subtree', 'units.name as unit_name', 'units.code as unit_code'])
    .where('user_roles.user_id', '=', userId)
    .orderBy('user_roles.role')
    .execute();
  return rows.map((r) => ({ ...r, role: r.role as Role }));
}

export async function recordFailedLogin(trx: Transaction<DB>, userId: string, failedLogins: number, lockedUntil: Date | null) {
  await trx.updateTable('users').set({ failed_logins: failedLogins, locked_until: lockedUntil, updated_at: new Date() }).where('id', '=', userId).execute();
}

export async function recordSuccessfulLogin(trx: Transaction<DB>, userId: string, at: Date) {
  await trx.updateTable('users').set({ failed_logins: 0, locked_until: null, last_login_at: at }).where('id', '=', userId).execute();
}

export async function insertSession(
  trx: Transaction<DB>,
  s: { token_hash: string; user_id: string; csrf_token: string; expires_at: Date; ip: string | null; user_agent: string | null },
) {
  await trx.insertInto('sessions').values(s).execute();
}

/**
 * The live session for a token hash with the user (still active) and their role assignments, in
 * one round trip: every guarded request starts here.
 */
export async function findLiveSessionWithRoles(db: Q, tokenHash: string, now: Date) {
  const r = await sql<{ csrf_token: string; expires_at: Date; created_at: Date; last_seen_at: Date; user_id: string; username: string; full_name: string; unit_id: string; roles: { role: Role; unit_id: string; include_subtree: boolean }[] }>`${sql.raw(PREPARED)}
    SELECT s.csrf_token, s.expires_at, s.created_at, s.last_seen_at, u.id AS user_id, u.username, u.full_name, u.unit_id,
      (SELECT coalesce(json_agg(json_build_object('role', r.role, 'unit_id', r.unit_id, 'include_subtree', r.include_subtree) ORDER BY r.role, r.unit_id), '[]')
        FROM user_roles r WHERE r.user_id = u.id) AS roles
    FROM sessions s JOIN users u ON u.id = s.user_id
    WHERE s.token_hash = ${tokenHash} AND s.expires_at > ${now} AND u.active`.execute(db);
  return r.rows[0];
}

export async function touchSession(db: Q, tokenHash: string, now: Date, expiresAt: Date) {
  await db.updateTable('sessions').set({ last_seen_at: now, expires_at: expiresAt }).where('token_hash', '=', tokenHash).execute();
}

export async function deleteSession(trx: Transaction<DB>, tokenHash: string) {
  await trx.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

export async function deleteSessionsOfUser(trx: Transaction<DB>, userId: string) {
  await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
}
