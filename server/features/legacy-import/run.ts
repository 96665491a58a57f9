/**
 * The legacy import: each manifest row is validated (metadata and holder number), its scan checked
 * by content and quality, put in the blob store, then the document, the row's outcome and the audit
 * event are written in ONE transaction. A failed row records its error code and the run goes on.
 * A run is keyed by the manifest's content: running the same manifest again continues the
 * unfinished run, skipping every row that already has an outcome, so a killed run resumes without
 * duplicates and no row is ever half-imported.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { AppError } from '@core/errors/app-error';
import { documentMetadata, type DocumentMetadata } from '@core/warehouse/api';
import { qualityFacts, qualityIssues } from '@core/warehouse/quality';
import type { BlobStore } from '../../blobs/blob-store';
import type { DB } from '../../db/schema';
import type { AuditActor } from '../../http/actor';
import { inspectDocument, MAX_DOCUMENT_BYTES } from '../../uploads/inspect';
import { appendAudit } from '../audit/append';
import { insertDocument } from '../warehouse/queries';
import { type ManifestRow, readManifest } from './manifest';
import { openScanSource, ScanTooLarge } from './scans';
import type { LegacyImportRunRow, LegacyImportTables } from './tables';

export const LEGACY_ERROR_CODES = ['missing_file', 'bad_holder_number', 'unknown_type', 'invalid_metadata', 'duplicate', 'unreadable_scan', 'scan_too_large', 'poor_quality'] as const;
export type LegacyErrorCode = (typeof LEGACY_ERROR_CODES)[number];

export interface LegacyImportOptions {
  db: Kysely<DB>;
  blobs: BlobStore;
  /** Who runs the import: recorded as the documents' creator and in the audit trail. */
  actor: AuditActor & { id: string };
  requestId: string;
  manifest: string;
  scans: string;
  unitId?: string | null;
  /** Continue this run (its manifest must be the same file content). */
  resumeRunId?: string;
  now?: () => number;
  /** Called after each row with an outcome (including rows skipped as already done). */
  onProgress?: (done: number, total: number, last: RowResult) => void;
  /** Test hook: wait this long after a row's scan is stored, before its transaction. */
  rowDelayMs?: number;
}

export type RowResult = { rowNumber: number; status: 'imported' | 'failed' | 'skipped'; errorCode?: LegacyErrorCode };

export interface LegacyImportSummary {
  runId: string;
  resumed: boolean;
  total: number;
  imported: number;
  failed: number;
  skipped: number;
}

const db2 = (db: Kysely<DB>) => db.withTables<LegacyImportTables>();

class RowError extends Error {
  constructor(
    readonly code: LegacyErrorCode,
    readonly detail: string | null = null,
  ) {
    super(code);
  }
}

/** SHA-256 of a file, read as a stream. */
export async function fileSha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** `31/12/2020` or `2020-12-31` → `2020-12-31`; anything else as given (the schema refuses it). */
export function normaliseDate(v: string | undefined): string | undefined {
  if (!v) return undefined;
  const t = v.trim();
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (dmy) return `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}`;
  return t.slice(0, 10);
}

