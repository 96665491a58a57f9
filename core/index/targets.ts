/**
 * Targets of the Decision 766 index (docs/index.md, Dashboard): what a leader expects of a unit in a
 * year, per indicator as a rate (0..1) or for the total as points (0..100), and how an actual
 * figure stands against it. Pure: schemas and arithmetic, shared by the server and the dashboard.
 */
import { z } from 'zod';
import { INDICATOR_CODES, type IndicatorCode } from './config';

/** What a target is set on: an indicator, or the total score (`total`). */
export const TARGET_CODES = ['total', ...INDICATOR_CODES] as const;
export type TargetCode = 'total' | IndicatorCode;

const unitCode = z.string().trim().min(1).max(40);
const year = z.coerce.number().int().min(2000, { error: 'INDEX_TARGET_YEAR_INVALID' }).max(2100, { error: 'INDEX_TARGET_YEAR_INVALID' });

/** The largest value a target may take: points for the total, a rate for an indicator. */
export const targetMax = (code: TargetCode): number => (code === 'total' ? 100 : 1);

/** `GET /api/v1/index/targets?unit&year` */
export const targetsQuery = z.object({ unit: unitCode, year });

/** One target as set: `value` null removes it. */
export const targetInput = z.object({
  code: z.enum(TARGET_CODES, { error: 'INDEX_TARGET_CODE_UNKNOWN' }),
  value: z.number({ error: 'INDEX_TARGET_VALUE_INVALID' }).min(0, { error: 'INDEX_TARGET_VALUE_INVALID' }).nullable(),
});

/** `PUT /api/v1/index/targets`: some targets of one unit and year, set or removed together. */
export const targetsBody = z
  .object({ unit: unitCode, year, targets: z.array(targetInput).min(1).max(TARGET_CODES.length) })
  .superRefine((b, ctx) => {
    const seen = new Set<string>();
    b.targets.forEach((t, i) => {
      if (seen.has(t.code)) ctx.addIssue({ code: 'custom', path: ['targets', i, 'code'], message: 'INDEX_TARGET_DUPLICATE' });
      seen.add(t.code);
      if (t.value !== null && t.value > targetMax(t.code)) ctx.addIssue({ code: 'custom', path: ['targets', i, 'value'], message: 'INDEX_TARGET_VALUE_INVALID' });
    });
  });
export type TargetsBody = z.infer<typeof targetsBody>;

export const targetEntry = z.object({ code: z.enum(TARGET_CODES), value: z.number(), setBy: z.string(), setAt: z.string() });
export type TargetEntry = z.infer<typeof targetEntry>;

/** The targets of a unit for a year, in the order of `TARGET_CODES`. */
export const targetsResponse = z.object({
  unit: z.object({ code: z.string(), name: z.string() }),
  year: z.number(),
  /** Whether the caller may change them. */
  canEdit: z.boolean(),
  targets: z.array(targetEntry),
});
export type TargetsResponse = z.infer<typeof targetsResponse>;

/** How an actual figure stands against its target: met (at or above), missed, or nothing to compare. */
export type TargetStanding = 'met' | 'missed' | 'none';

/** Compares an actual value (a rate or points, null when there was nothing to count) with a target. */
export function targetStanding(actual: number | null, target: number | null | undefined): TargetStanding {
  if (target === null || target === undefined || actual === null) return 'none';
  // rates and points are compared to 4 decimals, the precision targets are stored with
  return Math.round(actual * 10_000) >= Math.round(target * 10_000) ? 'met' : 'missed';
}
