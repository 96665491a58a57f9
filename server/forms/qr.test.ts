import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { qrRuns } from './qr';

describe('qrRuns', () => {
  const url = 'https://dichvucong.haiphong.gov.vn/tra-cuu/000.00.15.H26-260302-0042';

  it('covers exactly the dark modules of the qrcode matrix, row by row', () => {
    const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
    const { size, runs } = qrRuns(url);
    expect(size).toBe(modules.size);
    const dark = new Set<string>();
    for (const [r, c, len] of runs) for (let k = 0; k < len; k++) dark.add(`${r},${c + k}`);
    for (let r = 0; r < size; r++) for (let c = 0; c < size; c++) expect(dark.has(`${r},${c}`)).toBe(modules.get(r, c) === 1);
  });

  it('has the three finder patterns at the top-left, top-right and bottom-left corners', () => {
    const { size, runs } = qrRuns(url);
    const rowRuns = (r: number) => runs.filter((x) => x[0] === r);
    // the top row of a finder pattern is a run of 7 dark modules
    expect(rowRuns(0)).toContainEqual([0, 0, 7]);
    expect(rowRuns(0)).toContainEqual([0, size - 7, 7]);
    expect(rowRuns(size - 1)).toContainEqual([size - 1, 0, 7]);
  });
});
