/** JSON views of dossiers: the full view for the dossier page, summaries for lists (personal numbers masked). */
import type { z } from 'zod';
import type { Role } from '@core/access/roles';
import { formatInstant } from '@core/calendar/time';
import type { WorkingCalendar } from '@core/calendar/working-calendar';
import { type DossierDetail, dossierDetail, dossierListItem, type dossierSummary, fileView, presentDossier } from '@core/dossier/api';
import { apologyDeadline, supplementDeadline } from '@core/dossier/deadline-rules';
import { availableForms } from '@core/dossier/available-forms';
import type { Dossier } from '@core/dossier/dossier';
import { dossierTiming } from '@core/dossier/timing';
import { detectViolations } from '@core/dossier/violations';
import { availableActions } from '@core/dossier/workflow';
import { maskCccd } from '@core/identity/mask';
import { supplementAnsweredAt } from '@core/portal/supplement';
import type { DossierFileRow, DossierRow } from '../../db/tables/dossiers';
import type { ProcedureRules } from './rules';

/** The views are defined once in core (the client imports them too); re-exported for this feature's routes. */
export { dossierDetail, dossierListItem, fileView };

/** Presents a file row. */
export function presentFile(f: DossierFileRow): z.infer<typeof fileView> {
  return { id: f.id, componentId: f.component_id, sha256: f.sha256, mime: f.mime, size: f.size, filename: f.filename, uploadedAt: formatInstant(f.uploaded_at.getTime()) };
}

/** The user ids a dossier mentions: actors of its history, both sides of its hand-overs, its assignee and officers of its violations. */
export function mentionedUserIds(d: Dossier): string[] {
  const ids = new Set<string>();
  for (const h of d.history) ids.add(h.actorId);
  for (const h of d.handovers) {
    ids.add(h.giverId);
    if (h.receiverId) ids.add(h.receiverId);
  }
  if (d.assigneeId) ids.add(d.assigneeId);
  return [...ids];
}

/**
 * The full view of a dossier for a caller holding `roles` over it, at `now`. `names` holds staff
 * names by user id (at least those of `mentionedUserIds`, plus the violations' officers); ids it
 * lacks (an online applicant) are left out of `people`.
 */
export function presentDetail(
  row: DossierRow,
  rules: ProcedureRules,
  calendar: WorkingCalendar,
  roles: readonly Role[],
  files: DossierFileRow[],
  names: ReadonlyMap<string, string>,
  now: number,
): DossierDetail {
  const d = row.state as Dossier;
  const timing = dossierTiming(d, calendar, rules.policy, now);
  const actions = availableActions(d, roles);
  const violations = detectViolations(d, { calendar, policy: rules.policy }, now);
  const view = presentDossier(d, { procedureCode: row.procedure_code, timing, availableActions: actions, violations });
  const people: Record<string, string> = {};
  for (const id of [...mentionedUserIds(d), ...violations.flatMap((v) => (v.officerId ? [v.officerId] : []))]) {
    const name = names.get(id);
    if (name !== undefined) people[id] = name;
  }
  return {
    ...view,
    id: row.id,
    applicant: { kind: row.applicant_kind, idNumber: row.applicant_id_number, name: row.applicant_name, contact: row.applicant_contact as Record<string, unknown> },
    procedureName: rules.name,
    checklist: rules.checklist.map((c) => ({ id: c.id, name: c.name, required: c.required })),
    files: files.map(presentFile),
    forms: availableForms(d),
    people,
    deadlines: {
      supplement: actions.includes('request_supplement_processing') && d.receivedAt !== null ? formatInstant(supplementDeadline(calendar, d.receivedAt)) : null,
      apology: actions.includes('apologise') && timing.dueAt !== null ? formatInstant(apologyDeadline(calendar, timing.dueAt)) : null,
    },
    supplementAnsweredAt: iso(supplementAnsweredAt(d, files.map((f) => ({ componentId: f.component_id, uploadedAt: f.uploaded_at.getTime() })))),
  };
}

const iso = (ms: number | null) => (ms === null ? null : formatInstant(ms));

/** A citizen's CCCD is masked in lists; an organisation's tax code is public. */
const maskedId = (kind: string, id: string) => (kind === 'citizen' ? maskCccd(id) : id);

/** A list item from a list row and its timing status. */
export function presentListItem(
  r: { id: string; code: string | null; status: string; sync_code: number; procedure_code: string; unit_code: string; channel: string; received_at: Date | null; due_at: Date | null; applicant_kind: string; applicant_name: string; applicant_id_number: string; state: unknown },
  timing: { status: z.infer<typeof dossierSummary>['timing']; remainingWorkingMinutes: number },
  procedureName: string,
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
    timing: timing.status,
    remainingWorkingMinutes: timing.remainingWorkingMinutes,
    procedureName,
    applicantName: r.applicant_name,
    applicantIdNumber: maskedId(r.applicant_kind, r.applicant_id_number),
  };
}
