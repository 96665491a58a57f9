/**
 * The board as a periodic reform report (Báo cáo tình hình thực hiện nhiệm vụ CCHC): the usual
 * heading block, a table per lead unit with counts and rates, the totals row, and a second sheet
 * listing the work that needs the head's attention.
 */
import ExcelJS from 'exceljs';
import type { BoardView } from '@core/reform/api';
import { ATTENTION_LABELS } from '@core/reform/board';
import { TASK_STATE_LABELS } from '@core/reform/state';

const THIN = { style: 'thin' } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const rate = (r: number | null) => (r === null ? '—' : `${r.toLocaleString('vi-VN')}%`);

export const REPORT_TITLE = 'BÁO CÁO TÌNH HÌNH THỰC HIỆN NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH';
export const UNIT_HEADERS = ['STT', 'Cơ quan, đơn vị chủ trì', 'Tổng số nhiệm vụ', 'Hoàn thành đúng hạn', 'Hoàn thành quá hạn', 'Quá hạn chưa hoàn thành', 'Đang thực hiện', 'Chưa thực hiện', 'Đã hủy', 'Tỷ lệ đúng hạn', 'Tỷ lệ quá hạn'] as const;

function heading(ws: ExcelJS.Worksheet, lastCol: number, board: BoardView, issuer: string) {
  const mid = Math.floor(lastCol / 2);
  ws.mergeCells(1, 1, 1, mid);
  ws.getCell(1, 1).value = 'ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG';
  ws.mergeCells(2, 1, 2, mid);
  ws.getCell(2, 1).value = issuer.toUpperCase();
  ws.mergeCells(1, mid + 1, 1, lastCol);
  ws.getCell(1, mid + 1).value = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
  ws.mergeCells(2, mid + 1, 2, lastCol);
  ws.getCell(2, mid + 1).value = 'Độc lập - Tự do - Hạnh phúc';
  for (const c of [ws.getCell(1, 1), ws.getCell(2, 1), ws.getCell(1, mid + 1), ws.getCell(2, mid + 1)]) c.font = { bold: true };
  ws.mergeCells(4, 1, 4, lastCol);
  ws.getCell(4, 1).value = REPORT_TITLE;
  ws.getCell(4, 1).font = { bold: true, size: 14 };
  ws.mergeCells(5, 1, 5, lastCol);
  ws.getCell(5, 1).value = `(Số liệu tính đến ngày ${dmy(board.asOf)}${board.scope ? ` — ${board.scope.name}` : ''})`;
  ws.getCell(5, 1).font = { italic: true };
  for (const r of [1, 2, 4, 5]) ws.getRow(r).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
}

/** The report workbook as bytes. */
export async function boardXlsx(board: BoardView, issuer = 'Văn phòng Ủy ban nhân dân thành phố'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'motcua';
  const ws = wb.addWorksheet('Tổng hợp', { pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  heading(ws, UNIT_HEADERS.length, board, issuer);
  ws.columns = UNIT_HEADERS.map((_, i) => ({ width: i === 0 ? 6 : i === 1 ? 42 : 14 }));
  const header = ws.getRow(7);
  header.values = [...UNIT_HEADERS];
  header.font = { bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  const line = (label: string | number, name: string, c: BoardView['totals']) => [label, name, c.total, c.completed_on_time, c.completed_late, c.overdue, c.in_progress, c.not_started, c.cancelled, rate(c.onTimeRate), rate(c.overdueRate)];
  for (const [i, u] of board.units.entries()) ws.addRow(line(i + 1, u.unit.name, u.counts));
  const total = ws.addRow(line('', 'Tổng cộng', board.totals));
  total.font = { bold: true };
  for (let r = 7; r <= ws.rowCount; r++) ws.getRow(r).eachCell({ includeEmpty: true }, (cell) => (cell.border = BORDER));
  ws.views = [{ state: 'frozen', ySplit: 7 }];

  const att = wb.addWorksheet('Cần chú ý', { pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const attHeaders = ['STT', 'Kế hoạch', 'Nội dung nhiệm vụ', 'Cơ quan chủ trì', 'Kỳ', 'Thời hạn', 'Tình trạng', 'Lý do cần chú ý'];
  heading(att, attHeaders.length, board, issuer);
  att.columns = [6, 16, 60, 30, 10, 12, 24, 30].map((width) => ({ width }));
  const ah = att.getRow(7);
  ah.values = attHeaders;
  ah.font = { bold: true };
  ah.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  board.attention.forEach((a, i) => {
    const row = att.addRow([i + 1, a.planNumber, a.content, a.lead.name, a.period === 'once' ? '' : a.period, dmy(a.due), TASK_STATE_LABELS[a.state].vi, ATTENTION_LABELS[a.reason].vi]);
    row.alignment = { vertical: 'top', wrapText: true };
  });
  for (let r = 7; r <= att.rowCount; r++) att.getRow(r).eachCell({ includeEmpty: true }, (cell) => (cell.border = BORDER));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
