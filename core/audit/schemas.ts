import { z } from 'zod';

export const auditEventSchema = z.object({
  chainKey: z.string(),
  seq: z.number().int(),
  occurredAt: z.string(),
  actorKind: z.string(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  unitId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
  hash: z.string(),
});

export const auditListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.string().max(200).optional(),
  entityType: z.string().max(50).optional(),
  entityId: z.string().max(100).optional(),
});

export const verifyReportSchema = z.object({
  ok: z.boolean(),
  chains: z.number().int(),
  events: z.number().int(),
  firstBroken: z
    .object({ chainKey: z.string(), seq: z.number().int(), reason: z.enum(['hash_mismatch', 'prev_hash_mismatch', 'seq_gap', 'head_mismatch']) })
    .nullable(),
});
