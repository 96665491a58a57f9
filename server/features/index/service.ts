/**
 * The index of units over periods: gathers the counted parts (queries.ts, the publication rates)
 * for the units asked, then lets core/index/compute.ts do the arithmetic. One set of queries serves
 * one unit or a whole ranking: the sums are read per unit and procedure, then rolled up per unit
 * asked (its sub-tree and merged predecessors) in memory.
 */
import type { Kysely } from 'kysely';
import { type IndexSettings, DEFAULT_INDEX_SETTINGS, indexSettingsSchema } from '@core/index/config';
import { computeIndex, type IndexParts, type IndexResult, type Part } from '@core/index/compute';
import { type Measures, MEASURES, periodParts, zeroMeasures } from '@core/index/facts';
import type { IndexResponse, ProcedureTimesResponse, TrendResponse, UnitsResponse } from '@core/index/api';
import { rollUpUnitIds } from '@core/org/tree';
import { AppError } from '@core/errors/app-error';
import type { DB, UnitRow } from '../../db/schema';
import { listUnits } from '../org/queries';
import { buildRates, calendarCacheFor, workingDayRule } from '../publication/board';
import { activeProcedures, countsByUnitProcedure, findIndexSettings, type IndexProcedureRow, openLateByUnit, procedureNames } from './queries';

/** A period of days, inclusive, checked. */
export interface Period {
  from: string;
  to: string;
}

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const realDay = (d: string) => DAY_RE.test(d) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d;

/** Rejects impossible dates, an end before the start and periods over 10 years. */
export function checkPeriod(p: Period): Period {
  if (!realDay(p.from) || !realDay(p.to) || p.from > p.to || Number(p.to.slice(0, 4)) - Number(p.from.slice(0, 4)) > 10) throw new AppError('INDEX_PERIOD_INVALID');
  return p;
}

