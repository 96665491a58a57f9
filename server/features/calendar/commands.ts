import type { Kysely } from 'kysely';
import type { CalendarOverride } from '@core/calendar/holidays';
import type { WorkingPeriod } from '@core/calendar/working-calendar';
import { AppError } from '@core/errors/app-error';
import type { DB } from '../../db/schema';
import type { AuditActor } from '../../http/actor';
import { appendAudit } from '../audit/append';
import { bumpCalendarRevision, deleteOverride, findOverride, findWorkingHours, upsertOverride, upsertWorkingHours } from './queries';

interface Ctx {
  db: Kysely<DB>;
  actor: AuditActor;
  requestId: string;
}

/** Sets the official status of one date (a day off, or a swapped working Saturday). */
export async function setOverride(ctx: Ctx, o: CalendarOverride): Promise<void> {
  await setOverrides(ctx, [o], 'calendar.override_set');
}

/**
 * Sets many dates at once (an official yearly schedule) in one transaction, each with its audit
 * event; a file with any invalid line has been refused before this point, so it is all or nothing.
 */
export async function setOverrides(ctx: Ctx, overrides: readonly CalendarOverride[], action = 'calendar.schedule_imported'): Promise<number> {
  return ctx.db.transaction().execute(async (trx) => {
    for (const o of overrides) {
      const before = await findOverride(trx, o.date);
      await upsertOverride(trx, { ...o, updatedBy: ctx.actor.kind === 'staff' ? ctx.actor.id : null });
      await appendAudit(trx, { actor: ctx.actor, action, entityType: 'calendar_day', entityId: o.date, unitId: null, before: before ?? null, after: o, requestId: ctx.requestId });
    }
    await bumpCalendarRevision(trx);
    return overrides.length;
  });
}

/** Removes the override of a date, so the default rules apply again. */
export async function removeOverride(ctx: Ctx, date: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await findOverride(trx, date);
    if (!before) throw new AppError('NOT_FOUND');
    await deleteOverride(trx, date);
    await bumpCalendarRevision(trx);
    await appendAudit(trx, { actor: ctx.actor, action: 'calendar.override_removed', entityType: 'calendar_day', entityId: date, unitId: null, before, requestId: ctx.requestId });
  });
}

/** Sets the working periods of a unit (inherited by its sub-tree unless configured lower). */
export async function setWorkingHours(ctx: Ctx, unitId: string, periods: readonly WorkingPeriod[]): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await findWorkingHours(trx, unitId);
    await upsertWorkingHours(trx, unitId, periods);
    await appendAudit(trx, { actor: ctx.actor, action: 'calendar.working_hours_set', entityType: 'unit', entityId: unitId, unitId, before: before?.periods ?? null, after: periods, requestId: ctx.requestId });
  });
}
