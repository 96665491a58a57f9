/** Reading a multipart request whole: its text fields and its files (as evidence forms send them). */
import type { Multipart } from '@fastify/multipart';
import { AppError } from '@core/errors/app-error';
import { MAX_DOCUMENT_BYTES } from './inspect';

/**
 * Every part of the request: text fields by name, files in order with their names (NFC, at most
 * 200 characters, `fallbackName` when absent). A file over the size limit is UPLOAD_TOO_LARGE.
 * Nothing is checked beyond that: the caller validates the fields and inspects the files.
 */
export async function readFieldsAndFiles(parts: AsyncIterableIterator<Multipart>, fallbackName = 'minh-chung'): Promise<{ fields: Record<string, string>; files: { bytes: Buffer; filename: string }[] }> {
  const fields: Record<string, string> = {};
  const files: { bytes: Buffer; filename: string }[] = [];
  for await (const part of parts) {
    if (part.type === 'field') {
      fields[part.fieldname] = String(part.value);
      continue;
    }
    const bytes = await part.toBuffer().catch((err: { code?: string }) => {
      throw err.code === 'FST_REQ_FILE_TOO_LARGE' ? new AppError('UPLOAD_TOO_LARGE', { params: { mb: MAX_DOCUMENT_BYTES / 1024 / 1024 } }) : err;
    });
    files.push({ bytes, filename: (part.filename || fallbackName).normalize('NFC').slice(0, 200) });
  }
  return { fields, files };
}
