/** Mẫu 06: Sổ theo dõi hồ sơ (dossier book) of a unit for a period, A4 landscape, any number of pages. */
import { FORM_TITLES } from '@core/dossier';
import { DOSSIER_BOOK_COLUMNS, type Form06Data, form06Schema } from '@core/dossier/forms';
import { shortDate } from './format';
import { createDoc, header, title, toBuffer } from './layout';
import { type Column, table } from './table';

type Row = ReturnType<typeof form06Schema.parse>['rows'][number];
type Key = (typeof DOSSIER_BOOK_COLUMNS)[number]['key'];

const DATES = new Set<Key>(['receivedAt', 'dueAt', 'handedOverAt', 'resultReceivedAt', 'returnedAt']);
const CENTRED = new Set<Key>(['index', 'sets', ...DATES]);

/** The text of one cell. */
function cell(key: Key, row: Row, i: number): string {
  if (key === 'index') return String(i + 1);
  if (key === 'signature') return '';
  // unit code on one line, date and number on the next: a hyphen before digits is no line-break opportunity
  if (key === 'code') return row.code.replace('-', '-\n');
  if (DATES.has(key)) return shortDate(row[key as 'dueAt']);
  return String(row[key] ?? '');
}

/** Renders the dossier book; the header row repeats on every page. */
export async function renderForm06(data: Form06Data): Promise<Buffer> {
  const f = form06Schema.parse(data);
  const doc = createDoc({ size: 'A4', layout: 'landscape', title: FORM_TITLES.mau_06.vi, creationDate: f.creationDate });
  header(doc, { parent: f.agency.parent, agency: f.agency.name, number: f.number, place: f.agency.place, issuedAt: f.issuedAt });
  title(doc, FORM_TITLES.mau_06.vi, `Từ ngày ${shortDate(f.from)} đến ngày ${shortDate(f.to)}`);
  const columns: Column[] = DOSSIER_BOOK_COLUMNS.map((c) => ({ header: c.vi, weight: c.weight, align: CENTRED.has(c.key) ? 'center' : 'left' }));
  table(
    doc,
    columns,
    f.rows.map((row, i) => DOSSIER_BOOK_COLUMNS.map((c) => cell(c.key, row, i))),
    { fontSize: 7 },
  );
  return toBuffer(doc);
}
