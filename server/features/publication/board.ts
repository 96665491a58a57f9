import type { Kysely } from 'kysely';
import { cityDecisionDue, deadlineState, type IsWorkingDay, publiciseDue } from '@core/catalogue/publication';
import { type CityDecisionFact, type PendingPublicationFact, type Period, publicityRatesByUnit } from '@core/catalogue/rates';
import { parseDate } from '@core/calendar/time';
import type { DB } from '../../db/schema';
import type { PublicationDecisionRow } from '../../db/tables/catalogue';
import { CalendarCache } from '../calendar/calendar-cache';
import { listCompleteness } from '../catalogue/queries';
import { followedSourceIds, listDecisions, listItems } from './queries';

/** The legal clock's working-day rule (default holidays plus the official overrides stored by the calendar feature). */
export async function workingDayRule(cache: CalendarCache): Promise<IsWorkingDay> {
  const cal = await cache.forUnit(null);
  return (d) => cal.isWorkingDay(parseDate(d));
}

/** A new calendar cache for a database (one per feature plugin). */
export const calendarCacheFor = (db: Kysely<DB>) => new CalendarCache(db);

/** The legal deadlines of a decision: the city's signing deadline (ministry) and the publicising deadline (city). */
export function deadlinesOf(d: PublicationDecisionRow, sources: Map<string, PublicationDecisionRow>, isWorkingDay: IsWorkingDay) {
  if (d.kind === 'ministry') return { publishDueOn: d.effective_on ? cityDecisionDue(d.effective_on, isWorkingDay) : null, publiciseDueOn: null };
  const source = d.source_id ? sources.get(d.source_id) : undefined;
  return {
    publishDueOn: source?.effective_on ? cityDecisionDue(source.effective_on, isWorkingDay) : null,
    publiciseDueOn: publiciseDue(d.signed_on, isWorkingDay),
  };
}

/** Open obligations per unit on a date: ministry decisions not yet followed, city decisions not yet publicised. */
export async function buildBoard(db: Kysely<DB>, unitIds: readonly string[] | null, on: string, isWorkingDay: IsWorkingDay) {
  const decisions = await listDecisions(db, unitIds);
  const all = new Map((await listDecisions(db, null)).map((d) => [d.id, d]));
  const followed = await followedSourceIds(db);
  const counts = new Map<string, number>();
  for (const i of await listItems(db, decisions.map((d) => d.id))) counts.set(i.decision_id, (counts.get(i.decision_id) ?? 0) + 1);
  const byUnit = new Map<string, ReturnType<typeof boardItem>[]>();
  for (const d of decisions) {
    const open = d.kind === 'ministry' ? !followed.has(d.id) : d.publicised_on === null;
    if (!open) continue;
    const { publishDueOn, publiciseDueOn } = deadlinesOf(d, all, isWorkingDay);
    const dueOn = d.kind === 'ministry' ? publishDueOn : publiciseDueOn;
    if (!dueOn) continue;
    const list = byUnit.get(d.unit_id) ?? byUnit.set(d.unit_id, []).get(d.unit_id)!;
    list.push(boardItem(d, dueOn, on, counts.get(d.id) ?? 0, isWorkingDay));
  }
  return byUnit;
}

function boardItem(d: PublicationDecisionRow, dueOn: string, on: string, procedures: number, isWorkingDay: IsWorkingDay) {
  const { state, days } = deadlineState(dueOn, on, isWorkingDay);
  return { decisionId: d.id, obligation: d.kind === 'ministry' ? ('publish' as const) : ('publicise' as const), number: d.number, issuer: d.issuer, dueOn, state, days, procedures };
}

/** On-time publication, on-time publicising and completeness per unit for a period. */
export async function buildRates(db: Kysely<DB>, unitIds: readonly string[] | null, period: Period, isWorkingDay: IsWorkingDay) {
  const all = new Map((await listDecisions(db, null)).map((d) => [d.id, d]));
  const city = [...all.values()].filter((d) => d.kind === 'city' && (unitIds === null || unitIds.includes(d.unit_id)));
  const counts = new Map<string, number>();
  for (const i of await listItems(db, city.map((d) => d.id))) counts.set(i.decision_id, (counts.get(i.decision_id) ?? 0) + 1);
  const facts: CityDecisionFact[] = city.map((d) => {
    const { publishDueOn, publiciseDueOn } = deadlinesOf(d, all, isWorkingDay);
    return { unitId: d.unit_id, signedOn: d.signed_on, publishDueOn, publiciseDueOn: publiciseDueOn as string, publicisedOn: d.publicised_on, procedures: counts.get(d.id) ?? 1 };
  });
  // Ministry decisions with no city decision signed by the end of the period.
  const answered = new Set(city.filter((d) => d.signed_on <= period.to && d.source_id).map((d) => d.source_id as string));
  const unanswered = [...all.values()].filter((d) => d.kind === 'ministry' && !answered.has(d.id) && (unitIds === null || unitIds.includes(d.unit_id)));
  for (const i of await listItems(db, unanswered.map((d) => d.id))) counts.set(i.decision_id, (counts.get(i.decision_id) ?? 0) + 1);
  const pending: PendingPublicationFact[] = unanswered.flatMap((d) => {
    const due = deadlinesOf(d, all, isWorkingDay).publishDueOn;
    return due ? [{ unitId: d.unit_id, publishDueOn: due, procedures: counts.get(d.id) ?? 1 }] : [];
  });
  const procedures = (await listCompleteness(db))
    .filter((p) => unitIds === null || unitIds.includes(p.unit_id))
    .map((p) => ({ unitId: p.unit_id, complete: p.complete }));
  return publicityRatesByUnit(facts, procedures, period, pending);
}
