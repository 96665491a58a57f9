import type { z } from 'zod';
import type { ErrorCode } from '../errors/catalogue';
import { type ProcedureInput, procedureInputSchema } from './procedure';

/** One problem with one field of a procedure: a stable code and the values its message needs. */
export interface ProcedureIssue {
  field: string;
  code: ErrorCode;
  params?: Record<string, string | number>;
}

/** What the rules need to know about the world: whether a unit code exists (and may be used). */
export interface RuleContext {
  unitExists(code: string): boolean;
}

const fieldOf = (path: readonly PropertyKey[]) => path.map(String).join('.');

/** Maps one zod issue to our stable code, by the field it concerns. */
function issueFromZod(i: z.core.$ZodIssue): ProcedureIssue {
  const field = fieldOf(i.path) || '(procedure)';
  const head = String(i.path[0] ?? '');
  const missing = i.code === 'invalid_type' && (i as { input?: unknown }).input === undefined;
  if (head === 'name' && (missing || i.code === 'too_small')) return { field, code: 'PROCEDURE_NAME_REQUIRED' };
  if (head === 'code' && !missing) return { field, code: 'PROCEDURE_CODE_INVALID' };
  if (head === 'level' && !missing) return { field, code: 'PROCEDURE_LEVEL_UNKNOWN' };
  if (head === 'onlineLevel' && !missing) return { field, code: 'PROCEDURE_ONLINE_LEVEL_UNKNOWN' };
  if (head === 'processingTime' && !missing) return { field, code: 'PROCEDURE_TIME_INVALID' };
  if (missing || i.code === 'too_small') return { field, code: 'PROCEDURE_REQUIRED', params: { field } };
  return { field, code: 'PROCEDURE_VALUE_INVALID', params: { field } };
}

/** The legal-time rule: positive, except an immediate result which is exactly 0. */
export function timeIsValid(t: { amount: number; unit: string }): boolean {
  return t.unit === 'immediate' ? t.amount === 0 : t.amount > 0;
}

/** Rules beyond shape: time, fees, online justification, step shares, units that exist. */
export function checkProcedureRules(p: ProcedureInput, ctx: RuleContext): ProcedureIssue[] {
  const issues: ProcedureIssue[] = [];
  const t = p.processingTime;
  if (t && !timeIsValid(t)) issues.push({ field: 'processingTime.amount', code: 'PROCEDURE_TIME_INVALID' });
  p.fees.forEach((f, i) => {
    if (f.amount !== null && f.amount < 0) issues.push({ field: `fees.${i}.amount`, code: 'PROCEDURE_FEE_NEGATIVE' });
    if (f.amount === null && f.rule === null) issues.push({ field: `fees.${i}`, code: 'PROCEDURE_FEE_EMPTY' });
  });
  if (p.onlineLevel !== 'full' && !p.onlineJustification) issues.push({ field: 'onlineJustification', code: 'PROCEDURE_ONLINE_JUSTIFICATION_REQUIRED' });
  if (t && timeIsValid(t) && p.steps.length > 0) {
    const sum = p.steps.reduce((s, x) => s + x.time, 0);
    // Shares may be fractions of a day (0.5): compare with a tolerance, not exactly.
    if (Math.abs(sum - t.amount) > 1e-6) issues.push({ field: 'steps', code: 'PROCEDURE_STEPS_SUM', params: { sum: round(sum), total: t.amount } });
  }
  const unitFields: [string, string | null][] = [
    ['responsibleUnit', p.responsibleUnit],
    ...p.implementingUnits.map((u, i): [string, string] => [`implementingUnits.${i}`, u]),
    ...p.receivingUnits.map((u, i): [string, string] => [`receivingUnits.${i}`, u]),
    ...p.steps.map((s, i): [string, string | null] => [`steps.${i}.unit`, s.unit]),
  ];
  for (const [field, code] of unitFields) if (code !== null && !ctx.unitExists(code)) issues.push({ field, code: 'PROCEDURE_UNIT_UNKNOWN', params: { unit: code } });
  return issues;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

const orNull = (s: string | null) => (s === null || s === '' ? null : s);

/** Optional texts left blank are absent (null), so '' and null never count as a change. */
function blanksToNull(p: ProcedureInput): ProcedureInput {
  return {
    ...p,
    conditions: orNull(p.conditions),
    legalBasis: orNull(p.legalBasis),
    onlineJustification: orNull(p.onlineJustification),
    fees: p.fees.map((f) => ({ ...f, rule: orNull(f.rule) })),
    components: p.components.map((c) => ({ ...c, condition: orNull(c.condition), form: orNull(c.form), documentType: orNull(c.documentType) })),
  };
}

/** Parses one raw procedure and applies the rules: the value, or every issue found. */
export function validateProcedure(raw: unknown, ctx: RuleContext): { ok: true; value: ProcedureInput } | { ok: false; issues: ProcedureIssue[] } {
  const parsed = procedureInputSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.map(issueFromZod) };
  const value = blanksToNull(parsed.data);
  const issues = checkProcedureRules(value, ctx);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value };
}
