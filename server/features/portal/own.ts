import type { Kysely } from 'kysely';
import { AppError } from '@core/errors/app-error';
import type { DB } from '../../db/schema';
import type { DossierRow } from '../../db/tables/dossiers';
import { type CitizenActor, applicantOf } from '../../http/actor';
import { loadDossier } from '../dossiers/load';

/**
 * The dossier `ref` names when it is the citizen's own (as themselves, or as the organisation they
 * act for in this session); otherwise NOT_FOUND — the same answer as for a code that does not
 * exist, so guessing codes reveals nothing.
 */
export async function loadOwnDossier(db: Kysely<DB>, citizen: CitizenActor, ref: string): Promise<DossierRow> {
  const row = await loadDossier(db, ref);
  const applicant = applicantOf(citizen);
  if (row.applicant_kind !== applicant.kind || row.applicant_id_number !== applicant.idNumber) throw new AppError('NOT_FOUND');
  return row;
}
