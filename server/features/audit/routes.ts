import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditEventSchema, auditListQuery, verifyReportSchema } from '@core/audit/schemas';
import { AppError } from '@core/errors/app-error';
import { access } from '../../http/access';
import type { AppDeps } from '../../http/deps';
import { requireActor } from '../auth/session-hook';
import { listUnits } from '../org/queries';
import { unitsInScope } from '../org/scope';
import { listAuditEvents } from './queries';
import { verifyAuditChains } from './verify';

const cursorSchema = z.object({ t: z.iso.datetime(), c: z.string(), s: z.number().int() });

function decodeCursor(raw: string | undefined) {
  if (!raw) return undefined;
  try {
    const c = cursorSchema.parse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')));
    return { occurredAt: new Date(c.t), chainKey: c.c, seq: c.s };
  } catch {
    throw new AppError('VALIDATION_FAILED', { fields: [{ field: 'before', code: 'invalid_cursor', message: 'cursor' }] });
  }
}

/** The audit trail: reading it within one's units, and verifying every hash chain. */
export function auditRoutes({ database }: AppDeps): FastifyPluginAsyncZod {
  const { db } = database;
  return async (app) => {
    app.get(
      '/api/v1/audit/events',
      {
        config: access({ permission: 'audit.read' }),
        schema: { tags: ['audit'], summary: 'Audit events, newest first', querystring: auditListQuery, response: { 200: z.object({ events: z.array(auditEventSchema), nextCursor: z.string().nullable() }) } },
      },
      async (req) => {
        const actor = requireActor(req);
        const scope = await unitsInScope(db, actor, 'audit.read');
        const roots = (await listUnits(db)).filter((u) => u.parent_id === null).map((u) => u.id);
        const rows = await listAuditEvents(db, {
          unitIds: [...scope],
          // System-wide events (no unit) are readable by those whose scope covers a root of the tree.
          includeSystem: roots.some((r) => scope.has(r)),
          before: decodeCursor(req.query.before),
          entityType: req.query.entityType,
          entityId: req.query.entityId,
          limit: req.query.limit,
        });
        const last = rows.at(-1);
        return {
          events: rows.map((r) => ({
            chainKey: r.chain_key,
            seq: r.seq,
            occurredAt: r.occurred_at.toISOString(),
            actorKind: r.actor_kind,
            actorName: r.actor_name,
            action: r.action,
            entityType: r.entity_type,
            entityId: r.entity_id,
            unitId: r.unit_id,
            before: r.before ?? null,
            after: r.after ?? null,
            requestId: r.request_id,
            hash: r.hash,
          })),
          nextCursor:
            last && rows.length === req.query.limit
              ? Buffer.from(JSON.stringify({ t: last.occurred_at.toISOString(), c: last.chain_key, s: last.seq })).toString('base64url')
              : null,
        };
      },
    );

    app.get(
      '/api/v1/audit/verify',
      { config: access({ permission: 'audit.verify' }), schema: { tags: ['audit'], summary: 'Recompute every hash chain', response: { 200: verifyReportSchema } } },
      async () => verifyAuditChains(db),
    );
  };
}
