/** The board as a printable periodic reform report (PDF, A4 landscape, embedded Noto Sans as server/forms does). */
import { parseInstant } from '@core/calendar/time';
import type { BoardView } from '@core/reform/api';
import { ATTENTION_LABELS } from '@core/reform/board';
import { TASK_STATE_LABELS } from '@core/reform/state';
import { createDoc, header, paragraph, title, toBuffer } from '../../forms/layout';
import { table } from '../../forms/table';
import { REPORT_TITLE, UNIT_HEADERS } from './export';

const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const rate = (r: number | null) => (r === null ? '—' : `${r.toLocaleString('vi-VN')}%`);

/** The report's bytes: heading, the table per lead unit with the totals row, the attention list. */
export async function boardPdf(board: BoardView, issuer = 'Văn phòng Ủy ban nhân dân thành phố'): Promise<Buffer> {
  const asOf = parseInstant(board.asOf);
  const doc = createDoc({ size: 'A4', layout: 'landscape', title: REPORT_TITLE, creationDate: new Date(asOf) });
  header(doc, { parent: 'Ủy ban nhân dân thành phố Hải Phòng', agency: issuer, place: 'Hải Phòng', issuedAt: asOf });
  title(doc, REPORT_TITLE, `(Số liệu tính đến ngày ${dmy(board.asOf)}${board.scope ? ` — ${board.scope.name}` : ''})`);
  paragraph(doc, 'I. KẾT QUẢ THỰC HIỆN THEO CƠ QUAN, ĐƠN VỊ CHỦ TRÌ', { gap: 0.4 });
  const line = (label: string, name: string, c: BoardView['totals']) => [label, name, ...[c.total, c.completed_on_time, c.completed_late, c.overdue, c.in_progress, c.not_started, c.cancelled].map(String), rate(c.onTimeRate), rate(c.overdueRate)];
  table(
    doc,
    UNIT_HEADERS.map((h, i) => ({ header: h, weight: i === 1 ? 5 : 1.2, align: i === 1 ? ('left' as const) : ('center' as const) })),
    [...board.units.map((u, i) => line(String(i + 1), u.unit.name, u.counts)), line('', 'Tổng cộng', board.totals)],
  );
  doc.moveDown(1);
  paragraph(doc, 'II. NHIỆM VỤ CẦN NGƯỜI ĐỨNG ĐẦU CHÚ Ý', { gap: 0.4 });
  if (board.attention.length === 0) paragraph(doc, 'Không có nhiệm vụ nào cần chú ý.');
  else
    table(
      doc,
      [
        { header: 'STT', weight: 0.6, align: 'center' },
        { header: 'Kế hoạch', weight: 1.4 },
        { header: 'Nội dung nhiệm vụ', weight: 5 },
        { header: 'Cơ quan chủ trì', weight: 2.4 },
        { header: 'Thời hạn', weight: 1.2, align: 'center' },
        { header: 'Tình trạng', weight: 2 },
        { header: 'Lý do', weight: 2 },
      ],
      board.attention.map((a, i) => [String(i + 1), a.planNumber, a.period === 'once' ? a.content : `${a.content} (kỳ ${a.period})`, a.lead.name, dmy(a.due), TASK_STATE_LABELS[a.state].vi, ATTENTION_LABELS[a.reason].vi]),
    );
  return toBuffer(doc);
}
