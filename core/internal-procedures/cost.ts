/**
 * The standard cost model of an internal procedure (Decision 1085/QĐ-TTg, docs/internal-procedures.md):
 * each step costs its time × the hourly cost of its actor + its other costs; one run of the procedure
 * costs the steps plus its fees; a year costs one run × the yearly frequency. Money is whole đồng
 * (each step's time cost is rounded to the đồng once); hours are decimals; a working day is 8 hours.
 * Pure: no I/O.
 */

/** Hours in one working day. */
export const HOURS_PER_WORKING_DAY = 8;

/** The hourly cost of a civil servant used when a step names none (đồng/h; configurable per call). */
export const DEFAULT_HOURLY_COST = 40_000;

/** The city's target: at least this % of reviewed procedures simplified and this % of their cost cut. */
export interface CutTarget {
  proceduresPercent: number;
  costPercent: number;
}
export const DEFAULT_TARGET: CutTarget = { proceduresPercent: 20, costPercent: 20 };

export type DurationUnit = 'hours' | 'working_days';

/** One step of a procedure. */
export interface Step {
  order: number;
  name: string;
  /** The performing unit or the actor's role (e.g. "Chuyên viên Sở Tư pháp"). */
  actor: string;
  time: number;
  unit: DurationUnit;
  /** đồng per hour; null = the default. */
  hourlyCost: number | null;
  /** Other costs of the step (printing, travel…), đồng. */
  otherCosts: number;
}

/** What the cost is computed from: a version of the procedure. */
export interface CostInput {
  steps: readonly Step[];
  /** Fees and charges per run, đồng. */
  fees: number;
  /** Times per year. */
  yearlyFrequency: number;
}

export interface StepCost {
  order: number;
  name: string;
  hours: number;
  hourlyCost: number;
  /** round(hours × hourlyCost). */
  timeCost: number;
  otherCosts: number;
  /** timeCost + otherCosts. */
  total: number;
}

export interface CostBreakdown {
  steps: StepCost[];
  stepsTotal: number;
  fees: number;
  /** stepsTotal + fees. */
  perRun: number;
  yearlyFrequency: number;
  /** perRun × yearlyFrequency. */
  yearly: number;
}

/** The hours of a step: hours as given, working days × 8. */
export function stepHours(s: Pick<Step, 'time' | 'unit'>): number {
  return s.unit === 'working_days' ? s.time * HOURS_PER_WORKING_DAY : s.time;
}

/** The cost of one version, step by step. */
export function complianceCost(input: CostInput, defaultHourlyCost = DEFAULT_HOURLY_COST): CostBreakdown {
  const steps = [...input.steps]
    .sort((a, b) => a.order - b.order)
    .map((s) => {
      const hours = stepHours(s);
      const hourlyCost = s.hourlyCost ?? defaultHourlyCost;
      const timeCost = Math.round(hours * hourlyCost);
      return { order: s.order, name: s.name, hours, hourlyCost, timeCost, otherCosts: s.otherCosts, total: timeCost + s.otherCosts };
    });
  const stepsTotal = steps.reduce((n, s) => n + s.total, 0);
  const perRun = stepsTotal + input.fees;
  return { steps, stepsTotal, fees: input.fees, perRun, yearlyFrequency: input.yearlyFrequency, yearly: perRun * input.yearlyFrequency };
}

/** A percentage with two decimals; null when the base is zero. */
export function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 10_000) / 100;
}

export interface Cut {
  before: number;
  after: number;
  /** before − after, đồng (negative when the cost grew). */
  cut: number;
  /** cut / before, %. */
  percent: number | null;
}

/** The cut from a yearly cost before to one after. */
export function costCut(before: number, after: number): Cut {
  return { before, after, cut: before - after, percent: percent(before - after, before) };
}

/** One procedure as the progress counts it. */
export interface ReviewedProcedure {
  unitId: string;
  /** The yearly cost of the reviewed ("before") version. */
  before: number;
  /** The yearly cost after simplification; null when no simplification was decided. */
  after: number | null;
}

export interface Progress {
  reviewed: number;
  simplified: number;
  simplifiedPercent: number | null;
  /** Total yearly cost of the reviewed procedures before and after (a procedure not simplified counts the same on both sides). */
  costBefore: number;
  costAfter: number;
  cut: number;
  cutPercent: number | null;
  target: CutTarget;
  proceduresTargetMet: boolean;
  costTargetMet: boolean;
  targetMet: boolean;
}

/** Progress of a set of reviewed procedures against the target. */
export function progress(items: readonly ReviewedProcedure[], target: CutTarget = DEFAULT_TARGET): Progress {
  const simplified = items.filter((i) => i.after !== null).length;
  const costBefore = items.reduce((n, i) => n + i.before, 0);
  const costAfter = items.reduce((n, i) => n + (i.after ?? i.before), 0);
  const simplifiedPercent = percent(simplified, items.length);
  const cutPercent = percent(costBefore - costAfter, costBefore);
  const proceduresTargetMet = simplifiedPercent !== null && simplifiedPercent >= target.proceduresPercent;
  const costTargetMet = cutPercent !== null && cutPercent >= target.costPercent;
  return {
    reviewed: items.length,
    simplified,
    simplifiedPercent,
    costBefore,
    costAfter,
    cut: costBefore - costAfter,
    cutPercent,
    target,
    proceduresTargetMet,
    costTargetMet,
    targetMet: proceduresTargetMet && costTargetMet,
  };
}

/** Progress per unit (in the order units first appear) and for the city. */
export function progressBoard(items: readonly ReviewedProcedure[], target: CutTarget = DEFAULT_TARGET): { units: { unitId: string; progress: Progress }[]; city: Progress } {
  const byUnit = new Map<string, ReviewedProcedure[]>();
  for (const i of items) byUnit.set(i.unitId, [...(byUnit.get(i.unitId) ?? []), i]);
  return { units: [...byUnit].map(([unitId, list]) => ({ unitId, progress: progress(list, target) })), city: progress(items, target) };
}
