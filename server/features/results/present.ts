/** JSON views of result documents (core/feedback/api.ts). */
import { formatInstant } from '@core/calendar/time';
import type { CitizenResultFile, ResultFileView } from '@core/feedback/api';
import type { DossierResultRow } from '../../db/tables/results-feedback';

const iso = (d: Date) => formatInstant(d.getTime());

/** A result document for staff. */
export function presentResult(r: DossierResultRow): ResultFileView {
  return {
    id: r.id,
    filename: r.filename,
    size: r.size,
    sha256: r.sha256,
    uploadedAt: iso(r.uploaded_at),
    uploadedBy: r.uploaded_by,
    supersededAt: r.superseded_at ? iso(r.superseded_at) : null,
    supersededBy: r.superseded_by,
  };
}

/** A current result document for the applicant. */
export function presentCitizenResult(r: DossierResultRow, eresultCode: string | null = null): CitizenResultFile {
  return { id: r.id, filename: r.filename, size: r.size, sha256: r.sha256, uploadedAt: iso(r.uploaded_at), eresultCode };
}

/** `Content-Disposition` of a download: an ASCII fallback name and the real one (RFC 6266 / 5987). */
export function attachmentHeader(filename: string, disposition: 'inline' | 'attachment' = 'attachment'): string {
  const ascii = filename.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
