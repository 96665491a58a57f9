/**
 * The grade of a unit's head for a year (the seed, section 5: the Decision 766 index is the
 * criterion for grading each head). A configurable formula — data, not code — combines the unit's
 * index total, the city's bonus/penalty rule, the reform tasks' on-time rate and a penalty per
 * violation, then places the result in a yearly classification band. Pure: every step is returned
 * so the page can show why a grade is what it is.
 */
import { z } from 'zod';
import { AppError } from '../errors/app-error';

const weight = z.number().min(0).max(1000);
const text = z.string().trim().min(1).max(200);

/** The formula as stored and as the API takes it (before the sum and band checks of `checkFormula`). */
export const gradeFormulaSchema = z.object({
  /** The weights must sum to this, and a grade is out of it. */
  declaredTotal: z.number().positive().max(1000),
  weights: z.object({ index: weight, cityRules: weight, reformOnTime: weight }),
  /** Points taken off per violation in the year, and at most this many in all. */
  violationPenalty: z.number().min(0).max(100),
  maxViolationPenalty: z.number().min(0).max(1000),
  /** Classification bands, highest first; a grade falls in the first band whose `min` it reaches. */
  bands: z.array(z.object({ code: z.string().regex(/^[a-z_]{1,40}$/), vi: text, en: text, min: z.number().min(0).max(1000) })).min(1).max(10),
});
export type GradeFormula = z.infer<typeof gradeFormulaSchema>;

/** The default: the index weighs most, reform work next; the four yearly levels of Decree 90/2020/NĐ-CP (amended by 48/2023), thresholds ours. */
export const DEFAULT_GRADE_FORMULA: GradeFormula = {
  declaredTotal: 100,
  weights: { index: 60, cityRules: 10, reformOnTime: 30 },
  violationPenalty: 2,
  maxViolationPenalty: 30,
  bands: [
    { code: 'excellent', vi: 'Hoàn thành xuất sắc nhiệm vụ', en: 'Excellent', min: 90 },
    { code: 'good', vi: 'Hoàn thành tốt nhiệm vụ', en: 'Good', min: 75 },
    { code: 'complete', vi: 'Hoàn thành nhiệm vụ', en: 'Complete', min: 50 },
    { code: 'incomplete', vi: 'Không hoàn thành nhiệm vụ', en: 'Incomplete', min: 0 },
  ],
};

const EPS = 1e-9;
const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * Parses and checks a formula: the shape, the weights summing to the declared total
 * (ACCOUNTABILITY_WEIGHTS_SUM), bands strictly decreasing with distinct codes, the first within the
 * total and the last at 0 so every grade has a band (ACCOUNTABILITY_BANDS_INVALID).
 */
export function checkFormula(input: unknown): GradeFormula {
  const parsed = gradeFormulaSchema.safeParse(input);
  if (!parsed.success) throw new AppError('ACCOUNTABILITY_FORMULA_INVALID', { params: { problem: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') } });
  const f = parsed.data;
  const sum = f.weights.index + f.weights.cityRules + f.weights.reformOnTime;
  if (Math.abs(sum - f.declaredTotal) > EPS) throw new AppError('ACCOUNTABILITY_WEIGHTS_SUM', { params: { sum: round2(sum), declared: f.declaredTotal } });
  const problem = bandProblem(f);
  if (problem) throw new AppError('ACCOUNTABILITY_BANDS_INVALID', { params: { problem } });
  return f;
}

function bandProblem(f: GradeFormula): string | null {
  const codes = new Set(f.bands.map((b) => b.code));
  if (codes.size !== f.bands.length) return 'codes repeat';
  if (f.bands[0]!.min > f.declaredTotal) return `the first band's minimum exceeds ${f.declaredTotal}`;
  for (let i = 1; i < f.bands.length; i++) if (f.bands[i]!.min >= f.bands[i - 1]!.min) return 'minima must decrease strictly';
  if (f.bands[f.bands.length - 1]!.min !== 0) return 'the last band must start at 0';
  return null;
}

/** What the grade is computed from, gathered by the server for one unit and year. */
export interface GradeInputs {
  /** The Decision 766 index total of the unit (0–100 points). */
  indexTotal: number;
  /** The city rule's points (bonus positive, penalty negative) and the range they can take. */
  cityPoints: number;
  cityRange: { min: number; max: number };
  /** The reform tasks' on-time rate in % (null: no task due or done in the year). */
  reformOnTimeRate: number | null;
  /** Violations in the year answered by the unit (automatic and manual). */
  violations: number;
}

export type ComponentCode = 'index' | 'cityRules' | 'reformOnTime';

/** One weighted part: its input, the scale it is read on, its share (0–1), weight and contribution. */
export interface GradeComponent {
  code: ComponentCode;
  input: number | null;
  scale: { min: number; max: number };
  share: number;
  weight: number;
  contribution: number;
  /** Why a share was not read from the input (nothing to judge). */
  note: 'no_tasks' | 'no_range' | null;
}

/** The whole computation, step by step. */
export interface GradeResult {
  components: GradeComponent[];
  /** Σ contributions. */
  subtotal: number;
  penalty: { violations: number; perViolation: number; cap: number; points: number };
  /** subtotal − penalty, before bounding. */
  raw: number;
  /** raw bounded to [0, declaredTotal]. */
  score: number;
  declaredTotal: number;
  band: { code: string; vi: string; en: string; min: number };
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/** The share of a value on a scale; null when the scale is empty. */
function shareOn(x: number, s: { min: number; max: number }): number | null {
  return s.max - s.min <= EPS ? null : clamp01((x - s.min) / (s.max - s.min));
}

/**
 * The grade: each component's share of its scale times its weight, minus the violation penalty
 * (capped), bounded to [0, total], placed in its band. A unit with no reform work due, or a city
 * rule with an empty range, counts that part in full: nothing was late, nothing was missed.
 */
export function computeGrade(formula: GradeFormula, inputs: GradeInputs): GradeResult {
  const part = (code: ComponentCode, input: number | null, scale: { min: number; max: number }, emptyNote: GradeComponent['note']): GradeComponent => {
    const s = input === null ? null : shareOn(input, scale);
    const share = s ?? 1;
    const w = formula.weights[code];
    return { code, input, scale, share: Math.round(share * 10_000) / 10_000, weight: w, contribution: round2(share * w), note: s === null ? emptyNote : null };
  };
  const components = [
    part('index', inputs.indexTotal, { min: 0, max: 100 }, null),
    part('cityRules', inputs.cityPoints, inputs.cityRange, 'no_range'),
    part('reformOnTime', inputs.reformOnTimeRate, { min: 0, max: 100 }, 'no_tasks'),
  ];
  const subtotal = round2(components.reduce((s, c) => s + c.contribution, 0));
  const points = round2(Math.min(formula.maxViolationPenalty, inputs.violations * formula.violationPenalty));
  const raw = round2(subtotal - points);
  const score = round2(Math.min(formula.declaredTotal, Math.max(0, raw)));
  const band = formula.bands.find((b) => score + EPS >= b.min) ?? formula.bands[formula.bands.length - 1]!;
  return {
    components,
    subtotal,
    penalty: { violations: inputs.violations, perViolation: formula.violationPenalty, cap: formula.maxViolationPenalty, points },
    raw,
    score,
    declaredTotal: formula.declaredTotal,
    band: { code: band.code, vi: band.vi, en: band.en, min: band.min },
  };
}
