/**
 * Drill-down: exactly the dossiers or procedures an indicator counted in its numerator or
 * denominator. The conditions here restate, over index_facts, what the counts summed — the
 * drill-down test checks that each list's length equals the figure it explains.
 */
import { type Kysely, sql } from 'kysely';
import type { DrillResponse } from '@core/index/api';
import type { IndicatorCode } from '@core/index/config';
import { AppError } from '@core/errors/app-error';
import type { DB } from '../../db/schema';
import { activeProcedures, drillFacts, feeProcedureIds, openLateAt, procedureNames } from './queries';
import { checkPeriod, endOfDay, type Period, UnitDirectory } from './service';

const ON_TIME = sql`((f.due_at IS NULL OR f.finished_at <= f.due_at) AND f.supplements <= 1)`;

function dossierCondition(indicator: IndicatorCode, part: 'numerator' | 'denominator', p: Period) {
  const received = sql`f.received_at IS NOT NULL AND index_day(f.received_at) BETWEEN ${p.from}::date AND ${p.to}::date`;
  const finished = sql`f.finished_at IS NOT NULL AND f.status IN (3, 7, 8, 9, 10) AND index_day(f.finished_at) BETWEEN ${p.from}::date AND ${p.to}::date`;
  const returned = sql`${finished} AND f.status IN (9, 10)`;
  const openLate = openLateAt(endOfDay(p.to));
  const num = part === 'numerator';
  switch (indicator) {
    case 'CKMB.4':
      return num ? sql`${received} AND f.synced` : received;
    case 'TDGQ.1':
      return num ? sql`${finished} AND ${ON_TIME}` : sql`((${finished}) OR ${openLate})`;
    case 'CLGQ.3':
      return num ? sql`${received} AND f.online` : received;
    case 'TTTT.6':
      return num ? sql`${received} AND f.paid_online` : sql`${received} AND f.fee_required`;
    case 'MDSH.1':
      return num ? sql`${returned} AND f.eresult` : returned;
    case 'MDSH.2':
      return num ? sql`${returned} AND f.eresult AND f.digitised` : returned;
    case 'MDSH.3':
      return num ? sql`${received} AND f.reused` : received;
    case 'MDHL.4':
      // the dissatisfaction part of MDHL.4; its timeliness part is TDGQ.1's drill-down
      return num ? sql`${received} AND f.dissatisfied` : received;
    default:
      return null;
  }
}

/** The list behind one figure of a unit's index. */
export async function drill(db: Kysely<DB>, q: { indicator: IndicatorCode; unit: string; part: 'numerator' | 'denominator'; limit: number; offset: number } & Period): Promise<DrillResponse> {
  const period = checkPeriod(q);
  const dir = await UnitDirectory.load(db);
  const ids = [...dir.rollUp(dir.find(q.unit))];
  const where = dossierCondition(q.indicator, q.part, period);
  if (where) {
    const { total, rows } = await drillFacts(db, ids, where, q.limit, q.offset);
    const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
    return {
      indicator: q.indicator,
      part: q.part,
      kind: 'dossiers',
      total,
      dossiers: rows.map((r) => ({
        code: r.code,
        source: r.source,
        procedureCode: r.procedure_code,
        procedureName: r.procedure_name,
        unitCode: r.unit_code,
        status: Number(r.status),
        receivedAt: iso(r.received_at),
        dueAt: iso(r.due_at),
        finishedAt: iso(r.finished_at),
      })),
      procedures: [],
    };
  }
  if (q.indicator === 'CKMB.1' || q.indicator === 'CKMB.2') throw new AppError('INDEX_DRILL_PUBLICATION', { params: { indicator: q.indicator } });
  const set = new Set(ids);
  const mine = (await activeProcedures(db)).filter((p) => set.has(p.unit_id) || p.implementing.some((i) => set.has(i)));
  let list: { code: string; name: string; onlineLevel: string; complete: boolean }[];
  const shape = (p: (typeof mine)[number]) => ({ code: p.code, name: p.name, onlineLevel: p.online_level, complete: p.complete });
  if (q.indicator === 'TTTT.5') {
    const fee = (await feeProcedureIds(db, ids, period.from, period.to)).filter((r) => q.part === 'denominator' || r.paid_online);
    const names = await procedureNames(db, fee.map((r) => r.procedure_id));
    const all = new Map(mine.map((p) => [p.id, p]));
    list = fee.map((r) => {
      const p = all.get(r.procedure_id);
      return p ? shape(p) : { code: names.get(r.procedure_id)?.code ?? '', name: names.get(r.procedure_id)?.name ?? '', onlineLevel: 'none', complete: false };
    });
  } else {
    const keep = q.part === 'denominator' ? () => true : q.indicator === 'CKMB.3' ? (p: (typeof mine)[number]) => p.complete : (p: (typeof mine)[number]) => p.online_level !== 'none';
    list = mine.filter(keep).map(shape);
  }
  list.sort((a, b) => a.code.localeCompare(b.code));
  return { indicator: q.indicator, part: q.part, kind: 'procedures', total: list.length, dossiers: [], procedures: list.slice(q.offset, q.offset + q.limit) };
}
