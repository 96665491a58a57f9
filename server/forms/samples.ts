/**
 * Realistic sample data for every form (a Hải Phòng building-permit dossier), used by the tests
 * and handy for previews and the demo seed. The fixed creation date makes the PDFs reproducible.
 */
import { parseInstant } from '@core/calendar/time';
import type { Form01Data, Form02Data, Form03Data, Form04Data, Form05Data, Form06Data } from '@core/dossier/forms';

const at = parseInstant;
const common = {
  agency: { parent: 'UBND thành phố Hải Phòng', name: 'Trung tâm Phục vụ hành chính công thành phố' },
  issuedAt: at('2026-03-02T09:15:00+07:00'),
  creationDate: new Date('2026-03-02T02:15:00Z'),
};
const applicant = {
  name: 'Nguyễn Thị Hường',
  idNumber: '031******567',
  address: 'Số 18 Lạch Tray, phường Lạch Tray, quận Ngô Quyền, Hải Phòng',
  phone: '0912 345 678',
};
const procedure = { code: '1.001612', name: 'Cấp giấy phép xây dựng mới đối với công trình cấp đặc biệt, cấp I, cấp II' };
const code = '000.00.15.H26-260302-0042';

/** Sample data per form. */
export const SAMPLE_FORMS = {
  mau_01: {
    ...common,
    number: '42/TNHS',
    dossierCode: code,
    applicant,
    procedure,
    components: [
      { name: 'Đơn đề nghị cấp giấy phép xây dựng (Mẫu số 01)', kind: 'Bản chính', count: 1 },
      { name: 'Bản sao giấy tờ chứng minh quyền sử dụng đất theo quy định của pháp luật về đất đai', kind: 'Bản sao', count: 1 },
      { name: 'Bản vẽ thiết kế xây dựng', kind: 'Bản chính', count: 2 },
    ],
    legalTime: '10 ngày làm việc',
    receivedAt: at('2026-03-02T09:15:00+07:00'),
    dueAt: at('2026-03-16T09:15:00+07:00'),
    returnMethod: 'counter',
    trackingUrl: `https://dichvucong.haiphong.gov.vn/tra-cuu/${code}`,
    receiver: { title: 'Người tiếp nhận hồ sơ', name: 'Trần Văn Đức' },
  } satisfies Form01Data,
  mau_02: {
    ...common,
    applicant,
    procedure,
    receivedAt: at('2026-03-02T09:15:00+07:00'),
    items: ['Bản vẽ mặt bằng vị trí công trình trên lô đất, tỷ lệ 1/500', 'Văn bản thẩm duyệt thiết kế về phòng cháy, chữa cháy'],
    reason: 'Hồ sơ chưa có đủ thành phần theo quy định tại Điều 43 Nghị định 175/2024/NĐ-CP.',
    contact: 'ông Trần Văn Đức, số điện thoại 0225 3821 234',
    officer: { title: 'Người hướng dẫn', name: 'Trần Văn Đức' },
  } satisfies Form02Data,
  mau_03: {
    ...common,
    dossierCode: code,
    applicant,
    procedure,
    receivedAt: at('2026-03-02T09:15:00+07:00'),
    reason: 'Công trình thuộc khu vực đã có quyết định thu hồi đất, không đủ điều kiện cấp giấy phép xây dựng.',
    signer: { title: 'Người tiếp nhận hồ sơ', name: 'Trần Văn Đức' },
  } satisfies Form03Data,
  mau_04: {
    ...common,
    number: '07/PXL-SXD',
    issuedAt: at('2026-03-12T10:00:00+07:00'),
    agency: { parent: 'UBND thành phố Hải Phòng', name: 'Sở Xây dựng' },
    dossierCode: code,
    applicant,
    procedure,
    receivedAt: at('2026-03-02T09:15:00+07:00'),
    dueAt: at('2026-03-16T09:15:00+07:00'),
    newDueAt: at('2026-03-20T16:00:00+07:00'),
    reason: 'Cần lấy ý kiến phối hợp của Công an thành phố về phòng cháy, chữa cháy đối với công trình.',
    signer: { title: 'Giám đốc', name: 'Phạm Quốc Hưng' },
  } satisfies Form04Data,
  mau_05: {
    ...common,
    dossierCode: code,
    applicant,
    procedure,
    processingUnit: 'Sở Xây dựng — Phòng Quản lý hoạt động xây dựng',
    coordinatingUnits: ['Công an thành phố (Phòng Cảnh sát PCCC và CNCH)'],
    rows: [
      { giver: 'Bộ phận Một cửa: Trần Văn Đức', receiver: 'Phòng QLHĐXD: Lê Thị Mỹ', at: at('2026-03-02T10:00:00+07:00'), stepDueAt: at('2026-03-02T17:00:00+07:00'), outcome: 'on_time' },
      { giver: 'Lê Thị Mỹ (Trưởng phòng)', receiver: 'Vũ Đình Nghĩa (Chuyên viên)', at: at('2026-03-02T14:00:00+07:00'), stepDueAt: at('2026-03-03T09:15:00+07:00'), outcome: 'early' },
      { giver: 'Vũ Đình Nghĩa (Chuyên viên)', receiver: 'Lê Thị Mỹ (Trưởng phòng)', at: at('2026-03-11T15:30:00+07:00'), stepDueAt: at('2026-03-11T09:15:00+07:00'), outcome: 'late', note: 'Chờ ý kiến PCCC' },
      { giver: 'Lê Thị Mỹ (Trưởng phòng)', receiver: 'Phạm Quốc Hưng (Giám đốc)', at: at('2026-03-12T16:00:00+07:00'), stepDueAt: at('2026-03-13T09:15:00+07:00'), outcome: 'on_time' },
      { giver: 'Văn thư Sở Xây dựng', receiver: 'Bộ phận Một cửa: Trần Văn Đức', at: at('2026-03-13T15:00:00+07:00'), stepDueAt: null, outcome: null },
    ],
  } satisfies Form05Data,
  mau_06: {
    ...common,
    from: at('2026-03-01T00:00:00+07:00'),
    to: at('2026-03-31T23:59:59+07:00'),
    rows: Array.from({ length: 40 }, (_, i) => ({
      code: `000.00.15.H26-2603${String(2 + (i % 20)).padStart(2, '0')}-${String(i + 1).padStart(4, '0')}`,
      procedure: i % 3 === 0 ? procedure.name : i % 3 === 1 ? 'Đăng ký thành lập hộ kinh doanh' : 'Cấp đổi giấy phép lái xe',
      sets: 1,
      applicant: ['Nguyễn Thị Hường', 'Công ty TNHH Cảng Đình Vũ', 'Trần Quang Khải', 'Đỗ Thị Ngọc Ánh'][i % 4]!,
      contact: 'Phường Lê Chân, Hải Phòng — 0912 345 678',
      leadUnit: ['Sở Xây dựng', 'Sở Tài chính', 'Sở Xây dựng (GPLX)'][i % 3]!,
      receivedAt: at('2026-03-02T09:15:00+07:00') + i * 86_400_000,
      dueAt: at('2026-03-16T09:15:00+07:00') + i * 86_400_000,
      handedOverAt: at('2026-03-02T14:00:00+07:00') + i * 86_400_000,
      resultReceivedAt: i % 5 === 0 ? null : at('2026-03-12T15:00:00+07:00') + i * 86_400_000,
      returnedAt: i % 5 === 0 ? null : at('2026-03-13T09:00:00+07:00') + i * 86_400_000,
      note: i % 7 === 0 ? 'Đã xin lỗi, hẹn lại' : undefined,
    })),
  } satisfies Form06Data,
};