/** The instant a day ends in UTC+7 (the start of the next day there). */
export function endOfDay(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00+07:00`) + 86_400_000);
}

/** The configuration in force: the stored one if valid, else the default. */
export async function loadSettings(db: Kysely<DB>): Promise<IndexSettings> {
  const row = await findIndexSettings(db);
  if (!row) return DEFAULT_INDEX_SETTINGS;
  const parsed = indexSettingsSchema.safeParse(typeof row.settings === 'string' ? JSON.parse(row.settings) : row.settings);
  return parsed.success ? parsed.data : DEFAULT_INDEX_SETTINGS;
}

/** Units of the organisation with their roll-up sets. */
export class UnitDirectory {
  readonly byCode: Map<string, UnitRow>;
  constructor(readonly units: UnitRow[]) {
    this.byCode = new Map(units.map((u) => [u.code, u]));
  }
  static async load(db: Kysely<DB>) {
    return new UnitDirectory(await listUnits(db));
  }
  find(code: string): UnitRow {
    const u = this.byCode.get(code);
    if (!u) throw new AppError('INDEX_UNIT_UNKNOWN', { params: { unit: code } });
    return u;
  }
  /** The unit itself, its sub-tree and every unit merged into them. */
  rollUp(u: UnitRow): Set<string> {
    return rollUpUnitIds(u.id, this.units.map((x) => ({ id: x.id, parentId: x.parent_id, successorId: x.successor_id })));
  }
  /** The root: the city (the unit without a parent that is still active, first by code). */
  root(): UnitRow {
    const roots = this.units.filter((u) => u.parent_id === null && u.successor_id === null);
    const r = roots[0];
    if (!r) throw new AppError('INDEX_UNIT_UNKNOWN', { params: { unit: '' } });
    return r;
  }
  /** Active units directly under a unit. */
  children(u: UnitRow): UnitRow[] {
    return this.units.filter((x) => x.parent_id === u.id && x.successor_id === null && x.valid_to === null);
  }
}

export const unitRef = (u: UnitRow) => ({ code: u.code, name: u.name, kind: u.kind });

const procedureOf = (p: IndexProcedureRow, ids: ReadonlySet<string>) => ids.has(p.unit_id) || p.implementing.some((i) => ids.has(i));

/** The counted parts of several units over one period (one round of queries for all of them). */
export async function partsOf(db: Kysely<DB>, dir: UnitDirectory, targets: readonly UnitRow[], period: Period): Promise<Map<string, IndexParts>> {
  const sets = new Map(targets.map((t) => [t.id, dir.rollUp(t)]));
  const allIds = [...new Set([...sets.values()].flatMap((s) => [...s]))];
  const parts = periodParts(period.from, period.to);
  const [rows, openLate, procedures, rates] = await Promise.all([
    countsByUnitProcedure(db, allIds, parts, period),
    openLateByUnit(db, allIds, endOfDay(period.to)),
    activeProcedures(db),
    workingDayRule(calendarCacheFor(db)).then((isWorkingDay) => buildRates(db, allIds, period, isWorkingDay)),
  ]);
  const out = new Map<string, IndexParts>();
  for (const t of targets) {
    const ids = sets.get(t.id) as Set<string>;
    const counts = zeroMeasures();
    const perProcedure = new Map<string, { fee: number; online: number }>();
    for (const r of rows) {
      if (!ids.has(r.unit_id)) continue;
      for (const m of MEASURES) counts[m] += r[m];
      const p = perProcedure.get(r.procedure_id) ?? { fee: 0, online: 0 };
      p.fee += r.fee_required;
      p.online += r.paid_online;
      perProcedure.set(r.procedure_id, p);
    }
    const feeProcs = [...perProcedure.values()].filter((p) => p.fee > 0);
    const mine = procedures.filter((p) => procedureOf(p, ids));
    const publication: Part = { numerator: 0, denominator: 0 };
    const publicising: Part = { numerator: 0, denominator: 0 };
    for (const [unitId, r] of rates) {
      if (!ids.has(unitId)) continue;
      publication.numerator += r.publication.numerator;
      publication.denominator += r.publication.denominator;
      publicising.numerator += r.publicising.numerator;
      publicising.denominator += r.publicising.denominator;
    }
    out.set(t.id, {
      procedures: {
        total: mine.length,
        online: mine.filter((p) => p.online_level !== 'none').length,
        fullOnline: mine.filter((p) => p.online_level === 'full').length,
        complete: mine.filter((p) => p.complete).length,
      },
      publication,
      publicising,
      counts,
      openLate: [...ids].reduce((s, id) => s + (openLate.get(id) ?? 0), 0),
      feeProcedures: { numerator: feeProcs.filter((p) => p.online > 0).length, denominator: feeProcs.length },
    });
  }
  return out;
}

function present(u: UnitRow, r: IndexResult) {
  return { unit: unitRef(u), total: r.total, cityPoints: r.cityPoints, groups: r.groups, cityRules: r.cityRules, timeliness: r.timeliness };
}

/** GET /api/v1/index */
export async function unitIndex(db: Kysely<DB>, q: { unit: string } & Period, now = new Date()): Promise<IndexResponse> {
  const period = checkPeriod(q);
  const dir = await UnitDirectory.load(db);
  const u = dir.find(q.unit);
  const [parts, settings] = await Promise.all([partsOf(db, dir, [u], period), loadSettings(db)]);
  return { ...present(u, computeIndex(parts.get(u.id) as IndexParts, settings)), from: period.from, to: period.to, computedAt: now.toISOString() };
}

/** GET /api/v1/index/units: the parent (default the city) and each active unit directly under it, best total first. */
export async function unitsIndex(db: Kysely<DB>, q: { parent?: string | undefined } & Period, now = new Date()): Promise<UnitsResponse> {
  const period = checkPeriod(q);
  const dir = await UnitDirectory.load(db);
  const parent = q.parent ? dir.find(q.parent) : dir.root();
  const targets = [parent, ...dir.children(parent)];
  const [parts, settings] = await Promise.all([partsOf(db, dir, targets, period), loadSettings(db)]);
  const units = targets.map((t) => present(t, computeIndex(parts.get(t.id) as IndexParts, settings)));
  const [first, ...rest] = units;
  rest.sort((a, b) => b.total - a.total || a.unit.code.localeCompare(b.unit.code));
  return { parent: unitRef(parent), from: period.from, to: period.to, units: [first as (typeof units)[number], ...rest], computedAt: now.toISOString() };
}

/** GET /api/v1/index/trend: each month of a year up to the current one (UTC+7). */
export async function indexTrend(db: Kysely<DB>, q: { unit: string; year: number }, now = new Date()): Promise<TrendResponse> {
  const dir = await UnitDirectory.load(db);
  const u = dir.find(q.unit);
  const settings = await loadSettings(db);
  const today = new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
  const months: TrendResponse['months'] = [];
  for (let m = 1; m <= 12; m++) {
    const from = `${q.year}-${String(m).padStart(2, '0')}-01`;
    if (from > today) break;
    const to = new Date(Date.UTC(q.year, m, 0)).toISOString().slice(0, 10);
    const parts = await partsOf(db, dir, [u], { from, to });
    const r = computeIndex(parts.get(u.id) as IndexParts, settings);
    months.push({ month: from.slice(0, 7), total: r.total, cityPoints: r.cityPoints, groups: r.groups.map((g) => ({ code: g.code, score: g.score, max: g.max })) });
  }
  return { unit: unitRef(u), year: q.year, months };
}

/** GET /api/v1/index/procedures: received, finished, early / on time / late and the mean processing time per procedure. */
export async function procedureTimes(db: Kysely<DB>, q: { unit: string } & Period): Promise<ProcedureTimesResponse> {
  const period = checkPeriod(q);
  const dir = await UnitDirectory.load(db);
  const u = dir.find(q.unit);
  const ids = dir.rollUp(u);
  const rows = await countsByUnitProcedure(db, [...ids], periodParts(period.from, period.to), period);
  const per = new Map<string, Measures>();
  for (const r of rows) {
    const m = per.get(r.procedure_id) ?? zeroMeasures();
    for (const k of MEASURES) m[k] += r[k];
    per.set(r.procedure_id, m);
  }
  const names = await procedureNames(db, [...per.keys()]);
  const procedures = [...per.entries()]
    .filter(([, m]) => m.received > 0 || m.finished > 0)
    .map(([id, m]) => ({
      code: names.get(id)?.code ?? '',
      name: names.get(id)?.name ?? '',
      received: m.received,
      finished: m.finished,
      early: m.early,
      onTime: m.on_time - m.early,
      late: m.late,
      meanHours: m.finished > 0 ? Math.round((m.processing_seconds / m.finished / 3600) * 10) / 10 : null,
    }))
    .sort((a, b) => a.code.localeCompare(b.code));
  return { unit: unitRef(u), from: period.from, to: period.to, procedures };
}
