/** Mẫu 05: Phiếu kiểm soát quá trình giải quyết hồ sơ (control slip), A5: one row per hand-over. */
import { FORM_TITLES } from '@core/dossier';
import { type Form05Data, form05Schema, type STEP_OUTCOMES } from '@core/dossier/forms';
import { shortDateTime } from './format';
import { b, createDoc, field, header, paragraph, title, toBuffer } from './layout';
import { table } from './table';

const OUTCOME: Record<(typeof STEP_OUTCOMES)[number], string> = { early: 'Trước hạn', on_time: 'Đúng hạn', late: 'Quá hạn' };

/** Renders the control slip of a dossier. */
export async function renderForm05(data: Form05Data): Promise<Buffer> {
  const f = form05Schema.parse(data);
  const doc = createDoc({ size: 'A5', layout: 'portrait', title: FORM_TITLES.mau_05.vi, creationDate: f.creationDate });
  header(doc, { parent: f.agency.parent, agency: f.agency.name, number: f.number, place: f.agency.place, issuedAt: f.issuedAt });
  title(doc, FORM_TITLES.mau_05.vi, `Mã hồ sơ: ${f.dossierCode}`);
  field(doc, 'Người nộp hồ sơ', f.applicant.name);
  paragraph(doc, ['Thủ tục: ', b(f.procedure.name)], { gap: 0.15 });
  field(doc, 'Cơ quan (bộ phận) giải quyết hồ sơ', f.processingUnit);
  if (f.coordinatingUnits.length > 0) field(doc, 'Cơ quan phối hợp giải quyết hồ sơ', f.coordinatingUnits.join('; '));
  doc.moveDown(0.3);
  table(
    doc,
    [
      { header: 'TT', weight: 1.2, align: 'center' },
      { header: 'Giao', weight: 5 },
      { header: 'Nhận', weight: 5 },
      { header: 'Thời gian giao, nhận', weight: 4, align: 'center' },
      { header: 'Hạn xử lý bước', weight: 4, align: 'center' },
      { header: 'Kết quả', weight: 3.2, align: 'center' },
    ],
    f.rows.map((r, i) => [
      String(i + 1),
      r.giver,
      r.receiver,
      shortDateTime(r.at),
      shortDateTime(r.stepDueAt),
      [r.outcome ? OUTCOME[r.outcome] : '', r.note ?? ''].filter(Boolean).join('\n'),
    ]),
    { fontSize: 7.5 },
  );
  paragraph(doc, 'Người giao và người nhận ký xác nhận vào bản giấy khi giao, nhận hồ sơ; kết quả ghi Trước hạn, Đúng hạn hoặc Quá hạn so với hạn xử lý của bước.', {
    gap: 0,
  });
  return toBuffer(doc);
}
