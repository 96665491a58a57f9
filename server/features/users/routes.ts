import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { AppError } from '@core/errors/app-error';
import { createUserBody, updateUserBody, userSchema, type User } from '@core/users/schemas';
import type { DB } from '../../db/schema';
import { auditActorOf } from '../../http/actor';
import { access } from '../../http/access';
import type { AppDeps } from '../../http/deps';
import { requireActor } from '../auth/session-hook';
import { authorizeUnit, unitsInScope } from '../org/scope';
import { createUser, updateUserCommand } from './commands';
import { findUser, listUsersOfUnits, rolesOfUsers } from './queries';

async function presentUsers(db: Kysely<DB>, unitIds: string[]): Promise<User[]> {
  const users = await listUsersOfUnits(db, unitIds);
  const roles = await rolesOfUsers(db, users.map((u) => u.id));
  const now = new Date();
  return users.map((u) => ({
    id: u.id,
    username: u.username,
    fullName: u.full_name,
    email: u.email,
    unitId: u.unit_id,
    unitName: u.unit_name,
    active: u.active,
    locked: u.locked_until !== null && u.locked_until > now,
    lastLoginAt: u.last_login_at?.toISOString() ?? null,
    roles: roles.filter((r) => r.user_id === u.id).map((r) => ({ role: r.role, unitId: r.unit_id, unitName: r.unit_name, includeSubtree: r.include_subtree })),
  }));
}

async function presentUser(db: Kysely<DB>, id: string, unitId: string): Promise<User> {
  const found = (await presentUsers(db, [unitId])).find((u) => u.id === id);
  if (!found) throw new AppError('NOT_FOUND');
  return found;
}

const idParams = z.object({ id: z.uuid() });

/** Staff accounts, visible and manageable only within the actor's units. */
export function usersRoutes({ database }: AppDeps): FastifyPluginAsyncZod {
  const { db } = database;
  return async (app) => {
    app.get(
      '/api/v1/users',
      { config: access({ permission: 'users.read' }), schema: { tags: ['users'], summary: 'Staff accounts in my scope', response: { 200: z.object({ users: z.array(userSchema) }) } } },
      async (req) => ({ users: await presentUsers(db, [...(await unitsInScope(db, requireActor(req), 'users.read'))]) }),
    );

    app.post(
      '/api/v1/users',
      { config: access({ permission: 'users.manage' }), schema: { tags: ['users'], summary: 'Create a staff account', body: createUserBody, response: { 201: z.object({ user: userSchema }) } } },
      async (req, reply) => {
        const actor = requireActor(req);
        for (const unitId of new Set([req.body.unitId, ...req.body.roles.map((r) => r.unitId)])) await authorizeUnit(db, actor, 'users.manage', unitId);
        const row = await createUser({ db, actor: auditActorOf(actor), requestId: req.id }, req.body);
        return reply.code(201).send({ user: await presentUser(db, row.id, row.unit_id) });
      },
    );

    app.patch(
      '/api/v1/users/:id',
      { config: access({ permission: 'users.manage' }), schema: { tags: ['users'], summary: 'Enable, disable or unlock an account', params: idParams, body: updateUserBody, response: { 200: z.object({ user: userSchema }) } } },
      async (req) => {
        const actor = requireActor(req);
        const target = await findUser(db, req.params.id);
        if (!target) throw new AppError('NOT_FOUND');
        await authorizeUnit(db, actor, 'users.manage', target.unit_id);
        const row = await updateUserCommand({ db, actor: auditActorOf(actor), requestId: req.id }, target.id, req.body);
        return { user: await presentUser(db, row.id, row.unit_id) };
      },
    );
  };
}
