/** The dossier list: scope, filters and queues resolved to SQL, each item with its timing. */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { WorkingCalendar } from '@core/calendar/working-calendar';
import { AppError } from '@core/errors/app-error';
import type { ListQuery } from '@core/dossier/api';
import type { Dossier } from '@core/dossier/dossier';
import { dossierTiming } from '@core/dossier/timing';
import type { DB } from '../../db/schema';
import type { StaffActor } from '../../http/actor';
import type { CalendarCache } from '../calendar/calendar-cache';
import { findUnitByCode } from '../org/queries';
import { unitsInScope } from '../org/scope';
import { dossierListItem, presentListItem } from './present';
import { listDossiers } from './queries';
import type { RulesCache } from './rules';

/** The list answer: items with masked personal numbers, and the total. */
export const listResponseItems = z.object({ items: z.array(dossierListItem), total: z.number().int() });

/** Start of a local (UTC+7) day. */
const localMidnight = (isoDate: string, plusDays = 0) => new Date(Date.parse(`${isoDate}T00:00:00+07:00`) + plusDays * 86_400_000);

/** One page of the dossiers the caller may see (received or handled by a unit in their `dossier.read` scope). */
export async function listPage({ db, calendars, rules }: { db: Kysely<DB>; calendars: CalendarCache; rules: RulesCache }, actor: StaffActor, q: ListQuery, now: number): Promise<z.infer<typeof listResponseItems>> {
  const scope = await unitsInScope(db, actor, 'dossier.read');
  let unitId: string | undefined;
  if (q.unit) {
    const unit = await findUnitByCode(db, q.unit);
    if (!unit) throw new AppError('DOSSIER_UNIT_UNKNOWN', { params: { unit: q.unit } });
    if (!scope.has(unit.id)) throw new AppError('FORBIDDEN_OUTSIDE_UNIT');
    unitId = unit.id;
  }
  const { rows, total } = await listDossiers(db, {
    scope: [...scope],
    queue: q.queue,
    status: q.status,
    unitId,
    procedureCode: q.procedure,
    q: q.q,
    from: q.from ? localMidnight(q.from) : undefined,
    to: q.to ? localMidnight(q.to, 1) : undefined,
    userId: actor.userId,
    now: new Date(now),
    limit: q.limit,
    offset: q.offset,
  });
  const cals = new Map<string, Promise<WorkingCalendar>>();
  const items = [];
  for (const r of rows) {
    if (!cals.has(r.handling_unit_id)) cals.set(r.handling_unit_id, calendars.forUnit(r.handling_unit_id));
    const procedure = await rules.forVersion(r.procedure_version_id);
    items.push(presentListItem(r, dossierTiming(r.state as Dossier, await cals.get(r.handling_unit_id)!, procedure.policy, now), procedure.name));
  }
  return { items, total };
}
