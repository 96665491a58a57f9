/**
 * Import of a plan's appendix table (the usual "Phụ lục: danh mục nhiệm vụ"): header recognition in
 * Vietnamese (with or without diacritics) or English, deadline texts, units by code or name, and
 * validation of every row before anything is written.
 */
import type { ErrorCode } from '../errors/catalogue';
import { AppError } from '../errors/app-error';
import type { WorkingCalendar } from '../calendar/working-calendar';
import { type DeadlineRule, assertAfterPlan, occurrencesOf } from './deadline';

/** The columns of the appendix, each with the headers it is recognised by (compared folded: no diacritics, lower case). */
export const IMPORT_COLUMNS = {
  content: ['noi dung', 'noi dung nhiem vu', 'nhiem vu', 'ten nhiem vu', 'content', 'task'],
  lead: ['co quan chu tri', 'don vi chu tri', 'chu tri', 'lead', 'lead unit'],
  supporting: ['co quan phoi hop', 'don vi phoi hop', 'phoi hop', 'supporting', 'supporting units'],
  deadline: ['thoi han', 'thoi han hoan thanh', 'thoi gian hoan thanh', 'han hoan thanh', 'deadline'],
  output: ['san pham', 'san pham du kien', 'ket qua du kien', 'san pham dau ra', 'expected output', 'output'],
  measure: ['tieu chi hoan thanh', 'tieu chi danh gia', 'do luong', 'measure', 'measure of completion'],
} as const;
export type ImportColumn = keyof typeof IMPORT_COLUMNS;

/** Lower case, no diacritics (đ → d), single spaces, no punctuation: how headers and deadline texts are compared. */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9/.-]+/g, ' ')
    .trim();
}

/** The column a header names, or undefined. */
export function columnOf(header: string): ImportColumn | undefined {
  const f = fold(header);
  return (Object.keys(IMPORT_COLUMNS) as ImportColumn[]).find((c) => (IMPORT_COLUMNS[c] as readonly string[]).includes(f));
}

const pad = (n: string) => n.padStart(2, '0');

/** `dd/mm/yyyy` or `yyyy-mm-dd` as `YYYY-MM-DD`, or undefined. */
function dateOf(s: string): string | undefined {
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (dmy) return `${dmy[3]}-${pad(dmy[2]!)}-${pad(dmy[1]!)}`;
  return /^\d{4}-\d{2}-\d{2}$/.test(s) ? s : undefined;
}

/**
 * The rule a deadline cell states, relative to the plan's date: a date (`31/12/2026`), a recurring
 * report (`Hằng tháng, ngày 20` / `monthly 20`; `Hằng quý, ngày 15` / `quarterly 15`: until the end of
 * the plan's year) or working days (`10 ngày làm việc` / `10 working days`, from the plan's date, or
 * `… kể từ 01/03/2026`). Undefined when it says none of these.
 */
export function parseDeadlineText(text: string, planDate: string): DeadlineRule | undefined {
  const f = fold(text);
  const date = dateOf(f);
  if (date) return { kind: 'date', date };
  const yearEnd = `${planDate.slice(0, 4)}-12-31`;
  const recurring = /^(hang thang|monthly|hang quy|quarterly)(?: ngay| day)? (\d{1,2})$/.exec(f);
  if (recurring) {
    const kind = recurring[1] === 'hang thang' || recurring[1] === 'monthly' ? 'monthly' : 'quarterly';
    return { kind, day: Number(recurring[2]), from: planDate, to: yearEnd };
  }
  const wd = /^(\d{1,3}) (?:ngay lam viec|working days?)(?: (?:ke tu|from) (\S+))?$/.exec(f);
  if (wd) {
    const start = wd[2] ? dateOf(wd[2]) : planDate;
    return start ? { kind: 'working_days', days: Number(wd[1]), start } : undefined;
  }
  return undefined;
}

/** A problem of one row (row 0 = the file), as a code of the error catalogue with its parameters. */
export interface ImportIssue {
  row: number;
  field: ImportColumn | 'file';
  code: ErrorCode;
  params?: Record<string, string | number>;
}

/** A task ready to be written. */
export interface ImportedTask {
  row: number;
  content: string;
  leadUnitId: string;
  supportingUnitIds: string[];
  deadline: DeadlineRule;
  expectedOutput: string;
  completionMeasure: string;
}

/** Splits a cell listing units: by `;` or new lines (unit names themselves contain commas). */
export function splitUnits(cell: string): string[] {
  return cell
    .split(/[;\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Validates every row in full: content and lead unit required, units known, deadline readable and
 * not before the plan's date. Answers the tasks and every issue; the caller writes nothing when
 * there is any issue.
 */
export function validateImportRows(
  rows: readonly { row: number; cells: Partial<Record<ImportColumn, string>> }[],
  ctx: { planDate: string; resolveUnit: (text: string) => string | undefined; calendar: WorkingCalendar },
): { tasks: ImportedTask[]; issues: ImportIssue[] } {
  const tasks: ImportedTask[] = [];
  const issues: ImportIssue[] = [];
  if (rows.length === 0) issues.push({ row: 0, field: 'file', code: 'REFORM_IMPORT_EMPTY' });
  for (const { row, cells } of rows) {
    const before = issues.length;
    const content = cells.content?.trim() ?? '';
    if (!content) issues.push({ row, field: 'content', code: 'REFORM_TASK_CONTENT_REQUIRED' });
    const leadText = cells.lead?.trim() ?? '';
    const leadUnitId = leadText ? ctx.resolveUnit(leadText) : undefined;
    if (!leadText) issues.push({ row, field: 'lead', code: 'REFORM_LEAD_REQUIRED' });
    else if (!leadUnitId) issues.push({ row, field: 'lead', code: 'REFORM_UNIT_UNKNOWN', params: { unit: leadText } });
    const supportingUnitIds: string[] = [];
    for (const s of splitUnits(cells.supporting ?? '')) {
      const id = ctx.resolveUnit(s);
      if (!id) issues.push({ row, field: 'supporting', code: 'REFORM_UNIT_UNKNOWN', params: { unit: s } });
      else if (id !== leadUnitId && !supportingUnitIds.includes(id)) supportingUnitIds.push(id);
    }
    const text = cells.deadline?.trim() ?? '';
    const deadline = parseDeadlineText(text, ctx.planDate);
    if (!deadline) issues.push({ row, field: 'deadline', code: 'REFORM_DEADLINE_INVALID', params: { value: text } });
    else {
      try {
        assertAfterPlan(deadline, occurrencesOf(deadline, ctx.calendar), ctx.planDate);
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        issues.push({ row, field: 'deadline', code: err.code, params: { value: text, ...err.params } });
      }
    }
    if (issues.length > before || !deadline || !leadUnitId) continue;
    tasks.push({ row, content, leadUnitId, supportingUnitIds, deadline, expectedOutput: cells.output?.trim() ?? '', completionMeasure: cells.measure?.trim() ?? '' });
  }
  return { tasks, issues };
}
