/**
 * Result documents of a dossier (kết quả giải quyết): who may upload them, when, and when the
 * applicant may download them. Issue 7 turns them into signed e-results; today staff upload the PDF.
 */
import type { Role } from '../access/roles';
import type { Dossier } from '../dossier/dossier';
import { AVAILABLE_ACTIONS } from '../dossier/workflow';

/** Who may upload a result: the roles that may issue it (the workflow table's `issue_result`). */
export const RESULT_UPLOAD_ROLES: readonly Role[] = AVAILABLE_ACTIONS.processing.issue_result.roles;

/** Largest result document, in bytes (a signed licence with annexes fits comfortably). */
export const MAX_RESULT_BYTES = 20 * 1024 * 1024;

/** True when one of the roles may upload a result document (scope over the handling unit is the caller's). */
export function mayUploadResult(roles: readonly Role[]): boolean {
  return RESULT_UPLOAD_ROLES.some((r) => roles.includes(r));
}

/**
 * True while the result may be uploaded: once the leader has approved it (processing, stage
 * `approved`, before `issue_result`) and after it is issued, until it is returned — a returned
 * result is what the applicant received and is not replaced.
 */
export function resultUploadOpen(d: Pick<Dossier, 'status' | 'stage'>): boolean {
  return (d.status === 'processing' && d.stage === 'approved') || d.status === 'processed';
}

/**
 * True when the applicant may download the result online: it is issued and goes back online
 * (the dossier's return method, or the method it was actually returned by).
 */
export function resultDownloadable(d: Pick<Dossier, 'result' | 'returnMethod' | 'returned'>): boolean {
  if (!d.result) return false;
  return d.returned ? d.returned.method === 'online' : d.returnMethod === 'online';
}
