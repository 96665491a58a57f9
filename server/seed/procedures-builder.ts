import { DOCUMENT_TYPE_CATALOGUE } from '@core/warehouse/catalogue';
import type { Component, ProcedureInput, Step } from '@core/catalogue/procedure';

/**
 * A compact notation for the demo catalogue, expanded into full procedures: realistic fields,
 * components, fees, times and steps without 80 hand-written objects. National codes follow the
 * national format; like the unit codes, they are illustrative — a deployment imports the official list.
 */

const PROVINCE_CENTRE = '000.00.30.H26';
/** Commune People's Committees of the demo tree (000.50.00.H26 … 000.61.00.H26) and their one-stop units. */
const COMMUNES = Array.from({ length: 12 }, (_, i) => `000.${50 + i}.00.H26`);
const COMMUNE_DESKS = COMMUNES.map((c) => c.replace('.00.H26', '.01.H26'));

/** Agency codes of the demo departments answerable for procedures. */
export const DEPT = {
  noivu: '000.00.02.H26',
  tuphap: '000.00.03.H26',
  taichinh: '000.00.04.H26',
  congthuong: '000.00.05.H26',
  xaydung: '000.00.06.H26',
  nnmt: '000.00.07.H26',
  khcn: '000.00.08.H26',
  gddt: '000.00.09.H26',
  yte: '000.00.10.H26',
  vhtt: '000.00.11.H26',
  thanhtra: '000.00.12.H26',
  bqlkkt: '000.00.13.H26',
} as const;

/** One procedure in short form: [code, name, level, time, fee, online, components, result, applicants?]. */
export type Short = [
  code: string,
  name: string,
  level: 'p' | 'c',
  /** Working days; 0 = immediate; `8h` = working hours; `30d` = calendar days. */
  time: number | string,
  /** VND, a rule in words, or null when free. */
  fee: number | string | null,
  online: 'full' | 'partial' | 'none',
  components: string[],
  result: string,
  applicants?: 'c' | 'o' | 'co',
];

/** A field (lĩnh vực) of the demo catalogue and the department answerable for it. */
export interface FieldGroup {
  code: string;
  name: string;
  dept: keyof typeof DEPT;
  legalBasis: string;
  /** Why a procedure of this field is not full-process online, when it is not. */
  why: string;
  conditions?: string;
  items: Short[];
}

function timeOf(t: number | string): ProcedureInput['processingTime'] {
  if (t === 0) return { amount: 0, unit: 'immediate' };
  if (typeof t === 'number') return { amount: t, unit: 'working_days' };
  const n = Number.parseInt(t, 10);
  return t.endsWith('h') ? { amount: n, unit: 'working_hours' } : { amount: n, unit: 'calendar_days' };
}

/** Receive → examine → approve → return, with shares that add up to the legal time. */
function stepsOf(total: number, province: boolean, deptCode: string): Step[] {
  const examine = province ? deptCode : null;
  const approver = province ? ('agency_head' as const) : ('unit_leader' as const);
  if (total === 0) return [{ name: 'Tiếp nhận, kiểm tra và trả kết quả ngay', role: 'onestop_officer', unit: null, time: 0 }];
  if (total < 3) {
    return [
      { name: 'Tiếp nhận, kiểm tra hồ sơ', role: 'onestop_officer', unit: null, time: 0 },
      { name: 'Thẩm định, trình ký', role: 'specialist', unit: examine, time: total / 2 },
      { name: 'Phê duyệt, ký kết quả', role: approver, unit: examine, time: total / 2 },
    ];
  }
  return [
    { name: 'Tiếp nhận, kiểm tra hồ sơ và chuyển xử lý', role: 'onestop_officer', unit: null, time: 0.5 },
    { name: 'Thẩm định hồ sơ, dự thảo kết quả', role: 'specialist', unit: examine, time: total - 1.5 },
    { name: 'Phê duyệt, ký kết quả', role: approver, unit: examine, time: 0.5 },
    { name: 'Trả kết quả', role: 'onestop_officer', unit: null, time: 0.5 },
  ];
}

const slug = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);

/** Names a component may use for a warehouse document type beyond the type's own name. */
const TYPE_ALIASES: readonly (readonly [string, string])[] = [['giấy chứng nhận quyền sử dụng đất', 'GCNQSDD']];

/**
 * The warehouse document type a component asks for, when its name (a copy's included) begins with
 * the type's name: the portal then offers the applicant's own valid copy instead of an upload.
 */
function documentTypeOf(text: string): string | null {
  const name = text.replace(/^Bản (sao|chụp) /, '').toLowerCase();
  const named = DOCUMENT_TYPE_CATALOGUE.find((t) => name.startsWith(t.vi.toLowerCase()));
  return named?.code ?? TYPE_ALIASES.find(([alias]) => name.startsWith(alias))?.[1] ?? null;
}

/** "Bản sao …" is a copy, "(nếu có)" is conditional, "Tờ khai/Đơn …" comes with a form template. */
function componentOf(text: string): Component {
  const copy = /^Bản sao/.test(text);
  const conditional = /\(nếu có\)|trường hợp/i.test(text);
  const form = /^(Tờ khai|Đơn|Phiếu|Bản khai)/.test(text) ? `${slug(text)}.docx` : null;
  return { name: text, originals: copy ? 0 : 1, copies: copy ? 1 : 0, required: !conditional, condition: conditional ? 'Trong trường hợp được nêu tại tên thành phần' : null, form, documentType: documentTypeOf(text) };
}

/** Expands one field's short entries into full procedures. */
export function expandField(g: FieldGroup): ProcedureInput[] {
  const dept = DEPT[g.dept];
  return g.items.map(([code, name, level, time, fee, online, components, result, applicants = 'c']) => {
    const province = level === 'p';
    const processingTime = timeOf(time);
    const total = processingTime?.unit === 'working_hours' ? processingTime.amount : (processingTime?.amount ?? 0);
    const fees = fee === null ? [] : typeof fee === 'number' ? [{ name: `Lệ phí ${name.charAt(0).toLowerCase()}${name.slice(1)}`.slice(0, 300), amount: fee, rule: null }] : [{ name: 'Phí, lệ phí', amount: null, rule: fee }];
    return {
      code,
      name,
      field: { code: g.code, name: g.name },
      level: province ? 'province' : 'commune',
      responsibleUnit: dept,
      implementingUnits: province ? [dept] : COMMUNES,
      receivingUnits: province ? [PROVINCE_CENTRE] : COMMUNE_DESKS,
      applicants: applicants === 'c' ? ['citizen'] : applicants === 'o' ? ['organisation'] : ['citizen', 'organisation'],
      methods: online === 'none' ? ['counter', 'postal'] : ['counter', 'online', 'postal'],
      processingTime,
      financialObligation: fees.some((f) => f.amount === null || f.amount > 0),
      fees,
      components: components.map(componentOf),
      steps: stepsOf(total, province, dept),
      conditions: g.conditions ?? null,
      legalBasis: g.legalBasis,
      result: { name: result, paper: true },
      onlineLevel: online,
      onlineJustification: online === 'full' ? null : g.why,
      identityLevel: 'basic',
    };
  });
}
