import type { Kysely } from 'kysely';
import { isStrongPassword } from '@core/auth/policy';
import { AppError } from '@core/errors/app-error';
import type { CreateUserBody, UpdateUserBody } from '@core/users/schemas';
import type { DB } from '../../db/schema';
import type { AuditActor } from '../../http/actor';
import { appendAudit } from '../audit/append';
import { deleteSessionsOfUser } from '../auth/queries';
import { hashPassword } from '../auth/tokens';
import { findUnit } from '../org/queries';
import { findUser, insertUser, updateUser, usernameExists } from './queries';

interface Ctx {
  db: Kysely<DB>;
  actor: AuditActor;
  requestId: string;
}

/** Strips the password hash from what the audit trail keeps. */
function auditable<T extends { password_hash: string }>(row: T): Omit<T, 'password_hash'> {
  const { password_hash: _omit, ...rest } = row;
  return rest;
}

/** Creates a staff account with its roles; the password must be strong. */
export async function createUser(ctx: Ctx, body: CreateUserBody) {
  if (!isStrongPassword(body.password)) throw new AppError('PASSWORD_TOO_WEAK', { fields: [{ field: 'password', code: 'weak', message: 'weak' }] });
  const passwordHash = await hashPassword(body.password);
  return ctx.db.transaction().execute(async (trx) => {
    if (await usernameExists(trx, body.username)) throw new AppError('USERNAME_TAKEN', { fields: [{ field: 'username', code: 'taken', message: body.username }] });
    for (const unitId of [body.unitId, ...body.roles.map((r) => r.unitId)]) {
      const unit = await findUnit(trx, unitId);
      if (!unit || unit.valid_to !== null) throw new AppError('UNIT_PARENT_INVALID');
    }
    const row = await insertUser(trx, { username: body.username, full_name: body.fullName, email: body.email ?? null, unit_id: body.unitId, password_hash: passwordHash }, body.roles);
    await appendAudit(trx, { actor: ctx.actor, action: 'user.created', entityType: 'user', entityId: row.id, unitId: row.unit_id, after: { ...auditable(row), roles: body.roles }, requestId: ctx.requestId });
    return row;
  });
}

/** Enables, disables or unlocks an account; disabling also ends its sessions. */
export async function updateUserCommand(ctx: Ctx, userId: string, body: UpdateUserBody) {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await findUser(trx, userId);
    if (!before) throw new AppError('NOT_FOUND');
    const after = await updateUser(trx, userId, {
      active: body.active,
      full_name: body.fullName,
      ...(body.unlock ? { failed_logins: 0, locked_until: null } : {}),
    });
    if (body.active === false) await deleteSessionsOfUser(trx, userId);
    await appendAudit(trx, { actor: ctx.actor, action: 'user.updated', entityType: 'user', entityId: userId, unitId: after.unit_id, before: auditable(before), after: auditable(after), requestId: ctx.requestId });
    return after;
  });
}
