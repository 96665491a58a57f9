import type { Kysely } from 'kysely';
import { AppError } from '@core/errors/app-error';
import type { DB } from '../../db/schema';
import { type CitizenActor, auditActorOfCitizen } from '../../http/actor';
import { appendAudit } from '../audit/append';
import { updateCitizenSessionActingFor } from './queries';

/**
 * Switches the session to act for one of the organisations the person represents (as the provider
 * asserted at sign-in), or for themselves (null). Any other tax code is PORTAL_ACTING_FOR_INVALID
 * and changes nothing. Records `portal.acting_for`.
 */
export async function setActingFor(db: Kysely<DB>, citizen: CitizenActor, taxCode: string | null, requestId: string): Promise<CitizenActor> {
  const target = taxCode === null ? null : citizen.organisations.find((o) => o.taxCode === taxCode);
  if (target === undefined) throw new AppError('PORTAL_ACTING_FOR_INVALID');
  await db.transaction().execute(async (trx) => {
    await updateCitizenSessionActingFor(trx, citizen.sessionTokenHash, target?.taxCode ?? null);
    await appendAudit(trx, {
      actor: auditActorOfCitizen(citizen),
      action: 'portal.acting_for',
      entityType: 'citizen',
      entityId: citizen.citizenId,
      unitId: null,
      before: { actingFor: citizen.actingFor?.taxCode ?? null },
      after: { actingFor: target?.taxCode ?? null },
      requestId,
    });
  });
  return { ...citizen, actingFor: target };
}
