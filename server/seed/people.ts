/**
 * Generated applicants for the demo dossiers: Vietnamese names, Hải Phòng addresses, phone numbers,
 * structurally valid CCCD numbers (core/identity/cccd.ts) and tax codes with their check digit
 * (core/identity/tax-code.ts). Invented people: any likeness to a real number is chance.
 */
import { type CccdProvinceCode, isPlausibleCccd } from '@core/identity/cccd';
import { isValidTaxCode, taxCheckDigit } from '@core/identity/tax-code';
import { Random } from './random';

type Sex = 'male' | 'female';

const FAMILY: [string, number][] = [
  ['Nguyễn', 38], ['Trần', 11], ['Lê', 9], ['Phạm', 7], ['Hoàng', 4], ['Vũ', 5], ['Phan', 3], ['Đặng', 2], ['Bùi', 2.5], ['Đỗ', 2],
  ['Ngô', 1.5], ['Hồ', 1], ['Dương', 1], ['Đinh', 1], ['Đào', 1], ['Lương', 0.6], ['Trịnh', 0.6], ['Mạc', 0.4], ['Cao', 0.5], ['Tô', 0.4], ['Hà', 0.6], ['Lưu', 0.4],
];
const MIDDLE: Record<Sex, string[]> = {
  male: ['Văn', 'Văn', 'Đức', 'Minh', 'Quang', 'Hữu', 'Thanh', 'Xuân', 'Công', 'Ngọc', 'Mạnh', 'Trọng', 'Duy', 'Quốc', 'Tiến'],
  female: ['Thị', 'Thị', 'Thị', 'Ngọc', 'Thu', 'Thanh', 'Hồng', 'Phương', 'Minh', 'Mai', 'Kim', 'Bích', 'Hoài', 'Thùy'],
};
const GIVEN: Record<Sex, string[]> = {
  male: ['Anh', 'Bình', 'Cường', 'Dũng', 'Đạt', 'Đông', 'Hải', 'Hiếu', 'Hòa', 'Hùng', 'Huy', 'Khánh', 'Khoa', 'Lâm', 'Long', 'Minh', 'Nam', 'Nghĩa', 'Phong', 'Phúc', 'Quân', 'Sơn', 'Tài', 'Thắng', 'Thành', 'Thịnh', 'Toàn', 'Trung', 'Tú', 'Tuấn', 'Việt', 'Vinh'],
  female: ['An', 'Anh', 'Chi', 'Dung', 'Duyên', 'Giang', 'Hà', 'Hạnh', 'Hằng', 'Hiền', 'Hoa', 'Hương', 'Huyền', 'Lan', 'Liên', 'Linh', 'Loan', 'Mai', 'My', 'Nga', 'Ngân', 'Nhung', 'Oanh', 'Phương', 'Quỳnh', 'Thảo', 'Thủy', 'Trang', 'Uyên', 'Vân', 'Yến'],
};

/** Streets (wards) or villages (communes) of the demo communes, keyed by the unit key in demo-org.ts. */
const PLACES: Record<string, { name: string; streets?: string[]; villages?: string[] }> = {
  hongbang: { name: 'phường Hồng Bàng', streets: ['Hoàng Văn Thụ', 'Điện Biên Phủ', 'Minh Khai', 'Hạ Lý', 'Hùng Vương', 'Quang Trung', 'Lý Tự Trọng', 'Tam Bạc'] },
  ngoquyen: { name: 'phường Ngô Quyền', streets: ['Lạch Tray', 'Lê Lợi', 'Văn Cao', 'Đà Nẵng', 'Cầu Đất', 'Lương Khánh Thiện', 'Lê Lai', 'Đông Khê'] },
  lechan: { name: 'phường Lê Chân', streets: ['Tô Hiệu', 'Hai Bà Trưng', 'Trần Nguyên Hãn', 'Hồ Sen', 'Nguyễn Văn Linh', 'Dân Lập', 'Chợ Hàng', 'Thiên Lôi'] },
  haian: { name: 'phường Hải An', streets: ['Lê Hồng Phong', 'Ngô Gia Tự', 'Cát Bi', 'Thành Tô', 'Lũng Đông'] },
  kienan: { name: 'phường Kiến An', streets: ['Trần Thành Ngọ', 'Phan Đăng Lưu', 'Trần Tất Văn', 'Lê Quốc Uy'] },
  doson: { name: 'phường Đồ Sơn', streets: ['Lý Thánh Tông', 'Nguyễn Hữu Cầu', 'Vạn Hương'] },
  thuynguyen: { name: 'phường Thủy Nguyên', streets: ['Bạch Đằng', 'Trần Hưng Đạo', 'Đà Nẵng'] },
  haiduong: { name: 'phường Hải Dương', streets: ['Trần Hưng Đạo', 'Nguyễn Lương Bằng', 'Thanh Niên', 'Hồng Quang'] },
  anlao: { name: 'xã An Lão', villages: ['Tiến Lập', 'Văn Tra', 'Trung Hành', 'Lạc Thị'] },
  tienlang: { name: 'xã Tiên Lãng', villages: ['Đông Xã', 'Nam Hà', 'Phú Kê'] },
  vinhbao: { name: 'xã Vĩnh Bảo', villages: ['Đông Tạ', 'Tân Hòa', 'Cao Hải'] },
  cathai: { name: 'đặc khu Cát Hải', streets: ['Núi Ngọc', '1 tháng 4', 'Hà Sen'] },
};
/** Unit keys of every place an address can be in. */
export const PLACE_KEYS = Object.keys(PLACES);

/** Birth-registration provinces of Hải Phòng residents: mostly Hải Phòng and Hải Dương (merged in 2025), some neighbours. */
const BIRTH_PROVINCES: [CccdProvinceCode, number][] = [['031', 70], ['030', 10], ['034', 5], ['022', 4], ['001', 4], ['036', 3], ['033', 2], ['037', 1], ['038', 1]];

