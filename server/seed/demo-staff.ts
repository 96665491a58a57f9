/**
 * The staff who receive and process the demo dossiers, and where each one-stop desk sends its
 * dossiers. The accounts of demo-org.ts cover the city service centre and Sở Tư pháp; these add a
 * leader and a specialist to six more departments and a one-stop officer, a leader and a specialist
 * to six communes, so that every demo dossier is moved by someone who holds the role for it.
 * Demo accounts like the others (password demo123, refused in production).
 */
import type { Role } from '@core/access/roles';

/** A demo staff account: unit and role assignments by unit key (demo-org.ts). */
export interface StaffAccount {
  username: string;
  fullName: string;
  unit: string;
  roles: { role: Role; unit: string; subtree: boolean }[];
}

/** A department whose province-level procedures the service centre receives, and the unit that handles them. */
export interface DemoDepartment {
  key: string;
  /** The unit the centre hands over to (a division when its staff sit there). */
  handling: string;
  abbr: string;
}

/** Departments with staff for the demo dossiers (Tư pháp's dossiers go to Phòng Hành chính tư pháp). */
export const DEMO_DEPARTMENTS: DemoDepartment[] = [
  { key: 'tuphap', handling: 'tuphap_hctp', abbr: 'STP' },
  { key: 'taichinh', handling: 'taichinh', abbr: 'STC' },
  { key: 'xaydung', handling: 'xaydung', abbr: 'SXD' },
  { key: 'nnmt', handling: 'nnmt', abbr: 'SNNMT' },
  { key: 'yte', handling: 'yte', abbr: 'SYT' },
  { key: 'noivu', handling: 'noivu', abbr: 'SNV' },
  { key: 'gddt', handling: 'gddt', abbr: 'SGDĐT' },
];

/** The one-stop desks that receive demo dossiers, with their share of the dossiers. */
export const DEMO_DESKS: { desk: string; commune: string | null; share: number }[] = [
  { desk: 'centre', commune: null, share: 0.45 },
  { desk: 'lechan_motcua', commune: 'lechan', share: 0.13 },
  { desk: 'hongbang_motcua', commune: 'hongbang', share: 0.09 },
  { desk: 'ngoquyen_motcua', commune: 'ngoquyen', share: 0.09 },
  { desk: 'kienan_motcua', commune: 'kienan', share: 0.08 },
  { desk: 'anlao_motcua', commune: 'anlao', share: 0.08 },
  { desk: 'cathai_motcua', commune: 'cathai', share: 0.08 },
];

const leader = (key: string, username: string, fullName: string): StaffAccount => ({ username, fullName, unit: key, roles: [{ role: 'agency_head', unit: key, subtree: true }] });
const specialist = (key: string, username: string, fullName: string): StaffAccount => ({ username, fullName, unit: key, roles: [{ role: 'specialist', unit: key, subtree: false }] });

/** Accounts added for the demo dossiers (the existing demo accounts keep their roles). */
export const DOSSIER_STAFF: StaffAccount[] = [
  { username: 'motcua.tt', fullName: 'Ngô Thị Hạnh', unit: 'centre', roles: [{ role: 'onestop_officer', unit: 'centre', subtree: true }] },
  specialist('tuphap_hctp', 'chuyenvien.tp', 'Đỗ Minh Tuấn'),
  leader('taichinh', 'lanhdao.stc', 'Trần Quốc Bảo'),
  specialist('taichinh', 'chuyenvien.stc', 'Phạm Thu Trang'),
  leader('xaydung', 'lanhdao.sxd', 'Nguyễn Hữu Thắng'),
  specialist('xaydung', 'chuyenvien.sxd', 'Lê Thị Ngọc Ánh'),
  leader('nnmt', 'lanhdao.snnmt', 'Vũ Đình Khoa'),
  specialist('nnmt', 'chuyenvien.snnmt', 'Hoàng Thị Lan'),
  leader('yte', 'lanhdao.syt', 'Bùi Thanh Hà'),
  specialist('yte', 'chuyenvien.syt', 'Đặng Minh Châu'),
  leader('noivu', 'lanhdao.snv', 'Lương Văn Tùng'),
  specialist('noivu', 'chuyenvien.snv', 'Cao Thị Hồng Nhung'),
  leader('gddt', 'lanhdao.sgddt', 'Trịnh Ngọc Sơn'),
  specialist('gddt', 'chuyenvien.sgddt', 'Mạc Thị Thu Hiền'),
  ...(
    [
      ['hongbang', 'Phan Thị Mai', 'Nguyễn Văn Hòa', 'Đinh Thị Thanh Tâm'],
      ['ngoquyen', 'Lê Thu Hương', 'Phạm Quang Vinh', 'Tô Minh Đức'],
      ['lechan', null, 'Hà Thị Thu', 'Nguyễn Đức Long'],
      ['kienan', 'Vũ Thị Hồng', 'Trần Văn Kiên', 'Đào Thị Yến'],
      ['anlao', 'Bùi Văn Lực', 'Ngô Thị Thanh Xuân', 'Lưu Văn Hậu'],
      ['cathai', 'Hoàng Minh Hải', 'Đỗ Thị Ngân', 'Dương Văn Biển'],
    ] as const
  ).flatMap(([c, desk, lead, spec]): StaffAccount[] => [
    // Lê Chân's desk already has motcua.xa
    ...(desk ? [{ username: `motcua.${c}`, fullName: desk, unit: `${c}_motcua`, roles: [{ role: 'onestop_officer' as const, unit: c, subtree: true }] }] : []),
    { username: `lanhdao.${c}`, fullName: lead, unit: c, roles: [{ role: 'unit_leader', unit: c, subtree: true }] },
    specialist(c, `chuyenvien.${c}`, spec),
  ]),
];
