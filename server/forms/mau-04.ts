/** Mẫu 04: Phiếu xin lỗi và hẹn lại ngày trả kết quả (apology), A5, with the reason and the new date. */
import { FORM_TITLES } from '@core/dossier';
import { type Form04Data, form04Schema } from '@core/dossier/forms';
import { viDateSentence, viDateTime } from './format';
import { b, createDoc, header, paragraph, signatures, title, toBuffer } from './layout';

/** Renders the apology that sets a dossier's one new return date. */
export async function renderForm04(data: Form04Data): Promise<Buffer> {
  const f = form04Schema.parse(data);
  const doc = createDoc({ size: 'A5', layout: 'portrait', title: FORM_TITLES.mau_04.vi, creationDate: f.creationDate });
  header(doc, { parent: f.agency.parent, agency: f.agency.name, number: f.number, place: f.agency.place, issuedAt: f.issuedAt });
  title(doc, FORM_TITLES.mau_04.vi);
  paragraph(doc, [`${viDateSentence(f.receivedAt)}, ${f.agency.name} tiếp nhận giải quyết hồ sơ của: `, b(f.applicant.name)]);
  paragraph(doc, ['Nội dung yêu cầu giải quyết: ', b(f.procedure.name)]);
  paragraph(doc, ['Mã hồ sơ: ', b(f.dossierCode)]);
  paragraph(
    doc,
    [
      'Theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả, thời hạn trả kết quả giải quyết hồ sơ vào ',
      b(viDateTime(f.dueAt)),
      `. Tuy nhiên đến nay, ${f.agency.name} chưa trả kết quả giải quyết hồ sơ của Ông/Bà/Tổ chức.`,
    ],
    { align: 'justify' },
  );
  paragraph(doc, ['Lý do: ', b(f.reason)], { align: 'justify' });
  paragraph(
    doc,
    [
      `Sự chậm trễ này đã gây phiền hà cho Ông/Bà/Tổ chức. ${f.agency.name} xin lỗi Ông/Bà/Tổ chức và sẽ trả kết quả giải quyết hồ sơ cho Ông/Bà/Tổ chức vào `,
      b(viDateTime(f.newDueAt)),
      '.',
    ],
    { align: 'justify' },
  );
  paragraph(doc, 'Xin trân trọng cảm ơn sự hợp tác của Ông/Bà/Tổ chức./.');
  signatures(doc, [{ title: f.signer.title, note: '(Ký, ghi rõ họ tên và đóng dấu)', name: f.signer.name }]);
  return toBuffer(doc);
}
