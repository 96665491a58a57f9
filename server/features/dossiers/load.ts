/** Loading a dossier by code or id, with what presenting and deciding need. */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { AppError } from '@core/errors/app-error';
import { isDossierCode } from '@core/dossier/dossier-code';
import type { DB } from '../../db/schema';
import type { DossierRow } from '../../db/tables/dossiers';
import { findDossierByCode, findDossierById } from './queries';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `{ref}` in the path: a dossier code (`000.00.30.H26-261130-0001`) or, before acceptance, its id. */
export const dossierRef = z
  .string()
  .trim()
  .refine((s) => UUID.test(s) || isDossierCode(s), { error: 'DOSSIER_CODE_INVALID' });

/** The dossier a `{ref}` names, or NOT_FOUND. */
export async function loadDossier(db: Kysely<DB>, ref: string): Promise<DossierRow> {
  const row = UUID.test(ref) ? await findDossierById(db, ref.toLowerCase()) : await findDossierByCode(db, ref);
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}
