import type { Kysely } from 'kysely';
import type { ImportReport } from '@core/catalogue/api';
import { type ImportIssue, type RawRow, toImportIssue, validateBatch } from '@core/catalogue/batch';
import type { Locale } from '@core/errors/catalogue';
import type { DB } from '../../db/schema';
import { type Ctx, planSave, saveProcedures } from './commands';
import { readImportFile } from './files/read-file';
import { unitDirectory } from './queries';

/** How an import runs: dry or not, in which language, for whom (scope), and where progress goes. */
export interface ImportOptions {
  dryRun: boolean;
  locale: Locale;
  /** May the importer manage procedures owned by this unit code? Everything when absent (CLI). */
  inScope?: (unitCode: string) => boolean;
  onProgress?: (stage: 'read' | 'validate' | 'write' | 'done', done: number, total: number) => void;
}

/** Validates already-read rows: shape, rules, unique codes, units that exist and are in scope. */
export async function validateRows(db: Kysely<DB>, rows: readonly RawRow[], opts: ImportOptions) {
  const dir = await unitDirectory(db);
  const progress = opts.onProgress;
  const { valid, issues } = validateBatch(rows, { unitExists: (c) => dir.has(c) }, opts.locale, progress && ((n) => n % 100 === 0 && progress('validate', n, rows.length)));
  const inScope = opts.inScope;
  if (inScope) {
    for (const v of valid) {
      if (!inScope(v.value.responsibleUnit)) issues.push(toImportIssue(v.row, { field: 'responsibleUnit', code: 'PROCEDURE_UNIT_OUT_OF_SCOPE', params: { unit: v.value.responsibleUnit } }, opts.locale));
    }
  }
  return { valid, issues };
}

/**
 * Imports a catalogue file: reads it (content checked against its name), validates every row,
 * and — only when there is no error at all and this is not a dry run — writes everything in one
 * transaction. The report counts what was (or would be) created, updated and left unchanged.
 */
export async function importFile(ctx: Ctx, file: { name: string; data: Buffer }, opts: ImportOptions): Promise<ImportReport> {
  opts.onProgress?.('read', 0, 1);
  const parsed = await readImportFile(file.name, file.data, opts.locale);
  opts.onProgress?.('validate', 0, parsed.rows.length);
  const { valid, issues } = await validateRows(ctx.db, parsed.rows, opts);
  const errors: ImportIssue[] = [...parsed.issues, ...issues].sort((a, b) => a.row - b.row);
  opts.onProgress?.('validate', parsed.rows.length, parsed.rows.length);
  const items = valid.map((v) => v.value);
  if (errors.length > 0 || opts.dryRun) {
    const plan = await planSave(ctx.db, items);
    opts.onProgress?.('done', 1, 1);
    return { dryRun: opts.dryRun, written: false, created: plan.created.length, updated: plan.updated.length, unchanged: plan.unchanged.length, errors };
  }
  opts.onProgress?.('write', 0, items.length);
  const saved = await saveProcedures(ctx, items, 'import');
  opts.onProgress?.('done', items.length, items.length);
  return { dryRun: false, written: saved.created.length + saved.updated.length > 0, created: saved.created.length, updated: saved.updated.length, unchanged: saved.unchanged.length, errors: [] };
}
