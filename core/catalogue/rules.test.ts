import { describe, expect, it } from 'vitest';
import { validateBatch } from './batch';
import { sameProcedure } from './canonical';
import { checkCompleteness } from './completeness';
import { sampleProcedure } from './fixtures';
import { validateProcedure } from './rules';

const units = new Set(['000.00.03.H26', '000.50.00.H26', '000.50.01.H26']);
const ctx = { unitExists: (c: string) => units.has(c) };
const codesOf = (raw: unknown) => {
  const r = validateProcedure(raw, ctx);
  return r.ok ? [] : r.issues.map((i) => `${i.field}:${i.code}`);
};

describe('procedure rules', () => {
  it('accepts a complete procedure and applies defaults to a minimal one', () => {
    expect(codesOf(sampleProcedure())).toEqual([]);
    const r = validateProcedure({ code: '1.000001', name: 'Thủ tục tối thiểu', field: { code: 'X', name: 'Lĩnh vực' }, level: 'province', responsibleUnit: '000.00.03.H26', onlineLevel: 'full' }, ctx);
    expect(r.ok && r.value.components).toEqual([]);
    expect(r.ok && r.value.processingTime).toBeNull();
  });

  it('reports each bad input of the issue with its own stable code', () => {
    expect(codesOf({ ...sampleProcedure(), name: undefined })).toEqual(['name:PROCEDURE_NAME_REQUIRED']);
    expect(codesOf({ ...sampleProcedure(), name: '  ' })).toEqual(['name:PROCEDURE_NAME_REQUIRED']);
    expect(codesOf(sampleProcedure({ code: '1001193' }))).toEqual(['code:PROCEDURE_CODE_INVALID']);
    expect(codesOf(sampleProcedure({ fees: [{ name: 'Lệ phí', amount: -1000, rule: null }] }))).toEqual(['fees.0.amount:PROCEDURE_FEE_NEGATIVE']);
    expect(codesOf(sampleProcedure({ processingTime: { amount: 0, unit: 'working_days' } }))).toEqual(['processingTime.amount:PROCEDURE_TIME_INVALID']);
    expect(codesOf(sampleProcedure({ processingTime: { amount: -2, unit: 'working_days' } }))).toEqual(['processingTime.amount:PROCEDURE_TIME_INVALID']);
    expect(codesOf(sampleProcedure({ responsibleUnit: '000.00.99.H26' }))).toEqual(['responsibleUnit:PROCEDURE_UNIT_UNKNOWN']);
    expect(codesOf({ ...sampleProcedure(), onlineLevel: 'level4' })).toEqual(['onlineLevel:PROCEDURE_ONLINE_LEVEL_UNKNOWN']);
    expect(codesOf({ ...sampleProcedure(), level: 'ward' })).toEqual(['level:PROCEDURE_LEVEL_UNKNOWN']);
    expect(codesOf(sampleProcedure({ steps: [{ name: 'Xử lý', role: 'specialist', unit: null, time: 2 }] }))).toEqual(['steps:PROCEDURE_STEPS_SUM']);
    expect(codesOf(sampleProcedure({ onlineLevel: 'partial' }))).toEqual(['onlineJustification:PROCEDURE_ONLINE_JUSTIFICATION_REQUIRED']);
  });

  it('takes an immediate result as time 0 with steps of 0, and refuses an immediate result with a time', () => {
    expect(codesOf(sampleProcedure({ processingTime: { amount: 0, unit: 'immediate' }, steps: [{ name: 'Trả ngay', role: 'onestop_officer', unit: null, time: 0 }] }))).toEqual([]);
    expect(codesOf(sampleProcedure({ processingTime: { amount: 2, unit: 'immediate' } }))).toContain('processingTime.amount:PROCEDURE_TIME_INVALID');
  });

  it('lists every problem of a batch with its row, including codes repeated inside the file', () => {
    const rows = [
      { row: 1, value: sampleProcedure() },
      { row: 2, value: sampleProcedure({ name: 'Đăng ký khai sinh (trùng)' }) },
      { row: 3, value: { ...sampleProcedure({ code: '1.000002' }), name: '' } },
    ];
    const { valid, issues } = validateBatch(rows, ctx, 'vi');
    expect(valid.map((v) => v.row)).toEqual([1]);
    expect(issues.map((i) => [i.row, i.field, i.code])).toEqual([
      [2, 'code', 'PROCEDURE_CODE_DUPLICATE'],
      [3, 'name', 'PROCEDURE_NAME_REQUIRED'],
    ]);
    expect(issues[0]!.message).toBe('Mã thủ tục 1.001193 xuất hiện nhiều lần trong tệp (đã có ở dòng 1).');
  });

  it('compares procedures by content, not by key order', () => {
    const a = sampleProcedure();
    const b = JSON.parse(JSON.stringify(Object.fromEntries(Object.entries(a).reverse())));
    expect(sameProcedure(a, b)).toBe(true);
    expect(sameProcedure(a, sampleProcedure({ name: 'Đăng ký khai sinh lưu động' }))).toBe(false);
  });
});

describe('completeness (what the index scores)', () => {
  it('finds nothing missing in a complete procedure', () => {
    expect(checkCompleteness(sampleProcedure())).toEqual({ complete: true, missing: [] });
  });

  it('names every missing item', () => {
    const p = sampleProcedure({ steps: [], methods: [], components: [], processingTime: null, applicants: [], implementingUnits: [] });
    expect(checkCompleteness(p).missing).toEqual(['steps', 'methods', 'components', 'processingTime', 'applicants', 'implementingUnits']);
    expect(checkCompleteness({ ...p, name: ' ' }).missing[0]).toBe('name');
  });

  it('requires a count on every component', () => {
    const c = { name: 'Tờ khai', originals: 0, copies: 0, required: true, condition: null, form: null, documentType: null };
    expect(checkCompleteness(sampleProcedure({ components: [c] })).missing).toEqual(['componentCounts']);
  });
});
