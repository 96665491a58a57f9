/**
 * The page furniture of the one-stop forms after Circular 01/2018/TT-VPCP and the format rules of
 * administrative documents: agency and number on the left, national motto on the right, the place
 * and date, a centred title, the body and the signature blocks. Everything measures from the
 * page's margins so the same code lays out A5 portrait and A4 landscape.
 */
import PDFDocument from 'pdfkit';
import { attachFonts, FONT } from './fonts';
import { placeAndDate } from './format';

/** A PDF document being written. */
export type Doc = PDFKit.PDFDocument;

/** Paper and orientation of a form. */
export interface PageSetup {
  size: 'A5' | 'A4';
  layout: 'portrait' | 'landscape';
  title: string;
  /** A fixed creation date makes the output byte-for-byte reproducible. */
  creationDate?: Date;
}

/** Base font size per paper: A5 forms are printed small but legible. */
export const BODY_SIZE = { A5: 9, A4: 8 } as const;

const BASE = new WeakMap<Doc, number>();

/** The document's body font size (pdfkit keeps the current size private). */
export function baseSize(doc: Doc): number {
  return BASE.get(doc) ?? 9;
}

/** A new document with the Noto Sans faces registered and the regular face selected. */
export function createDoc(setup: PageSetup): Doc {
  const margins = setup.size === 'A5' ? { top: 28, bottom: 28, left: 40, right: 28 } : { top: 36, bottom: 36, left: 42, right: 30 };
  const doc = new PDFDocument({
    size: setup.size,
    layout: setup.layout,
    margins,
    info: { Title: setup.title, Creator: 'motcua', Producer: 'motcua', CreationDate: setup.creationDate ?? new Date() },
    lang: 'vi-VN',
    displayTitle: true,
    // pages stay in memory until the end so that they can be numbered
    bufferPages: true,
  });
  attachFonts(doc);
  BASE.set(doc, BODY_SIZE[setup.size]);
  return doc.font(FONT.regular).fontSize(BODY_SIZE[setup.size]);
}

/** Writes `Trang i/n` under the bottom margin of every page of a document that runs over several pages. */
function numberPages(doc: Doc): void {
  const { start, count } = doc.bufferedPageRange();
  if (count < 2) return;
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const { margins, height } = doc.page;
    const bottom = margins.bottom;
    // text inside the bottom margin would make pdfkit start a new page; lift the margin while writing
    margins.bottom = 0;
    doc.font(FONT.regular).fontSize(7).text(`Trang ${i - start + 1}/${count}`, frame(doc).left, height - bottom + 6, { width: frame(doc).width, align: 'center' });
    margins.bottom = bottom;
  }
}

