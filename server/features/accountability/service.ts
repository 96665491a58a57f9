/**
 * What the accountability routes gather: a unit's scope (its sub-tree and merged predecessors), its
 * violations register for a year, its late reform work (part 1's tables, read only), and the inputs of
 * its head's grade, which core/accountability/grade.ts computes.
 */
import type { Kysely } from 'kysely';
import type { GradeView, ViolationView } from '@core/accountability/api';
import { DEFAULT_GRADE_FORMULA, type GradeFormula, computeGrade, gradeFormulaSchema } from '@core/accountability/grade';
import type { YearPeriod } from '@core/accountability/period';
import type { ViolationRef } from '@core/accountability/violations';
import { canActOnUnit } from '@core/access/permissions';
import { formatInstant } from '@core/calendar/time';
import { countStates, countedOccurrences } from '@core/reform/board';
import type { OccurrenceStatus } from '@core/reform/state';
import type { DB, UnitRow } from '../../db/schema';
import type { StaffActor } from '../../http/actor';
import { type UnitDirectory, loadSettings, unitIndex } from '../index/service';
import { unitAncestorIds } from '../org/queries';
import { judgeTasks } from '../reform/present';
import { listEvents, listTasks } from '../reform/queries';
import { presentDossierViolation, presentManualViolation } from './present';
import { findFormula, findManualViolation, listDossierViolations, listEvidence, listHandlings, listManualViolations } from './queries';

/** A unit with the ids and codes of everything its head answers for. */
export interface UnitScope {
  unit: UnitRow;
  ids: string[];
  codes: string[];
}

/** The unit, its sub-tree and the units merged into them. */
export function scopeOf(dir: UnitDirectory, unit: UnitRow): UnitScope {
  const ids = dir.rollUp(unit);
  return { unit, ids: [...ids], codes: dir.units.filter((u) => ids.has(u.id)).map((u) => u.code) };
}

export const unitView = (u: UnitRow) => ({ id: u.id, code: u.code, name: u.short_name ?? u.name });

/** The formula in force: the stored one if it still parses, else the default. */
export async function loadFormula(db: Kysely<DB>): Promise<{ formula: GradeFormula; updatedAt: string | null; updatedBy: string | null }> {
  const row = await findFormula(db);
  if (!row) return { formula: DEFAULT_GRADE_FORMULA, updatedAt: null, updatedBy: null };
  const parsed = gradeFormulaSchema.safeParse(typeof row.formula === 'string' ? JSON.parse(row.formula) : row.formula);
  return parsed.success ? { formula: parsed.data, updatedAt: formatInstant(row.updated_at.getTime()), updatedBy: row.updated_by_name ?? row.updated_by } : { formula: DEFAULT_GRADE_FORMULA, updatedAt: null, updatedBy: null };
}

/** Answers whether the actor holds `accountability.handle` over a unit, reading each unit's ancestors once. */
function handleChecker(db: Kysely<DB>, actor: StaffActor | null) {
  const cache = new Map<string, Promise<boolean>>();
  return (unitId: string) => {
    if (!actor) return Promise.resolve(false);
    if (!cache.has(unitId)) cache.set(unitId, unitAncestorIds(db, unitId).then((path) => canActOnUnit(actor.roles, 'accountability.handle', path)));
    return cache.get(unitId)!;
  };
}

/** The register of a unit's scope for a year: automatic and manual violations with their handlings, newest first. */
export async function registerOf(db: Kysely<DB>, actor: StaffActor | null, scope: UnitScope, period: YearPeriod): Promise<ViolationView[]> {
  const range = { from: new Date(period.fromMs), to: new Date(period.untilMs) };
  const [auto, manual, handlings] = await Promise.all([listDossierViolations(db, { codes: scope.codes, ...range }), listManualViolations(db, { unitIds: scope.ids, ...range }), listHandlings(db, scope.ids)]);
  const evidence = await listEvidence(db, manual.map((m) => m.id));
  const mayHandle = handleChecker(db, actor);
  const byKey = new Map<string, typeof handlings>();
  for (const h of handlings) {
    const key = h.violation_id ?? `${h.dossier_id}.${h.dossier_kind}`;
    byKey.set(key, [...(byKey.get(key) ?? []), h]);
  }
  const views = [
    ...(await Promise.all(auto.map(async (v) => presentDossierViolation(v, byKey.get(`${v.dossier_id}.${v.kind}`) ?? [], await mayHandle(v.unit_id))))),
    ...(await Promise.all(manual.map(async (v) => presentManualViolation(v, byKey.get(v.id) ?? [], evidence, await mayHandle(v.unit_id))))),
  ];
  return views.sort((a, b) => b.at.localeCompare(a.at) || a.ref.localeCompare(b.ref));
}

