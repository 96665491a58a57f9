import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error';
import { DEFAULT_GRADE_FORMULA, type GradeFormula, checkFormula, computeGrade } from './grade';
import { yearPeriod } from './period';
import { formatViolationRef, handlingAllowed, parseViolationRef, violationStatus } from './violations';

const inputs = { indexTotal: 80, cityPoints: 1, cityRange: { min: -3, max: 3 }, reformOnTimeRate: 75, violations: 0 };
const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof AppError ? { code: e.code, params: e.params } : e;
  }
  return null;
};

describe('the head’s grade', () => {
  it('shows every step: share × weight per part, the sum, the penalty, the bound and the band', () => {
    const g = computeGrade(DEFAULT_GRADE_FORMULA, inputs);
    expect(g.components).toEqual([
      { code: 'index', input: 80, scale: { min: 0, max: 100 }, share: 0.8, weight: 60, contribution: 48, note: null },
      { code: 'cityRules', input: 1, scale: { min: -3, max: 3 }, share: 0.6667, weight: 10, contribution: 6.67, note: null },
      { code: 'reformOnTime', input: 75, scale: { min: 0, max: 100 }, share: 0.75, weight: 30, contribution: 22.5, note: null },
    ]);
    expect(g).toMatchObject({ subtotal: 77.17, penalty: { violations: 0, perViolation: 2, cap: 30, points: 0 }, raw: 77.17, score: 77.17, declaredTotal: 100, band: { code: 'good', vi: 'Hoàn thành tốt nhiệm vụ' } });
  });

  it('takes a penalty per violation, capped, and moves down the bands', () => {
    const one = computeGrade(DEFAULT_GRADE_FORMULA, { ...inputs, violations: 1 });
    expect(one.penalty.points).toBe(2);
    expect(one.score).toBe(75.17);
    expect(one.band.code).toBe('good');
    const two = computeGrade(DEFAULT_GRADE_FORMULA, { ...inputs, violations: 2 });
    expect(two.score).toBe(73.17);
    expect(two.band.code).toBe('complete');
    const many = computeGrade(DEFAULT_GRADE_FORMULA, { ...inputs, violations: 100 });
    expect(many.penalty.points).toBe(30);
    expect(many.score).toBe(47.17);
    expect(many.band.code).toBe('incomplete');
  });

  it('bounds the score to [0, total] and reaches the top band at the limit', () => {
    const harsh: GradeFormula = { ...DEFAULT_GRADE_FORMULA, violationPenalty: 50, maxViolationPenalty: 500 };
    const g = computeGrade(harsh, { ...inputs, violations: 3 });
    expect(g.raw).toBe(77.17 - 150);
    expect(g.score).toBe(0);
    expect(g.band.code).toBe('incomplete');
    const best = computeGrade(DEFAULT_GRADE_FORMULA, { indexTotal: 100, cityPoints: 3, cityRange: { min: -3, max: 3 }, reformOnTimeRate: 100, violations: 0 });
    expect(best.score).toBe(100);
    expect(best.band.code).toBe('excellent');
  });

  it('counts a part with nothing to judge in full, and says so', () => {
    const g = computeGrade(DEFAULT_GRADE_FORMULA, { ...inputs, reformOnTimeRate: null, cityRange: { min: 0, max: 0 } });
    expect(g.components[1]).toMatchObject({ share: 1, contribution: 10, note: 'no_range' });
    expect(g.components[2]).toMatchObject({ input: null, share: 1, contribution: 30, note: 'no_tasks' });
  });

  it('refuses weights that do not sum to the declared total', () => {
    expect(codeOf(() => checkFormula({ ...DEFAULT_GRADE_FORMULA, weights: { index: 60, cityRules: 10, reformOnTime: 20 } }))).toEqual({ code: 'ACCOUNTABILITY_WEIGHTS_SUM', params: { sum: 90, declared: 100 } });
    expect(checkFormula({ ...DEFAULT_GRADE_FORMULA, declaredTotal: 90, weights: { index: 60, cityRules: 10, reformOnTime: 20 }, bands: [{ code: 'a', vi: 'A', en: 'A', min: 0 }] }).declaredTotal).toBe(90);
  });

  it('refuses bands that do not decrease to 0, repeat a code, or start above the total; and a malformed formula', () => {
    const bands = (b: GradeFormula['bands']) => codeOf(() => checkFormula({ ...DEFAULT_GRADE_FORMULA, bands: b }));
    const band = (code: string, min: number) => ({ code, vi: code, en: code, min });
    expect(bands([band('a', 50), band('b', 60), band('c', 0)])).toMatchObject({ code: 'ACCOUNTABILITY_BANDS_INVALID' });
    expect(bands([band('a', 50), band('b', 10)])).toMatchObject({ code: 'ACCOUNTABILITY_BANDS_INVALID', params: { problem: 'the last band must start at 0' } });
    expect(bands([band('a', 50), band('a', 0)])).toMatchObject({ code: 'ACCOUNTABILITY_BANDS_INVALID', params: { problem: 'codes repeat' } });
    expect(bands([band('a', 150), band('b', 0)])).toMatchObject({ code: 'ACCOUNTABILITY_BANDS_INVALID' });
    expect(codeOf(() => checkFormula({ weights: { index: 'x' } }))).toMatchObject({ code: 'ACCOUNTABILITY_FORMULA_INVALID' });
    expect(checkFormula(DEFAULT_GRADE_FORMULA)).toEqual(DEFAULT_GRADE_FORMULA);
  });
});

