/** Test helpers of the warehouse: scans that pass (or fail) the quality checks, uploads of one's own copy. */
import type { Client, TestResponse } from '../../../tests/support/app';

/** A complete one-page PDF. */
export const PDF_PAGE = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1');

/** A PNG declaring `w` × `h` pixels, ended as a PNG ends (enough for the inspector and the quality rules). */
export function pngOf(w: number, h: number): Buffer {
  const head = Buffer.alloc(33);
  Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex').copy(head, 0);
  head.writeUInt32BE(w, 16);
  head.writeUInt32BE(h, 20);
  return Buffer.concat([head, Buffer.from('0000000049454e44ae426082', 'hex')]);
}

/** Uploads the holder's own copy: `metadata` JSON, then the file. */
export function uploadOwn(client: Client, metadata: unknown, bytes: Buffer, filename = 'giay-to.pdf'): Promise<TestResponse> {
  const boundary = `----motcua${Math.random().toString(16).slice(2)}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="metadata"\r\n\r\n${JSON.stringify(metadata)}\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return client.request({ method: 'POST', url: '/api/v1/portal/warehouse', payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
}
