/**
 * Supplement requests answered online: the request the dossier awaits (at intake or during
 * processing) and whether the applicant has answered it. Answer files are dossier files whose
 * component id is `supplement:<n>`, the n-th requested item, dated by their upload.
 */
import type { Dossier } from '../dossier/dossier';

const PREFIX = 'supplement:';

/** The component id of a file answering the n-th (from 1) requested item. */
export function supplementComponentId(n: number): string {
  return `${PREFIX}${n}`;
}

/** True when a file answers a supplement request. */
export function isSupplementFile(componentId: string): boolean {
  return componentId.startsWith(PREFIX);
}

/** The supplement request the dossier awaits now (its instant and items), or null when it awaits none. */
export function openSupplementRequest(d: Dossier): { at: number; items: string[] } | null {
  if (d.status !== 'supplement_requested') return null;
  const h = d.history.findLast((e) => e.action === 'request_supplement' || e.action === 'request_supplement_processing');
  return h ? { at: h.at, items: h.items ?? [] } : null;
}

/** When the applicant last sent files for the open request (null: not answered, or no open request). */
export function supplementAnsweredAt(d: Dossier, files: readonly { componentId: string; uploadedAt: number }[]): number | null {
  const req = openSupplementRequest(d);
  if (!req) return null;
  const answers = files.filter((f) => isSupplementFile(f.componentId) && f.uploadedAt >= req.at).map((f) => f.uploadedAt);
  return answers.length > 0 ? Math.max(...answers) : null;
}
