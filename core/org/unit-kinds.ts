/**
 * Unit kinds and the agency-code format: plain data without zod, so that a public page can name a
 * unit's kind without loading the schema library (the portal's budget, docs/portal.md).
 */

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
