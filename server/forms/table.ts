/**
 * A ruled table that breaks across pages and repeats its header row, for the component list of
 * Mẫu 01, the control slip (Mẫu 05) and the dossier book (Mẫu 06).
 */
import { FONT } from './fonts';
import { baseSize, type Doc, frame } from './layout';

/** A column: its header, its share of the table width, and how its cells align. */
export interface Column {
  header: string;
  /** Relative width; the columns share the page width in proportion. */
  weight: number;
  align?: 'left' | 'center' | 'right';
}

const PAD = 2.5;

function rowHeight(doc: Doc, cells: readonly string[], widths: readonly number[], font: string): number {
  doc.font(font);
  return Math.max(...cells.map((c, i) => doc.heightOfString(c || ' ', { width: widths[i]! - 2 * PAD }))) + 2 * PAD;
}

function drawRow(doc: Doc, cells: readonly string[], widths: readonly number[], cols: readonly Column[], y: number, h: number, font: string, shade: boolean): void {
  let x = frame(doc).left;
  cells.forEach((c, i) => {
    const w = widths[i]!;
    if (shade) doc.rect(x, y, w, h).fillAndStroke('#eeeeee', '#000000').fillColor('#000000');
    else doc.rect(x, y, w, h).lineWidth(0.5).stroke();
    doc.font(font).text(c, x + PAD, y + PAD, { width: w - 2 * PAD, align: shade ? 'center' : (cols[i]!.align ?? 'left') });
    x += w;
  });
}

/** Draws the table from the current position; rows taller than the rest of the page move to a new page with the header repeated. */
export function table(doc: Doc, cols: readonly Column[], rows: readonly (readonly string[])[], opts: { fontSize?: number } = {}): void {
  const { left, width, bottom } = frame(doc);
  const size = opts.fontSize ?? baseSize(doc) - 1;
  const total = cols.reduce((n, c) => n + c.weight, 0);
  const widths = cols.map((c) => (width * c.weight) / total);
  const heads = cols.map((c) => c.header);
  doc.fontSize(size).lineWidth(0.5);
  const headH = rowHeight(doc, heads, widths, FONT.bold);
  let y = doc.y;
  const drawHeader = () => {
    drawRow(doc, heads, widths, cols, y, headH, FONT.bold, true);
    y += headH;
  };
  drawHeader();
  for (const row of rows) {
    const h = rowHeight(doc, row, widths, FONT.regular);
    if (y + h > bottom) {
      doc.addPage();
      y = doc.page.margins.top;
      drawHeader();
    }
    drawRow(doc, row, widths, cols, y, h, FONT.regular, false);
    y += h;
  }
  doc.font(FONT.regular).fontSize(baseSize(doc));
  doc.x = left;
  doc.y = y + baseSize(doc) * 0.6;
}