/** The reform work led by the scope whose deadline falls in the year, judged as of the period's end or now: counts and the late items. */
export async function reformOf(db: Kysely<DB>, scope: UnitScope, period: YearPeriod) {
  const tasks = await listTasks(db, { leadUnitIds: scope.ids });
  const judged = judgeTasks(tasks, await listEvents(db, tasks.map((t) => t.id)), period.asOf);
  const inYear = (o: OccurrenceStatus) => o.due >= `${period.year}-01-01` && o.due <= `${period.year}-12-31`;
  const counted = judged.flatMap((j) => countedOccurrences(j.status, period.asOf).filter(inYear).map((o) => ({ j, o })));
  const counts = countStates(counted.map(({ o }) => o));
  const items = counted
    .filter(({ o }) => o.state === 'overdue' || o.state === 'completed_late')
    .map(({ j, o }) => ({ taskId: j.task.id, planNumber: j.task.plan_number, content: j.task.content, lead: j.task.lead_name, period: o.period, due: o.due, state: o.state }))
    .sort((a, b) => a.due.localeCompare(b.due));
  return { onTimeRate: counts.onTimeRate, onTime: counts.completed_on_time, late: counts.completed_late, overdue: counts.overdue, items };
}

/** The grade of the unit's head for the year, with its inputs and every step. */
export async function gradeOf(db: Kysely<DB>, scope: UnitScope, period: YearPeriod): Promise<GradeView> {
  const range = { from: new Date(period.fromMs), to: new Date(period.untilMs) };
  const [index, settings, reform, auto, manual, { formula }] = await Promise.all([
    unitIndex(db, { unit: scope.unit.code, from: period.fromDay, to: period.toDay }, new Date(period.asOf)),
    loadSettings(db),
    reformOf(db, scope, period),
    listDossierViolations(db, { codes: scope.codes, ...range }),
    listManualViolations(db, { unitIds: scope.ids, ...range }),
    loadFormula(db),
  ]);
  const rules = Object.values(settings.cityRules);
  const inputs = {
    indexTotal: index.total,
    cityPoints: index.cityPoints,
    cityRange: { min: -rules.reduce((s, r) => s + r.penalty, 0), max: rules.reduce((s, r) => s + r.bonus, 0) },
    reformOnTimeRate: reform.onTimeRate,
    violations: auto.length + manual.length,
  };
  return {
    unit: unitView(scope.unit),
    year: period.year,
    period: { from: period.fromDay, to: period.toDay },
    asOf: formatInstant(period.asOf),
    formula,
    inputs: { ...inputs, automaticViolations: auto.length, manualViolations: manual.length },
    result: computeGrade(formula, inputs),
  };
}


/** One violation of the register by its reference, with the unit that answers for it; undefined when there is none. */
export async function loadViolation(db: Kysely<DB>, actor: StaffActor | null, ref: ViolationRef): Promise<{ unitId: string; view: ViolationView } | undefined> {
  const mayHandle = handleChecker(db, actor);
  if (ref.source === 'dossier') {
    const [v] = await listDossierViolations(db, { key: { dossierId: ref.dossierId, kind: ref.kind } });
    if (!v) return undefined;
    const handlings = (await listHandlings(db, [v.unit_id])).filter((h) => h.dossier_id === v.dossier_id && h.dossier_kind === v.kind);
    return { unitId: v.unit_id, view: presentDossierViolation(v, handlings, await mayHandle(v.unit_id)) };
  }
  const v = await findManualViolation(db, ref.id);
  if (!v) return undefined;
  const [handlings, evidence] = await Promise.all([listHandlings(db, [v.unit_id]), listEvidence(db, [v.id])]);
  return { unitId: v.unit_id, view: presentManualViolation(v, handlings.filter((h) => h.violation_id === v.id), evidence, await mayHandle(v.unit_id)) };
}
