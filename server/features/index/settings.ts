/** Changing the index configuration: one transaction with its audit event (before and after). */
import type { Kysely } from 'kysely';
import type { IndexSettings } from '@core/index/config';
import type { DB } from '../../db/schema';
import type { AuditActor } from '../../http/actor';
import { appendAudit } from '../audit/append';
import { findIndexSettings, saveIndexSettings } from './queries';

export async function saveSettings(ctx: { db: Kysely<DB>; actor: AuditActor; requestId: string; now: Date }, settings: IndexSettings): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await findIndexSettings(trx);
    await saveIndexSettings(trx, settings, ctx.actor.id ?? 'system', ctx.now);
    await appendAudit(trx, { actor: ctx.actor, action: 'index.settings', entityType: 'index_settings', entityId: 'index', unitId: null, before: before?.settings ?? null, after: settings, requestId: ctx.requestId, at: ctx.now });
  });
}
