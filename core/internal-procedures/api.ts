/** API schemas of internal procedures (zod 4), shared by the server and the web client. Issue messages are error codes. */
import { z } from 'zod';
import { isIsoDate } from '../calendar/time';
import { MAX_VND } from '../payment/money';

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, { error: 'NOT_FOUND' });
const text = (max: number) => z.string({ error: 'INTERNAL_PROC_TEXT_REQUIRED' }).trim().min(1, { error: 'INTERNAL_PROC_TEXT_REQUIRED' }).max(max, { error: 'INTERNAL_PROC_TEXT_REQUIRED' });
/** Whole đồng, zero or more. */
const dong = z.number({ error: 'INTERNAL_PROC_COST_INVALID' }).int({ error: 'INTERNAL_PROC_COST_INVALID' }).min(0, { error: 'INTERNAL_PROC_COST_INVALID' }).max(MAX_VND, { error: 'INTERNAL_PROC_COST_INVALID' });

export const idParams = z.object({ id: uuid });
export const reviewParams = z.object({ id: uuid, reviewId: uuid });

/** One step: order, name, actor, time (hours or working days, ≥ 0), hourly cost (null = default), other costs. */
export const stepSchema = z.object({
  order: z.number().int().min(1).max(999),
  name: text(500),
  actor: text(300),
  time: z.number({ error: 'INTERNAL_PROC_STEP_INVALID' }).min(0, { error: 'INTERNAL_PROC_STEP_INVALID' }).max(10_000, { error: 'INTERNAL_PROC_STEP_INVALID' }),
  unit: z.enum(['hours', 'working_days']),
  hourlyCost: dong.nullable().default(null),
  otherCosts: dong.default(0),
});

/** The costed part of a version: steps (at least one, orders distinct), fees, times per year. */
export const versionBody = z.object({
  steps: z
    .array(stepSchema)
    .min(1, { error: 'INTERNAL_PROC_STEPS_REQUIRED' })
    .max(100)
    .refine((s) => new Set(s.map((x) => x.order)).size === s.length, { error: 'INTERNAL_PROC_STEP_ORDER_DUPLICATE' }),
  fees: dong.default(0),
  yearlyFrequency: z.number({ error: 'INTERNAL_PROC_FREQUENCY_INVALID' }).int({ error: 'INTERNAL_PROC_FREQUENCY_INVALID' }).min(1, { error: 'INTERNAL_PROC_FREQUENCY_INVALID' }).max(1_000_000, { error: 'INTERNAL_PROC_FREQUENCY_INVALID' }),
});
export type VersionBody = z.infer<typeof versionBody>;

export const procedureBody = versionBody.extend({
  code: z.string().trim().regex(/^[\p{L}\p{N}._/-]{1,40}$/u, { error: 'INTERNAL_PROC_CODE_INVALID' }),
  name: text(500),
  field: text(200),
  ownerUnitId: uuid,
  legalBasis: z.string().trim().max(2000).default(''),
});
export type ProcedureBody = z.infer<typeof procedureBody>;

export const VERDICTS = ['keep', 'amend', 'abolish'] as const;
export type Verdict = (typeof VERDICTS)[number];
const finding = z.object({ verdict: z.enum(VERDICTS, { error: 'INTERNAL_PROC_VERDICT_INVALID' }), text: text(5000) });

/** A review (rà soát) of the current version: the three findings and the proposals. */
export const reviewBody = z.object({
  necessity: finding,
  reasonableness: finding,
  legality: finding,
  proposals: z.string().trim().max(5000).default(''),
});
export type ReviewBody = z.infer<typeof reviewBody>;

/** The decision on a review; `after` is the simplified version it adopts (omitted when the procedure is kept as is). */
export const decisionBody = z.object({
  number: z.string().trim().min(1, { error: 'INTERNAL_PROC_TEXT_REQUIRED' }).max(60, { error: 'INTERNAL_PROC_TEXT_REQUIRED' }),
  date: z.string().refine(isIsoDate, { error: 'INTERNAL_PROC_DATE_INVALID' }),
  summary: text(5000),
  after: versionBody.optional(),
});
export type DecisionBody = z.infer<typeof decisionBody>;

const stepCost = z.object({ order: z.number(), name: z.string(), hours: z.number(), hourlyCost: z.number(), timeCost: z.number(), otherCosts: z.number(), total: z.number() });
export const costView = z.object({ steps: z.array(stepCost), stepsTotal: z.number(), fees: z.number(), perRun: z.number(), yearlyFrequency: z.number(), yearly: z.number() });
const stepView = stepSchema.extend({ hourlyCost: z.number().nullable(), otherCosts: z.number() });
export const versionView = z.object({ id: z.string(), version: z.number(), kind: z.enum(['registered', 'simplified']), steps: z.array(stepView), fees: z.number(), yearlyFrequency: z.number(), cost: costView, createdAt: z.string() });
const cutView = z.object({ before: z.number(), after: z.number(), cut: z.number(), percent: z.number().nullable() });
export const reviewView = z.object({
  id: z.string(),
  beforeVersion: z.number(),
  necessity: finding,
  reasonableness: finding,
  legality: finding,
  proposals: z.string(),
  costBefore: z.number(),
  reviewedAt: z.string(),
  reviewedBy: z.string(),
  decision: z.object({ number: z.string(), date: z.string(), summary: z.string(), afterVersion: z.number().nullable(), decidedAt: z.string() }).nullable(),
  cut: cutView.nullable(),
});
const unitRef = z.object({ id: z.string(), name: z.string() });
export const procedureItem = z.object({ id: z.string(), code: z.string(), name: z.string(), field: z.string(), unit: unitRef, currentVersion: z.number(), yearlyCost: z.number(), reviewed: z.boolean(), simplified: z.boolean() });
export const procedureList = z.object({ items: z.array(procedureItem) });
export const procedureDetail = z.object({
  procedure: procedureItem.extend({ legalBasis: z.string() }),
  versions: z.array(versionView),
  reviews: z.array(reviewView),
  defaultHourlyCost: z.number(),
  may: z.object({ manage: z.boolean() }),
});
export type ProcedureDetail = z.infer<typeof procedureDetail>;
export type ProcedureItem = z.infer<typeof procedureItem>;
const progressView = z.object({
  reviewed: z.number(),
  simplified: z.number(),
  simplifiedPercent: z.number().nullable(),
  costBefore: z.number(),
  costAfter: z.number(),
  cut: z.number(),
  cutPercent: z.number().nullable(),
  proceduresTargetMet: z.boolean(),
  costTargetMet: z.boolean(),
  targetMet: z.boolean(),
});
export const summaryView = z.object({
  target: z.object({ proceduresPercent: z.number(), costPercent: z.number() }),
  registered: z.number(),
  units: z.array(z.object({ unit: unitRef, registered: z.number(), progress: progressView })),
  city: progressView,
});
export type SummaryView = z.infer<typeof summaryView>;
