/**
 * What the applicant sees of a dossier's history: every status it entered with the date, from the
 * history the dossier keeps, plus the apology (a new date without a status change). Only reasons
 * meant for the applicant are shown; the public lookup shows none.
 */
import { formatInstant } from '../calendar/time';
import type { Action } from '../dossier/actions';
import type { Dossier } from '../dossier/dossier';
import type { TimelineEntry } from './api';

/** Actions whose reason or note is addressed to the applicant (on the forms they receive). */
const APPLICANT_NOTES: ReadonlySet<Action> = new Set(['refuse', 'stop', 'withdraw', 'apologise', 'request_supplement', 'request_supplement_processing', 'await_fee']);

/** The timeline of a dossier, oldest first; `publicView` leaves out every note and requested item. */
export function dossierTimeline(d: Dossier, opts: { publicView: boolean }): TimelineEntry[] {
  const out: TimelineEntry[] = [{ at: formatInstant(d.submittedAt), status: 'new', action: null, note: null, items: null, newDueAt: null }];
  for (const h of d.history) {
    if (h.from === h.to && h.action !== 'apologise') continue;
    const redated = h.action === 'apologise' ? d.clock.find((e) => e.type === 'redated' && e.at === h.at) : undefined;
    const shown = !opts.publicView && APPLICANT_NOTES.has(h.action);
    out.push({
      at: formatInstant(h.at),
      status: h.to,
      action: h.action,
      note: shown ? h.note : null,
      items: shown ? h.items : null,
      newDueAt: redated?.type === 'redated' ? formatInstant(redated.newDueAt) : null,
    });
  }
  return out;
}
