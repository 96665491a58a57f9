import { type ErrorCode, type Locale, errorMessage } from '../errors/catalogue';
import type { ProcedureInput } from './procedure';
import { type ProcedureIssue, type RuleContext, validateProcedure } from './rules';

/** One problem of an import file: where (row of the file, field) and what (stable code, message). */
export interface ImportIssue {
  row: number;
  field: string;
  code: ErrorCode;
  message: string;
}

/** One raw procedure of a file, with the row it came from (1-based; spreadsheet row or array index). */
export interface RawRow {
  row: number;
  value: unknown;
}

/** Renders a procedure issue at a row in a locale. */
export function toImportIssue(row: number, issue: ProcedureIssue, locale: Locale): ImportIssue {
  return { row, field: issue.field, code: issue.code, message: errorMessage(issue.code, locale, issue.params ?? {}) };
}

/**
 * Validates every row of a file: shape, rules, and codes unique inside the file. Returns all the
 * valid procedures and every issue found (not just the first), so one pass fixes a file.
 */
export function validateBatch(rows: readonly RawRow[], ctx: RuleContext, locale: Locale, onRow?: (done: number) => void): { valid: { row: number; value: ProcedureInput }[]; issues: ImportIssue[] } {
  const valid: { row: number; value: ProcedureInput }[] = [];
  const issues: ImportIssue[] = [];
  const firstRow = new Map<string, number>();
  let done = 0;
  for (const { row, value } of rows) {
    onRow?.(++done);
    const code = typeof value === 'object' && value !== null ? (value as { code?: unknown }).code : undefined;
    if (typeof code === 'string') {
      const first = firstRow.get(code.trim());
      if (first !== undefined) {
        issues.push(toImportIssue(row, { field: 'code', code: 'PROCEDURE_CODE_DUPLICATE', params: { code: code.trim(), first } }, locale));
        continue;
      }
      firstRow.set(code.trim(), row);
    }
    const result = validateProcedure(value, ctx);
    if (result.ok) valid.push({ row, value: result.value });
    else for (const i of result.issues) issues.push(toImportIssue(row, i, locale));
  }
  return { valid, issues };
}
