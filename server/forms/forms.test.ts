import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { FORM_RENDERERS } from './index';
import { qrRuns } from './qr';
import { SAMPLE_FORMS } from './samples';

type Code = keyof typeof FORM_RENDERERS;
const render = (code: Code, data: unknown = SAMPLE_FORMS[code]) => (FORM_RENDERERS[code] as (d: unknown) => Promise<Buffer>)(data);
// each sample is rendered once and shared by the checks: rendering is the slow part
const rendered = new Map<Code, Promise<Buffer>>();
const sample = (code: Code): Promise<Buffer> => {
  if (!rendered.has(code)) rendered.set(code, render(code));
  return rendered.get(code)!;
};

/** The decompressed content of every stream of a PDF. */
function streams(pdf: Buffer): string[] {
  const text = pdf.toString('latin1');
  const out: string[] = [];
  for (const m of text.matchAll(/stream\r?\n/g)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endstream', start);
    try {
      out.push(inflateSync(pdf.subarray(start, end)).toString('latin1'));
    } catch {
      // images and font programs that are not plain deflate are skipped
    }
  }
  return out;
}

/** Every character the PDF's ToUnicode CMaps map glyphs to: what a reader can copy or search. */
function mappedChars(pdf: Buffer): Set<string> {
  const chars = new Set<string>();
  for (const s of streams(pdf).filter((x) => x.includes('begincmap'))) {
    for (const [, hex] of s.matchAll(/<([0-9a-fA-F]{4,})>/g)) chars.add(String.fromCodePoint(Number.parseInt(hex!, 16)));
  }
  return chars;
}

const mediaBoxes = (pdf: Buffer) => [...pdf.toString('latin1').matchAll(/\/MediaBox \[([^\]]+)\]/g)].map((m) => m[1]!.trim().split(/\s+/).map(Number));
const missing = (pdf: Buffer, text: string) => [...new Set(text.replace(/\s/g, ''))].filter((c) => !mappedChars(pdf).has(c));

const A5 = [0, 0, 419.53, 595.28];
const A4_LANDSCAPE = [0, 0, 841.89, 595.28];

describe.each(Object.keys(FORM_RENDERERS) as Code[])('%s', (code) => {
  it('is a PDF of the right paper, with Noto Sans embedded and no standard font', async () => {
    const pdf = await sample(code);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const boxes = mediaBoxes(pdf);
    expect(boxes.length).toBeGreaterThan(0);
    for (const box of boxes) expect(box).toEqual(code === 'mau_06' ? A4_LANDSCAPE : A5);
    const bytes = pdf.toString('latin1');
    expect(bytes).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSans-Regular/);
    expect(bytes).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSans-Bold/);
    expect(bytes).not.toMatch(/Helvetica|Times-Roman|Courier/);
  });

  it('maps the Vietnamese letters to Unicode, precomposed (ệ, ờ, ụ, ạ …)', async () => {
    const pdf = await sample(code);
    const chars = mappedChars(pdf);
    for (const c of ['ệ', 'ờ', 'ộ', 'ủ']) expect(chars.has(c), c).toBe(true);
    // the decomposed forms would leave a combining mark without a mapping: none may appear
    expect([...chars].filter((c) => /\p{M}/u.test(c))).toEqual([]);
    expect(missing(pdf, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc Hải Phòng')).toEqual([]);
  });

  it('is byte-for-byte reproducible with a fixed creation date', async () => {
    expect((await render(code)).equals(await sample(code))).toBe(true);
  });
});

describe('form content', () => {
  it('Mẫu 01 carries the applicant, the procedure and the QR code of the tracking page', async () => {
    const pdf = await sample('mau_01');
    expect(missing(pdf, `${SAMPLE_FORMS.mau_01.applicant.name} ${SAMPLE_FORMS.mau_01.procedure.name} GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ`)).toEqual([]);
    // the QR code is vector: one rectangle per run of dark modules
    const rects = streams(pdf).reduce((n, s) => n + (s.match(/ re\n/g)?.length ?? 0), 0);
    expect(rects).toBeGreaterThanOrEqual(qrRuns(SAMPLE_FORMS.mau_01.trackingUrl).runs.length);
  });

  it('Mẫu 01 refuses a tracking address that is not a URL', async () => {
    await expect(render('mau_01', { ...SAMPLE_FORMS.mau_01, trackingUrl: 'not a url' })).rejects.toThrow();
  });

  it('Mẫu 04 needs a reason', async () => {
    await expect(render('mau_04', { ...SAMPLE_FORMS.mau_04, reason: ' ' })).rejects.toThrow();
  });

  it('Mẫu 06 runs over several A4 landscape pages for a long period', async () => {
    const pdf = await sample('mau_06');
    expect(mediaBoxes(pdf).length).toBeGreaterThan(1);
    const empty = await render('mau_06', { ...SAMPLE_FORMS.mau_06, rows: [] });
    expect(mediaBoxes(empty)).toHaveLength(1);
  });
});
