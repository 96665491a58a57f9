/** Mẫu 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả (receipt), A5, with a QR code of the public tracking page. */
import { FORM_TITLES, RETURN_METHOD_LABELS } from '@core/dossier';
import { type Form01Data, form01Schema } from '@core/dossier/forms';
import { viDateTime } from './format';
import { b, createDoc, field, frame, header, paragraph, signatures, title, toBuffer } from './layout';
import { drawQr } from './qr';
import { table } from './table';

/** Renders the receipt of an accepted dossier. */
export async function renderForm01(data: Form01Data): Promise<Buffer> {
  const f = form01Schema.parse(data);
  const doc = createDoc({ size: 'A5', layout: 'portrait', title: FORM_TITLES.mau_01.vi, creationDate: f.creationDate });
  header(doc, { parent: f.agency.parent, agency: f.agency.name, number: f.number, numberSuffix: 'TNHS', place: f.agency.place, issuedAt: f.issuedAt });
  title(doc, FORM_TITLES.mau_01.vi, `Mã hồ sơ: ${f.dossierCode}`);

  // the QR code sits at the top right of the body so the text can flow beside it
  const { right } = frame(doc);
  const qrSize = 64;
  const qrTop = doc.y;
  drawQr(doc, f.trackingUrl, right - qrSize, qrTop, qrSize);
  doc.fontSize(6.5).text('Tra cứu hồ sơ', right - qrSize, qrTop + qrSize + 1, { width: qrSize, align: 'center' }).fontSize(9);
  doc.y = qrTop;

  const beside = { width: frame(doc).width - qrSize - 10 };
  paragraph(doc, [`${f.agency.name} tiếp nhận hồ sơ của: `, b(f.applicant.name)], beside);
  if (f.applicant.idNumber) field(doc, 'Số định danh / Mã số thuế', f.applicant.idNumber, beside);
  field(doc, 'Địa chỉ', f.applicant.address, beside);
  field(doc, 'Số điện thoại', f.applicant.phone, beside);
  if (f.applicant.email) field(doc, 'Thư điện tử', f.applicant.email, beside);
  doc.y = Math.max(doc.y, qrTop + qrSize + 10);
  paragraph(doc, ['Nội dung yêu cầu giải quyết: ', b(f.procedure.name), f.procedure.code ? ` (mã thủ tục ${f.procedure.code})` : '']);
  paragraph(doc, '1. Thành phần hồ sơ nộp gồm:');
  table(
    doc,
    [
      { header: 'TT', weight: 1, align: 'center' },
      { header: 'Tên giấy tờ', weight: 9 },
      { header: 'Hình thức', weight: 3, align: 'center' },
      { header: 'Số lượng', weight: 2, align: 'center' },
    ],
    f.components.map((c, i) => [String(i + 1), c.name, c.kind ?? '', String(c.count)]),
  );
  paragraph(doc, ['2. Số lượng hồ sơ: ', b(String(f.sets).padStart(2, '0')), ' (bộ)']);
  paragraph(doc, ['3. Thời gian giải quyết hồ sơ theo quy định là: ', b(f.legalTime)]);
  paragraph(doc, ['4. Thời gian nhận hồ sơ: ', b(viDateTime(f.receivedAt))]);
  paragraph(doc, ['5. Thời gian trả kết quả giải quyết hồ sơ: ', b(f.dueAt === null ? 'trả ngay' : viDateTime(f.dueAt))]);
  paragraph(doc, ['6. Đăng ký nhận kết quả: ', b(RETURN_METHOD_LABELS[f.returnMethod].vi)]);
  paragraph(doc, `Tra cứu tình trạng hồ sơ tại: ${f.trackingUrl}`);
  signatures(doc, [{ title: 'Người nộp hồ sơ' }, { title: 'Người tiếp nhận hồ sơ', name: f.receiver.name }]);
  return toBuffer(doc);
}
