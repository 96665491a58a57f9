/** JSON views of the portal: drafts, the applicant's dossiers, the public lookup. */
import { formatInstant } from '@core/calendar/time';
import type { Dossier } from '@core/dossier/dossier';
import { STATUS_SYNC_CODES } from '@core/dossier/status';
import { availableForms } from '@core/dossier/available-forms';
import { maskCccd } from '@core/identity/mask';
import { type DraftData, type DraftView, PORTAL_FORMS, type PortalDossierDetail, type PortalDossierSummary, type PortalForm, type TrackResponse, draftData, type DossierHeadline } from '@core/portal/api';
import { type Standing, draftChecklist, draftCompleteness } from '@core/portal/checklist';
import { isSupplementFile, supplementAnsweredAt } from '@core/portal/supplement';
import { dossierTimeline } from '@core/portal/timeline';
import { applicantTodo } from '@core/portal/todo';
import type { DossierFileRow, DossierRow } from '../../db/tables/dossiers';
import type { PortalDraftFileRow, PortalDraftRow } from '../../db/tables/portal';
import type { DraftVersion } from './versions';

const iso = (d: Date | null) => (d === null ? null : formatInstant(d.getTime()));

/** A stored draft's data (parsed with the schema's defaults, so older rows read as the current shape). */
export function draftDataOf(row: Pick<PortalDraftRow, 'data'>): DraftData {
  return draftData.parse(row.data);
}

/** The checklist and completeness of a draft. */
export function draftState(version: DraftVersion, data: DraftData, files: readonly { component_id: string }[], standing: Standing) {
  const checklist = draftChecklist(
    version.components,
    files.map((f) => ({ componentId: f.component_id })),
    data.conditions,
    data.reuse,
  );
  const completeness = draftCompleteness({ checklist, data, receivingUnits: version.units.map((u) => u.code), standing });
  return { checklist, completeness };
}

/** The draft page's data. */
export function presentDraft(row: PortalDraftRow, version: DraftVersion, files: PortalDraftFileRow[], standing: Standing, dossierCode: string | null): DraftView {
  const data = draftDataOf(row);
  const { checklist, completeness } = draftState(version, data, files, standing);
  return {
    id: row.id,
    version: row.version,
    status: row.status,
    createdAt: formatInstant(row.created_at.getTime()),
    updatedAt: formatInstant(row.updated_at.getTime()),
    applicant: { kind: row.applicant_kind, idNumber: row.applicant_id_number, name: row.applicant_name },
    procedure: { ...version.procedure, standing },
    data,
    files: files.map((f) => ({ id: f.id, componentId: f.component_id, filename: f.filename, mime: f.mime, size: f.size, uploadedAt: formatInstant(f.uploaded_at.getTime()) })),
    checklist,
    completeness,
    dossierCode,
  };
}

/** What the applicant views need besides the dossier row. */
export interface DossierNames {
  procedureName: string;
  /** The unit handling it now, and the receiving one-stop unit. */
  unit: { code: string; name: string };
  receivingUnit: { code: string; name: string };
  presence: { reason: string } | null;
}

/** The files a dossier keeps as `{componentId, uploadedAt}` (for supplement answers). */
const answerFiles = (files: readonly { component_id: string; uploaded_at: Date }[]) => files.map((f) => ({ componentId: f.component_id, uploadedAt: f.uploaded_at.getTime() }));

/** To-dos that ask the applicant to act now (presence is a standing instruction; an answered supplement waits on the unit). */
const URGENT: ReadonlySet<string> = new Set(['supplement', 'pay_fee', 'collect_result', 'rate']);

/** The headline every public view of a dossier shares (the list, the lookup). */
function presentHeadline(
  r: { code: string | null; procedure_code: string; submitted_at: Date; due_at: Date | null; state: unknown },
  names: Pick<DossierNames, 'procedureName' | 'unit'>,
): DossierHeadline {
  const d = r.state as Dossier;
  return {
    code: r.code ?? '',
    status: d.status,
    syncCode: STATUS_SYNC_CODES[d.status],
    procedureCode: r.procedure_code,
    procedureName: names.procedureName,
    channel: d.channel,
    submittedAt: formatInstant(r.submitted_at.getTime()),
    dueAt: iso(r.due_at),
    unit: names.unit,
  };
}

/** One of the applicant's dossiers in a list. */
export function presentOwnSummary(
  r: { code: string | null; status: string; sync_code: number; procedure_code: string; channel: string; submitted_at: Date; due_at: Date | null; state: unknown },
  names: Pick<DossierNames, 'procedureName' | 'unit' | 'receivingUnit' | 'presence'>,
  supplementFiles: readonly { component_id: string; uploaded_at: Date }[],
): PortalDossierSummary {
  const d = r.state as Dossier;
  const todo = applicantTodo(d, { presence: names.presence, unit: names.receivingUnit, supplementAnsweredAt: supplementAnsweredAt(d, answerFiles(supplementFiles)) });
  return {
    ...presentHeadline(r, names),
    actionNeeded: todo.some((t) => URGENT.has(t.kind)),
  };
}

/** The forms of a dossier its applicant may download. */
export function applicantForms(d: Dossier): PortalForm[] {
  const issued = availableForms(d);
  return PORTAL_FORMS.filter((f) => issued.includes(f));
}

/** A dossier as its applicant sees it. */
export function presentOwnDossier(row: DossierRow, names: DossierNames, files: DossierFileRow[]): PortalDossierDetail {
  const d = row.state as Dossier;
  const todo = applicantTodo(d, { presence: names.presence, unit: names.receivingUnit, supplementAnsweredAt: supplementAnsweredAt(d, answerFiles(files)) });
  return {
    ...presentOwnSummary(row, names, files.filter((f) => isSupplementFile(f.component_id))),
    receivedAt: iso(row.received_at),
    finishedAt: iso(row.finished_at),
    receivingUnit: names.receivingUnit,
    returnMethod: d.returnMethod,
    returned: d.returned ? { at: formatInstant(d.returned.at), method: d.returned.method, trackingNumber: d.returned.trackingNumber } : null,
    applicant: { kind: row.applicant_kind, idNumber: row.applicant_id_number, name: row.applicant_name },
    presence: names.presence,
    timeline: dossierTimeline(d, { publicView: false }),
    todo,
    files: files.map((f) => ({
      id: f.id,
      componentId: f.component_id,
      filename: f.filename,
      mime: f.mime,
      size: f.size,
      uploadedAt: formatInstant(f.uploaded_at.getTime()),
      supplement: isSupplementFile(f.component_id),
    })),
    forms: applicantForms(d),
  };
}

/** Masks a name for the public: the initials of every word but the last, which keeps its first letter (`N. V. A***`). */
export function maskName(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  return words.map((w, i) => (i < words.length - 1 ? `${[...w][0]}.` : `${[...w][0]}***`)).join(' ');
}

/** A citizen's CCCD or an organisation's tax code, masked for the public. */
function maskNumber(kind: string, id: string): string {
  return kind === 'citizen' ? maskCccd(id) : `${id.slice(0, 3)}****${id.slice(-3)}`;
}

/** The public lookup: status, dates, unit and timeline without notes; name and number masked. */
export function presentTrack(row: DossierRow, names: DossierNames): TrackResponse {
  const d = row.state as Dossier;
  return {
    ...presentHeadline(row, names),
    receivedAt: iso(row.received_at),
    applicant: { name: maskName(row.applicant_name), idNumber: maskNumber(row.applicant_kind, row.applicant_id_number) },
    timeline: dossierTimeline(d, { publicView: true }),
  };
}
