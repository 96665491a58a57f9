/**
 * The dossier book (Mẫu 06) as a spreadsheet, streamed row by row (a unit-year is tens of thousands
 * of rows): the header block, the `DOSSIER_BOOK_COLUMNS` with a frozen, filterable header row, and
 * dates as real Excel dates in Vietnamese time so they sort and filter.
 */
import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { VN_OFFSET_MS, localDay, ymdFromDay } from '@core/calendar/time';
import type { BookRow } from '@core/dossier/book';
import { DOSSIER_BOOK_COLUMNS } from '@core/dossier/forms';
import type { DossierBook } from './book';

type Key = (typeof DOSSIER_BOOK_COLUMNS)[number]['key'];

/** Column widths in characters (a dossier code is 25). */
const WIDTHS = {
  index: 6,
  code: 27,
  procedure: 48,
  sets: 9,
  applicant: 28,
  contact: 36,
  leadUnit: 32,
  receivedAt: 17,
  dueAt: 17,
  handedOverAt: 17,
  resultReceivedAt: 17,
  returnedAt: 17,
  signature: 12,
  note: 44,
} as const satisfies Record<Key, number>;

const DATE_KEYS = new Set<Key>(['receivedAt', 'dueAt', 'handedOverAt', 'resultReceivedAt', 'returnedAt']);
const CENTRED = new Set<Key>(['index', 'sets', ...DATE_KEYS]);
/** The row holding the column headers: frozen, repeated on printed pages, carrying the auto-filter. */
export const BOOK_HEADER_ROW = 7;
/** The worksheet's name. */
export const BOOK_SHEET = 'Sổ theo dõi hồ sơ';

const LAST_COLUMN = DOSSIER_BOOK_COLUMNS.length;
const THIN = { style: 'thin' } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** Excel dates carry no time zone: a cell holds the wall-clock time in Vietnam. */
export const excelDate = (ms: number | null): Date | null => (ms === null ? null : new Date(ms + VN_OFFSET_MS));

const dmy = (ms: number) => {
  const [y, m, d] = ymdFromDay(localDay(ms));
  return `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`;
};

function value(key: Key, row: BookRow, i: number): string | number | Date | null {
  if (key === 'index') return i + 1;
  if (key === 'signature') return null;
  if (DATE_KEYS.has(key)) return excelDate(row[key as 'dueAt'] ?? null);
  return (row[key as 'code'] as string | number | undefined) ?? null;
}

async function write(book: DossierBook, stream: PassThrough): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  wb.creator = 'motcua';
  const ws = wb.addWorksheet(BOOK_SHEET, {
    views: [{ state: 'frozen', ySplit: BOOK_HEADER_ROW }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${BOOK_HEADER_ROW}:${BOOK_HEADER_ROW}` },
  });
  ws.columns = DOSSIER_BOOK_COLUMNS.map((c) => ({ key: c.key, width: WIDTHS[c.key] }));
  ws.autoFilter = { from: { row: BOOK_HEADER_ROW, column: 1 }, to: { row: BOOK_HEADER_ROW + book.rows.length, column: LAST_COLUMN } };

  const line = (r: number, text: string | undefined, from: number, to: number, font: Partial<ExcelJS.Font>) => {
    if (!text) return;
    ws.mergeCells(r, from, r, to);
    const cell = ws.getCell(r, from);
    cell.value = text;
    cell.font = font;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  };
  line(1, book.agency.parent?.toUpperCase(), 1, 5, {});
  line(2, book.agency.name.toUpperCase(), 1, 5, { bold: true });
  line(1, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 9, LAST_COLUMN, { bold: true });
  line(2, 'Độc lập - Tự do - Hạnh phúc', 9, LAST_COLUMN, { bold: true, underline: true });
  line(4, 'SỔ THEO DÕI HỒ SƠ', 1, LAST_COLUMN, { bold: true, size: 14 });
  line(5, `Từ ngày ${dmy(book.from)} đến ngày ${dmy(book.to)}`, 1, LAST_COLUMN, { italic: true });
  for (const r of [1, 2, 3, 4, 5, 6]) ws.getRow(r).commit();

  const head = ws.getRow(BOOK_HEADER_ROW);
  head.height = 48;
  DOSSIER_BOOK_COLUMNS.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    cell.value = c.vi;
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEEEEE' } };
    cell.border = BORDER;
  });
  head.commit();

  book.rows.forEach((row, i) => {
    const r = ws.getRow(BOOK_HEADER_ROW + 1 + i);
    DOSSIER_BOOK_COLUMNS.forEach((c, j) => {
      const cell = r.getCell(j + 1);
      cell.value = value(c.key, row, i);
      cell.border = BORDER;
      cell.alignment = { vertical: 'top', wrapText: true, horizontal: CENTRED.has(c.key) ? 'center' : 'left' };
      if (DATE_KEYS.has(c.key)) cell.numFmt = 'dd/mm/yyyy hh:mm';
    });
    r.commit();
  });
  ws.commit();
  await wb.commit();
}

/** The book as an .xlsx stream; a failure while writing ends the stream with the error. */
export function dossierBookXlsx(book: DossierBook): Readable {
  const out = new PassThrough();
  write(book, out).catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));
  return out;
}
