/**
 * The index report as a spreadsheet: one worksheet per table, each with the report's heading block
 * (agency and national motto, title, period, unit, date) above a frozen, filterable header row;
 * scores and rates stay numbers (rates formatted as percentages) so they sort and chart.
 */
import ExcelJS from 'exceljs';
import { viDate } from '../../forms/format';
import { type IndexReport, REPORT_BASIS, REPORT_TITLE, type ReportTable } from './export-table';

/** The row of each sheet holding the column headers. */
export const HEADER_ROW = 10;

const THIN = { style: 'thin' } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

function sheet(wb: ExcelJS.Workbook, report: IndexReport, t: ReportTable, now: number): void {
  const last = t.columns.length;
  const ws = wb.addWorksheet(t.sheet, {
    views: [{ state: 'frozen', ySplit: HEADER_ROW, xSplit: 3 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}` },
  });
  ws.columns = t.columns.map((c) => ({ width: c.width }));
  const line = (r: number, value: string, from: number, to: number, font: Partial<ExcelJS.Font>) => {
    ws.mergeCells(r, from, r, Math.max(from, to));
    const cell = ws.getCell(r, from);
    cell.value = value;
    cell.font = font;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  };
  const half = Math.max(3, Math.floor(last / 2));
  line(1, report.agency.toUpperCase(), 1, half, { bold: true });
  line(1, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', half + 1, last, { bold: true });
  line(2, 'Độc lập - Tự do - Hạnh phúc', half + 1, last, { bold: true, underline: true });
  line(3, `Hải Phòng, ${viDate(now)}`, half + 1, last, { italic: true });
  line(4, REPORT_TITLE, 1, last, { bold: true, size: 14 });
  line(5, REPORT_BASIS, 1, last, { italic: true });
  for (const [i, text] of report.lines.entries()) line(6 + i, text, 1, last, {});
  line(HEADER_ROW - 1, t.heading, 1, last, { bold: true });
  ws.getCell(HEADER_ROW - 1, 1).alignment = { horizontal: 'left' };

  const head = ws.getRow(HEADER_ROW);
  head.height = 60;
  t.columns.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEEEEE' } };
    cell.border = BORDER;
  });
  t.rows.forEach((row, r) => {
    const xr = ws.getRow(HEADER_ROW + 1 + r);
    row.forEach((c, i) => {
      const cell = xr.getCell(i + 1);
      cell.value = c.value;
      if (c.format) cell.numFmt = c.format;
      cell.border = BORDER;
      cell.alignment = { vertical: 'top', wrapText: true, horizontal: t.columns[i]!.align };
    });
    // the parent's own figures, above the ranking
    if (row[0]?.value === 'Chung') xr.font = { bold: true };
  });
  ws.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: HEADER_ROW + t.rows.length, column: last } };
  const notesAt = HEADER_ROW + t.rows.length + 2;
  for (const [i, note] of report.notes.entries()) line(notesAt + i, note, 1, last, { italic: true, size: 9 });
  for (let i = 0; i < report.notes.length; i++) ws.getCell(notesAt + i, 1).alignment = { horizontal: 'left', wrapText: true };
}

/** The report as .xlsx bytes (a few hundred rows at most: built in memory). */
export async function indexReportXlsx(report: IndexReport, now: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'motcua';
  wb.created = new Date(now);
  for (const t of report.tables) sheet(wb, report, t, now);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
