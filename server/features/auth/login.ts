import type { Kysely } from 'kysely';
import { AUTH_POLICY } from '@core/auth/policy';
import type { LoginBody } from '@core/auth/schemas';
import { AppError } from '@core/errors/app-error';
import type { DB } from '../../db/schema';
import { appendAudit } from '../audit/append';
import { findUserForLogin, insertSession, recordFailedLogin, recordSuccessfulLogin } from './queries';
import { hashToken, newToken, verifyPassword } from './tokens';

export interface LoginResult {
  userId: string;
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

interface LoginContext {
  db: Kysely<DB>;
  requestId: string;
  ip: string | null;
  userAgent: string | null;
  now?: Date;
}

/**
 * Signs a staff member in. Wrong passwords are counted and lock the account after
 * AUTH_POLICY.maxFailedLogins; an unknown username and a wrong password give the same answer,
 * so the endpoint cannot be used to find out which accounts exist.
 */
export async function login(ctx: LoginContext, body: LoginBody): Promise<LoginResult> {
  const now = ctx.now ?? new Date();
  const user = await findUserForLogin(ctx.db, body.username);
  if (user?.locked_until && user.locked_until > now) {
    throw new AppError('AUTH_ACCOUNT_LOCKED', { params: { minutes: Math.ceil((user.locked_until.getTime() - now.getTime()) / 60_000) } });
  }
  const valid = await verifyPassword(user?.password_hash ?? null, body.password);
  if (!user) throw new AppError('AUTH_INVALID_CREDENTIALS');
  const actor = { kind: 'staff' as const, id: user.id, name: user.username };

  if (!valid) {
    const failed = user.failed_logins + 1;
    const lockedUntil = failed >= AUTH_POLICY.maxFailedLogins ? new Date(now.getTime() + AUTH_POLICY.lockoutMinutes * 60_000) : null;
    await ctx.db.transaction().execute(async (trx) => {
      await recordFailedLogin(trx, user.id, lockedUntil ? 0 : failed, lockedUntil);
      await appendAudit(trx, {
        actor,
        action: lockedUntil ? 'auth.account_locked' : 'auth.login_failed',
        entityType: 'user',
        entityId: user.id,
        unitId: user.unit_id,
        after: { failedLogins: failed, lockedUntil, ip: ctx.ip },
        requestId: ctx.requestId,
        at: now,
      });
    });
    if (lockedUntil) throw new AppError('AUTH_ACCOUNT_LOCKED', { params: { minutes: AUTH_POLICY.lockoutMinutes } });
    throw new AppError('AUTH_INVALID_CREDENTIALS');
  }
  if (!user.active) throw new AppError('AUTH_ACCOUNT_DISABLED');

  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(now.getTime() + AUTH_POLICY.idleMinutes * 60_000);
  await ctx.db.transaction().execute(async (trx) => {
    await recordSuccessfulLogin(trx, user.id, now);
    await insertSession(trx, { token_hash: hashToken(token), user_id: user.id, csrf_token: csrfToken, expires_at: expiresAt, ip: ctx.ip, user_agent: ctx.userAgent });
    await appendAudit(trx, { actor, action: 'auth.login', entityType: 'user', entityId: user.id, unitId: user.unit_id, after: { ip: ctx.ip }, requestId: ctx.requestId, at: now });
  });
  return { userId: user.id, token, csrfToken, expiresAt };
}
