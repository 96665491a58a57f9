/** Mẫu 03: Phiếu từ chối tiếp nhận, giải quyết hồ sơ (refusal), A5, with the reason. */
import { FORM_TITLES } from '@core/dossier';
import { type Form03Data, form03Schema } from '@core/dossier/forms';
import { viDate } from './format';
import { b, createDoc, field, header, paragraph, signatures, title, toBuffer } from './layout';

/** Renders the refusal to accept or resolve a dossier. */
export async function renderForm03(data: Form03Data): Promise<Buffer> {
  const f = form03Schema.parse(data);
  const doc = createDoc({ size: 'A5', layout: 'portrait', title: FORM_TITLES.mau_03.vi, creationDate: f.creationDate });
  header(doc, { parent: f.agency.parent, agency: f.agency.name, number: f.number, place: f.agency.place, issuedAt: f.issuedAt });
  title(doc, FORM_TITLES.mau_03.vi, f.dossierCode ? `Mã hồ sơ: ${f.dossierCode}` : undefined);
  paragraph(doc, [`${f.agency.name} tiếp nhận hồ sơ của: `, b(f.applicant.name)]);
  if (f.applicant.address) field(doc, 'Địa chỉ', f.applicant.address);
  if (f.applicant.phone) field(doc, 'Số điện thoại', f.applicant.phone);
  paragraph(doc, ['Nội dung yêu cầu giải quyết: ', b(f.procedure.name)]);
  paragraph(
    doc,
    `Qua xem xét, ${f.agency.name} thông báo không tiếp nhận, giải quyết hồ sơ (tiếp nhận ${viDate(f.receivedAt)}) với lý do cụ thể như sau:`,
    { align: 'justify' },
  );
  paragraph(doc, [b(f.reason)], { align: 'justify' });
  paragraph(doc, 'Xin thông báo để Ông/Bà/Tổ chức được biết và thực hiện./.');
  signatures(doc, [{ title: f.signer.title, note: '(Ký và ghi rõ họ tên)', name: f.signer.name }]);
  return toBuffer(doc);
}