/** Numbers the pages, then collects the document's bytes once it is ended. */
export function toBuffer(doc: Doc): Promise<Buffer> {
  numberPages(doc);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

/** Left edge and usable width of the page. */
export function frame(doc: Doc): { left: number; width: number; right: number; bottom: number } {
  const { margins, width, height } = doc.page;
  return { left: margins.left, width: width - margins.left - margins.right, right: width - margins.right, bottom: height - margins.bottom };
}

/** Draws a short centred rule under a header line, as the format rules ask under the agency name and the motto. */
function underline(doc: Doc, centreX: number, y: number, length: number): void {
  doc.moveTo(centreX - length / 2, y).lineTo(centreX + length / 2, y).lineWidth(0.5).stroke();
}

/** What the header prints. */
export interface HeaderInput {
  parent?: string | undefined;
  agency: string;
  number?: string | undefined;
  /** Symbol after the number, e.g. `TNHS` for receipts: `Số: …/TNHS`. */
  numberSuffix?: string;
  place: string;
  issuedAt: number;
}

/** The two-column header: agency and number left, motto and place/date right. */
export function header(doc: Doc, h: HeaderInput): void {
  const { left, width } = frame(doc);
  const size = baseSize(doc);
  const leftW = width * 0.42;
  const rightX = left + leftW;
  const rightW = width - leftW;
  const top = doc.y;
  doc.fontSize(size - 0.5);
  if (h.parent) doc.font(FONT.regular).text(h.parent.toUpperCase(), left, doc.y, { width: leftW, align: 'center' });
  doc.font(FONT.bold).text(h.agency.toUpperCase(), left, doc.y, { width: leftW, align: 'center' });
  underline(doc, left + leftW / 2, doc.y + 3, leftW * 0.35);
  doc.moveDown(0.4).font(FONT.regular).fontSize(size);
  const number = h.number ?? '……';
  doc.text(`Số: ${number}${h.numberSuffix && !h.number ? `/${h.numberSuffix}` : ''}`, left, doc.y, { width: leftW, align: 'center' });
  const leftBottom = doc.y;

  doc.font(FONT.bold).fontSize(size - 0.5).text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', rightX, top, { width: rightW, align: 'center' });
  doc.fontSize(size);
  const motto = 'Độc lập - Tự do - Hạnh phúc';
  doc.text(motto, rightX, doc.y, { width: rightW, align: 'center' });
  underline(doc, rightX + rightW / 2, doc.y + 2, doc.widthOfString(motto));
  doc.moveDown(0.4).font(FONT.italic).text(placeAndDate(h.place, h.issuedAt), rightX, doc.y, { width: rightW, align: 'center' });
  doc.font(FONT.regular).fontSize(size);
  doc.x = left;
  doc.y = Math.max(leftBottom, doc.y) + size;
}

/** The centred title in capitals, with an optional line under it. */
export function title(doc: Doc, text: string, subtitle?: string): void {
  const { left, width } = frame(doc);
  const size = baseSize(doc);
  doc.font(FONT.bold).fontSize(size + 2).text(text.toUpperCase(), left, doc.y, { width, align: 'center' });
  if (subtitle) doc.font(FONT.italic).fontSize(size).text(subtitle, left, doc.y, { width, align: 'center' });
  doc.font(FONT.regular).fontSize(size).moveDown(0.8);
  doc.x = left;
}

/** Layout of a paragraph: its width (the page's by default), alignment and the space after it. */
export interface ParagraphOptions {
  width?: number;
  align?: 'left' | 'justify' | 'center';
  gap?: number;
}

/** A piece of a paragraph: plain text, or text printed bold (a code, a name, a date). */
export type Run = string | { bold: string };

/** Marks a run bold. */
export const b = (text: string): Run => ({ bold: text });

/** A paragraph made of runs, so values stand out without any markup that a value could contain. */
export function paragraph(doc: Doc, text: string | readonly Run[], opts: ParagraphOptions = {}): void {
  const { left, width } = frame(doc);
  const runs = (typeof text === 'string' ? [text] : text)
    .map((r) => (typeof r === 'string' ? { t: r, bold: false } : { t: r.bold, bold: true }))
    .filter((r) => r.t !== '');
  const options = { width: opts.width ?? width, align: opts.align ?? 'left' };
  runs.forEach((r, i) => {
    doc.font(r.bold ? FONT.bold : FONT.regular);
    const continued = i < runs.length - 1;
    if (i === 0) doc.text(r.t, left, doc.y, { ...options, continued });
    else doc.text(r.t, { ...options, continued });
  });
  doc.font(FONT.regular).moveDown(opts.gap ?? 0.3);
  doc.x = left;
}

/** A `label: value` line with the value bold; an empty value prints dots to fill in by hand. */
export function field(doc: Doc, label: string, value: string | null | undefined, opts: ParagraphOptions = {}): void {
  paragraph(doc, [`${label}: `, b(value?.trim() ? value.trim() : '…………………………')], { gap: 0.15, ...opts });
}

/** One signature block. */
export interface SignatureBlock {
  title: string;
  note?: string;
  name?: string | undefined;
}

/** One or two signature blocks side by side (right-aligned when alone), with room to sign. */
export function signatures(doc: Doc, blocks: readonly SignatureBlock[]): void {
  const { left, width, bottom } = frame(doc);
  const size = baseSize(doc);
  const needed = size * 9;
  if (doc.y + needed > bottom) doc.addPage();
  doc.moveDown(0.8);
  const top = doc.y;
  const colW = width / 2;
  const startX = blocks.length === 1 ? left + colW : left;
  blocks.forEach((b, i) => {
    const x = startX + i * colW;
    doc.font(FONT.bold).fontSize(size).text(b.title.toUpperCase(), x, top, { width: colW, align: 'center' });
    doc.font(FONT.italic).text(b.note ?? '(Ký và ghi rõ họ tên)', x, doc.y, { width: colW, align: 'center' });
    if (b.name) doc.font(FONT.bold).text(b.name, x, doc.y + size * 4.5, { width: colW, align: 'center' });
  });
  doc.font(FONT.regular).fontSize(size);
  doc.x = left;
}
