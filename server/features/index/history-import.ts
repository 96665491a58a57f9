/**
 * Import of dossier history (NDJSON, one dossier per line; docs/index.md, History import): every
 * line is validated first — JSON, fields, known procedure and unit, codes unique in the file and in
 * the system — and only a file without any error is written, in one transaction with its audit
 * event. Imported dossiers are read-only history; the database counts them in the index like any other.
 */
import { randomUUID } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import { type HistoryDossier, type HistoryImportResponse, historyDossier } from '@core/index/api';
import { type ErrorCode, type Locale, ERRORS, errorMessage } from '@core/errors/catalogue';
import type { DB } from '../../db/schema';
import type { IndexHistoryDossiersTable } from '../../db/tables/index';
import type { AuditActor } from '../../http/actor';
import { appendAudit } from '../audit/append';
import { existingDossierCodes, insertHistoryDossiers, procedureIdsByCode, unitIdsByCode } from './history-queries';

/** Lines per import: beyond it, split the file (the whole import is one transaction). */
export const MAX_IMPORT_LINES = 200_000;
const CHUNK = 1_000;

type Issue = HistoryImportResponse['errors'][number];

function issue(line: number, field: string | null, code: string, locale: Locale, params: Record<string, string | number> = {}): Issue {
  const known = code in ERRORS ? errorMessage(code as ErrorCode, locale, params) : code;
  return { line, field, code, message: known };
}

/** Parses and validates every line; the valid records with their line numbers, and every problem. */
export async function validateHistory(db: Kysely<DB>, text: string, locale: Locale): Promise<{ lines: number; valid: { line: number; d: HistoryDossier }[]; errors: Issue[] }> {
  const raw = text.split(/\r?\n/);
  const errors: Issue[] = [];
  const valid: { line: number; d: HistoryDossier }[] = [];
  let lines = 0;
  raw.forEach((l, i) => {
    if (l.trim() === '') return;
    lines++;
    const line = i + 1;
    let json: unknown;
    try {
      json = JSON.parse(l);
    } catch {
      errors.push(issue(line, null, 'HISTORY_IMPORT_LINE_NOT_JSON', locale));
      return;
    }
    const parsed = historyDossier.safeParse(json);
    if (!parsed.success) {
      for (const e of parsed.error.issues) {
        const field = e.path.join('.') || null;
        errors.push(e.message in ERRORS ? issue(line, field, e.message, locale) : { line, field, code: e.code, message: e.message });
      }
      return;
    }
    valid.push({ line, d: parsed.data });
  });
  const procedures = await procedureIdsByCode(db, [...new Set(valid.map((v) => v.d.procedureCode))]);
  const units = await unitIdsByCode(db, [...new Set(valid.map((v) => v.d.unitCode))]);
  const existing = await existingDossierCodes(db, valid.map((v) => v.d.code));
  const seen = new Map<string, number>();
  const ok: typeof valid = [];
  for (const v of valid) {
    const before = errors.length;
    if (!procedures.has(v.d.procedureCode)) errors.push(issue(v.line, 'procedureCode', 'HISTORY_IMPORT_PROCEDURE_UNKNOWN', locale, { code: v.d.procedureCode }));
    if (!units.has(v.d.unitCode)) errors.push(issue(v.line, 'unitCode', 'HISTORY_IMPORT_UNIT_UNKNOWN', locale, { code: v.d.unitCode }));
    const first = seen.get(v.d.code);
    if (first !== undefined) errors.push(issue(v.line, 'code', 'HISTORY_IMPORT_CODE_DUPLICATE', locale, { code: v.d.code, first }));
    else seen.set(v.d.code, v.line);
    if (existing.has(v.d.code)) errors.push(issue(v.line, 'code', 'HISTORY_IMPORT_CODE_EXISTS', locale, { code: v.d.code }));
    if (errors.length === before) ok.push(v);
  }
  errors.sort((a, b) => a.line - b.line);
  return { lines, valid: ok, errors };
}

/** Validates, then — with no error and not a dry run — writes everything in one transaction with one audit event. */
export async function importHistory(
  ctx: { db: Kysely<DB>; actor: AuditActor & { id: string }; requestId: string; now: Date },
  text: string,
  opts: { dryRun: boolean; locale: Locale },
): Promise<HistoryImportResponse> {
  const { lines, valid, errors } = await validateHistory(ctx.db, text, opts.locale);
  if (lines === 0) return { dryRun: opts.dryRun, lines, imported: 0, errors: [issue(0, null, 'HISTORY_IMPORT_EMPTY', opts.locale)] };
  if (lines > MAX_IMPORT_LINES) return { dryRun: opts.dryRun, lines, imported: 0, errors: [issue(0, null, 'HISTORY_IMPORT_TOO_LARGE', opts.locale, { max: MAX_IMPORT_LINES })] };
  if (errors.length > 0 || opts.dryRun) return { dryRun: opts.dryRun, lines, imported: 0, errors };
  const procedures = await procedureIdsByCode(ctx.db, [...new Set(valid.map((v) => v.d.procedureCode))]);
  const units = await unitIdsByCode(ctx.db, [...new Set(valid.map((v) => v.d.unitCode))]);
  const batch = randomUUID();
  const rows = valid.map(({ d }): Insertable<IndexHistoryDossiersTable> => {
    const p = procedures.get(d.procedureCode) as { id: string; resultPaper: boolean };
    return {
      code: d.code,
      procedure_id: p.id,
      unit_id: units.get(d.unitCode) as string,
      channel: d.channel,
      received_at: new Date(d.receivedAt),
      due_at: d.dueAt ? new Date(d.dueAt) : null,
      finished_at: d.finishedAt ? new Date(d.finishedAt) : null,
      sync_code: d.status,
      supplement_requests: d.supplementRequests,
      fee_required: d.feeRequired,
      paid: d.paid,
      components_digitised: d.componentsDigitised,
      reused_component: d.reusedComponent,
      e_result: d.eResult,
      synced_to_national: d.syncedToNational,
      complaint: d.complaint,
      result_paper: p.resultPaper,
      ratings: d.ratings,
      rated_lowest: d.ratings ? Math.min(...d.ratings) : null,
      import_batch: batch,
      imported_by: ctx.actor.id,
    };
  });
  await ctx.db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += CHUNK) await insertHistoryDossiers(trx, rows.slice(i, i + CHUNK));
    await appendAudit(trx, {
      actor: ctx.actor,
      action: 'dossier_history.import',
      entityType: 'dossier_history_batch',
      entityId: batch,
      unitId: null,
      after: { lines, imported: rows.length, first: rows[0]?.code, last: rows[rows.length - 1]?.code },
      requestId: ctx.requestId,
      at: ctx.now,
    });
  });
  return { dryRun: false, lines, imported: rows.length, errors: [] };
}
