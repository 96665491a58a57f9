/**
 * QR codes drawn as vector squares from the `qrcode` module matrix: sharp at any print
 * resolution, and about twenty times cheaper than encoding a PNG and decoding it again in pdfkit.
 */
import QRCode from 'qrcode';
import type { Doc } from './layout';

/** Dark modules of the QR code of `text` as horizontal runs `[row, col, length]`, and the symbol size. */
export function qrRuns(text: string): { size: number; runs: [number, number, number][] } {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const runs: [number, number, number][] = [];
  for (let r = 0; r < modules.size; r++) {
    let c = 0;
    while (c < modules.size) {
      if (!modules.get(r, c)) {
        c++;
        continue;
      }
      const start = c;
      while (c < modules.size && modules.get(r, c)) c++;
      runs.push([r, start, c - start]);
    }
  }
  return { size: modules.size, runs };
}

/** Draws the QR code of `text` in a `side`-point square at (x, y), with a one-module quiet zone. */
export function drawQr(doc: Doc, text: string, x: number, y: number, side: number): void {
  const { size, runs } = qrRuns(text);
  const m = side / (size + 2);
  doc.save();
  for (const [r, c, len] of runs) doc.rect(x + (c + 1) * m, y + (r + 1) * m, len * m, m);
  doc.fillColor('#000000').fill();
  doc.restore();
}
