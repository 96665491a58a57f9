/**
 * Boundary schemas of results, rating and feedback, shared by the server and both web clients
 * (staff workspace and portal). Instants are ISO 8601 strings in Vietnamese time (+07:00).
 *
 * Routes (see docs/portal.md, "Results, rating and feedback"):
 * - staff: `POST|GET /api/v1/dossiers/{ref}/results`, `GET /api/v1/dossiers/{ref}/results/{id}`,
 *   `GET /api/v1/dossiers/{ref}/rating`, `GET /api/v1/feedback`, `POST /api/v1/feedback/{id}/answer`;
 * - portal: `GET /api/v1/portal/dossiers/{code}/results`, `GET /api/v1/portal/dossiers/{code}/results/{id}`,
 *   `GET|POST /api/v1/portal/dossiers/{code}/rating`, `GET|POST /api/v1/portal/feedback`.
 */
import { z } from 'zod';
import { isDossierCode } from '../dossier/dossier-code';
import { AGENCY_CODE_PATTERN } from '../org/unit';
import { CRITERIA, type Criterion } from './criteria';
import { FEEDBACK_KINDS, FEEDBACK_STATES } from './feedback';

const instant = z.string();
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// ---------------------------------------------------------------- results

/** `{id}` of a result document in a path. */
export const resultIdSchema = z.string().regex(UUID, { error: 'NOT_FOUND' });

/** A result document as staff see it (current and superseded ones). */
export const resultFileView = z.object({
  id: z.string(),
  filename: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedAt: instant,
  /** Staff user id; its name is in `people`. */
  uploadedBy: z.string(),
  /** When a later upload replaced it; null for a current document. */
  supersededAt: instant.nullable(),
  supersededBy: z.string().nullable(),
});
/** A result document, staff view. */
export type ResultFileView = z.infer<typeof resultFileView>;

/** `GET /api/v1/dossiers/{ref}/results`: every document, newest first, and whether the caller may upload now. */
export const staffResultsResponse = z.object({
  files: z.array(resultFileView),
  canUpload: z.boolean(),
  /** Names of the staff the documents mention (user id → full name). */
  people: z.record(z.string(), z.string()),
});
/** `POST /api/v1/dossiers/{ref}/results` (201). */
export const uploadResultResponse = z.object({ file: resultFileView });

/** A current result document as the applicant sees it. */
export const citizenResultFile = z.object({ id: z.string(), filename: z.string(), size: z.number().int(), sha256: z.string(), uploadedAt: instant, /** the signed e-result's code (docs/results.md), when there is one */ eresultCode: z.string().nullable().optional() });
/** A result document, applicant view. */
export type CitizenResultFile = z.infer<typeof citizenResultFile>;

/**
 * `GET /api/v1/portal/dossiers/{code}/results`: `available` once the result is issued and goes back
 * online; `files` are then the current documents (empty otherwise).
 */
export const citizenResultsResponse = z.object({ available: z.boolean(), files: z.array(citizenResultFile) });
/** The applicant's results answer. */
export type CitizenResultsResponse = z.infer<typeof citizenResultsResponse>;

// ---------------------------------------------------------------- rating

const score = z.union([z.literal(2), z.literal(1), z.literal(0)], { error: 'RATING_SCORE_INVALID' });

/** One score (2, 1 or 0) for every criterion, and nothing else. */
export const scoresSchema = z.strictObject(Object.fromEntries(CRITERIA.map((c) => [c, score])) as Record<Criterion, typeof score>, { error: 'RATING_SCORE_INVALID' });

/** `POST /api/v1/portal/dossiers/{code}/rating`. */
export const ratingBody = z.object({
  scores: scoresSchema,
  comment: z.string().trim().max(2000).optional(),
});
/** A rating as sent. */
export type RatingBody = z.input<typeof ratingBody>;

/** A stored rating. `disliked`: some criterion got 0 (what the index counts). */
export const ratingView = z.object({
  scores: scoresSchema,
  comment: z.string().nullable(),
  ratedAt: instant,
  disliked: z.boolean(),
});
/** A stored rating. */
export type RatingView = z.infer<typeof ratingView>;

