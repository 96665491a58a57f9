import { z } from 'zod';
import { PROCEDURE_CODE_PATTERN, UNIT_CODE_PATTERN } from './procedure';

const isoDate = z.iso.date();
/** What a decision does to a procedure. */
export const PUBLICATION_CHANGES = ['added', 'amended', 'abolished'] as const;

const item = z.object({
  code: z.string().trim().regex(PROCEDURE_CODE_PATTERN),
  name: z.string().trim().min(1).max(1000),
  change: z.enum(PUBLICATION_CHANGES),
});

/** A ministry's decision publishing national procedures (with the effective date of the underlying law). */
export const ministryDecisionBody = z.object({
  number: z.string().trim().min(1).max(100),
  issuer: z.string().trim().min(1).max(300),
  title: z.string().trim().max(1000).optional(),
  signedOn: isoDate,
  effectiveOn: isoDate,
  /** The department answerable for advising the city's decision. */
  responsibleUnit: z.string().trim().regex(UNIT_CODE_PATTERN),
  items: z.array(item).min(1).max(500),
});
/** A ministry decision as sent. */
export type MinistryDecisionBody = z.infer<typeof ministryDecisionBody>;

/** The city's decision publishing its procedure list, following (optionally) a ministry decision. */
export const cityDecisionBody = z.object({
  number: z.string().trim().min(1).max(100),
  issuer: z.string().trim().min(1).max(300).default('Chủ tịch Ủy ban nhân dân thành phố Hải Phòng'),
  title: z.string().trim().max(1000).optional(),
  signedOn: isoDate,
  sourceId: z.uuid().optional(),
  responsibleUnit: z.string().trim().regex(UNIT_CODE_PATTERN),
  items: z.array(item).min(1).max(500),
});
/** A city decision as sent. */
export type CityDecisionBody = z.infer<typeof cityDecisionBody>;

/** When a city decision was publicised on the national database. */
export const publiciseBody = z.object({ publicisedOn: isoDate });

/** A publication decision as the API shows it. */
export const decisionSchema = z.object({
  id: z.uuid(),
  kind: z.enum(['ministry', 'city']),
  number: z.string(),
  issuer: z.string(),
  title: z.string().nullable(),
  signedOn: z.string(),
  effectiveOn: z.string().nullable(),
  sourceId: z.string().nullable(),
  publicisedOn: z.string().nullable(),
  responsibleUnit: z.object({ code: z.string(), name: z.string() }),
  items: z.array(item),
  /** Legal deadlines: the city decision's latest signing date (ministry), the publicising deadline (city). */
  publishDueOn: z.string().nullable(),
  publiciseDueOn: z.string().nullable(),
});
/** A publication decision. */
export type Decision = z.infer<typeof decisionSchema>;

const boardItem = z.object({
  decisionId: z.uuid(),
  obligation: z.enum(['publish', 'publicise']),
  number: z.string(),
  issuer: z.string(),
  dueOn: z.string(),
  state: z.enum(['due', 'at_risk', 'late']),
  /** Working days left (due, at risk) or overdue (late). */
  days: z.number().int(),
  procedures: z.number().int(),
});

/** The board: per responsible department, its open publication obligations. */
export const boardResponse = z.object({
  on: z.string(),
  units: z.array(
    z.object({
      unit: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
      counts: z.object({ due: z.number().int(), at_risk: z.number().int(), late: z.number().int() }),
      items: z.array(boardItem),
    }),
  ),
});

/** The day the board is judged on (today by default). */
export const boardQuery = z.object({ on: isoDate.optional() });
/** The period of the rates, both ends inclusive. */
export const ratesQuery = z.object({ from: isoDate, to: isoDate });

const ratio = z.object({ numerator: z.number().int(), denominator: z.number().int(), rate: z.number().nullable() });
/** The publicity rates per unit for a period. */
export const ratesResponse = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  units: z.array(z.object({ unit: z.object({ id: z.uuid(), code: z.string(), name: z.string() }), publication: ratio, publicising: ratio, completeness: ratio })),
});
