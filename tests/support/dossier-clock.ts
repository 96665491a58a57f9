/** Dossier actions at a chosen instant, through the real command (for tests of time: books, sweeps, queues). */
import type { Role } from '../../core/access/roles';
import type { Database } from '../../server/db/database';
import { CalendarCache } from '../../server/features/calendar/calendar-cache';
import { performAction } from '../../server/features/dossiers/commands';
import { findDossierById } from '../../server/features/dossiers/queries';
import { RulesCache } from '../../server/features/dossiers/rules';
import type { Client } from './app';

/** Performs `action` on the stored dossier `id` as `who` (holding `roles` over it) at the instant `now`; the version is the stored one. */
export function actionsAt(database: Database) {
  const { db } = database;
  const calendars = new CalendarCache(db);
  const rules = new RulesCache(db);
  return async (id: string, action: string, now: number, who: Client, roles: Role[], input: Record<string, unknown> = {}) => {
    const row = await findDossierById(db, id);
    if (!row) throw new Error(`no dossier ${id}`);
    const [procedure, calendar] = await Promise.all([rules.forVersion(row.procedure_version_id), calendars.forUnit(row.handling_unit_id)]);
    const ctx = { db, actor: { kind: 'staff' as const, id: who.me.user.id as string, name: who.me.user.username as string }, requestId: `test-${action}`, now };
    return (await performAction(ctx, { row, rules: procedure, calendar }, roles, action, { version: row.version, input })).row;
  };
}
