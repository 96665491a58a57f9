import type { Transaction } from 'kysely';
import type { DB, NewAuditEvent } from '../../db/schema';
import type { AuditActor } from '../../http/actor';
import { type AuditContent, auditHash, toJsonValue } from './hash';
import { insertAuditEvents, lockChainHead } from './queries';

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
  const [appended] = await appendAuditMany(trx, [e]);
  return appended!;
}

/**
 * Appends several audit events in order, inside the caller's transaction: each chain's head is
 * locked once and its events written in one statement (two round trips per chain, whatever the
 * number of events). The events are linked exactly as one `appendAudit` after the other would.
 */
export async function appendAuditMany(trx: Transaction<DB>, entries: readonly AuditEntry[]): Promise<{ seq: number; hash: string }[]> {
  const out: { seq: number; hash: string }[] = new Array(entries.length);
  const byChain = new Map<string, number[]>();
  entries.forEach((e, i) => {
    const key = chainKeyOf(e);
    byChain.set(key, [...(byChain.get(key) ?? []), i]);
  });
  for (const indexes of byChain.values()) {
    const rows = await linkAudit(trx, indexes.map((i) => entries[i]!));
    rows.forEach((r, k) => {
      out[indexes[k]!] = { seq: r.seq, hash: r.hash };
    });
    await insertAuditEvents(trx, rows);
  }
  return out;
}

const chainKeyOf = (e: AuditEntry) => e.unitId ?? 'system';

/**
 * Locks the head of the entries' chain (they must share one) and links them after it: answers the
 * event rows. The caller writes them, and moves the head to the last, in the same transaction
 * (`insertAuditEvents`, or a statement of its own that writes the change and its record together).
 */
export async function linkAudit(trx: Transaction<DB>, entries: readonly AuditEntry[]): Promise<NewAuditEvent[]> {
  if (entries.length === 0) return [];
  const chainKey = chainKeyOf(entries[0]!);
  if (entries.some((e) => chainKeyOf(e) !== chainKey)) throw new Error('linkAudit: entries of several chains');
  let { lastSeq, lastHash } = await lockChainHead(trx, chainKey);
  return entries.map((e) => {
    const occurredAt = e.at ?? new Date();
    const content: AuditContent = {
      chainKey,
      seq: lastSeq + 1,
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
    const hash = auditHash(lastHash, content);
    const row: NewAuditEvent = {
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
      prev_hash: lastHash,
      hash,
    };
    lastSeq = content.seq;
    lastHash = hash;
    return row;
  });
}
