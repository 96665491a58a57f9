import { z } from 'zod';
import { COMPLETENESS_ITEMS } from './completeness';
import { ONLINE_LEVELS, PROCEDURE_CODE_PATTERN, PROCEDURE_LEVELS, TIME_UNITS, procedureInputSchema } from './procedure';

/** Query of the public search. */
export const searchQuery = z.object({
  q: z.string().trim().max(200).optional(),
  field: z.string().trim().max(50).optional(),
  level: z.enum(PROCEDURE_LEVELS).optional(),
  /** A unit's national identifier code. */
  unit: z.string().trim().max(20).optional(),
  online: z.enum(ONLINE_LEVELS).optional(),
  /** `false`: only procedures the completeness check finds lacking (what the index marks down). */
  complete: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
/** The parsed search query. */
export type SearchQuery = z.infer<typeof searchQuery>;

const unitRef = z.object({ code: z.string(), name: z.string() });
const processingTime = z.object({ amount: z.number(), unit: z.enum(TIME_UNITS) }).nullable();

/** One search hit. */
export const procedureSummary = z.object({
  code: z.string(),
  name: z.string(),
  field: z.object({ code: z.string(), name: z.string() }),
  level: z.enum(PROCEDURE_LEVELS),
  onlineLevel: z.enum(ONLINE_LEVELS),
  processingTime,
  responsibleUnit: unitRef,
});
/** One search hit. */
export type ProcedureSummary = z.infer<typeof procedureSummary>;

/** The search answer: a page of hits and the total. */
export const searchResponse = z.object({ items: z.array(procedureSummary), total: z.number().int() });

/** The procedure page: the current (or a given) version with unit names, completeness and version facts. */
export const procedureDetail = z.object({
  procedure: procedureInputSchema,
  versionId: z.uuid(),
  version: z.number().int(),
  status: z.enum(['active', 'abolished']),
  complete: z.boolean(),
  missing: z.array(z.enum(COMPLETENESS_ITEMS)),
  /** Names of every unit the procedure mentions, by code. */
  unitNames: z.record(z.string(), z.string()),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});
/** The procedure page. */
export type ProcedureDetail = z.infer<typeof procedureDetail>;

/** The version history of a procedure, newest first. */
export const versionsResponse = z.object({
  code: z.string(),
  currentVersion: z.number().int(),
  versions: z.array(z.object({ id: z.uuid(), version: z.number().int(), name: z.string(), createdAt: z.string(), createdBy: z.string().nullable() })),
});

/** Fields (lĩnh vực) with their procedure counts, total and per level. */
export const fieldsResponse = z.object({
  fields: z.array(z.object({ code: z.string(), name: z.string(), total: z.number().int(), byLevel: z.record(z.string(), z.number().int()) })),
});

/** Units with procedures, for browsing by unit: answerable for (responsible) and carrying out or receiving (implementing). */
export const procedureUnitsResponse = z.object({
  units: z.array(z.object({ code: z.string(), name: z.string(), kind: z.string(), responsible: z.number().int(), implementing: z.number().int() })),
});

/** A national procedure code in the path. */
export const codeParams = z.object({ code: z.string().regex(PROCEDURE_CODE_PATTERN) });

/** What an import did or would do, and every problem found (nothing is written when there is one). */
export const importReport = z.object({
  dryRun: z.boolean(),
  written: z.boolean(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), field: z.string(), code: z.string(), message: z.string() })),
});
/** The import report. */
export type ImportReport = z.infer<typeof importReport>;

/** Import options: `?dryRun=true` validates without writing. */
export const importQuery = z.object({ dryRun: z.enum(['true', 'false']).default('false').transform((v) => v === 'true') });

/** Export filters (as the search) and the format. */
export const exportQuery = searchQuery.omit({ limit: true, offset: true }).extend({ format: z.enum(['json', 'xlsx']).default('json') });
