import { fileTypeFromBuffer } from 'file-type';
import type { Kysely } from 'kysely';
import { AppError } from '@core/errors/app-error';
import type { BlobStore } from '../../blobs/blob-store';
import type { DB } from '../../db/schema';
import type { AuditActor } from '../../http/actor';
import { appendAudit } from '../audit/append';

/** Largest form template accepted. */
export const MAX_FORM_BYTES = 10 * 1024 * 1024;
/** Form template formats, by content: PDF, Word (docx, and doc in its OLE container), Excel, OpenDocument text. */
const FORM_TYPES = new Set([
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/x-cfb',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.oasis.opendocument.text',
]);

/** The public address of a form: what a component's `form` holds once its file is uploaded. */
export const formPath = (sha256: string, filename: string) => `/api/v1/procedure-forms/${sha256}/${encodeURIComponent(filename)}`;

/** A file name safe to print in a download header: no path, no control or quote characters. */
export function cleanFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const printable = [...base].filter((c) => c.charCodeAt(0) >= 32 && c !== '"').join('');
  return printable.trim().slice(0, 200) || 'mau-don';
}

/** A registered form by content hash (only registered blobs are public). */
export async function findForm(db: Kysely<DB>, sha256: string) {
  return db.selectFrom('procedure_forms').selectAll().where('sha256', '=', sha256).executeTakeFirst();
}

/**
 * Stores a form template (content-checked) in the blob store and registers it as public, with its
 * audit event, in one transaction; the same bytes uploaded again return the existing form.
 */
export async function registerForm(
  ctx: { db: Kysely<DB>; blobs: BlobStore; actor: AuditActor; requestId: string; unitId: string },
  file: { filename: string; data: Buffer },
): Promise<{ sha256: string; filename: string; mediaType: string; size: number }> {
  if (file.data.length === 0) throw new AppError('UPLOAD_EMPTY');
  if (file.data.length > MAX_FORM_BYTES) throw new AppError('UPLOAD_TOO_LARGE', { params: { mb: MAX_FORM_BYTES / 1024 / 1024 } });
  const type = await fileTypeFromBuffer(file.data);
  if (!type || !FORM_TYPES.has(type.mime)) throw new AppError('CATALOGUE_FORM_TYPE_NOT_ALLOWED');
  const ref = await ctx.blobs.put(file.data);
  const filename = cleanFilename(file.filename);
  return ctx.db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('procedure_forms').selectAll().where('sha256', '=', ref.sha256).executeTakeFirst();
    if (existing) return { sha256: existing.sha256, filename: existing.filename, mediaType: existing.media_type, size: Number(existing.size) };
    const row = { sha256: ref.sha256, filename, media_type: type.mime, size: ref.size, unit_id: ctx.unitId, created_by: ctx.actor.name };
    await trx.insertInto('procedure_forms').values(row).execute();
    await appendAudit(trx, { actor: ctx.actor, action: 'procedure_form.uploaded', entityType: 'procedure_form', entityId: ref.sha256, unitId: ctx.unitId, after: row, requestId: ctx.requestId });
    return { sha256: ref.sha256, filename, mediaType: type.mime, size: ref.size };
  });
}
