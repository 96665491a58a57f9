import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { type CitizenActor, auditActorOfCitizen } from '../../http/actor';
import { appendAudit } from '../audit/append';
import { deleteCitizenSession } from './queries';

/** Ends the citizen's current portal session and records `portal.logout`. */
export async function signOutCitizen(db: Kysely<DB>, citizen: CitizenActor, requestId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await deleteCitizenSession(trx, citizen.sessionTokenHash);
    await appendAudit(trx, { actor: auditActorOfCitizen(citizen), action: 'portal.logout', entityType: 'citizen', entityId: citizen.citizenId, unitId: null, requestId });
  });
}
