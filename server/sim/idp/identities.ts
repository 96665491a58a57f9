/**
 * Demo identities of the identity-provider SIMULATOR (not VNeID): made-up people with CCCD numbers
 * of valid shape (Hải Phòng and Hà Nội province codes, century/sex digit, birth year) and one
 * business with a valid tax-code check digit. Nothing here is a real person.
 */
export interface SimIdentity {
  /** The provider's stable subject identifier. */
  sub: string;
  idNumber: string;
  fullName: string;
  birthDate: string;
  email: string;
  phone: string;
  address: string;
  /** Identity level: `verified` (level 2, identity checked in person) or `basic` (level 1). */
  level: 'basic' | 'verified';
  /** Organisations this person may act for (legal representative). */
  organisations: { taxCode: string; name: string }[];
}

export const SIM_IDENTITIES: readonly SimIdentity[] = [
  {
    sub: 'sim-0001',
    idNumber: '031085012345',
    fullName: 'Nguyễn Văn An',
    birthDate: '1985-04-12',
    email: 'an.nguyen@example.vn',
    phone: '0912345678',
    address: 'Số 12 Lạch Tray, phường Lạch Tray, quận Ngô Quyền, Hải Phòng',
    level: 'verified',
    organisations: [],
  },
  {
    sub: 'sim-0002',
    idNumber: '031192004567',
    fullName: 'Trần Thị Bình',
    birthDate: '1992-09-03',
    email: 'binh.tran@example.vn',
    phone: '0987654321',
    address: 'Số 5 Trần Nguyên Hãn, phường Cát Dài, quận Lê Chân, Hải Phòng',
    level: 'verified',
    organisations: [],
  },
  {
    sub: 'sim-0003',
    idNumber: '031203007890',
    fullName: 'Lê Minh Châu',
    birthDate: '2003-01-25',
    email: 'chau.le@example.vn',
    phone: '0905111222',
    address: 'Thôn 3, xã An Đồng, huyện An Dương, Hải Phòng',
    level: 'basic',
    organisations: [],
  },
  {
    sub: 'sim-0004',
    idNumber: '001187006543',
    fullName: 'Phạm Thu Dung',
    birthDate: '1987-11-30',
    email: 'dung.pham@bienxanh.example.vn',
    phone: '0225382000',
    address: 'Số 8 Điện Biên Phủ, phường Minh Khai, quận Hồng Bàng, Hải Phòng',
    level: 'verified',
    organisations: [{ taxCode: '0201234569', name: 'Công ty TNHH Thương mại Biển Xanh' }],
  },
];
