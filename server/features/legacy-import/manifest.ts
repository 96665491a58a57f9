/**
 * Legacy-import manifests (.csv or .xlsx), read row by row as a stream: the first row names the
 * columns (English or Vietnamese headers), every further row describes one scan.
 */
import { createReadStream } from 'node:fs';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';

export const MANIFEST_FIELDS = ['file', 'typeCode', 'number', 'issuer', 'issuedOn', 'expiresOn', 'holderKind', 'holderId', 'holderName'] as const;
export type ManifestField = (typeof MANIFEST_FIELDS)[number];

/** One manifest row: its line number (the header is line 1) and its cells by field, as text. */
export interface ManifestRow {
  rowNumber: number;
  cells: Partial<Record<ManifestField, string>>;
}

/** Header → field, by the header lower-cased, without diacritics, words joined by `_`. */
const ALIASES: Record<string, ManifestField> = {};
const alias = (field: ManifestField, names: string[]) => {
  for (const n of names) ALIASES[n] = field;
};
alias('file', ['file', 'filename', 'scan', 'tep', 'ten_tep', 'tep_quet', 'ban_quet']);
alias('typeCode', ['type', 'type_code', 'document_type', 'ma_loai', 'loai', 'loai_giay_to', 'ma_loai_giay_to']);
alias('number', ['number', 'no', 'so', 'so_hieu', 'so_giay_to', 'so_van_ban']);
alias('issuer', ['issuer', 'issued_by', 'co_quan_cap', 'noi_cap', 'don_vi_cap']);
alias('issuedOn', ['issued', 'issued_on', 'issued_date', 'issue_date', 'ngay_cap', 'ngay_ban_hanh']);
alias('expiresOn', ['expiry', 'expires', 'expires_on', 'expiry_date', 'ngay_het_han', 'het_han', 'hieu_luc_den']);
alias('holderKind', ['holder_kind', 'loai_chu_the', 'chu_the', 'doi_tuong']);
alias('holderId', ['holder_id', 'holder_number', 'so_dinh_danh', 'cccd_mst', 'ma_so', 'so_cccd_mst', 'cccd_ma_so_thue']);
alias('holderName', ['holder_name', 'ten_chu_the', 'ho_ten', 'ho_ten_ten_to_chuc', 'ten']);

/** `Ngày cấp` → `ngay_cap`. */
export function headerKey(header: string): string {
  return header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}

export const fieldOfHeader = (header: string): ManifestField | undefined => ALIASES[headerKey(header)];

/** A cell as text: dates (Excel) as `YYYY-MM-DD`, rich text and formulas by their text. */
function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as { text?: unknown; result?: unknown; richText?: { text: string }[] };
    if (o.richText) return o.richText.map((r) => r.text).join('');
    if (o.result !== undefined) return cellText(o.result);
    if (o.text !== undefined) return String(o.text);
  }
  return String(v).trim();
}

function toRow(rowNumber: number, fields: (ManifestField | undefined)[], values: unknown[]): ManifestRow | null {
  const cells: ManifestRow['cells'] = {};
  let any = false;
  fields.forEach((f, i) => {
    const text = cellText(values[i]);
    if (f && text) cells[f] = text;
    if (text) any = true;
  });
  return any ? { rowNumber, cells } : null;
}

function headerFields(headers: unknown[]): (ManifestField | undefined)[] {
  const fields = headers.map((h) => fieldOfHeader(cellText(h)));
  const missing = (['file', 'typeCode', 'number', 'holderId'] as const).filter((f) => !fields.includes(f));
  if (missing.length) throw new Error(`manifest: missing column(s) ${missing.join(', ')}`);
  return fields;
}

async function* csvRows(file: string): AsyncGenerator<ManifestRow> {
  const parser = createReadStream(file).pipe(Papa.parse(Papa.NODE_STREAM_INPUT, { skipEmptyLines: false }));
  let fields: (ManifestField | undefined)[] | null = null;
  let line = 0;
  // blank lines are kept (and counted) so that row numbers are the file's line numbers
  for await (const record of parser as AsyncIterable<string[]>) {
    line++;
    if (!fields) {
      fields = headerFields(record.map((h, i) => (i === 0 ? h.replace(/^\uFEFF/, '') : h)));
      continue;
    }
    const row = toRow(line, fields, record);
    if (row) yield row;
  }
}

async function* xlsxRows(file: string): AsyncGenerator<ManifestRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit' });
  for await (const sheet of reader) {
    let fields: (ManifestField | undefined)[] | null = null;
    for await (const r of sheet as AsyncIterable<ExcelJS.Row>) {
      // row.values is 1-based: index 0 is empty
      const values = (r.values as unknown[]).slice(1);
      if (!fields) {
        fields = headerFields(values);
        continue;
      }
      const row = toRow(r.number, fields, values);
      if (row) yield row;
    }
    return; // the first sheet only
  }
}

/** The rows of a manifest, one at a time (never the whole file in memory). */
export function readManifest(file: string): AsyncGenerator<ManifestRow> {
  return /\.xlsx$/i.test(file) ? xlsxRows(file) : csvRows(file);
}
