/**
 * The electronic receipt (biên lai điện tử) of a fee paid online: an A5 PDF in the layout of the
 * one-stop forms (server/forms: Noto Sans embedded, Vietnamese time), stored in the blob store when
 * the payment settles and served from there, so it never changes once issued.
 */
import { formatVnd, vndInWords } from '@core/payment/money';
import { PAYMENT_METHOD_LABELS, type PaymentMethod } from '@core/payment/state';
import { viDateTime } from '../../forms/format';
import { createDoc, field, header, paragraph, title, toBuffer } from '../../forms/layout';

/** What a receipt prints. */
export interface ReceiptData {
  receiptNumber: string;
  issuedAt: number;
  agency: { parent: string | null; name: string };
  payer: { name: string; kind: 'citizen' | 'organisation'; idNumber: string };
  dossierCode: string | null;
  procedure: string;
  description: string;
  amount: number;
  method: PaymentMethod;
  /** The platform's name as shown to people (the simulator says so). */
  platform: string;
  transactionId: string | null;
  orderId: string | null;
  paidAt: number;
}

export const RECEIPT_TITLE = 'Biên lai thu phí, lệ phí';

/** Renders the receipt; `creationDate` fixed by the payment's instant so the same payment gives the same bytes. */
export async function renderReceipt(r: ReceiptData): Promise<Buffer> {
  const doc = createDoc({ size: 'A5', layout: 'portrait', title: `${RECEIPT_TITLE} ${r.receiptNumber}`, creationDate: new Date(r.issuedAt) });
  header(doc, { parent: r.agency.parent ?? undefined, agency: r.agency.name, number: r.receiptNumber, place: 'Hải Phòng', issuedAt: r.issuedAt });
  title(doc, RECEIPT_TITLE, '(Biên lai điện tử)');
  field(doc, 'Họ tên người nộp', r.payer.name);
  field(doc, r.payer.kind === 'citizen' ? 'Số định danh cá nhân' : 'Mã số thuế', r.payer.idNumber);
  field(doc, 'Mã hồ sơ', r.dossierCode ?? '(chưa cấp mã)');
  field(doc, 'Thủ tục hành chính', r.procedure);
  field(doc, 'Nội dung thu', r.description);
  field(doc, 'Số tiền', formatVnd(r.amount));
  field(doc, 'Bằng chữ', vndInWords(r.amount));
  field(doc, 'Hình thức thanh toán', `${PAYMENT_METHOD_LABELS[r.method].vi} — ${r.platform}`);
  if (r.transactionId) field(doc, 'Mã giao dịch', r.transactionId);
  if (r.orderId) field(doc, 'Mã đơn hàng', r.orderId);
  field(doc, 'Thời điểm thanh toán', viDateTime(r.paidAt));
  doc.moveDown(0.6);
  paragraph(doc, `Biên lai điện tử do Hệ thống thông tin giải quyết thủ tục hành chính lập tự động khi nhận được xác nhận thanh toán của ${r.platform}; có giá trị như biên lai giấy, không cần chữ ký tay.`, { align: 'justify' });
  return toBuffer(doc);
}
