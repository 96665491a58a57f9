/** Reads a plan's appendix table from `.xlsx` (exceljs) or `.csv` (papaparse), checking the content is what the name says. */
import ExcelJS from 'exceljs';
import { fileTypeFromBuffer } from 'file-type';
import Papa from 'papaparse';
import { type ImportColumn, type ImportIssue, columnOf } from '@core/reform/import';

/** The rows of an appendix, by column, and the file-level problems (row 0). */
export interface Appendix {
  rows: { row: number; cells: Partial<Record<ImportColumn, string>> }[];
  issues: ImportIssue[];
}

const REQUIRED: ImportColumn[] = ['content', 'lead', 'deadline'];
/** The header row is looked for in the first rows: an appendix usually starts with its title. */
const HEADER_SCAN_ROWS = 10;

const fileInvalid = (): Appendix => ({ rows: [], issues: [{ row: 0, field: 'file', code: 'REFORM_IMPORT_FILE_INVALID' }] });

/** A cell's text: dates as `YYYY-MM-DD` (Excel dates carry the wall-clock day), rich text flattened. */
function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; result?: unknown; text?: unknown };
    if (o.richText) return o.richText.map((r) => r.text).join('');
    if ('result' in o) return cellText(o.result);
    if ('text' in o) return cellText(o.text);
    return '';
  }
  return String(v).trim();
}

/** Finds the header among the first rows and maps every following non-blank row to columns. */
function fromGrid(grid: { row: number; values: string[] }[]): Appendix {
  const headerAt = grid.slice(0, HEADER_SCAN_ROWS).findIndex((r) => r.values.filter((v) => columnOf(v)).length >= 2);
  if (headerAt < 0) return { rows: [], issues: REQUIRED.map((c) => ({ row: 0, field: 'file' as const, code: 'REFORM_IMPORT_HEADER_MISSING' as const, params: { column: c } })) };
  const columns = grid[headerAt]!.values.map((v) => columnOf(v));
  const missing = REQUIRED.filter((c) => !columns.includes(c));
  if (missing.length > 0) return { rows: [], issues: missing.map((c) => ({ row: 0, field: 'file' as const, code: 'REFORM_IMPORT_HEADER_MISSING' as const, params: { column: c } })) };
  const rows: Appendix['rows'] = [];
  for (const r of grid.slice(headerAt + 1)) {
    if (r.values.every((v) => v === '')) continue;
    const cells: Partial<Record<ImportColumn, string>> = {};
    columns.forEach((c, i) => {
      if (c && r.values[i]) cells[c] = r.values[i];
    });
    // a row with no task data (a group heading like "I. CẢI CÁCH THỂ CHẾ") is skipped when it names no unit and no deadline
    if (!cells.lead && !cells.deadline && !cells.supporting && !cells.output) continue;
    rows.push({ row: r.row, cells });
  }
  return { rows, issues: [] };
}

/** Reads an appendix file: `.xlsx` (first worksheet) or `.csv` (UTF-8, BOM accepted). */
export async function readAppendix(filename: string, buf: Buffer): Promise<Appendix> {
  const ext = /\.([a-z]+)$/i.exec(filename)?.[1]?.toLowerCase();
  const sniffed = buf.length > 0 ? await fileTypeFromBuffer(buf) : undefined;
  if (ext === 'xlsx') {
    if (sniffed?.ext !== 'xlsx') return fileInvalid();
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(buf as unknown as ArrayBuffer);
    } catch {
      return fileInvalid();
    }
    const ws = wb.worksheets[0];
    if (!ws) return fileInvalid();
    const grid: { row: number; values: string[] }[] = [];
    ws.eachRow({ includeEmpty: false }, (row, n) => {
      const values: string[] = [];
      for (let c = 1; c <= ws.columnCount; c++) values.push(cellText(row.getCell(c).value));
      grid.push({ row: n, values });
    });
    return fromGrid(grid);
  }
  if (ext === 'csv') {
    // a binary file renamed .csv
    if (sniffed) return fileInvalid();
    const parsed = Papa.parse<string[]>(buf.toString('utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
    if (parsed.errors.some((e) => e.type !== 'FieldMismatch')) return fileInvalid();
    return fromGrid(parsed.data.map((values, i) => ({ row: i + 1, values: values.map((v) => v.trim()) })));
  }
  return fileInvalid();
}
