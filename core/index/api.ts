/** API schemas of the Decision 766 index (docs/index.md). */
import { z } from 'zod';
import { CITY_RULES, GROUPS, INDICATOR_CODES } from './config';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'INDEX_BAD_DATE');
const unitCode = z.string().trim().min(1).max(40);

/** `?unit&from&to`: a unit and an inclusive period of days (UTC+7). */
export const indexQuery = z.object({ unit: unitCode, from: day, to: day });
export type IndexQuery = z.infer<typeof indexQuery>;

const unitRef = z.object({ code: z.string(), name: z.string(), kind: z.string() });

export const indicatorResult = z.object({
  code: z.enum(INDICATOR_CODES),
  numerator: z.number(),
  denominator: z.number(),
  rate: z.number().nullable(),
  score: z.number(),
  max: z.number(),
  threshold: z.number().nullable(),
});
export const groupResult = z.object({ code: z.enum(GROUPS.map((g) => g.code) as [string, ...string[]]), score: z.number(), max: z.number(), indicators: z.array(indicatorResult) });
export const cityRuleResult = z.object({
  code: z.enum(CITY_RULES.map((r) => r.code) as [string, ...string[]]),
  numerator: z.number(),
  denominator: z.number(),
  rate: z.number().nullable(),
  threshold: z.number(),
  met: z.boolean().nullable(),
  points: z.number(),
});

/** GET /api/v1/index */
export const indexResponse = z.object({
  unit: unitRef,
  from: z.string(),
  to: z.string(),
  total: z.number(),
  cityPoints: z.number(),
  groups: z.array(groupResult),
  cityRules: z.array(cityRuleResult),
  timeliness: z.object({ early: z.number(), onTime: z.number(), late: z.number(), openLate: z.number() }),
  computedAt: z.string(),
});
export type IndexResponse = z.infer<typeof indexResponse>;

/** GET /api/v1/index/procedures: TDGQ.1's detail per procedure. */
export const procedureTimesResponse = z.object({
  unit: unitRef,
  from: z.string(),
  to: z.string(),
  procedures: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      received: z.number(),
      finished: z.number(),
      early: z.number(),
      onTime: z.number(),
      late: z.number(),
      /** Mean elapsed time from receipt to finish, in hours; null when none finished. */
      meanHours: z.number().nullable(),
    }),
  ),
});
export type ProcedureTimesResponse = z.infer<typeof procedureTimesResponse>;

/** GET /api/v1/index/units?parent&from&to: the parent and each unit directly under it, for ranking and the heat table. */
export const unitsQuery = z.object({ parent: unitCode.optional(), from: day, to: day });
export const unitsResponse = z.object({
  parent: unitRef,
  from: z.string(),
  to: z.string(),
  units: z.array(indexResponse.omit({ from: true, to: true, computedAt: true })),
  computedAt: z.string(),
});
export type UnitsResponse = z.infer<typeof unitsResponse>;

/** GET /api/v1/index/trend?unit&year: the index of each month of a year (months after today are left out). */
export const trendQuery = z.object({ unit: unitCode, year: z.coerce.number().int().min(2000).max(2100) });
export const trendResponse = z.object({
  unit: unitRef,
  year: z.number(),
  months: z.array(z.object({ month: z.string(), total: z.number(), cityPoints: z.number(), groups: z.array(z.object({ code: z.string(), score: z.number(), max: z.number() })) })),
});
export type TrendResponse = z.infer<typeof trendResponse>;

/** GET /api/v1/index/{indicator}/dossiers: exactly what an indicator counted. */
export const DRILL_PARTS = ['numerator', 'denominator'] as const;
export const drillParams = z.object({ indicator: z.enum(INDICATOR_CODES) });
export const drillQuery = indexQuery.extend({
  part: z.enum(DRILL_PARTS),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export const drillDossier = z.object({
  code: z.string().nullable(),
  source: z.enum(['live', 'import']),
  procedureCode: z.string(),
  procedureName: z.string(),
  unitCode: z.string(),
  status: z.number(),
  receivedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export const drillProcedure = z.object({ code: z.string(), name: z.string(), onlineLevel: z.string(), complete: z.boolean() });
export const drillResponse = z.object({
  indicator: z.string(),
  part: z.enum(DRILL_PARTS),
  kind: z.enum(['dossiers', 'procedures']),
  total: z.number(),
  dossiers: z.array(drillDossier),
  procedures: z.array(drillProcedure),
});
export type DrillResponse = z.infer<typeof drillResponse>;

const instant = z.iso.datetime({ offset: true });
const bool = z.boolean();
/** One line of the history import (NDJSON), as documented in docs/index.md. */
export const historyDossier = z
  .object({
    code: z.string().trim().min(1).max(60),
    procedureCode: z.string().regex(/^[0-9]\.[0-9]{6}$/),
    unitCode: unitCode,
    channel: z.enum(['counter', 'online', 'postal']),
    receivedAt: instant,
    dueAt: instant.nullable(),
    finishedAt: instant.nullable(),
    status: z.number().int().min(1).max(10),
    supplementRequests: z.number().int().min(0).max(100),
    feeRequired: bool,
    paid: z.enum(['online', 'offline']).nullable(),
    componentsDigitised: bool,
    reusedComponent: bool,
    eResult: bool,
    syncedToNational: bool,
    complaint: bool,
    ratings: z.array(z.number().int().min(0).max(2)).length(9).nullable(),
  })
  .strict()
  .superRefine((d, ctx) => {
    const finished = [3, 7, 8, 9, 10].includes(d.status);
    if (finished !== (d.finishedAt !== null)) ctx.addIssue({ code: 'custom', path: ['finishedAt'], message: 'HISTORY_IMPORT_FINISHED_MISMATCH' });
    if (d.finishedAt && Date.parse(d.finishedAt) < Date.parse(d.receivedAt)) ctx.addIssue({ code: 'custom', path: ['finishedAt'], message: 'HISTORY_IMPORT_FINISHED_BEFORE_RECEIVED' });
    if (d.dueAt && Date.parse(d.dueAt) < Date.parse(d.receivedAt)) ctx.addIssue({ code: 'custom', path: ['dueAt'], message: 'HISTORY_IMPORT_DUE_BEFORE_RECEIVED' });
    if (d.paid !== null && !d.feeRequired) ctx.addIssue({ code: 'custom', path: ['paid'], message: 'HISTORY_IMPORT_PAID_WITHOUT_FEE' });
  });
export type HistoryDossier = z.infer<typeof historyDossier>;

/** The import's answer: how many lines, how many written (0 on a dry run or any error), and every error by line. */
export const historyImportResponse = z.object({
  dryRun: z.boolean(),
  lines: z.number(),
  imported: z.number(),
  errors: z.array(z.object({ line: z.number(), field: z.string().nullable(), code: z.string(), message: z.string() })),
});
export type HistoryImportResponse = z.infer<typeof historyImportResponse>;

/** The import's answer when a line is wrong (nothing written): the report and the error. */
export const historyImportRejected = historyImportResponse.extend({ error: z.object({ code: z.string(), message: z.string() }) });
