/** Staff roles. Each assignment of a role is scoped to a unit and optionally its sub-tree. */
export const ROLES = [
  'system_admin',
  'control_officer',
  'city_leader',
  'agency_head',
  'unit_leader',
  'specialist',
  'onestop_officer',
] as const;

export type Role = (typeof ROLES)[number];

/** Vietnamese and English names of each role, for the UI and documents. */
export const ROLE_LABELS = {
  system_admin: { vi: 'Quản trị hệ thống', en: 'System administrator' },
  control_officer: { vi: 'Cán bộ kiểm soát TTHC', en: 'Procedure-control officer' },
  city_leader: { vi: 'Lãnh đạo UBND thành phố', en: 'City leader' },
  agency_head: { vi: 'Thủ trưởng cơ quan', en: 'Agency head' },
  unit_leader: { vi: 'Lãnh đạo phòng/đơn vị', en: 'Unit leader' },
  specialist: { vi: 'Chuyên viên xử lý', en: 'Specialist' },
  onestop_officer: { vi: 'Cán bộ Một cửa', en: 'One-stop officer' },
} as const satisfies Record<Role, { vi: string; en: string }>;
