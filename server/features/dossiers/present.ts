/** JSON views of dossiers: the full view for the dossier page, summaries for lists (personal numbers masked). */
import { z } from 'zod';
import type { Role } from '@core/access/roles';
import { formatInstant } from '@core/calendar/time';
import type { WorkingCalendar } from '@core/calendar/working-calendar';
import { dossierSummary, dossierView, presentDossier } from '@core/dossier/api';
import { availableForms } from '@core/dossier/available-forms';
import type { Dossier } from '@core/dossier/dossier';
import { dossierTiming } from '@core/dossier/timing';
import { detectViolations } from '@core/dossier/violations';
import { availableActions } from '@core/dossier/workflow';
import { FORM_CODES } from '@core/dossier/actions';
import { maskCccd } from '@core/identity/mask';
import type { DossierFileRow, DossierRow } from '../../db/tables/dossiers';
import type { ProcedureRules } from './rules';

const applicantView = z.object({ kind: z.enum(['citizen', 'organisation']), idNumber: z.string(), name: z.string(), contact: z.record(z.string(), z.unknown()) });
/** A stored file of a dossier. */
export const fileView = z.object({ id: z.string(), componentId: z.string(), sha256: z.string(), mime: z.string(), size: z.number(), filename: z.string(), uploadedAt: z.string() });

/** The dossier page: the core view plus the row id, the applicant, the files and the printable forms. */
export const dossierDetail = dossierView.extend({
  id: z.string(),
  applicant: applicantView,
  procedureName: z.string(),
  files: z.array(fileView),
  forms: z.array(z.enum(FORM_CODES)),
});
/** A list item: the core summary plus the row id and the applicant with a masked personal number. */
export const dossierListItem = dossierSummary.extend({ id: z.string(), applicantName: z.string(), applicantIdNumber: z.string() });

/** Presents a file row. */
export function presentFile(f: DossierFileRow): z.infer<typeof fileView> {
  return { id: f.id, componentId: f.component_id, sha256: f.sha256, mime: f.mime, size: f.size, filename: f.filename, uploadedAt: formatInstant(f.uploaded_at.getTime()) };
}

/** The full view of a dossier for a caller holding `roles` over it, at `now`. */
export function presentDetail(row: DossierRow, rules: ProcedureRules, calendar: WorkingCalendar, roles: readonly Role[], files: DossierFileRow[], now: number): z.infer<typeof dossierDetail> {
  const d = row.state as Dossier;
  const view = presentDossier(d, {
    procedureCode: row.procedure_code,
    timing: dossierTiming(d, calendar, rules.policy, now),
    availableActions: availableActions(d, roles),
    violations: detectViolations(d, { calendar, policy: rules.policy }, now),
  });
  return {
    ...view,
    id: row.id,
    applicant: { kind: row.applicant_kind, idNumber: row.applicant_id_number, name: row.applicant_name, contact: row.applicant_contact as Record<string, unknown> },
    procedureName: rules.name,
    files: files.map(presentFile),
    forms: availableForms(d),
  };
}

/** A citizen's CCCD is masked in lists; an organisation's tax code is public. */
const maskedId = (kind: string, id: string) => (kind === 'citizen' ? maskCccd(id) : id);

/** A list item from a list row and its timing status. */
export function presentListItem(
  r: { id: string; code: string | null; status: string; sync_code: number; procedure_code: string; unit_code: string; channel: string; received_at: Date | null; due_at: Date | null; applicant_kind: string; applicant_name: string; applicant_id_number: string; state: unknown },
  timing: z.infer<typeof dossierSummary>['timing'],
): z.infer<typeof dossierListItem> {
  const d = r.state as Dossier;
  return {
    id: r.id,
    code: r.code,
    status: d.status,
    syncCode: r.sync_code,
    procedureCode: r.procedure_code,
    unitCode: r.unit_code,
    channel: d.channel,
    receivedAt: r.received_at && formatInstant(r.received_at.getTime()),
    dueAt: r.due_at && formatInstant(r.due_at.getTime()),
    timing,
    applicantName: r.applicant_name,
    applicantIdNumber: maskedId(r.applicant_kind, r.applicant_id_number),
  };
}
