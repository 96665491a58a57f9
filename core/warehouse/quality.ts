/**
 * Quality checks of a digitised copy (pure, on the bytes): a readable type (decided by the upload
 * inspector), a page count for PDFs, and the pixel size of images — the smallest page worth keeping
 * is A5 at 150 dpi (874 × 1240 px), below which small print is not readable.
 */

export const MIN_IMAGE_SHORT_SIDE = 874;
export const MIN_IMAGE_LONG_SIDE = 1240;
export const MAX_PDF_PAGES = 500;

export interface QualityFacts {
  mime: string;
  pages: number | null;
  width: number | null;
  height: number | null;
}

export type QualityIssue = 'pdf_no_pages' | 'pdf_too_many_pages' | 'image_size_unknown' | 'image_resolution_low';

const latin1 = (bytes: Uint8Array) => {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return s;
};

/** Pages of a PDF: page objects (`/Type /Page`, not `/Pages`). Compressed object streams hide them; then the largest `/Count` of a page tree answers. */
export function pdfPageCount(bytes: Uint8Array): number {
  const text = latin1(bytes);
  const pages = text.match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
  if (pages > 0) return pages;
  const counts = [...text.matchAll(/\/Count\s+(\d+)/g)].map((m) => Number(m[1]));
  return counts.length ? Math.max(...counts) : 0;
}

/** Width and height of a PNG (IHDR) or JPEG (first SOF marker); null when not found. */
export function imageSize(mime: string, b: Uint8Array): { width: number; height: number } | null {
  if (mime === 'image/png') {
    if (b.length < 24) return null;
    const u32 = (o: number) => ((b[o]! << 24) | (b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!) >>> 0;
    return { width: u32(16), height: u32(20) };
  }
  if (mime === 'image/jpeg') {
    let i = 2;
    while (i + 9 < b.length) {
      if (b[i] !== 0xff) return null;
      const marker = b[i + 1]!;
      const len = (b[i + 2]! << 8) | b[i + 3]!;
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { height: (b[i + 5]! << 8) | b[i + 6]!, width: (b[i + 7]! << 8) | b[i + 8]! };
      }
      i += 2 + len;
    }
  }
  return null;
}

/** The facts a quality check looks at, read from the bytes of an inspected file. */
export function qualityFacts(mime: string, bytes: Uint8Array): QualityFacts {
  if (mime === 'application/pdf') return { mime, pages: pdfPageCount(bytes), width: null, height: null };
  const size = imageSize(mime, bytes);
  return { mime, pages: 1, width: size?.width ?? null, height: size?.height ?? null };
}

/** What is wrong with a copy; empty when it passes. */
export function qualityIssues(f: QualityFacts): QualityIssue[] {
  if (f.mime === 'application/pdf') {
    if (!f.pages) return ['pdf_no_pages'];
    return f.pages > MAX_PDF_PAGES ? ['pdf_too_many_pages'] : [];
  }
  if (f.width === null || f.height === null) return ['image_size_unknown'];
  const short = Math.min(f.width, f.height);
  const long = Math.max(f.width, f.height);
  return short < MIN_IMAGE_SHORT_SIDE || long < MIN_IMAGE_LONG_SIDE ? ['image_resolution_low'] : [];
}
