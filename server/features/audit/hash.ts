import { createHash } from 'node:crypto';
import stringify from 'safe-stable-stringify';

/** The first link of every chain points at this. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an audit event that its hash covers (everything but the hash itself). */
export interface AuditContent {
  chainKey: string;
  seq: number;
  occurredAt: string;
  actorKind: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  unitId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
}

/** SHA-256 over the previous hash and the canonical (key-sorted) JSON of the content. */
export function auditHash(prevHash: string, content: AuditContent): string {
  return createHash('sha256').update(prevHash).update('\n').update(stringify(content) ?? '').digest('hex');
}

/** Normalises a before/after value to what JSON (and jsonb) keeps, so the hash survives the round trip. */
export function toJsonValue(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}
