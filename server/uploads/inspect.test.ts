import { describe, expect, it } from 'vitest';
import { AppError } from '@core/errors/app-error';
import { inspectDocument } from './inspect';

const pdf = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
  Buffer.from('IHDR', 'latin1'),
  Buffer.alloc(13),
  Buffer.alloc(4),
  Buffer.from([0, 0, 0, 0]),
  Buffer.from('IEND', 'latin1'),
  Buffer.from([0xae, 0x42, 0x60, 0x82]),
]);
const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]), Buffer.from('JFIF\0', 'latin1'), Buffer.alloc(64), Buffer.from([0xff, 0xd9])]);
const exe = Buffer.concat([Buffer.from('MZ', 'latin1'), Buffer.alloc(200)]);

const codeOf = async (p: Promise<unknown>) => {
  const err = await p.then(() => null, (e: unknown) => e);
  return err instanceof AppError ? err.code : String(err);
};

describe('inspectDocument', () => {
  it('identifies complete PDF, PNG and JPEG files by their content', async () => {
    expect(await inspectDocument(pdf)).toBe('application/pdf');
    expect(await inspectDocument(png)).toBe('image/png');
    expect(await inspectDocument(jpeg)).toBe('image/jpeg');
  });
  it('refuses an executable whatever it is named', async () => {
    expect(await codeOf(inspectDocument(exe))).toBe('UPLOAD_TYPE_NOT_ALLOWED');
  });
  it('refuses truncated files', async () => {
    expect(await codeOf(inspectDocument(pdf.subarray(0, 30)))).toBe('UPLOAD_CORRUPT');
    expect(await codeOf(inspectDocument(jpeg.subarray(0, jpeg.length - 2)))).toBe('UPLOAD_CORRUPT');
  });
  it('refuses empty and oversized files', async () => {
    expect(await codeOf(inspectDocument(Buffer.alloc(0)))).toBe('UPLOAD_EMPTY');
    expect(await codeOf(inspectDocument(pdf, 10))).toBe('UPLOAD_TOO_LARGE');
  });
});
