import ExcelJS from 'exceljs';
import type { ProcedureInput } from '@core/catalogue/procedure';
import { COLUMN_GUIDE, COMPONENT_COLUMNS, FEE_COLUMNS, PROCEDURE_COLUMNS, SHEETS, STEP_COLUMNS, childRows, procedureRow } from './columns';

/** The JSON export: an array of procedures in the import format, re-importable unchanged. */
export function exportJson(items: readonly ProcedureInput[]): string {
  return `${JSON.stringify(items, null, 2)}\n`;
}

function addSheet(wb: ExcelJS.Workbook, name: string, columns: readonly string[], rows: Record<string, unknown>[]) {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((key) => ({ header: key, key, width: key === 'name' ? 60 : 18 }));
  ws.getRow(1).font = { bold: true };
  // Codes stay text: "1.001190" typed as a number would lose its trailing zero.
  for (const r of rows) ws.addRow(Object.fromEntries(columns.map((c) => [c, r[c] ?? null])));
  ws.getColumn('code').numFmt = '@';
}

/** The spreadsheet export (or, with no items, the empty template): procedures, components, fees, steps and a guide sheet. */
export async function exportXlsx(items: readonly ProcedureInput[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'motcua';
  const children = items.map(childRows);
  addSheet(wb, SHEETS.procedures, PROCEDURE_COLUMNS, items.map(procedureRow));
  addSheet(wb, SHEETS.components, COMPONENT_COLUMNS, children.flatMap((c) => c.components));
  addSheet(wb, SHEETS.fees, FEE_COLUMNS, children.flatMap((c) => c.fees));
  addSheet(wb, SHEETS.steps, STEP_COLUMNS, children.flatMap((c) => c.steps));
  const guide = wb.addWorksheet('huong-dan');
  guide.columns = [
    { header: 'Cột', key: 'column', width: 22 },
    { header: 'Ý nghĩa', key: 'meaning', width: 100 },
  ];
  guide.getRow(1).font = { bold: true };
  guide.addRow({ column: '', meaning: 'Mỗi thủ tục một dòng ở trang procedures; thành phần hồ sơ, phí và các bước ở trang riêng, ghi mã thủ tục ở cột code.' });
  for (const [column, meaning] of Object.entries(COLUMN_GUIDE)) guide.addRow({ column, meaning });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** An example procedure for the downloadable template. */
export const TEMPLATE_EXAMPLE: ProcedureInput = {
  code: '1.001193',
  name: 'Đăng ký khai sinh',
  field: { code: 'HOTICH', name: 'Hộ tịch' },
  level: 'commune',
  responsibleUnit: '000.00.03.H26',
  implementingUnits: ['000.50.00.H26'],
  receivingUnits: ['000.50.01.H26'],
  applicants: ['citizen'],
  methods: ['counter', 'online', 'postal'],
  processingTime: { amount: 0, unit: 'immediate' },
  financialObligation: false,
  fees: [{ name: 'Lệ phí đăng ký khai sinh đúng hạn', amount: 0, rule: 'Miễn lệ phí' }],
  components: [
    { name: 'Tờ khai đăng ký khai sinh', originals: 1, copies: 0, required: true, condition: null, form: 'to-khai-dang-ky-khai-sinh.docx', documentType: null },
    { name: 'Giấy chứng sinh', originals: 1, copies: 0, required: true, condition: null, form: null, documentType: 'GIAY_CHUNG_SINH' },
  ],
  steps: [{ name: 'Tiếp nhận, kiểm tra và trả kết quả', role: 'onestop_officer', unit: null, time: 0 }],
  conditions: null,
  legalBasis: 'Luật Hộ tịch số 60/2014/QH13',
  result: { name: 'Giấy khai sinh', paper: true },
  onlineLevel: 'full',
  onlineJustification: null,
  identityLevel: 'basic',
};
