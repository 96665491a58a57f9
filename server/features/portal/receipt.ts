/**
 * "Giấy xác nhận nộp hồ sơ trực tuyến": the applicant's proof of an online submission (A5, the
 * forms' layout and Noto Sans), with the dossier code, the files sent and a QR code of the public
 * lookup. Not Mẫu 01: the receipt with a due date comes when the one-stop officer accepts the dossier.
 */
import { CHANNEL_LABELS, RETURN_METHOD_LABELS } from '@core/dossier/channel';
import { viDateTime } from '../../forms/format';
import { b, createDoc, field, frame, header, paragraph, title, toBuffer } from '../../forms/layout';
import { drawQr } from '../../forms/qr';
import { table } from '../../forms/table';
import type { ReturnMethod } from '@core/dossier/channel';

/** What the receipt prints. */
export interface ReceiptData {
  code: string;
  submittedAt: number;
  unit: { name: string; parent?: string | undefined };
  applicant: { name: string; idNumber: string; kind: 'citizen' | 'organisation' };
  procedure: { code: string; name: string };
  returnMethod: ReturnMethod;
  files: { component: string; filename: string }[];
  /** The public lookup page (with the secret when the caller proved it). */
  trackingUrl: string;
  /** Printed only when the caller supplied it and it matched. */
  secret: string | null;
}

/** Renders the confirmation of an online submission. */
export async function renderReceipt(r: ReceiptData): Promise<Buffer> {
  const heading = 'Giấy xác nhận nộp hồ sơ trực tuyến';
  const doc = createDoc({ size: 'A5', layout: 'portrait', title: heading });
  header(doc, { parent: r.unit.parent, agency: r.unit.name, place: 'Hải Phòng', issuedAt: r.submittedAt });
  title(doc, heading, `Mã hồ sơ: ${r.code}`);
  const { right } = frame(doc);
  const qrSize = 64;
  const qrTop = doc.y;
  drawQr(doc, r.trackingUrl, right - qrSize, qrTop, qrSize);
  doc.fontSize(6.5).text('Tra cứu hồ sơ', right - qrSize, qrTop + qrSize + 1, { width: qrSize, align: 'center' }).fontSize(9);
  doc.y = qrTop;
  const beside = { width: frame(doc).width - qrSize - 10 };
  paragraph(doc, [`${r.unit.name} đã nhận hồ sơ nộp ${CHANNEL_LABELS.online.vi.toLowerCase()} của: `, b(r.applicant.name)], beside);
  field(doc, r.applicant.kind === 'citizen' ? 'Số định danh cá nhân' : 'Mã số thuế', r.applicant.idNumber, beside);
  field(doc, 'Thời điểm nộp', viDateTime(r.submittedAt), beside);
  doc.y = Math.max(doc.y, qrTop + qrSize + 10);
  paragraph(doc, ['Thủ tục: ', b(r.procedure.name), ` (mã ${r.procedure.code})`]);
  paragraph(doc, 'Giấy tờ đã gửi:');
  table(
    doc,
    [
      { header: 'TT', weight: 1, align: 'center' },
      { header: 'Thành phần hồ sơ', weight: 8 },
      { header: 'Tệp', weight: 5 },
    ],
    r.files.map((f, i) => [String(i + 1), f.component, f.filename]),
  );
  paragraph(doc, ['Nhận kết quả: ', b(RETURN_METHOD_LABELS[r.returnMethod].vi)]);
  if (r.secret) paragraph(doc, ['Mã tra cứu: ', b(r.secret), ' (giữ bí mật; dùng cùng mã hồ sơ để tra cứu không cần đăng nhập)']);
  paragraph(
    doc,
    'Hồ sơ đang chờ Bộ phận Một cửa kiểm tra. Khi hồ sơ được tiếp nhận, Ông/Bà sẽ nhận Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu 01) với ngày hẹn trả; nếu cần bổ sung, Ông/Bà sẽ nhận Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02).',
    { align: 'justify' },
  );
  paragraph(doc, `Tra cứu tình trạng hồ sơ tại: ${r.trackingUrl}`);
  return toBuffer(doc);
}