/** `cá nhân`, `công dân`, `citizen` → citizen; `tổ chức`, `doanh nghiệp`, `organisation` → organisation; empty: by the number's length (12 digits: a CCCD). */
export function holderKindOf(v: string | undefined, holderId: string | undefined): string {
  const k = (v ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .trim();
  if (!k) return /^\d{12}$/.test(holderId?.trim() ?? '') ? 'citizen' : 'organisation';
  if (['citizen', 'person', 'ca nhan', 'cong dan'].includes(k)) return 'citizen';
  if (['organisation', 'organization', 'to chuc', 'doanh nghiep'].includes(k)) return 'organisation';
  return k;
}

/** The row's metadata, checked like a staff digitisation (holder number, type, dates). */
export function rowMetadata(row: ManifestRow): DocumentMetadata {
  const c = row.cells;
  const parsed = documentMetadata.safeParse({
    typeCode: c.typeCode?.trim().toUpperCase(),
    number: c.number,
    issuer: c.issuer,
    issuedOn: normaliseDate(c.issuedOn),
    expiresOn: normaliseDate(c.expiresOn) ?? null,
    holderKind: holderKindOf(c.holderKind, c.holderId),
    holderId: c.holderId ?? '',
    holderName: c.holderName,
  });
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues;
  const detail = issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  if (issues.some((i) => i.message === 'IDENTITY_CCCD_INVALID' || i.message === 'IDENTITY_TAX_CODE_INVALID')) throw new RowError('bad_holder_number', detail);
  if (issues.some((i) => i.path[0] === 'typeCode')) throw new RowError('unknown_type', detail);
  throw new RowError('invalid_metadata', detail);
}

/** The unfinished run of this manifest, the run asked for, or a new run. */
async function openRun(o: LegacyImportOptions, sha256: string): Promise<{ run: LegacyImportRunRow; resumed: boolean }> {
  const db = db2(o.db);
  if (o.resumeRunId) {
    const run = await db.selectFrom('legacy_import_runs').selectAll().where('id', '=', o.resumeRunId).executeTakeFirst();
    if (!run) throw new Error(`legacy import: no run ${o.resumeRunId}`);
    if (run.manifest_sha256 !== sha256) throw new Error(`legacy import: run ${run.id} was started with another manifest`);
    if (run.finished_at) throw new Error(`legacy import: run ${run.id} is finished`);
    return { run, resumed: true };
  }
  const open = await db.selectFrom('legacy_import_runs').selectAll().where('manifest_sha256', '=', sha256).where('finished_at', 'is', null).executeTakeFirst();
  if (open) return { run: open, resumed: true };
  const run = await db
    .insertInto('legacy_import_runs')
    .values({ manifest_sha256: sha256, manifest_name: path.basename(o.manifest), scans_source: path.basename(o.scans), unit_id: o.unitId ?? null, started_by: o.actor.id, started_at: new Date((o.now ?? Date.now)()) })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { run, resumed: false };
}

/** Imports a manifest and its scans; resumable, each row all or nothing. */
export async function runLegacyImport(o: LegacyImportOptions): Promise<LegacyImportSummary> {
  const now = o.now ?? Date.now;
  const sha256 = await fileSha256(o.manifest);
  const { run, resumed } = await openRun(o, sha256);
  let total = 0;
  for await (const _ of readManifest(o.manifest)) total++;
  const summary: LegacyImportSummary = { runId: run.id, resumed, total, imported: 0, failed: 0, skipped: 0 };
  const scans = await openScanSource(o.scans, MAX_DOCUMENT_BYTES);
  const db = db2(o.db);
  let done = 0;
  try {
    for await (const row of readManifest(o.manifest)) {
      const result = await importRow(o, run, row, db, now);
      summary[result.status === 'skipped' ? 'skipped' : result.status]++;
      o.onProgress?.(++done, total, result);
    }
    await db.updateTable('legacy_import_runs').set({ finished_at: new Date(now()) }).where('id', '=', run.id).execute();
  } finally {
    await scans.close();
  }
  return summary;

  async function importRow(o: LegacyImportOptions, run: LegacyImportRunRow, row: ManifestRow, db: Kysely<DB & LegacyImportTables>, now: () => number): Promise<RowResult> {
    const rowNumber = row.rowNumber;
    const file = row.cells.file ?? '';
    const seen = await db.selectFrom('legacy_import_rows').select('status').where('run_id', '=', run.id).where('row_number', '=', rowNumber).executeTakeFirst();
    if (seen) return { rowNumber, status: 'skipped' };
    try {
      const meta = rowMetadata(row);
      const identity = { holder_kind: meta.holderKind, holder_id: meta.holderId, type_code: meta.typeCode, number: meta.number };
      await refuseDuplicate(db, identity);
      let bytes: Buffer | null;
      try {
        bytes = file ? await scans.read(file) : null;
      } catch (err) {
        if (err instanceof ScanTooLarge) throw new RowError('scan_too_large');
        throw err;
      }
      if (!bytes) throw new RowError('missing_file', file || null);
      let mime: string;
      try {
        mime = await inspectDocument(bytes);
      } catch (err) {
        if (err instanceof AppError) throw new RowError('unreadable_scan', err.code);
        throw err;
      }
      const facts = qualityFacts(mime, bytes);
      const issues = qualityIssues(facts);
      if (issues.length) throw new RowError('poor_quality', issues.join(', '));
      const blob = await o.blobs.put(bytes);
      bytes = null;
      if (o.rowDelayMs) await new Promise((r) => setTimeout(r, o.rowDelayMs));
      const at = new Date(now());
      await o.db.transaction().execute(async (trx) => {
        const doc = await insertDocument(trx, {
          ...identity,
          holder_name: meta.holderName ?? null,
          issuer: meta.issuer,
          issued_on: meta.issuedOn,
          expires_on: meta.expiresOn,
          source: 'digitised',
          unit_id: run.unit_id,
          created_by: o.actor.id,
          created_at: at,
          sha256: blob.sha256,
          mime,
          size: blob.size,
          pages: facts.pages,
          width: facts.width,
          height: facts.height,
          filename: path.posix.basename(file.replace(/\\/g, '/')),
        });
        await trx
          .withTables<LegacyImportTables>()
          .insertInto('legacy_import_rows')
          .values({ run_id: run.id, row_number: rowNumber, file, status: 'imported', document_id: doc.id, ...identity, at })
          .execute();
        await appendAudit(trx, {
          actor: o.actor,
          action: 'warehouse.legacy_imported',
          entityType: 'document',
          entityId: doc.id,
          unitId: run.unit_id,
          after: { runId: run.id, rowNumber, typeCode: meta.typeCode, holderKind: meta.holderKind, sha256: blob.sha256 },
          requestId: o.requestId,
          at,
        });
      });
      return { rowNumber, status: 'imported' };
    } catch (err) {
      let error: RowError;
      if (err instanceof RowError) error = err;
      else if ((err as { code?: string }).code === '23505') error = new RowError('duplicate', (err as Error).message);
      else throw err;
      await db
        .insertInto('legacy_import_rows')
        .values({ run_id: run.id, row_number: rowNumber, file, status: 'failed', error_code: error.code, error_detail: error.detail?.slice(0, 1000) ?? null, at: new Date(now()) })
        .onConflict((oc) => oc.columns(['run_id', 'row_number']).doNothing())
        .execute();
      return { rowNumber, status: 'failed', errorCode: error.code };
    }
  }
}

/** A document of this holder, type and number already imported (by any run) or in the warehouse. */
async function refuseDuplicate(db: Kysely<DB & LegacyImportTables>, id: { holder_kind: string; holder_id: string; type_code: string; number: string }) {
  const imported = await db
    .selectFrom('legacy_import_rows')
    .select('document_id')
    .where('status', '=', 'imported')
    .where('holder_kind', '=', id.holder_kind)
    .where('holder_id', '=', id.holder_id)
    .where('type_code', '=', id.type_code)
    .where('number', '=', id.number)
    .executeTakeFirst();
  const existing =
    imported ??
    (await db
      .selectFrom('documents')
      .select('id as document_id')
      .where('holder_kind', '=', id.holder_kind)
      .where('holder_id', '=', id.holder_id)
      .where('type_code', '=', id.type_code)
      .where('number', '=', id.number)
      .where('revoked_at', 'is', null)
      .executeTakeFirst());
  if (existing) throw new RowError('duplicate', existing.document_id);
}

/** The failed rows of a run, in manifest order (for the error report). */
export function failedRows(db: Kysely<DB>, runId: string) {
  return db2(db).selectFrom('legacy_import_rows').select(['row_number', 'file', 'error_code', 'error_detail']).where('run_id', '=', runId).where('status', '=', 'failed').orderBy('row_number').execute();
}

/** The error report as CSV (UTF-8 with BOM, for Excel). */
export function errorReportCsv(rows: { row_number: number; file: string; error_code: string | null; error_detail: string | null }[]): string {
  const q = (v: string | number | null) => `"${String(v ?? '').replace(/"/g, '""')}"`;
  const lines = ['row,file,error_code,error_detail', ...rows.map((r) => [r.row_number, r.file, r.error_code, r.error_detail].map(q).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
