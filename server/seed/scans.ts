/**
 * Small, well-formed stand-ins for scanned components of demo dossiers: a one-page PDF (A5, the
 * standard Helvetica font, so its text is ASCII) and a grey PNG. Each is unique to its dossier and
 * component and passes the upload content check (server/uploads/inspect.ts).
 */
import { crc32, deflateSync } from 'node:zlib';

const ascii = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]/g, '?');
const pdfText = (s: string) => ascii(s).replace(/[\\()]/g, (c) => `\\${c}`);

/** A one-page PDF with a title and some lines, with a correct cross-reference table. */
export function scanPdf(title: string, lines: readonly string[]): Buffer {
  const text = [`BT /F1 13 Tf 40 540 Td (${pdfText(title)}) Tj /F1 10 Tf`, ...lines.map((l) => `0 -18 Td (${pdfText(l)}) Tj`), 'ET'].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 420 595] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(text, 'latin1')} >>\nstream\n${text}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (const [i, body] of objects.entries()) {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  }
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** A 160×112 grey PNG with dark bars like lines of text, the bars' lengths drawn from `seed`. */
export function scanPng(seed: number): Buffer {
  const width = 160;
  const height = 112;
  const rows: Buffer[] = [];
  let s = seed >>> 0;
  let barEnd = 0;
  for (let y = 0; y < height; y++) {
    if (y % 12 === 0) {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0;
      barEnd = 20 + (s % 120);
    }
    const row = Buffer.alloc(width + 1, 0xee);
    row[0] = 0;
    if (y % 12 >= 4 && y % 12 < 8) row.fill(0x44, 1 + 12, 1 + barEnd);
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}
