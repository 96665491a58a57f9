/** Mẫu 02: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (supplement request), A5; every missing item once. */
import { FORM_TITLES } from '@core/dossier';
import { type Form02Data, form02Schema } from '@core/dossier/forms';
import { viDate, viDateSentence } from './format';
import { b, createDoc, field, header, paragraph, signatures, title, toBuffer } from './layout';

/** Renders the supplement request of an incomplete dossier. */
export async function renderForm02(data: Form02Data): Promise<Buffer> {
  const f = form02Schema.parse(data);
  const doc = createDoc({ size: 'A5', layout: 'portrait', title: FORM_TITLES.mau_02.vi, creationDate: f.creationDate });
  header(doc, { parent: f.agency.parent, agency: f.agency.name, number: f.number, place: f.agency.place, issuedAt: f.issuedAt });
  title(doc, FORM_TITLES.mau_02.vi, f.dossierCode ? `Mã hồ sơ: ${f.dossierCode}` : undefined);
  field(doc, 'Hồ sơ của', f.applicant.name);
  if (f.applicant.address) field(doc, 'Địa chỉ', f.applicant.address);
  paragraph(doc, ['Nội dung yêu cầu giải quyết: ', b(f.procedure.name)]);
  paragraph(
    doc,
    [
      `${viDateSentence(f.receivedAt)}, ${f.agency.name} đã tiếp nhận hồ sơ của `,
      b(f.applicant.name),
      '. Sau khi xem xét, hồ sơ chưa đầy đủ, hợp lệ. Đề nghị Ông/Bà/Tổ chức bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:',
    ],
    { align: 'justify' },
  );
  for (const [i, item] of f.items.entries()) paragraph(doc, [`${i + 1}. `, b(item)], { gap: 0.15 });
  if (f.reason) paragraph(doc, ['Lý do: ', f.reason]);
  paragraph(
    doc,
    `Trong quá trình bổ sung, hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà/Tổ chức liên hệ ${f.contact ?? f.officer.name ?? f.agency.name} để được hướng dẫn.`,
    { align: 'justify' },
  );
  paragraph(doc, `Phiếu này được lập ${viDate(f.issuedAt)}.`);
  signatures(doc, [{ title: 'Người hướng dẫn', name: f.officer.name }]);
  return toBuffer(doc);
}
