import type { ProcedureInput } from '@core/catalogue/procedure';

/**
 * The spreadsheet format: one sheet of procedures (one row each), and one sheet each of components,
 * fees and steps, keyed by the procedure code, in file order. Headers are the stable column keys
 * below; the template's guide sheet explains each in Vietnamese. CSV carries the procedures sheet
 * with three more columns holding the components, fees and steps as JSON arrays.
 */
export const SHEETS = { procedures: 'procedures', components: 'components', fees: 'fees', steps: 'steps' } as const;

/** Columns of the procedures sheet. */
export const PROCEDURE_COLUMNS = [
  'code', 'name', 'fieldCode', 'fieldName', 'level', 'responsibleUnit', 'implementingUnits', 'receivingUnits', 'applicants', 'methods',
  'processingAmount', 'processingUnit', 'financialObligation', 'conditions', 'legalBasis', 'resultName', 'resultPaper', 'onlineLevel', 'onlineJustification', 'identityLevel',
] as const;
/** Columns of the components sheet. */
export const COMPONENT_COLUMNS = ['code', 'name', 'originals', 'copies', 'required', 'condition', 'form', 'documentType'] as const;
/** Columns of the fees sheet. */
export const FEE_COLUMNS = ['code', 'name', 'amount', 'rule'] as const;
/** Columns of the steps sheet. */
export const STEP_COLUMNS = ['code', 'name', 'role', 'unit', 'time'] as const;
/** The JSON-array columns a CSV file adds to the procedures sheet. */
export const CSV_EXTRA_COLUMNS = ['components', 'fees', 'steps'] as const;

/** Vietnamese description of every column, for the template's guide sheet and docs. */
export const COLUMN_GUIDE: Record<string, string> = {
  code: 'Mã thủ tục trên CSDL quốc gia, dạng N.NNNNNN (ví dụ 1.001193)',
  name: 'Tên thủ tục / thành phần hồ sơ / phí / bước xử lý',
  fieldCode: 'Mã lĩnh vực',
  fieldName: 'Tên lĩnh vực',
  level: 'Cấp thực hiện: province, district hoặc commune',
  responsibleUnit: 'Mã định danh cơ quan chủ trì (sở, ngành chịu trách nhiệm), ví dụ 000.00.03.H26',
  implementingUnits: 'Mã định danh các cơ quan thực hiện, cách nhau bởi dấu ;',
  receivingUnits: 'Mã định danh các nơi tiếp nhận hồ sơ, cách nhau bởi dấu ;',
  applicants: 'Đối tượng: citizen; organisation',
  methods: 'Cách thức thực hiện: counter; online; postal',
  processingAmount: 'Thời hạn giải quyết (số); 0 khi trả kết quả ngay',
  processingUnit: 'Đơn vị thời hạn: working_days, working_hours, calendar_days hoặc immediate',
  financialObligation: 'Có nghĩa vụ tài chính: true/false',
  conditions: 'Yêu cầu, điều kiện thực hiện',
  legalBasis: 'Căn cứ pháp lý',
  resultName: 'Kết quả thực hiện',
  resultPaper: 'Kết quả là giấy tờ bản giấy: true/false',
  onlineLevel: 'Mức độ trực tuyến: full, partial hoặc none',
  onlineJustification: 'Lý do công khai khi chưa trực tuyến toàn trình',
  identityLevel: 'Mức định danh tối thiểu để nộp trực tuyến: basic (mức 1) hoặc verified (mức 2); để trống: basic',
  originals: 'Số bản chính',
  copies: 'Số bản sao',
  required: 'Bắt buộc: true/false',
  condition: 'Trường hợp phải nộp (nếu có điều kiện)',
  form: 'Tên tệp mẫu đơn, tờ khai',
  documentType: 'Loại giấy tờ trong kho dữ liệu có thể dùng thay',
  amount: 'Mức phí, lệ phí (đồng); để trống khi tính theo cách tính',
  rule: 'Cách tính phí (ví dụ 5.000 đồng/trang)',
  role: 'Vai trò xử lý: onestop_officer, specialist, unit_leader, agency_head, city_leader',
  unit: 'Mã định danh đơn vị xử lý bước (để trống: cơ quan tiếp nhận hồ sơ)',
  time: 'Thời gian của bước, cùng đơn vị với thời hạn; tổng các bước bằng thời hạn',
};

type Cell = string | number | boolean | null;
const list = (v: string[]) => v.join('; ');

/** The procedures-sheet row of a procedure (lists joined with `; `). */
export function procedureRow(p: ProcedureInput): Record<(typeof PROCEDURE_COLUMNS)[number], Cell> {
  return {
    code: p.code,
    name: p.name,
    fieldCode: p.field.code,
    fieldName: p.field.name,
    level: p.level,
    responsibleUnit: p.responsibleUnit,
    implementingUnits: list(p.implementingUnits),
    receivingUnits: list(p.receivingUnits),
    applicants: list(p.applicants),
    methods: list(p.methods),
    processingAmount: p.processingTime?.amount ?? null,
    processingUnit: p.processingTime?.unit ?? null,
    financialObligation: p.financialObligation,
    conditions: p.conditions,
    legalBasis: p.legalBasis,
    resultName: p.result?.name ?? null,
    resultPaper: p.result ? p.result.paper : null,
    onlineLevel: p.onlineLevel,
    onlineJustification: p.onlineJustification,
    identityLevel: p.identityLevel,
  };
}

/** The component, fee and step rows of a procedure, each carrying the procedure code. */
export function childRows(p: ProcedureInput) {
  return {
    components: p.components.map((c) => ({ code: p.code, name: c.name, originals: c.originals, copies: c.copies, required: c.required, condition: c.condition, form: c.form, documentType: c.documentType })),
    fees: p.fees.map((f) => ({ code: p.code, name: f.name, amount: f.amount, rule: f.rule })),
    steps: p.steps.map((s) => ({ code: p.code, name: s.name, role: s.role, unit: s.unit, time: s.time })),
  };
}
