/**
 * The portal API's boundary schemas for online submission and tracking (`/api/v1/portal/...` for a
 * signed-in citizen or business representative, `/api/v1/track/...` for anyone), shared with the
 * web client. Instants are ISO 8601 with the +07:00 offset. Drafts accept any half-typed content
 * (autosave never refuses what a person is typing); what a submission needs is reported as
 * `completeness.problems` and enforced only by submit.
 */
import { z } from 'zod';
import { IDENTITY_LEVELS, ONLINE_LEVELS, TIME_UNITS, procedureCodeSchema, unitCodeSchema } from '../catalogue/procedure';
import { ACTIONS } from '../dossier/actions';
import { CHANNELS, RETURN_METHODS } from '../dossier/channel';
import { dossierCodeSchema } from '../dossier/dossier-code';
import { STATUSES } from '../dossier/status';

const instant = z.string();
const unitRef = z.object({ code: z.string(), name: z.string() });
const shortText = (max: number) => z.string().max(max);

// ---------------------------------------------------------------- path and query parameters

/** `{id}` of a draft. */
export const draftParams = z.object({ id: z.uuid({ error: 'NOT_FOUND' }) });
/** `{id}` and `{fileId}` of a draft's file. */
export const draftFileParams = draftParams.extend({ fileId: z.uuid({ error: 'NOT_FOUND' }) });
/** `{code}` of one of the citizen's dossiers. */
export const portalDossierParams = z.object({ code: dossierCodeSchema });
/** The forms a citizen may download: receipt, supplement request, apology. */
export const PORTAL_FORMS = ['mau_01', 'mau_02', 'mau_04'] as const;
/** A form a citizen may download. */
export type PortalForm = (typeof PORTAL_FORMS)[number];
/** `{code}` and `{form}` of `GET /api/v1/portal/dossiers/{code}/forms/{form}.pdf`. */
export const portalFormParams = portalDossierParams.extend({ form: z.enum(PORTAL_FORMS) });
/** Query of `GET /api/v1/portal/dossiers`. */
export const portalDossiersQuery = z.object({
  /** `open`: not finished; `finished`: refused, withdrawn, stopped, processed or returned. */
  state: z.enum(['open', 'finished']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
/** A parsed list query. */
export type PortalDossiersQuery = z.infer<typeof portalDossiersQuery>;

/** Alphabet of lookup secrets: no 0/O, 1/I/L, 2/Z, 5/S, 8/B, so a secret read aloud or from paper is typed right. */
export const LOOKUP_SECRET_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
/** Length of a lookup secret. */
export const LOOKUP_SECRET_LENGTH = 8;
/** `{code}` of the public lookup. */
export const trackParams = z.object({ code: dossierCodeSchema });
/**
 * `?secret=` of the public lookup: case, spaces and dashes are forgiven. A missing or malformed
 * secret answers NOT_FOUND, exactly as a wrong one and an unknown code do.
 */
export const trackQuery = z.object({ secret: z.string().optional() });

// ---------------------------------------------------------------- drafts

/** Body of `POST /api/v1/portal/drafts`. */
export const createDraftBody = z.object({
  procedureCode: procedureCodeSchema,
  /** One of the procedure's receiving units; may be chosen later (required to submit when there are several). */
  receivingUnitCode: unitCodeSchema.optional(),
});
/** A parsed create-draft body. */
export type CreateDraftBody = z.infer<typeof createDraftBody>;

/**
 * The applicant's contact details on a draft, prefilled from the identity; the name and personal
 * number are the identity's and cannot be changed (they are shown in `applicant`).
 */
export const draftContact = z.object({
  phone: shortText(30).nullable().default(null),
  email: shortText(200).nullable().default(null),
  address: shortText(500).nullable().default(null),
  /** For an organisation: the person who represents it on this dossier (prefilled with the signed-in representative). */
  representative: shortText(300).nullable().default(null),
});
/** A draft's contact details. */
export type DraftContact = z.infer<typeof draftContact>;

/** The applicant's answer on a conditional component: whether its case applies, with an optional explanation. */
export const conditionAnswer = z.object({
  applies: z.boolean(),
  note: shortText(1000).nullable().default(null),
});

/** What the applicant fills in on a draft (`PUT` replaces it whole; every field may still be incomplete). */
export const draftData = z.object({
  contact: draftContact.default({ phone: null, email: null, address: null, representative: null }),
  receivingUnitCode: shortText(20).nullable().default(null),
  returnMethod: z.enum(RETURN_METHODS).nullable().default(null),
  /** Where the post delivers the result (return method `post`). */
  postAddress: shortText(500).nullable().default(null),
  /** Free-text fields of the application (key → text), e.g. the purpose of the request. */
  fields: z.record(shortText(60), shortText(5000)).default({}),
  /** Per conditional component id: does its case apply to the applicant? */
  conditions: z.record(shortText(10), conditionAnswer).default({}),
  notes: shortText(5000).nullable().default(null),
  /** Per component id: the warehouse document (id) the applicant reuses instead of uploading (docs/warehouse.md). */
  reuse: z.record(shortText(10), z.string().regex(/^[0-9a-fA-F-]{36}$/)).optional(),
});
/** A draft's data. */
export type DraftData = z.infer<typeof draftData>;

/** Body of `PUT /api/v1/portal/drafts/{id}` (autosave): the version the client saw, and the data. */
export const saveDraftBody = z.object({
  version: z.number().int().positive(),
  data: draftData,
});
/** A parsed autosave body. */
export type SaveDraftBody = z.infer<typeof saveDraftBody>;

/** How a component figures in the checklist: always needed, needed in a stated case, or optional. */
export const COMPONENT_KINDS = ['required', 'conditional', 'optional'] as const;
/** A component kind. */
export type ComponentKind = (typeof COMPONENT_KINDS)[number];
/** Where a component stands on a draft. */
export const COMPONENT_STATES = ['attached', 'missing', 'unanswered', 'not_applicable', 'optional'] as const;
/** A component state. */
export type ComponentState = (typeof COMPONENT_STATES)[number];

/** One component of the procedure's checklist, with the draft's state for it. */
export const checklistItem = z.object({
  /** The checklist id (`1`, `2`, … in the procedure version's order): the `componentId` of uploads. */
  id: z.string(),
  name: z.string(),
  kind: z.enum(COMPONENT_KINDS),
  /** The case in which a conditional component is needed, in words. */
  condition: z.string().nullable(),
  originals: z.number().int(),
  copies: z.number().int(),
  /** File name of the form template, downloadable from the procedure page. */
  form: z.string().nullable(),
  state: z.enum(COMPONENT_STATES),
  fileCount: z.number().int(),
  /** The warehouse document type the component asks for (catalogue `components[].documentType`), when one. */
  documentType: z.string().nullable().optional(),
  /** The warehouse document reused for it, when the applicant chose one (the component then counts as attached). */
  reusedDocumentId: z.string().nullable().optional(),
});
/** A checklist item. */
export type ChecklistItem = z.infer<typeof checklistItem>;

/** Why a draft cannot be submitted yet: a stable code (in `core/errors/catalogue.ts`) and the field it concerns. */
export const completenessProblem = z.object({
  /** `components.<id>`, `contact.phone`, `contact.email`, `receivingUnitCode`, `returnMethod`, `postAddress`, `procedure`. */
  field: z.string(),
  code: z.string(),
});
/** A completeness problem. */
export type CompletenessProblem = z.infer<typeof completenessProblem>;

/** The procedure as a draft needs it (the version the draft is pinned to). */
export const draftProcedure = z.object({
  code: z.string(),
  name: z.string(),
  versionId: z.string(),
  version: z.number().int(),
  onlineLevel: z.enum(ONLINE_LEVELS),
  identityLevel: z.enum(IDENTITY_LEVELS),
  /**
   * For a `partial` procedure: the step that needs the applicant in person and why, in the words of
   * the catalogue's public justification; null for a full-process online procedure.
   */
  presence: z.object({ reason: z.string() }).nullable(),
  processingTime: z.object({ amount: z.number(), unit: z.enum(TIME_UNITS) }).nullable(),
  fees: z.array(z.object({ name: z.string(), amount: z.number().nullable(), rule: z.string().nullable() })),
  result: z.object({ name: z.string(), paper: z.boolean() }).nullable(),
  receivingUnits: z.array(unitRef),
  /**
   * `current`: the version in force; `superseded`: a newer version replaced it; `withdrawn`: the
   * procedure was abolished or is no longer offered online. Only `current` can be submitted; else
   * start a new draft (the same procedure code, when `superseded`).
   */
  standing: z.enum(['current', 'superseded', 'withdrawn']),
});
/** A draft's procedure. */
export type DraftProcedure = z.infer<typeof draftProcedure>;

/** A file uploaded to a draft (content-checked PDF, JPEG or PNG). */
export const draftFileView = z.object({
  id: z.string(),
  componentId: z.string(),
  filename: z.string(),
  mime: z.string(),
  size: z.number().int(),
  uploadedAt: instant,
});
/** A draft's file. */
export type DraftFileView = z.infer<typeof draftFileView>;

/** The applicant as the identity gives it (not editable): a citizen by CCCD or an organisation by tax code. */
export const portalApplicant = z.object({ kind: z.enum(['citizen', 'organisation']), idNumber: z.string(), name: z.string() });

/** A draft: its data, files, the procedure's checklist with the draft's state, and what submit still needs. */
export const draftView = z.object({
  id: z.string(),
  /** The optimistic-concurrency token of autosave. */
  version: z.number().int(),
  status: z.enum(['open', 'submitted']),
  createdAt: instant,
  updatedAt: instant,
  applicant: portalApplicant,
  procedure: draftProcedure,
  data: draftData,
  files: z.array(draftFileView),
  checklist: z.array(checklistItem),
  completeness: z.object({ complete: z.boolean(), problems: z.array(completenessProblem) }),
  /** The dossier code once submitted. */
  dossierCode: z.string().nullable(),
});
/** A draft. */
export type DraftView = z.infer<typeof draftView>;

/** One line of `GET /api/v1/portal/drafts`. */
export const draftSummary = z.object({
  id: z.string(),
  version: z.number().int(),
  procedureCode: z.string(),
  procedureName: z.string(),
  standing: draftProcedure.shape.standing,
  complete: z.boolean(),
  createdAt: instant,
  updatedAt: instant,
});
/** The citizen's open drafts (as themselves or as the organisation they act for), newest first. */
export const draftListResponse = z.object({ items: z.array(draftSummary) });

// ---------------------------------------------------------------- dossiers and tracking

/** One line of the public timeline: a status the dossier entered, and when. */
export const timelineEntry = z.object({
  at: instant,
  status: z.enum(STATUSES),
  /** The action that led there; null for the submission itself. */
  action: z.enum(ACTIONS).nullable(),
  /** The applicant-facing reason (refusal, stop, apology, withdrawal); omitted on the public lookup. */
  note: z.string().nullable(),
  /** The items a supplement request asked for; omitted on the public lookup. */
  items: z.array(z.string()).nullable(),
  /** The new due date an apology gave. */
  newDueAt: instant.nullable(),
});
/** A timeline entry. */
export type TimelineEntry = z.infer<typeof timelineEntry>;

/** What the applicant must do now, most urgent first (empty: nothing, the unit is working on it). */
export const todoItem = z.discriminatedUnion('kind', [
  /** Send the requested items (`items`), answerable online through the supplement route. */
  z.object({
    kind: z.literal('supplement'),
    /** `componentId` (`supplement:<index>`) is what each answering file is sent with. */
    items: z.array(z.object({ index: z.number().int(), text: z.string(), componentId: z.string() })),
    requestedAt: instant,
  }),
  /** The applicant has answered the supplement request; the unit checks it. */
  z.object({ kind: z.literal('supplement_answered'), answeredAt: instant }),
  /** Pay the fee or financial obligation. */
  z.object({ kind: z.literal('pay_fee'), amount: z.number().nullable(), reason: z.string().nullable() }),
  /** The result is ready: collect it at the counter, wait for the post, or download it. */
  z.object({ kind: z.literal('collect_result'), method: z.enum(RETURN_METHODS), unit: unitRef }),
  /** Come in person for the step the procedure needs presence for (`partial` procedures). */
  z.object({ kind: z.literal('presence'), reason: z.string() }),
  /** Rate the service (after the result was returned). */
  z.object({ kind: z.literal('rate') }),
]);
/** A to-do of the applicant. */
export type TodoItem = z.infer<typeof todoItem>;

/** What every view of a dossier outside the back office starts with: where it stands, what it is, who handles it. */
export const dossierHeadline = z.object({
  code: z.string(),
  status: z.enum(STATUSES),
  syncCode: z.number().int(),
  procedureCode: z.string(),
  procedureName: z.string(),
  channel: z.enum(CHANNELS),
  submittedAt: instant,
  dueAt: instant.nullable(),
  /** The unit handling the dossier now. */
  unit: unitRef,
});
/** A dossier's headline. */
export type DossierHeadline = z.infer<typeof dossierHeadline>;

/** One of the citizen's dossiers in a list. */
export const portalDossierSummary = dossierHeadline.extend({
  /** True when the applicant has something to do now: send a supplement, pay, collect the result or rate. */
  actionNeeded: z.boolean(),
});
/** A dossier line. */
export type PortalDossierSummary = z.infer<typeof portalDossierSummary>;
/** `GET /api/v1/portal/dossiers`: the applicant's dossiers of every channel, newest first. */
export const portalDossierListResponse = z.object({ items: z.array(portalDossierSummary), total: z.number().int() });

/** A file the applicant sent: a component at submission, or an item of a supplement answer. */
export const portalFileView = z.object({
  id: z.string(),
  /** Checklist id, or `supplement:<n>` for the n-th item of a supplement request answered online. */
  componentId: z.string(),
  filename: z.string(),
  mime: z.string(),
  size: z.number().int(),
  uploadedAt: instant,
  supplement: z.boolean(),
});

/** `GET /api/v1/portal/dossiers/{code}`: where the dossier is, its history and what to do now. */
export const portalDossierDetail = portalDossierSummary.extend({
  receivedAt: instant.nullable(),
  finishedAt: instant.nullable(),
  receivingUnit: unitRef,
  returnMethod: z.enum(RETURN_METHODS),
  /** How the result actually went back, once it has: when, how, and the postal item number when by post. */
  returned: z.object({ at: instant, method: z.enum(RETURN_METHODS), trackingNumber: z.string().nullable() }).nullable(),
  applicant: portalApplicant,
  presence: z.object({ reason: z.string() }).nullable(),
  timeline: z.array(timelineEntry),
  todo: z.array(todoItem),
  files: z.array(portalFileView),
  /** Forms issued for the dossier that the applicant may download as PDF. */
  forms: z.array(z.enum(PORTAL_FORMS)),
});
/** A dossier as its applicant sees it. */
export type PortalDossierDetail = z.infer<typeof portalDossierDetail>;

/**
 * `POST /api/v1/portal/drafts/{id}/submit`: the dossier and, on the first submission only, the
 * lookup secret (stored hashed: a retry returns `secret: null` — the secret is in the e-mail, and
 * `POST /api/v1/portal/dossiers/{code}/secret` issues a new one).
 */
export const submitResponse = z.object({
  code: z.string(),
  secret: z.string().nullable(),
  /** False when this answer repeats an earlier submission of the same draft. */
  created: z.boolean(),
  dossier: portalDossierDetail,
});
/** A submission answer. */
export type SubmitResponse = z.infer<typeof submitResponse>;

/** `POST /api/v1/portal/dossiers/{code}/secret`: a new lookup secret (the old one stops working). */
export const secretResponse = z.object({ code: z.string(), secret: z.string() });

/** Query of the receipt PDF: the secret to print on it, checked against the stored hash (omitted or wrong: not printed). */
export const receiptQuery = z.object({ secret: z.string().optional() });

/** `GET /api/v1/track/{code}?secret=`: the public lookup, names and numbers masked, no notes. */
export const trackResponse = dossierHeadline.extend({
  receivedAt: instant.nullable(),
  applicant: z.object({ name: z.string(), idNumber: z.string() }),
  timeline: z.array(timelineEntry),
});
/** The public lookup answer. */
export type TrackResponse = z.infer<typeof trackResponse>;

/**
 * `POST /api/v1/portal/dossiers/{code}/supplement` is multipart, like every upload: before each
 * `file`, a `componentId` field naming the requested item it answers (`supplement:<n>`, the
 * `componentId` of the item in the `supplement` to-do); every requested item needs at least one
 * file. The answer is the dossier (`portalDossierDetail`).
 */
export const UPLOAD_COMPONENT_FIELD = 'componentId';