describe('the graded year', () => {
  it('runs from 1 January (UTC+7) to today, judged now; a past year is judged at its end', () => {
    const now = Date.parse('2026-03-10T10:00:00+07:00');
    const p = yearPeriod(2026, now);
    expect(p).toMatchObject({ fromDay: '2026-01-01', toDay: '2026-03-10', asOf: now, untilMs: now + 1 });
    expect(p.fromMs).toBe(Date.parse('2026-01-01T00:00:00+07:00'));
    const past = yearPeriod(2025, now);
    expect(past).toMatchObject({ fromDay: '2025-01-01', toDay: '2025-12-31', asOf: Date.parse('2026-01-01T00:00:00+07:00') - 1 });
    expect(codeOf(() => yearPeriod(2027, now))).toMatchObject({ code: 'ACCOUNTABILITY_YEAR_INVALID' });
    // 31 December 20:00 UTC is already 1 January in Hải Phòng
    expect(yearPeriod(2027, Date.parse('2026-12-31T20:00:00Z')).toDay).toBe('2027-01-01');
  });
});

describe('the register’s references and workflow', () => {
  it('reads a manual id and a dossier violation key, nothing else', () => {
    const id = '0b9e8f5a-1c2d-4e3f-8a9b-0c1d2e3f4a5b';
    expect(parseViolationRef(id.toUpperCase())).toEqual({ source: 'manual', id });
    expect(parseViolationRef(`${id}.late_without_apology`)).toEqual({ source: 'dossier', dossierId: id, kind: 'late_without_apology' });
    expect(parseViolationRef(`${id}.other`)).toBeNull();
    expect(parseViolationRef('x')).toBeNull();
    expect(formatViolationRef({ source: 'dossier', dossierId: id, kind: 'late_return' })).toBe(`${id}.late_return`);
  });

  it('is open, handled, then closed; nothing is recorded after the closure', () => {
    expect(violationStatus([])).toBe('open');
    expect(violationStatus([{ kind: 'reminder' }])).toBe('handling');
    expect(violationStatus([{ kind: 'reminder' }, { kind: 'closure' }])).toBe('closed');
    expect(handlingAllowed('open', 'closure')).toBe(true);
    expect(handlingAllowed('handling', 'disciplinary_proposal')).toBe(true);
    expect(handlingAllowed('closed', 'reminder')).toBe(false);
  });
});
