/** The summary board as a workbook: Báo cáo kết quả rà soát, đơn giản hóa thủ tục hành chính nội bộ. */
import ExcelJS from 'exceljs';
import type { SummaryView } from '@core/internal-procedures/api';

const THIN = { style: 'thin' } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const pct = (r: number | null) => (r === null ? '—' : `${r.toLocaleString('vi-VN')}%`);

export const SUMMARY_TITLE = 'BÁO CÁO KẾT QUẢ RÀ SOÁT, ĐƠN GIẢN HÓA THỦ TỤC HÀNH CHÍNH NỘI BỘ';
export const SUMMARY_HEADERS = ['STT', 'Cơ quan, đơn vị', 'Số TTHC nội bộ', 'Đã rà soát', 'Đã đơn giản hóa', 'Tỷ lệ đơn giản hóa', 'Chi phí tuân thủ trước (đồng/năm)', 'Chi phí tuân thủ sau (đồng/năm)', 'Chi phí cắt giảm (đồng/năm)', 'Tỷ lệ cắt giảm', 'Đạt chỉ tiêu'] as const;

/** The workbook as bytes; money cells are numbers formatted `#,##0`. */
export async function summaryXlsx(s: SummaryView, asOf: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'motcua';
  const ws = wb.addWorksheet('Tổng hợp', { pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const last = SUMMARY_HEADERS.length;
  ws.mergeCells(1, 1, 1, last);
  ws.getCell(1, 1).value = SUMMARY_TITLE;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.mergeCells(2, 1, 2, last);
  ws.getCell(2, 1).value = `(Theo Quyết định số 1085/QĐ-TTg; chỉ tiêu: đơn giản hóa ≥ ${s.target.proceduresPercent}% số TTHC đã rà soát và cắt giảm ≥ ${s.target.costPercent}% chi phí tuân thủ; số liệu ngày ${asOf})`;
  ws.getCell(2, 1).font = { italic: true };
  for (const r of [1, 2]) ws.getRow(r).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  ws.columns = SUMMARY_HEADERS.map((_, i) => ({ width: i === 0 ? 6 : i === 1 ? 40 : 16 }));
  const header = ws.getRow(4);
  header.values = [...SUMMARY_HEADERS];
  header.font = { bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  const line = (label: string | number, name: string, registered: number, p: SummaryView['city']) => [label, name, registered, p.reviewed, p.simplified, pct(p.simplifiedPercent), p.costBefore, p.costAfter, p.cut, pct(p.cutPercent), p.targetMet ? 'Đạt' : 'Chưa đạt'];
  for (const [i, u] of s.units.entries()) ws.addRow(line(i + 1, u.unit.name, u.registered, u.progress));
  ws.addRow(line('', 'Toàn thành phố', s.registered, s.city)).font = { bold: true };
  for (const c of [7, 8, 9]) ws.getColumn(c).numFmt = '#,##0';
  for (let r = 4; r <= ws.rowCount; r++) ws.getRow(r).eachCell({ includeEmpty: true }, (cell) => (cell.border = BORDER));
  ws.views = [{ state: 'frozen', ySplit: 4 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
