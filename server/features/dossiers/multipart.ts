/** Multipart requests of the dossiers feature: JSON fields, scanned components checked by content, then stored. */
import type { Multipart } from '@fastify/multipart';
import type { z } from 'zod';
import type { ProcedureComponent } from '@core/dossier/context';
import { AppError } from '@core/errors/app-error';
import { ERRORS, type ErrorCode } from '@core/errors/catalogue';
import type { BlobStore } from '../../blobs/blob-store';
import { MAX_DOCUMENT_BYTES, inspectDocument } from '../../uploads/inspect';
import type { StoredFile } from './commands';

/** Files one request may carry. */
export const MAX_FILES = 10;

/** A file as received, for the component named before it. */
export interface Upload {
  componentId: string;
  filename: string;
  bytes: Buffer;
}

/**
 * The named text fields and the files of a multipart request, each file after its `componentId`
 * field; DOSSIER_FILE_REQUIRED when a file lacks one (or, with `filesRequired`, when none came).
 * Fields not named are ignored.
 */
export async function readMultipart(parts: AsyncIterableIterator<Multipart>, fieldNames: readonly string[], filesRequired: boolean): Promise<{ fields: Record<string, string>; uploads: Upload[] }> {
  const fields: Record<string, string> = {};
  const uploads: Upload[] = [];
  let componentId = '';
  for await (const part of parts) {
    if (part.type === 'field') {
      if (part.fieldname === 'componentId') componentId = String(part.value).trim();
      else if (fieldNames.includes(part.fieldname)) fields[part.fieldname] = String(part.value);
      continue;
    }
    const bytes = await part.toBuffer().catch((err: { code?: string }) => {
      throw err.code === 'FST_REQ_FILE_TOO_LARGE' ? new AppError('UPLOAD_TOO_LARGE', { params: { mb: MAX_DOCUMENT_BYTES / 1024 / 1024 } }) : err;
    });
    uploads.push({ componentId, filename: (part.filename || 'scan').normalize('NFC').slice(0, 200), bytes });
    componentId = '';
  }
  if ((filesRequired && uploads.length === 0) || uploads.some((u) => !u.componentId)) throw new AppError('DOSSIER_FILE_REQUIRED');
  return { fields, uploads };
}

/** Parses a JSON text field against a schema; issues become VALIDATION_FAILED (or the schema's own code) with `field.path` names. */
export function parseJsonField<S extends z.ZodType>(schema: S, name: string, raw: string | undefined): z.output<S> {
  let value: unknown;
  try {
    value = raw === undefined ? undefined : JSON.parse(raw);
  } catch {
    throw new AppError('MALFORMED_JSON', { fields: [{ field: name, code: 'MALFORMED_JSON', message: `${name} is not JSON` }] });
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.map((i) => ({ field: [name, ...i.path.map(String)].join('.'), code: i.message in ERRORS ? i.message : i.code, message: i.message }));
  const own = fields.map((f) => f.code).filter((c): c is ErrorCode => c in ERRORS);
  throw new AppError(own.length === fields.length ? own[0]! : 'VALIDATION_FAILED', { fields });
}

/**
 * Checks every upload (a component of the checklist, a complete PDF/JPEG/PNG within the size limit)
 * before storing any, so a refused request keeps nothing; answers the stored files.
 */
export async function storeUploads(blobs: BlobStore, checklist: readonly ProcedureComponent[], uploads: readonly Upload[]): Promise<StoredFile[]> {
  const unknown = uploads.find((u) => !checklist.some((c) => c.id === u.componentId));
  if (unknown) throw new AppError('DOSSIER_COMPONENT_UNKNOWN', { params: { component: unknown.componentId } });
  const mimes: string[] = [];
  for (const u of uploads) mimes.push(await inspectDocument(u.bytes));
  // stored side by side: each waits for its own flush to disk, so the request waits for about one
  const refs = await Promise.all(uploads.map((u) => blobs.put(u.bytes)));
  return uploads.map((u, i) => ({ componentId: u.componentId, sha256: refs[i]!.sha256, mime: mimes[i]!, size: refs[i]!.size, filename: u.filename }));
}
