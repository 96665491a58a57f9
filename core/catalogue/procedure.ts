import { z } from 'zod';

/**
 * The national-database fields of an administrative procedure, as one plain object. The same shape is
 * the staff create/update body, one item of the JSON import file, and one item of the JSON export,
 * so an export re-imports unchanged. Rules beyond shape (step shares, units that exist) live in
 * `rules.ts`; completeness (what the index scores) in `completeness.ts`.
 */

/** National procedure code, e.g. `1.001612`: one digit, a dot, six digits. */
export const PROCEDURE_CODE_PATTERN = /^\d\.\d{6}$/;
/** National agency identifier (same format as org units). */
export const UNIT_CODE_PATTERN = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/;

/** Government levels that carry out a procedure. */
export const PROCEDURE_LEVELS = ['province', 'district', 'commune'] as const;
/** A government level. */
export type ProcedureLevel = (typeof PROCEDURE_LEVELS)[number];
/** Online public-service levels: full process, partly, not online. */
export const ONLINE_LEVELS = ['full', 'partial', 'none'] as const;
/** An online level. */
export type OnlineLevel = (typeof ONLINE_LEVELS)[number];
/** Who may apply: citizens, organisations. */
export const APPLICANT_TYPES = ['citizen', 'organisation'] as const;
/** Identity levels a portal user signs in with (VNeID level 1 / level 2); a procedure may require `verified`. */
export const IDENTITY_LEVELS = ['basic', 'verified'] as const;
/** An identity level. */
export type IdentityLevel = (typeof IDENTITY_LEVELS)[number];
/** How to apply: at the counter, online, by public post. */
export const METHODS = ['counter', 'online', 'postal'] as const;
/** `immediate` means the result is returned on the spot (amount 0). */
export const TIME_UNITS = ['working_days', 'working_hours', 'calendar_days', 'immediate'] as const;
/** A unit of legal processing time. */
export type TimeUnit = (typeof TIME_UNITS)[number];
/** Roles a workflow step can be given to (the staff roles that handle dossiers). */
export const STEP_ROLES = ['onestop_officer', 'specialist', 'unit_leader', 'agency_head', 'city_leader'] as const;

/** Vietnamese and English labels of the enumerations, for the UI and spreadsheets. */
export const LEVEL_LABELS = {
  province: { vi: 'Cấp tỉnh', en: 'Province' },
  district: { vi: 'Cấp huyện', en: 'District' },
  commune: { vi: 'Cấp xã', en: 'Commune' },
} as const satisfies Record<ProcedureLevel, { vi: string; en: string }>;

/** Vietnamese and English names of the online levels. */
export const ONLINE_LEVEL_LABELS = {
  full: { vi: 'Dịch vụ công trực tuyến toàn trình', en: 'Full-process online' },
  partial: { vi: 'Dịch vụ công trực tuyến một phần', en: 'Partly online' },
  none: { vi: 'Không cung cấp trực tuyến', en: 'Not online' },
} as const satisfies Record<OnlineLevel, { vi: string; en: string }>;

const text = (max: number) => z.string().trim().min(1).max(max);
// No transforms: the same schema serialises responses, and zod cannot encode through a transform.
// Blank optional texts become null in `validateProcedure`.
const optionalText = (max: number) => z.string().trim().max(max).nullable().default(null);

/** A national procedure code. */
export const procedureCodeSchema = z.string().trim().regex(PROCEDURE_CODE_PATTERN);
/** A national agency identifier code. */
export const unitCodeSchema = z.string().trim().regex(UNIT_CODE_PATTERN);

/** Legal processing time: an amount in a unit (0 with `immediate`). */
export const processingTimeSchema = z.object({
  amount: z.number().finite(),
  unit: z.enum(TIME_UNITS),
});
/** Legal processing time. */
export type ProcessingTime = z.infer<typeof processingTimeSchema>;

/** A fee or charge: an amount in VND, or a rule in words. */
export const feeSchema = z.object({
  name: text(300),
  /** Amount in VND; null when the fee is a rule (per page, per copy, a percentage…). */
  amount: z.number().int().nullable().default(null),
  rule: optionalText(500),
});
/** A fee or charge. */
export type Fee = z.infer<typeof feeSchema>;

/** A required document (thành phần hồ sơ). */
export const componentSchema = z.object({
  name: text(1000),
  originals: z.number().int().min(0).max(99).default(1),
  copies: z.number().int().min(0).max(99).default(0),
  required: z.boolean().default(true),
  /** When the component is only needed in some cases (the case, in words). */
  condition: optionalText(1000),
  /** File name of the form template (tờ khai / mẫu đơn), downloadable from the procedure page. */
  form: optionalText(300),
  /** The data-warehouse document type that can satisfy this component (only-once principle). */
  documentType: optionalText(100),
});
/** A required document. */
export type Component = z.infer<typeof componentSchema>;

/** A step of the internal workflow with its share of the legal time. */
export const stepSchema = z.object({
  name: text(500),
  role: z.enum(STEP_ROLES),
  /** The unit doing the step; null = the implementing unit that received the dossier. */
  unit: unitCodeSchema.nullable().default(null),
  /** Share of the legal time, in the procedure's time unit; the shares sum to the legal time. */
  time: z.number().finite().min(0),
});
/** A workflow step. */
export type Step = z.infer<typeof stepSchema>;

/** A whole procedure in the import/export and staff-edit format (docs/catalogue.md). */
export const procedureInputSchema = z.object({
  code: procedureCodeSchema,
  name: text(1000),
  field: z.object({ code: text(50), name: text(300) }),
  level: z.enum(PROCEDURE_LEVELS),
  /** The department answerable for the procedure (publication, completeness): the owner unit. */
  responsibleUnit: unitCodeSchema,
  implementingUnits: z.array(unitCodeSchema).max(500).default([]),
  receivingUnits: z.array(unitCodeSchema).max(500).default([]),
  applicants: z.array(z.enum(APPLICANT_TYPES)).max(2).default([]),
  methods: z.array(z.enum(METHODS)).max(3).default([]),
  processingTime: processingTimeSchema.nullable().default(null),
  financialObligation: z.boolean().default(false),
  fees: z.array(feeSchema).max(50).default([]),
  components: z.array(componentSchema).max(100).default([]),
  steps: z.array(stepSchema).max(50).default([]),
  conditions: optionalText(5000),
  legalBasis: optionalText(5000),
  result: z.object({ name: text(500), paper: z.boolean().default(true) }).nullable().default(null),
  onlineLevel: z.enum(ONLINE_LEVELS),
  /** Public justification when the procedure is not full-process online. */
  onlineJustification: optionalText(2000),
  /** The lowest identity level that may submit online (`verified`: VNeID level 2); default `basic`. */
  identityLevel: z.enum(IDENTITY_LEVELS).default('basic'),
});
/** A procedure as written by staff or an import file (defaults applied). */
export type ProcedureInput = z.infer<typeof procedureInputSchema>;
/** A procedure as sent (defaults optional). */
export type ProcedureInputRaw = z.input<typeof procedureInputSchema>;
