/** When the applicant may rate a dossier: once, after the result is returned. */
import type { Dossier } from '../dossier/dossier';

/** True once the result is returned (any return method): the evaluation is of the whole handling. */
export function ratingOpen(d: Pick<Dossier, 'status'>): boolean {
  return d.status === 'returned';
}
