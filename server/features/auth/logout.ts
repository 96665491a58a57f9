import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { type StaffActor, auditActorOf } from '../../http/actor';
import { appendAudit } from '../audit/append';
import { deleteSession } from './queries';

/** Ends the actor's current session. */
export async function logout(db: Kysely<DB>, actor: StaffActor, requestId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await deleteSession(trx, actor.sessionTokenHash);
    await appendAudit(trx, { actor: auditActorOf(actor), action: 'auth.logout', entityType: 'user', entityId: actor.userId, unitId: actor.unitId, requestId });
  });
}
