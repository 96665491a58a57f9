/**
 * The dossier API's boundary schemas (`/api/v1/dossiers`), shared with the client, and the pure
 * presenter that turns a dossier into its JSON view (instants as ISO 8601 in Vietnamese time).
 */
import { z } from 'zod';
import { isoDateSchema } from '../calendar/schemas';
import { formatInstant } from '../calendar/time';
import { ACTIONS, type Action, FORM_CODES } from './actions';
import { CHANNELS, RETURN_METHODS } from './channel';
import { dossierCodeSchema } from './dossier-code';
import { type Dossier, STAGES } from './dossier';
import { QUEUES } from './queues';
import { STATUS_SYNC_CODES, STATUSES } from './status';
import type { DossierTiming } from './timing';
import type { Violation } from './violations';

/** `{code}` in the path. */
export const dossierParams = z.object({ code: dossierCodeSchema });
/** `{code}` and `{action}` of `POST /api/v1/dossiers/{code}/actions/{action}`. */
export const actionParams = dossierParams.extend({ action: z.enum(ACTIONS, { error: 'DOSSIER_ACTION_UNKNOWN' }) });
/** `{code}` and `{form}` of `GET /api/v1/dossiers/{code}/forms/{form}.pdf` (the book is per unit). */
export const formParams = dossierParams.extend({ form: z.enum(FORM_CODES.filter((f) => f !== 'mau_06') as ['mau_01', 'mau_02', 'mau_03', 'mau_04', 'mau_05']) });

/** Body of an action: the version the caller saw (409 when stale) and the action's own input (`ACTION_INPUTS`). */
export const actionBody = z.object({
  version: z.number().int().positive(),
  input: z.record(z.string(), z.unknown()).default({}),
});
/** A parsed action body. */
export type ActionBody = z.infer<typeof actionBody>;

