import type { Kysely } from 'kysely';
import type { AuditEventRow, DB } from '../../db/schema';
import { type AuditContent, GENESIS_HASH, auditHash } from './hash';
import { chainPage, listChainHeads } from './queries';

export interface BrokenLink {
  chainKey: string;
  seq: number;
  reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'seq_gap' | 'head_mismatch';
}

export interface VerifyReport {
  ok: boolean;
  chains: number;
  events: number;
  firstBroken: BrokenLink | null;
}

function contentOf(row: AuditEventRow): AuditContent {
  return {
    chainKey: row.chain_key,
    seq: row.seq,
    occurredAt: row.occurred_at.toISOString(),
    actorKind: row.actor_kind,
    actorId: row.actor_id,
    actorName: row.actor_name,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    unitId: row.unit_id,
    before: row.before ?? null,
    after: row.after ?? null,
    requestId: row.request_id,
  };
}

/**
 * Walks every chain from its genesis, recomputing each hash: an edited row, a removed or
 * inserted row, or a truncated tail is reported as the first broken link of its chain.
 */
export async function verifyAuditChains(db: Kysely<DB>, pageSize = 1000): Promise<VerifyReport> {
  const heads = await listChainHeads(db);
  let events = 0;
  for (const head of heads) {
    let prev = GENESIS_HASH;
    let expectedSeq = 1;
    for (;;) {
      const page = await chainPage(db, head.chain_key, expectedSeq - 1, pageSize);
      for (const row of page) {
        const broken = (reason: BrokenLink['reason']): VerifyReport => ({
          ok: false,
          chains: heads.length,
          events,
          firstBroken: { chainKey: head.chain_key, seq: row.seq, reason },
        });
        if (row.seq !== expectedSeq) return { ...broken('seq_gap'), firstBroken: { chainKey: head.chain_key, seq: expectedSeq, reason: 'seq_gap' } };
        if (row.prev_hash !== prev) return broken('prev_hash_mismatch');
        if (auditHash(prev, contentOf(row)) !== row.hash) return broken('hash_mismatch');
        prev = row.hash;
        expectedSeq += 1;
        events += 1;
      }
      if (page.length < pageSize) break;
    }
    if (head.last_seq !== expectedSeq - 1 || head.last_hash !== prev) {
      return { ok: false, chains: heads.length, events, firstBroken: { chainKey: head.chain_key, seq: expectedSeq, reason: 'head_mismatch' } };
    }
  }
  return { ok: true, chains: heads.length, events, firstBroken: null };
}