const MOBILE_PREFIXES = ['090', '091', '093', '094', '096', '097', '098', '086', '032', '033', '034', '035', '036', '037', '038', '039', '070', '077', '079', '081', '083', '084', '085', '088'];

const ascii = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');

/** A person's full name with their sex. */
export function personName(r: Random, sex: Sex = r.chance(0.5) ? 'male' : 'female'): { name: string; sex: Sex } {
  const family = r.weighted(FAMILY, ([, w]) => w)[0];
  return { name: `${family} ${r.pick(MIDDLE[sex])} ${r.pick(GIVEN[sex])}`, sex };
}

/** A street or village address in one of the demo communes. */
export function address(r: Random, placeKey: string = r.pick(PLACE_KEYS)): string {
  const place = PLACES[placeKey] ?? PLACES.lechan!;
  if (place.villages) return `Thôn ${r.pick(place.villages)}, ${place.name}, thành phố Hải Phòng`;
  const street = r.pick(place.streets!);
  const house = r.chance(0.3) ? `Số ${r.int(2, 60)}, ngõ ${r.int(5, 350)} đường ${street}` : `Số ${r.int(1, 420)} đường ${street}`;
  return `${house}, ${place.name}, thành phố Hải Phòng`;
}

/** A Vietnamese mobile number. */
export function phone(r: Random): string {
  return r.pick(MOBILE_PREFIXES) + r.digits(7);
}

/** A CCCD whose prefix matches the sex and birth year; never a future birth year. */
export function cccd(r: Random, sex: Sex, birthYear: number, used: Set<string>): string {
  const province = r.weighted(BIRTH_PROVINCES, ([, w]) => w)[0];
  // 0/1 = born in the 1900s (male/female), 2/3 = 2000s
  const centurySex = (birthYear >= 2000 ? 2 : 0) + (sex === 'female' ? 1 : 0);
  for (;;) {
    const value = `${province}${centurySex}${String(birthYear % 100).padStart(2, '0')}${r.digits(6)}`;
    if (!used.has(value) && isPlausibleCccd(value, birthYear)) {
      used.add(value);
      return value;
    }
  }
}

/** A 10-digit tax code of a Hải Phòng enterprise (prefix 02), sometimes a branch's 13-digit code. */
export function taxCode(r: Random, used: Set<string>): string {
  for (;;) {
    const first9 = `02${r.digits(7)}`;
    const check = taxCheckDigit(first9);
    if (check === null) continue;
    const value = r.chance(0.1) ? `${first9}${check}${String(r.int(1, 9)).padStart(3, '0')}` : `${first9}${check}`;
    if (used.has(value) || !isValidTaxCode(value)) continue;
    used.add(value);
    return value;
  }
}

/** A citizen applicant (the shape of `applicantSchema`). */
export function citizen(r: Random, placeKey: string, currentYear: number, used: Set<string>, online: boolean) {
  const { name, sex } = personName(r);
  const birthYear = currentYear - r.int(19, 75);
  const idNumber = cccd(r, sex, birthYear, used);
  const email = online && r.chance(0.7) ? `${ascii(name).toLowerCase().replace(/\s+/g, '')}${String(birthYear).slice(2)}@gmail.com` : undefined;
  return { kind: 'citizen' as const, idNumber, name, address: address(r, placeKey), phone: phone(r), ...(email ? { email } : {}) };
}

const ORG_FORMS = ['Công ty TNHH', 'Công ty TNHH MTV', 'Công ty Cổ phần', 'Công ty Cổ phần', 'Hợp tác xã', 'Doanh nghiệp tư nhân'];
const ORG_TRADES = ['Thương mại và Dịch vụ', 'Xây dựng', 'Vận tải biển', 'Logistics', 'Thủy sản', 'Du lịch', 'Cơ khí', 'Đầu tư và Phát triển', 'Dược phẩm', 'Thực phẩm', 'Môi trường', 'Kỹ thuật điện', 'Xuất nhập khẩu', 'Giáo dục'];
const ORG_NAMES = ['Hải Âu', 'Cảng Xanh', 'Bạch Đằng', 'Đình Vũ', 'Tràng Kênh', 'Cát Bà', 'Phượng Đỏ', 'Sao Biển', 'Minh Phát', 'Thành Công', 'An Phú', 'Hưng Thịnh', 'Nam Triệu', 'Vạn Xuân', 'Tân Cảng', 'Hồng Hà', 'Duyên Hải', 'Lạch Huyện'];
const AGENCIES = ['Công an thành phố Hải Phòng', 'Tòa án nhân dân thành phố Hải Phòng', 'Viện kiểm sát nhân dân thành phố Hải Phòng', 'Cục Thi hành án dân sự thành phố Hải Phòng'];

/** An organisation applicant with a valid tax code and its representative; a state agency when `agency`. */
export function organisation(r: Random, placeKey: string, used: Set<string>, agency = false) {
  if (agency) {
    // an agency keeps one tax code across its dossiers
    const i = r.int(0, AGENCIES.length - 1);
    const own = new Set<string>();
    return { kind: 'organisation' as const, taxCode: taxCode(new Random(7_000 + i), own), name: AGENCIES[i]!, representative: personName(r).name, address: address(r, 'hongbang'), phone: `0225${r.digits(7)}` };
  }
  const name = `${r.pick(ORG_FORMS)} ${r.pick(ORG_TRADES)} ${r.pick(ORG_NAMES)}`;
  return { kind: 'organisation' as const, taxCode: taxCode(r, used), name, representative: personName(r).name, address: address(r, placeKey), phone: `0225${r.digits(7)}` };
}
