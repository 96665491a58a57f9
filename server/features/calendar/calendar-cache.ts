import type { Kysely } from 'kysely';
import { DEFAULT_WORKING_PERIODS, type WorkingPeriod, WorkingCalendar } from '@core/calendar/working-calendar';
import type { DB } from '../../db/schema';
import { calendarRevision, effectiveWorkingHours, listOverrides } from './queries';

/**
 * Working calendars are costly to build (per-year tables) and cheap to use, so each instance keeps
 * a few, keyed by the database's calendar revision and the working periods: an override saved on
 * any instance bumps the revision and every instance rebuilds on its next use. Nothing that matters
 * lives only here.
 */
export class CalendarCache {
  private readonly entries = new Map<string, WorkingCalendar>();

  constructor(private readonly db: Kysely<DB>, private readonly maxEntries = 16) {}

  /** The calendar of a unit (its own or inherited working hours), or the default one. */
  async forUnit(unitId?: string | null): Promise<WorkingCalendar> {
    const configured = unitId ? await effectiveWorkingHours(this.db, unitId) : undefined;
    const periods = (configured?.periods as WorkingPeriod[] | undefined) ?? DEFAULT_WORKING_PERIODS;
    const revision = await calendarRevision(this.db);
    const key = `${revision}|${JSON.stringify(periods)}`;
    const cached = this.entries.get(key);
    if (cached) return cached;
    const overrides = (await listOverrides(this.db)).map((o) => ({ date: o.date, working: o.working, name: o.name }));
    const calendar = new WorkingCalendar({ overrides, periods });
    for (const k of this.entries.keys()) if (!k.startsWith(`${revision}|`)) this.entries.delete(k);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, calendar);
    return calendar;
  }
}
