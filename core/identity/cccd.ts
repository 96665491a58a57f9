/**
 * Citizen identity numbers (CCCD / số định danh cá nhân, 12 digits). The prefix is structured
 * (Circular 07/2016/TT-BCA as amended): 3 digits of the province/city where the birth was
 * registered, 1 digit for century and sex, 2 digits for the year of birth, then 6 random digits.
 * Checking the prefix catches most typing errors at the counter before a dossier is created.
 */
import { z } from 'zod';

/** The 63 province/city birth-registration codes (before the 2025 mergers; CCCD already issued keep them). */
export const CCCD_PROVINCES = {
  '001': 'Hà Nội',
  '002': 'Hà Giang',
  '004': 'Cao Bằng',
  '006': 'Bắc Kạn',
  '008': 'Tuyên Quang',
  '010': 'Lào Cai',
  '011': 'Điện Biên',
  '012': 'Lai Châu',
  '014': 'Sơn La',
  '015': 'Yên Bái',
  '017': 'Hòa Bình',
  '019': 'Thái Nguyên',
  '020': 'Lạng Sơn',
  '022': 'Quảng Ninh',
  '024': 'Bắc Giang',
  '025': 'Phú Thọ',
  '026': 'Vĩnh Phúc',
  '027': 'Bắc Ninh',
  '030': 'Hải Dương',
  '031': 'Hải Phòng',
  '033': 'Hưng Yên',
  '034': 'Thái Bình',
  '035': 'Hà Nam',
  '036': 'Nam Định',
  '037': 'Ninh Bình',
  '038': 'Thanh Hóa',
  '040': 'Nghệ An',
  '042': 'Hà Tĩnh',
  '044': 'Quảng Bình',
  '045': 'Quảng Trị',
  '046': 'Thừa Thiên Huế',
  '048': 'Đà Nẵng',
  '049': 'Quảng Nam',
  '051': 'Quảng Ngãi',
  '052': 'Bình Định',
  '054': 'Phú Yên',
  '056': 'Khánh Hòa',
  '058': 'Ninh Thuận',
  '060': 'Bình Thuận',
  '062': 'Kon Tum',
  '064': 'Gia Lai',
  '066': 'Đắk Lắk',
  '067': 'Đắk Nông',
  '068': 'Lâm Đồng',
  '070': 'Bình Phước',
  '072': 'Tây Ninh',
  '074': 'Bình Dương',
  '075': 'Đồng Nai',
  '077': 'Bà Rịa - Vũng Tàu',
  '079': 'Hồ Chí Minh',
  '080': 'Long An',
  '082': 'Tiền Giang',
  '083': 'Bến Tre',
  '084': 'Trà Vinh',
  '086': 'Vĩnh Long',
  '087': 'Đồng Tháp',
  '089': 'An Giang',
  '091': 'Kiên Giang',
  '092': 'Cần Thơ',
  '093': 'Hậu Giang',
  '094': 'Sóc Trăng',
  '095': 'Bạc Liêu',
  '096': 'Cà Mau',
} as const satisfies Record<string, string>;

/** A birth-registration province code, e.g. `031` (Hải Phòng). */
export type CccdProvinceCode = keyof typeof CCCD_PROVINCES;
/** Sex as encoded in the 4th digit (even = male, odd = female). */
export type CccdSex = 'male' | 'female';

/** Why a CCCD is refused, most basic reason first. */
export type CccdFailure = 'format' | 'province';

/** The decoded prefix of a valid CCCD, or why it is invalid. */
export type CccdResult =
  | { ok: true; value: string; province: { code: CccdProvinceCode; name: string }; sex: CccdSex; century: number; birthYearSuffix: string; birthYear: number }
  | { ok: false; reason: CccdFailure };

const CCCD_PATTERN = /^\d{12}$/;

/** True for one of the 63 province codes. */
export function isCccdProvinceCode(code: string): code is CccdProvinceCode {
  return Object.hasOwn(CCCD_PROVINCES, code);
}

/**
 * Decodes a CCCD. Every 4th digit 0–9 is a valid century/sex code (0/1 = 1900s, 2/3 = 2000s …
 * 8/9 = 2300s), so the year digits are always consistent; only format and province can fail.
 */
export function parseCccd(input: string): CccdResult {
  const value = input.trim();
  if (!CCCD_PATTERN.test(value)) return { ok: false, reason: 'format' };
  const code = value.slice(0, 3);
  if (!isCccdProvinceCode(code)) return { ok: false, reason: 'province' };
  const gc = Number(value[3]);
  // 0/1 = 20th century (1900–1999), 2/3 = 21st, … so the century number is 20 + ⌊gc/2⌋
  const century = 20 + Math.floor(gc / 2);
  const birthYearSuffix = value.slice(4, 6);
  return {
    ok: true,
    value,
    province: { code, name: CCCD_PROVINCES[code] },
    sex: gc % 2 === 0 ? 'male' : 'female',
    century,
    birthYearSuffix,
    birthYear: (century - 1) * 100 + Number(birthYearSuffix),
  };
}

/** True when the string is a structurally valid CCCD. */
export function isValidCccd(input: string): boolean {
  return parseCccd(input).ok;
}

/**
 * A CCCD born no later than `currentYear` (a birth year in the future is a typing error). The
 * check is separate from parseCccd because it needs the clock, which pure parsing must not read.
 */
export function isPlausibleCccd(input: string, currentYear: number): boolean {
  const r = parseCccd(input);
  return r.ok && r.birthYear <= currentYear;
}

/** zod schema of a CCCD field: trims, then refuses an invalid number with IDENTITY_CCCD_INVALID. */
export const cccdSchema = z.string().trim().refine(isValidCccd, { error: 'IDENTITY_CCCD_INVALID' });
