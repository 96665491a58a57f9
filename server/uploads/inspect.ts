import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '@core/errors/app-error';

/** Document formats accepted for scanned components and results. */
export const DOCUMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** Default upload limit per file (a 20-page 300 dpi scan fits comfortably). */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

/** True when the file ends the way its format must end, so a truncated upload is caught. */
function isComplete(type: DocumentType, bytes: Buffer): boolean {
  const tail = bytes.subarray(Math.max(0, bytes.length - 1024)).toString('latin1');
  if (type === 'application/pdf') return tail.includes('%%EOF');
  if (type === 'image/png') return tail.includes('IEND');
  return bytes.length > 4 && bytes[bytes.length - 2] === 0xff && bytes[bytes.length - 1] === 0xd9;
}

/**
 * Identifies an uploaded document by its content, never its name: the bytes must be a complete PDF,
 * JPEG or PNG within the size limit. An `.exe` renamed `.pdf` or a truncated scan is refused.
 */
export async function inspectDocument(bytes: Buffer, maxBytes = MAX_DOCUMENT_BYTES): Promise<DocumentType> {
  if (bytes.length === 0) throw new AppError('UPLOAD_EMPTY');
  if (bytes.length > maxBytes) throw new AppError('UPLOAD_TOO_LARGE', { params: { mb: Math.round(maxBytes / 1024 / 1024) } });
  const detected = await fileTypeFromBuffer(bytes);
  const mime = detected?.mime as DocumentType | undefined;
  if (!mime || !DOCUMENT_TYPES.includes(mime)) throw new AppError('UPLOAD_TYPE_NOT_ALLOWED', { params: { type: detected?.mime ?? 'unknown' } });
  if (!isComplete(mime, bytes)) throw new AppError('UPLOAD_CORRUPT');
  return mime;
}
