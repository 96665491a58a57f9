/** Test helpers of the accountability feature: violations with evidence (multipart), a scoped inspector. */
import type { Kysely } from 'kysely';
import type { Client, TestResponse } from '../../../tests/support/app';
import { multipart } from '../../../tests/support/multipart';
import type { DB } from '../../db/schema';

/** Posts a manual violation: its fields and evidence files as one multipart request. */
export function postViolation(client: Client, fields: Record<string, string>, files: { filename: string; bytes: Buffer }[]): Promise<TestResponse> {
  const body = multipart(fields, files.map((f) => ({ name: 'file', type: 'application/pdf', ...f })));
  return client.request({ method: 'POST', url: '/api/v1/accountability/violations', payload: body.payload, headers: body.headers });
}

/**
 * Adds a control officer whose scope is one unit's sub-tree (the demo inspector covers the whole
 * city), with the demo password: the same hash as the account `like`.
 */
export async function addScopedInspector(db: Kysely<DB>, username: string, unitCode: string, like = 'kiemsoat'): Promise<void> {
  const unit = await db.selectFrom('units').select('id').where('code', '=', unitCode).executeTakeFirstOrThrow();
  const model = await db.selectFrom('users').select('password_hash').where('username', '=', like).executeTakeFirstOrThrow();
  const user = await db.insertInto('users').values({ username, full_name: 'Thanh tra phạm vi hẹp', unit_id: unit.id, password_hash: model.password_hash }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('user_roles').values({ user_id: user.id, role: 'control_officer', unit_id: unit.id, include_subtree: true }).execute();
}
