import type { Kysely, Transaction } from 'kysely';
import type { AuditEventRow, DB, NewAuditEvent } from '../../db/schema';
import { GENESIS_HASH } from './hash';

/** Locks the head of a chain (creating it on first use) and returns its last seq and hash. */
export async function lockChainHead(trx: Transaction<DB>, chainKey: string): Promise<{ lastSeq: number; lastHash: string }> {
  const lock = () => trx.selectFrom('audit_chains').select(['last_seq', 'last_hash']).where('chain_key', '=', chainKey).forUpdate().executeTakeFirst();
  // the head exists after a chain's first event: one round trip then, two more only the first time
  let head = await lock();
  if (!head) {
    await trx
      .insertInto('audit_chains')
      .values({ chain_key: chainKey, last_seq: 0, last_hash: GENESIS_HASH })
      .onConflict((oc) => oc.column('chain_key').doNothing())
      .execute();
    head = await lock();
  }
  if (!head) throw new Error(`audit chain ${chainKey} has no head`);
  return { lastSeq: head.last_seq, lastHash: head.last_hash };
}

/** Appends events (consecutive, of one chain, in seq order) and moves the chain head to the last, in one statement inside the caller's transaction. */
export async function insertAuditEvents(trx: Transaction<DB>, events: readonly NewAuditEvent[]): Promise<void> {
  const last = events.at(-1);
  if (!last) return;
  await trx
    .with('appended', (db) => db.insertInto('audit_events').values([...events]))
    .updateTable('audit_chains')
    .set({ last_seq: last.seq, last_hash: last.hash })
    .where('chain_key', '=', last.chain_key)
    .execute();
}

/** Appends an event and moves the chain head, inside the caller's transaction. */
export async function insertAuditEvent(trx: Transaction<DB>, event: NewAuditEvent): Promise<void> {
  await insertAuditEvents(trx, [event]);
}

export async function listChainHeads(db: Kysely<DB>) {
  return db.selectFrom('audit_chains').selectAll().orderBy('chain_key').execute();
}

/** One page of a chain in seq order, for verification without loading a whole chain. */
export async function chainPage(db: Kysely<DB>, chainKey: string, afterSeq: number, limit: number): Promise<AuditEventRow[]> {
  return db
    .selectFrom('audit_events')
    .selectAll()
    .where('chain_key', '=', chainKey)
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
}

export interface AuditListFilter {
  unitIds: string[] | 'all';
  includeSystem: boolean;
  before?: { occurredAt: Date; chainKey: string; seq: number };
  entityType?: string;
  entityId?: string;
  limit: number;
}

/** Newest events first, limited to the units the reader may see. */
export async function listAuditEvents(db: Kysely<DB>, f: AuditListFilter): Promise<AuditEventRow[]> {
  let q = db.selectFrom('audit_events').selectAll();
  if (f.unitIds !== 'all') {
    const ids = f.unitIds;
    q = q.where((eb) => {
      const ors = [];
      if (ids.length > 0) ors.push(eb('unit_id', 'in', ids));
      if (f.includeSystem) ors.push(eb('unit_id', 'is', null));
      return ors.length > 0 ? eb.or(ors) : eb.val(false);
    });
  }
  if (f.entityType) q = q.where('entity_type', '=', f.entityType);
  if (f.entityId) q = q.where('entity_id', '=', f.entityId);
  if (f.before) {
    const b = f.before;
    q = q.where((eb) =>
      eb.or([
        eb('occurred_at', '<', b.occurredAt),
        eb.and([eb('occurred_at', '=', b.occurredAt), eb('chain_key', '<', b.chainKey)]),
        eb.and([eb('occurred_at', '=', b.occurredAt), eb('chain_key', '=', b.chainKey), eb('seq', '<', b.seq)]),
      ]),
    );
  }
  return q.orderBy('occurred_at', 'desc').orderBy('chain_key', 'desc').orderBy('seq', 'desc').limit(f.limit).execute();
}