/** Query of `GET /api/v1/dossiers`. */
export const listQuery = z.object({
  queue: z.enum(QUEUES).optional(),
  status: z.enum(STATUSES).optional(),
  unit: z.string().trim().max(20).optional(),
  procedure: z.string().trim().max(20).optional(),
  /** Code or applicant name; never a full personal number in logs (masking is the logger's). */
  q: z.string().trim().max(200).optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
/** A parsed list query. */
export type ListQuery = z.infer<typeof listQuery>;

const instant = z.string();
const timingView = z.object({
  status: z.enum(['not_started', 'on_track', 'at_risk', 'overdue', 'clock_stopped', 'finished_on_time', 'finished_late']),
  dueAt: instant.nullable(),
  remainingWorkingMinutes: z.number(),
  step: z.object({ step: z.string(), dueAt: instant, remainingWorkingMinutes: z.number(), status: z.enum(['on_track', 'at_risk', 'overdue']) }).nullable(),
});

/** One item of the list. */
export const dossierSummary = z.object({
  code: z.string().nullable(),
  status: z.enum(STATUSES),
  syncCode: z.number().int(),
  procedureCode: z.string(),
  unitCode: z.string(),
  channel: z.enum(CHANNELS),
  receivedAt: instant.nullable(),
  dueAt: instant.nullable(),
  timing: timingView.shape.status,
});
/** The list answer. */
export const listResponse = z.object({ items: z.array(dossierSummary), total: z.number().int() });

/** `GET /api/v1/dossiers/{code}`: the dossier with what the caller may do now. */
export const dossierView = dossierSummary.extend({
  version: z.number().int(),
  receivingUnitCode: z.string(),
  returnMethod: z.enum(RETURN_METHODS),
  stage: z.enum(STAGES).nullable(),
  assigneeId: z.string().nullable(),
  supplementCount: z.number().int(),
  redateUsed: z.boolean(),
  timingDetail: timingView,
  availableActions: z.array(z.enum(ACTIONS)),
  history: z.array(z.object({ action: z.enum(ACTIONS), at: instant, actorId: z.string(), from: z.enum(STATUSES), to: z.enum(STATUSES), note: z.string().nullable() })),
  handovers: z.array(z.object({ action: z.enum(ACTIONS), at: instant, giverId: z.string(), receiverId: z.string().nullable(), receiverUnit: z.string().nullable(), step: z.string().nullable(), stepDueAt: instant.nullable(), onTime: z.boolean().nullable() })),
  violations: z.array(z.object({ kind: z.string(), at: instant, unitCode: z.string(), officerId: z.string().nullable() })),
});
/** The dossier view. */
export type DossierView = z.infer<typeof dossierView>;

/** A stored file of a dossier. */
export const fileView = z.object({ id: z.string(), componentId: z.string(), sha256: z.string(), mime: z.string(), size: z.number(), filename: z.string(), uploadedAt: instant });
const applicantView = z.object({ kind: z.enum(['citizen', 'organisation']), idNumber: z.string(), name: z.string(), contact: z.record(z.string(), z.unknown()) });

/**
 * The dossier page (`GET /api/v1/dossiers/{ref}`, and every answer that returns a dossier): the
 * core view plus the row id, the applicant, the procedure version's name and checklist (the version
 * the dossier keeps, not the catalogue's current one), the files, the printable forms, the names of
 * the staff the dossier mentions (`people`: user id → full name; ids that are not staff accounts,
 * such as an online applicant, are left out) and the last instants of the time-limited actions the
 * caller may take now (`deadlines`, null when that action is not available).
 */
export const dossierDetail = dossierView.extend({
  id: z.string(),
  applicant: applicantView,
  procedureName: z.string(),
  checklist: z.array(z.object({ id: z.string(), name: z.string(), required: z.boolean() })),
  files: z.array(fileView),
  forms: z.array(z.enum(FORM_CODES)),
  people: z.record(z.string(), z.string()),
  deadlines: z.object({ supplement: instant.nullable(), apology: instant.nullable() }),
  /** When the applicant answered the open supplement request online (files `supplement:<n>`), null otherwise. */
  supplementAnsweredAt: instant.nullable(),
});
/** The dossier page's data. */
export type DossierDetail = z.infer<typeof dossierDetail>;

/** A list item: the core summary plus the row id and the applicant with a masked personal number. */
export const dossierListItem = dossierSummary.extend({
  id: z.string(),
  applicantName: z.string(),
  applicantIdNumber: z.string(),
  /** The name in the procedure version the dossier keeps. */
  procedureName: z.string(),
  /** Working minutes left before the due (negative: late), as `timing` counts them. */
  remainingWorkingMinutes: z.number(),
});
/** A row of the dossier list. */
export type DossierListItem = z.infer<typeof dossierListItem>;

const iso = (ms: number | null): string | null => (ms === null ? null : formatInstant(ms));

/** Presents a dossier for the API: instants as ISO 8601 (+07:00), the caller's actions, timing and violations. */
export function presentDossier(d: Dossier, extra: { procedureCode: string; timing: DossierTiming; availableActions: Action[]; violations: Violation[] }): DossierView {
  const t = extra.timing;
  return {
    code: d.code,
    status: d.status,
    syncCode: STATUS_SYNC_CODES[d.status],
    procedureCode: extra.procedureCode,
    unitCode: d.unitCode,
    channel: d.channel,
    receivedAt: iso(d.receivedAt),
    dueAt: iso(t.dueAt),
    timing: t.status,
    version: d.version,
    receivingUnitCode: d.receivingUnitCode,
    returnMethod: d.returnMethod,
    stage: d.stage,
    assigneeId: d.assigneeId,
    supplementCount: d.supplementCount,
    redateUsed: d.redateUsed,
    timingDetail: {
      status: t.status,
      dueAt: iso(t.dueAt),
      remainingWorkingMinutes: t.remainingWorkingMinutes,
      step: t.step && { ...t.step, dueAt: formatInstant(t.step.dueAt) },
    },
    availableActions: extra.availableActions,
    history: d.history.map((h) => ({ action: h.action, at: formatInstant(h.at), actorId: h.actorId, from: h.from, to: h.to, note: h.note })),
    handovers: d.handovers.map((h) => ({ ...h, at: formatInstant(h.at), stepDueAt: iso(h.stepDueAt) })),
    violations: extra.violations.map((v) => ({ ...v, at: formatInstant(v.at) })),
  };
}
