/**
 * The index report as PDF, A4 landscape, in the layout of an administrative report: agency and
 * national motto, place and date, the title, period and unit, the tables (header rows repeated on
 * each page), the notes and the signature blocks. The one-stop forms' page furniture (server/forms).
 */
import { FONT } from '../../forms/fonts';
import { createDoc, frame, header, paragraph, signatures, title, toBuffer } from '../../forms/layout';
import { table } from '../../forms/table';
import { type IndexReport, REPORT_BASIS, REPORT_TITLE } from './export-table';

/** The report as PDF bytes. */
export async function indexReportPdf(report: IndexReport, now: number): Promise<Buffer> {
  const doc = createDoc({ size: 'A4', layout: 'landscape', title: `${REPORT_TITLE} ${REPORT_BASIS}`, creationDate: new Date(now) });
  header(doc, { agency: report.agency, numberSuffix: 'BC', place: 'Hải Phòng', issuedAt: now });
  title(doc, REPORT_TITLE, REPORT_BASIS);
  for (const line of report.lines) paragraph(doc, line, { align: 'center', gap: 0.1 });
  doc.moveDown(0.6);
  report.tables.forEach((t, i) => {
    // a table's heading never sits alone at the foot of a page
    if (i > 0 && doc.y > frame(doc).bottom - 80) doc.addPage();
    doc.font(FONT.bold).text(t.heading, frame(doc).left, doc.y);
    doc.font(FONT.regular).moveDown(0.3);
    table(
      doc,
      t.columns.map((c) => ({ header: c.header, weight: c.weight, align: c.align })),
      t.rows.map((row) => row.map((c) => c.text)),
      { fontSize: 6.5 },
    );
  });
  for (const note of report.notes) paragraph(doc, `- ${note}`, { gap: 0.1 });
  signatures(doc, [
    { title: 'Người lập biểu', note: '(Ký, ghi rõ họ tên)' },
    { title: 'Thủ trưởng cơ quan, đơn vị', note: '(Ký, ghi rõ họ tên, đóng dấu)' },
  ]);
  return toBuffer(doc);
}
