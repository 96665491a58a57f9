import type { UnitKind } from '@core/org/unit';

/**
 * The demo organisation of Hải Phòng after the 2025 reorganisation (two-tier: city and
 * communes/wards/special zones), with some of the former districts kept as closed units that
 * point to their successors, so history and roll-up can be seen. Identifier codes follow the
 * national format (QCVN 102:2016); the province group `H26` and the numbering are illustrative —
 * a deployment imports the official list.
 */
export interface SeedUnit {
  key: string;
  code: string;
  name: string;
  shortName?: string;
  kind: UnitKind;
  parent?: string;
  validFrom: string;
  validTo?: string;
  successor?: string;
}

const REORG = '2025-07-01';

const departments: [string, string, string][] = [
  ['noivu', 'Sở Nội vụ', 'SNV'],
  ['tuphap', 'Sở Tư pháp', 'STP'],
  ['taichinh', 'Sở Tài chính', 'STC'],
  ['congthuong', 'Sở Công Thương', 'SCT'],
  ['xaydung', 'Sở Xây dựng', 'SXD'],
  ['nnmt', 'Sở Nông nghiệp và Môi trường', 'SNNMT'],
  ['khcn', 'Sở Khoa học và Công nghệ', 'SKHCN'],
  ['gddt', 'Sở Giáo dục và Đào tạo', 'SGDĐT'],
  ['yte', 'Sở Y tế', 'SYT'],
  ['vhtt', 'Sở Văn hóa, Thể thao và Du lịch', 'SVHTTDL'],
  ['thanhtra', 'Thanh tra thành phố', 'TTTP'],
  ['bqlkkt', 'Ban Quản lý Khu kinh tế Hải Phòng', 'BQLKKT'],
];

const communes: [string, string, UnitKind][] = [
  ['hongbang', 'Phường Hồng Bàng', 'commune'],
  ['ngoquyen', 'Phường Ngô Quyền', 'commune'],
  ['lechan', 'Phường Lê Chân', 'commune'],
  ['haian', 'Phường Hải An', 'commune'],
  ['kienan', 'Phường Kiến An', 'commune'],
  ['doson', 'Phường Đồ Sơn', 'commune'],
  ['thuynguyen', 'Phường Thủy Nguyên', 'commune'],
  ['haiduong', 'Phường Hải Dương', 'commune'],
  ['anlao', 'Xã An Lão', 'commune'],
  ['tienlang', 'Xã Tiên Lãng', 'commune'],
  ['vinhbao', 'Xã Vĩnh Bảo', 'commune'],
  ['cathai', 'Đặc khu Cát Hải', 'commune'],
];

/** Former districts, closed at the reorganisation, each pointing to the ward that took over its seat. */
const formerDistricts: [string, string, string][] = [
  ['q_hongbang', 'UBND quận Hồng Bàng', 'hongbang'],
  ['q_ngoquyen', 'UBND quận Ngô Quyền', 'ngoquyen'],
  ['q_lechan', 'UBND quận Lê Chân', 'lechan'],
  ['h_cathai', 'UBND huyện Cát Hải', 'cathai'],
];

const pad = (n: number) => String(n).padStart(2, '0');

export const DEMO_UNITS: SeedUnit[] = [
  { key: 'city', code: '000.00.00.H26', name: 'Ủy ban nhân dân thành phố Hải Phòng', shortName: 'UBND TP', kind: 'city_committee', validFrom: '2008-01-01' },
  { key: 'office', code: '000.00.01.H26', name: 'Văn phòng Ủy ban nhân dân thành phố', shortName: 'VP UBND', kind: 'city_office', parent: 'city', validFrom: '2008-01-01' },
  { key: 'office_kstthc', code: '000.01.01.H26', name: 'Phòng Kiểm soát thủ tục hành chính', kind: 'division', parent: 'office', validFrom: '2008-01-01' },
  { key: 'centre', code: '000.00.30.H26', name: 'Trung tâm Phục vụ hành chính công thành phố', shortName: 'TTPVHCC', kind: 'service_centre', parent: 'city', validFrom: '2019-01-01' },
  ...departments.map(([key, name, shortName], i) => ({ key, code: `000.00.${pad(i + 2)}.H26`, name, shortName, kind: 'department' as const, parent: 'city', validFrom: '2008-01-01' })),
  { key: 'tuphap_hctp', code: '000.01.03.H26', name: 'Phòng Hành chính tư pháp', kind: 'division', parent: 'tuphap', validFrom: '2008-01-01' },
  { key: 'xaydung_qlxd', code: '000.01.06.H26', name: 'Phòng Quản lý hoạt động xây dựng', kind: 'division', parent: 'xaydung', validFrom: '2008-01-01' },
  ...formerDistricts.map(([key, name, successor], i) => ({
    key,
    code: `000.00.${pad(i + 40)}.H26`,
    name,
    kind: 'district' as const,
    parent: 'city',
    validFrom: '2008-01-01',
    validTo: '2025-06-30',
    successor,
  })),
  ...communes.flatMap(([key, name, kind], i) => [
    { key, code: `000.${pad(i + 50)}.00.H26`, name: `UBND ${name.replace(/^(\p{Lu})/u, (c) => c.toLowerCase())}`, shortName: name, kind, parent: 'city', validFrom: REORG },
    { key: `${key}_motcua`, code: `000.${pad(i + 50)}.01.H26`, name: `Bộ phận Một cửa ${name.replace(/^(\p{Lu})/u, (c) => c.toLowerCase())}`, kind: 'onestop' as const, parent: key, validFrom: REORG },
  ]),
];

/** Demo staff accounts (demo mode only), all with password `demo123`. */
export const DEMO_ACCOUNTS = [
  { username: 'admin', fullName: 'Nguyễn Văn Quản', unit: 'office', roles: [{ role: 'system_admin', unit: 'city', subtree: true }] },
  { username: 'kiemsoat', fullName: 'Trần Thị Kiểm', unit: 'office_kstthc', roles: [{ role: 'control_officer', unit: 'city', subtree: true }] },
  { username: 'chutich', fullName: 'Lê Minh Chủ', unit: 'city', roles: [{ role: 'city_leader', unit: 'city', subtree: true }] },
  { username: 'giamdoc', fullName: 'Phạm Đức Giám', unit: 'tuphap', roles: [{ role: 'agency_head', unit: 'tuphap', subtree: true }] },
  { username: 'lanhdao', fullName: 'Hoàng Thu Lãnh', unit: 'tuphap_hctp', roles: [{ role: 'unit_leader', unit: 'tuphap_hctp', subtree: true }] },
  { username: 'chuyenvien', fullName: 'Vũ Thị Chuyên', unit: 'tuphap_hctp', roles: [{ role: 'specialist', unit: 'tuphap_hctp', subtree: false }] },
  { username: 'motcua', fullName: 'Đặng Văn Tiếp', unit: 'centre', roles: [{ role: 'onestop_officer', unit: 'centre', subtree: true }] },
  { username: 'motcua.xa', fullName: 'Bùi Thị Nhận', unit: 'lechan_motcua', roles: [{ role: 'onestop_officer', unit: 'lechan', subtree: true }] },
] as const;

export const DEMO_PASSWORD = 'demo123';
