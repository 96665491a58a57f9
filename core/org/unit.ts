import { z } from 'zod';
import { AGENCY_CODE_PATTERN, UNIT_KINDS } from './unit-kinds';

export { AGENCY_CODE_PATTERN, UNIT_KIND_LABELS, UNIT_KINDS, type UnitKind } from './unit-kinds';

export const agencyCodeSchema = z
  .string()
  .trim()
  .regex(AGENCY_CODE_PATTERN, { message: 'Mã định danh phải có dạng 000.00.00.H00' });

const isoDate = z.iso.date();

export const unitSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  kind: z.enum(UNIT_KINDS),
  parentId: z.uuid().nullable(),
  validFrom: isoDate,
  validTo: isoDate.nullable(),
  successorId: z.uuid().nullable(),
  active: z.boolean(),
});
export type Unit = z.infer<typeof unitSchema>;

export const createUnitBody = z.object({
  code: agencyCodeSchema,
  name: z.string().trim().min(2).max(300),
  shortName: z.string().trim().min(1).max(100).optional(),
  kind: z.enum(UNIT_KINDS),
  parentId: z.uuid(),
  validFrom: isoDate.optional(),
});
export type CreateUnitBody = z.infer<typeof createUnitBody>;

export const renameUnitBody = z.object({
  name: z.string().trim().min(2).max(300),
  shortName: z.string().trim().min(1).max(100).optional(),
  effectiveFrom: isoDate,
  reason: z.string().trim().min(3).max(1000),
});
export type RenameUnitBody = z.infer<typeof renameUnitBody>;

export const mergeUnitBody = z.object({
  successorId: z.uuid(),
  effectiveFrom: isoDate,
  reason: z.string().trim().min(3).max(1000),
});
export type MergeUnitBody = z.infer<typeof mergeUnitBody>;

export const unitNameHistorySchema = z.object({
  name: z.string(),
  shortName: z.string().nullable(),
  validFrom: isoDate,
  validTo: isoDate.nullable(),
  reason: z.string().nullable(),
});
