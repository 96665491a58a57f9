import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import type { AuditActor } from '../../http/actor';
import { type AuditContent, auditHash, toJsonValue } from './hash';
import { insertAuditEvent, lockChainHead } from './queries';

/** What a command records about one state change. */
export interface AuditEntry {
  actor: AuditActor;
  action: string;
  entityType: string;
  entityId: string;
  /** The unit the record belongs to; its chain. Null for system-wide records (chain `system`). */
  unitId: string | null;
  before?: unknown;
  after?: unknown;
  requestId?: string | null;
  at?: Date;
}

/**
 * Appends one audit event to its unit's hash chain. Must be called inside the transaction that
 * makes the change, so the change and its record commit or fail together.
 */
export async function appendAudit(trx: Transaction<DB>, e: AuditEntry): Promise<{ seq: number; hash: string }> {
  const chainKey = e.unitId ?? 'system';
  const head = await lockChainHead(trx, chainKey);
  const occurredAt = e.at ?? new Date();
  const content: AuditContent = {
    chainKey,
    seq: head.lastSeq + 1,
    occurredAt: occurredAt.toISOString(),
    actorKind: e.actor.kind,
    actorId: e.actor.id,
    actorName: e.actor.name,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    unitId: e.unitId,
    before: toJsonValue(e.before),
    after: toJsonValue(e.after),
    requestId: e.requestId ?? null,
  };
  const hash = auditHash(head.lastHash, content);
  await insertAuditEvent(trx, {
    chain_key: chainKey,
    seq: content.seq,
    occurred_at: occurredAt,
    actor_kind: content.actorKind,
    actor_id: content.actorId,
    actor_name: content.actorName,
    action: content.action,
    entity_type: content.entityType,
    entity_id: content.entityId,
    unit_id: content.unitId,
    before: content.before === null ? null : JSON.stringify(content.before),
    after: content.after === null ? null : JSON.stringify(content.after),
    request_id: content.requestId,
    prev_hash: head.lastHash,
    hash,
  });
  return { seq: content.seq, hash };
}
