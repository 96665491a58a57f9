/** API schemas of inspection and accountability (zod 4), shared by the server and the web client. Issue messages are error codes. */
import { z } from 'zod';
import { VIOLATION_KINDS } from '../dossier/violations';
import { type GradeFormula, gradeFormulaSchema } from './grade';
import { HANDLING_KINDS, MANUAL_VIOLATION_KINDS, VIOLATION_STATUSES } from './violations';

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, { error: 'NOT_FOUND' });
const text = z.string({ error: 'ACCOUNTABILITY_TEXT_REQUIRED' }).trim().min(1, { error: 'ACCOUNTABILITY_TEXT_REQUIRED' }).max(5000, { error: 'ACCOUNTABILITY_TEXT_REQUIRED' });
const unitCode = z.string().trim().min(1).max(40);
const year = z.coerce.number({ error: 'ACCOUNTABILITY_YEAR_INVALID' }).int({ error: 'ACCOUNTABILITY_YEAR_INVALID' }).min(2000, { error: 'ACCOUNTABILITY_YEAR_INVALID' }).max(2100, { error: 'ACCOUNTABILITY_YEAR_INVALID' });

/** The text fields of a manual violation (multipart, with its evidence files). */
export const manualViolationFields = z.object({
  unitId: uuid,
  officerId: uuid,
  kind: z.enum(MANUAL_VIOLATION_KINDS, { error: 'ACCOUNTABILITY_KIND_UNKNOWN' }),
  description: text,
  occurredAt: z.iso.datetime({ offset: true, error: 'ACCOUNTABILITY_DATE_INVALID' }),
  dossierCode: z.string().trim().max(60).optional(),
});
export type ManualViolationFields = z.infer<typeof manualViolationFields>;

/** A handling (reminder, criticism, disciplinary proposal) or the closure, with its note. */
export const handlingBody = z.object({ kind: z.enum(HANDLING_KINDS, { error: 'ACCOUNTABILITY_KIND_UNKNOWN' }), note: text });

/** `ref`: a manual violation's id, or `<dossier id>.<kind>` for an automatic one. */
export const refParams = z.object({ ref: z.string().min(36).max(80) });

/** `?unit&year`: a unit by code (default the caller's own) and a year. */
export const unitYearQuery = z.object({ unit: unitCode.optional(), year });
export const gradeQuery = z.object({ unit: unitCode, year });

/** `?unit&year&status`: the register of a unit's sub-tree. */
export const registerQuery = unitYearQuery.extend({ status: z.enum([...VIOLATION_STATUSES, 'all']).default('all') });

const unitRef = z.object({ id: z.string(), code: z.string(), name: z.string() });
const person = z.object({ id: z.string().nullable(), name: z.string().nullable() });

export const handlingView = z.object({ id: z.string(), kind: z.enum(HANDLING_KINDS), note: z.string(), at: z.string(), actorName: z.string().nullable() });
export const evidenceView = z.object({ id: z.string(), filename: z.string(), mime: z.string(), size: z.number() });

export const violationView = z.object({
  ref: z.string(),
  source: z.enum(['dossier', 'manual']),
  kind: z.enum([...VIOLATION_KINDS, ...MANUAL_VIOLATION_KINDS]),
  at: z.string(),
  unit: unitRef,
  officer: person,
  dossierCode: z.string().nullable(),
  description: z.string().nullable(),
  recordedBy: z.string().nullable(),
  status: z.enum(VIOLATION_STATUSES),
  handlings: z.array(handlingView),
  evidence: z.array(evidenceView),
  /** What the caller may record on it now (the workflow table and their permission). */
  allowed: z.array(z.enum(HANDLING_KINDS)),
});
export type ViolationView = z.infer<typeof violationView>;

export const registerView = z.object({ unit: unitRef, year: z.number(), items: z.array(violationView), asOf: z.string() });
export const violationDetail = z.object({ violation: violationView });

export const lateDossierView = z.object({
  code: z.string().nullable(),
  procedureCode: z.string(),
  status: z.string(),
  handlingUnit: z.string(),
  assignee: z.string().nullable(),
  dueAt: z.string(),
  finishedAt: z.string().nullable(),
  late: z.enum(['open', 'finished']),
});

export const lateTaskView = z.object({ taskId: z.string(), planNumber: z.string(), content: z.string(), lead: z.string(), period: z.string(), due: z.string(), state: z.string() });

/** The head's page: the unit's violations by officer, late dossiers and tasks, and what was done. */
export const headView = z.object({
  unit: unitRef,
  /** Units the caller may open this page for (their scope), by code. */
  units: z.array(unitRef),
  year: z.number(),
  asOf: z.string(),
  officers: z.array(z.object({ officer: person, count: z.number(), open: z.number(), violations: z.array(violationView) })),
  lateDossiers: z.object({ open: z.number(), finished: z.number(), items: z.array(lateDossierView) }),
  reform: z.object({ onTimeRate: z.number().nullable(), onTime: z.number(), late: z.number(), overdue: z.number(), items: z.array(lateTaskView) }),
  handlings: z.array(handlingView.extend({ ref: z.string(), violationKind: z.string(), officerName: z.string().nullable() })),
  may: z.object({ inspect: z.boolean(), handle: z.boolean(), configure: z.boolean() }),
  /** The unit's active staff, whom an inspector may name (empty for others). */
  staff: z.array(z.object({ id: z.string(), name: z.string(), unit: z.string() })),
});
export type HeadView = z.infer<typeof headView>;

const component = z.object({
  code: z.enum(['index', 'cityRules', 'reformOnTime']),
  input: z.number().nullable(),
  scale: z.object({ min: z.number(), max: z.number() }),
  share: z.number(),
  weight: z.number(),
  contribution: z.number(),
  note: z.enum(['no_tasks', 'no_range']).nullable(),
});

/** GET /api/v1/accountability/grade: inputs, formula and every step. */
export const gradeView = z.object({
  unit: unitRef,
  year: z.number(),
  period: z.object({ from: z.string(), to: z.string() }),
  asOf: z.string(),
  formula: gradeFormulaSchema,
  inputs: z.object({ indexTotal: z.number(), cityPoints: z.number(), cityRange: z.object({ min: z.number(), max: z.number() }), reformOnTimeRate: z.number().nullable(), violations: z.number(), automaticViolations: z.number(), manualViolations: z.number() }),
  result: z.object({
    components: z.array(component),
    subtotal: z.number(),
    penalty: z.object({ violations: z.number(), perViolation: z.number(), cap: z.number(), points: z.number() }),
    raw: z.number(),
    score: z.number(),
    declaredTotal: z.number(),
    band: z.object({ code: z.string(), vi: z.string(), en: z.string(), min: z.number() }),
  }),
});
export type GradeView = z.infer<typeof gradeView>;

export const formulaView = z.object({ formula: gradeFormulaSchema, updatedAt: z.string().nullable(), updatedBy: z.string().nullable() });
export type FormulaView = { formula: GradeFormula; updatedAt: string | null; updatedBy: string | null };
