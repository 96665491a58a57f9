import ExcelJS from 'exceljs';
import { fileTypeFromBuffer } from 'file-type';
import Papa from 'papaparse';
import { type ImportIssue, type RawRow, toImportIssue } from '@core/catalogue/batch';
import type { Locale } from '@core/errors/catalogue';
import { type Cells, componentFromCells, feeFromCells, procedureFromCells, stepFromCells } from './cells';
import { CSV_EXTRA_COLUMNS, SHEETS } from './columns';

/** The rows of an import file and the problems found reading it (file-level problems have row 0, field `file`). */
export interface ParsedFile {
  rows: RawRow[];
  issues: ImportIssue[];
}

const fileIssue = (code: 'CATALOGUE_FILE_CORRUPT' | 'CATALOGUE_FILE_UNSUPPORTED' | 'CATALOGUE_SHEET_MISSING', locale: Locale, params: Record<string, string> = {}, field = 'file'): ParsedFile => ({
  rows: [],
  issues: [toImportIssue(0, { field, code, params }, locale)],
});

/** Reads a `.json`, `.xlsx` or `.csv` import file, checking that its content is what its name says. */
export async function readImportFile(filename: string, buf: Buffer, locale: Locale): Promise<ParsedFile> {
  const ext = /\.([a-z]+)$/i.exec(filename)?.[1]?.toLowerCase();
  const sniffed = buf.length > 0 ? await fileTypeFromBuffer(buf) : undefined;
  if (ext === 'xlsx') {
    if (sniffed?.ext !== 'xlsx') return fileIssue('CATALOGUE_FILE_CORRUPT', locale, { kind: 'Excel (.xlsx)' });
    return readXlsx(buf, locale);
  }
  if (ext === 'json' || ext === 'csv') {
    // A binary file (zip, pdf, image…) renamed to .json/.csv.
    if (sniffed) return fileIssue('CATALOGUE_FILE_CORRUPT', locale, { kind: ext.toUpperCase() });
    return ext === 'json' ? readJson(buf, locale) : readCsv(buf, locale);
  }
  return fileIssue('CATALOGUE_FILE_UNSUPPORTED', locale);
}

function readJson(buf: Buffer, locale: Locale): ParsedFile {
  let value: unknown;
  try {
    value = JSON.parse(buf.toString('utf8').replace(/^\uFEFF/, ''));
  } catch {
    return fileIssue('CATALOGUE_FILE_CORRUPT', locale, { kind: 'JSON' });
  }
  const list = Array.isArray(value) ? value : (value as { procedures?: unknown })?.procedures;
  if (!Array.isArray(list)) return fileIssue('CATALOGUE_FILE_CORRUPT', locale, { kind: 'JSON (một mảng thủ tục)' });
  return { rows: list.map((v, i) => ({ row: i + 1, value: v })), issues: [] };
}

function readCsv(buf: Buffer, locale: Locale): ParsedFile {
  const parsed = Papa.parse<Record<string, string>>(buf.toString('utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy' });
  if (!parsed.meta.fields?.includes('code')) return fileIssue('CATALOGUE_SHEET_MISSING', locale, { name: 'code' });
  const issues: ImportIssue[] = [];
  const rows: RawRow[] = parsed.data.map((cells, i) => {
    const row = i + 2; // line 1 is the header
    const value: Record<string, unknown> = procedureFromCells(cells);
    for (const key of CSV_EXTRA_COLUMNS) {
      const text = cells[key]?.trim();
      if (!text) continue;
      try {
        const list = JSON.parse(text);
        value[key] = list;
      } catch {
        issues.push(toImportIssue(row, { field: key, code: 'PROCEDURE_VALUE_INVALID', params: { field: key } }, locale));
      }
    }
    return { row, value };
  });
  for (const e of parsed.errors) issues.push(toImportIssue((e.row ?? 0) + 2, { field: 'file', code: 'CATALOGUE_FILE_CORRUPT', params: { kind: 'CSV' } }, locale));
  return { rows, issues };
}

/** Plain value of an ExcelJS cell (rich text, formula results and hyperlinks flattened). */
function cellValue(v: ExcelJS.CellValue): unknown {
  if (v === null || v === undefined) return undefined;
  if (typeof v !== 'object' || v instanceof Date) return v;
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('result' in v) return v.result;
  if ('text' in v) return v.text;
  return undefined;
}

function sheetRows(ws: ExcelJS.Worksheet): { row: number; cells: Cells }[] {
  const header: string[] = [];
  ws.getRow(1).eachCell((c, col) => {
    header[col] = String(cellValue(c.value) ?? '').trim();
  });
  const out: { row: number; cells: Cells }[] = [];
  ws.eachRow((r, n) => {
    if (n === 1) return;
    const cells: Cells = {};
    r.eachCell((c, col) => {
      const key = header[col];
      if (key) cells[key] = cellValue(c.value);
    });
    if (Object.values(cells).some((v) => v !== undefined && v !== '')) out.push({ row: n, cells });
  });
  return out;
}

async function readXlsx(buf: Buffer, locale: Locale): Promise<ParsedFile> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    return fileIssue('CATALOGUE_FILE_CORRUPT', locale, { kind: 'Excel (.xlsx)' });
  }
  const sheet = wb.getWorksheet(SHEETS.procedures);
  if (!sheet) return fileIssue('CATALOGUE_SHEET_MISSING', locale, { name: SHEETS.procedures });
  const rows: RawRow[] = [];
  const byCode = new Map<string, Record<string, unknown[]> & Record<string, unknown>>();
  for (const { row, cells } of sheetRows(sheet)) {
    const value = procedureFromCells(cells) as Record<string, unknown[]> & Record<string, unknown>;
    value.components = [];
    value.fees = [];
    value.steps = [];
    rows.push({ row, value });
    if (typeof value.code === 'string' && !byCode.has(value.code)) byCode.set(value.code, value);
  }
  const issues: ImportIssue[] = [];
  const children = [
    [SHEETS.components, 'components', componentFromCells],
    [SHEETS.fees, 'fees', feeFromCells],
    [SHEETS.steps, 'steps', stepFromCells],
  ] as const;
  for (const [name, key, convert] of children) {
    const ws = wb.getWorksheet(name);
    if (!ws) continue;
    for (const { row, cells } of sheetRows(ws)) {
      const code = String(cells.code ?? '').trim();
      const owner = byCode.get(code);
      if (!owner) issues.push(toImportIssue(row, { field: `${name}.code`, code: 'CATALOGUE_ROW_ORPHAN', params: { code } }, locale));
      else owner[key]!.push(convert(cells));
    }
  }
  return { rows, issues };
}