/** `GET` (and the 201 of `POST`) `/api/v1/portal/dossiers/{code}/rating`; `canRate` while none is given and the result is returned. */
export const citizenRatingResponse = z.object({ rating: ratingView.nullable(), canRate: z.boolean() });
/** `GET /api/v1/dossiers/{ref}/rating` (staff). */
export const staffRatingResponse = z.object({ rating: ratingView.nullable() });

// ---------------------------------------------------------------- feedback

const text = (max: number) => z.string({ error: 'FEEDBACK_TEXT_REQUIRED' }).trim().min(1, { error: 'FEEDBACK_TEXT_REQUIRED' }).max(max);

/** A dossier named by code or, before it has one, by id. */
const dossierRefSchema = z
  .string()
  .trim()
  .refine((s) => UUID.test(s) || isDossierCode(s), { error: 'DOSSIER_CODE_INVALID' });

/**
 * `POST /api/v1/portal/feedback`: about one of the sender's dossiers (it reaches the unit handling
 * it) or, without a dossier, to a unit chosen by its agency code (`unitCode`, then required).
 */
export const feedbackBody = z
  .object({
    kind: z.enum(FEEDBACK_KINDS),
    dossierCode: dossierRefSchema.optional(),
    unitCode: z.string().trim().regex(AGENCY_CODE_PATTERN, { error: 'FEEDBACK_UNIT_UNKNOWN' }).optional(),
    subject: text(200),
    content: text(5000),
  })
  .refine((b) => b.dossierCode !== undefined || b.unitCode !== undefined, { error: 'FEEDBACK_UNIT_REQUIRED', path: ['unitCode'] });
/** A feedback as sent. */
export type FeedbackBody = z.input<typeof feedbackBody>;

/** A feedback as its sender sees it, with the answer once given. */
export const feedbackView = z.object({
  id: z.string(),
  kind: z.enum(FEEDBACK_KINDS),
  dossierCode: z.string().nullable(),
  unitCode: z.string(),
  unitName: z.string(),
  subject: z.string(),
  content: z.string(),
  submittedAt: instant,
  dueAt: instant,
  state: z.enum(FEEDBACK_STATES),
  answer: z.string().nullable(),
  answeredAt: instant.nullable(),
});
/** A feedback, sender view. */
export type FeedbackView = z.infer<typeof feedbackView>;

/** `GET /api/v1/portal/feedback`: the sender's own, newest first. `POST` answers `{ feedback }` (201). */
export const citizenFeedbackList = z.object({ items: z.array(feedbackView) });
/** `POST /api/v1/portal/feedback` (201). */
export const feedbackResponse = z.object({ feedback: feedbackView });

/** A feedback as the unit's staff see it: who sent it and who answered. */
export const staffFeedbackView = feedbackView.extend({
  applicantKind: z.enum(['citizen', 'organisation']),
  applicantName: z.string(),
  answeredBy: z.string().nullable(),
  answeredByName: z.string().nullable(),
});
/** A feedback, staff view. */
export type StaffFeedbackView = z.infer<typeof staffFeedbackView>;

/** Filters of the staff list: waiting (`open`, overdue included), `overdue` only, `answered`, or `all`. */
export const FEEDBACK_FILTERS = ['open', 'overdue', 'answered', 'all'] as const;
/** One filter. */
export type FeedbackFilter = (typeof FEEDBACK_FILTERS)[number];

/** Query of `GET /api/v1/feedback`. */
export const feedbackListQuery = z.object({
  state: z.enum(FEEDBACK_FILTERS).default('open'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
/** A parsed staff list query. */
export type FeedbackListQuery = z.infer<typeof feedbackListQuery>;

/** `GET /api/v1/feedback`: one page, oldest due first among the waiting ones; `overdue` counts all overdue in scope. */
export const staffFeedbackList = z.object({ items: z.array(staffFeedbackView), total: z.number().int(), overdue: z.number().int() });

/** `POST /api/v1/feedback/{id}/answer`. */
export const answerBody = z.object({ answer: text(5000) });
/** `POST /api/v1/feedback/{id}/answer` (200). */
export const staffFeedbackResponse = z.object({ feedback: staffFeedbackView });
