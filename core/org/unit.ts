import { z } from 'zod';

/** Kinds of unit in the organisation tree; the tree itself is data, so any depth works. */
export const UNIT_KINDS = [
  'city_committee',
  'city_office',
  'department',
  'service_centre',
  'district',
  'commune',
  'onestop',
  'division',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const UNIT_KIND_LABELS = {
  city_committee: { vi: 'UBND cấp tỉnh/thành phố', en: 'City People’s Committee' },
  city_office: { vi: 'Văn phòng UBND', en: 'Office of the People’s Committee' },
  department: { vi: 'Sở, ban, ngành', en: 'Department' },
  service_centre: { vi: 'Trung tâm Phục vụ hành chính công', en: 'Public Administration Service Centre' },
  district: { vi: 'UBND quận/huyện', en: 'District People’s Committee' },
  commune: { vi: 'UBND xã/phường/đặc khu', en: 'Commune / ward People’s Committee' },
  onestop: { vi: 'Bộ phận Một cửa', en: 'One-stop unit' },
  division: { vi: 'Phòng chuyên môn', en: 'Division' },
} as const satisfies Record<UnitKind, { vi: string; en: string }>;

/**
 * National agency identifier (QCVN 102:2016 / Decision 20/2020/QĐ-TTg), e.g. `000.00.15.H12`:
 * three groups of digits and a letter-plus-two-digit province group.
 */
export const AGENCY_CODE_PATTERN = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/;

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
