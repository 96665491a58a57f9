/**
 * The e-result PDF (docs/results.md): an A4 page made with pdfkit that states the result code, the
 * issuer, the dossier, the masked holder and the SHA-256 of the result document, with a QR code of
 * the verification address, and that carries the uploaded result document itself as an embedded
 * file; then a PDF digital signature (PKCS#7 detached, adbe.pkcs7.detached) by the issuing unit's
 * key over the whole file, which standard PDF readers check.
 */
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { P12Signer } from '@signpdf/signer-p12';
// the named export: under Node's own ESM loader (tsx, `npm start`) the default import is the CommonJS
// `exports` object, whose `.sign` is undefined; only vitest unwraps it
import { SignPdf } from '@signpdf/signpdf';
import { FONT } from '../../forms/fonts';
import { viDateTime } from '../../forms/format';
import { createDoc, field, frame, header, paragraph, title, toBuffer } from '../../forms/layout';
import { drawQr } from '../../forms/qr';
import type { UnitSigner } from './ca';

/** What the e-result page states. */
export interface EresultContent {
  code: string;
  verifyUrl: string;
  issuer: { code: string; name: string };
  dossierCode: string;
  documentType: string;
  holderMasked: string;
  issuedAt: number;
  source: { sha256: string; filename: string; bytes: Buffer };
  supersedes: string | null;
}

/** Room for the PKCS#7 (two 2048-bit certificates, the signature and attributes are about 3 KB). */
const SIGNATURE_BYTES = 8192;

/** The unsigned e-result PDF. */
export function renderEresult(c: EresultContent): Promise<Buffer> {
  const doc = createDoc({ size: 'A4', layout: 'portrait', title: `Kết quả điện tử ${c.code}`, creationDate: new Date(c.issuedAt) });
  header(doc, { agency: c.issuer.name, number: c.code, place: 'Hải Phòng', issuedAt: c.issuedAt });
  title(doc, 'Kết quả giải quyết thủ tục hành chính điện tử', 'Bản điện tử có chữ ký số của cơ quan giải quyết');
  field(doc, 'Mã kết quả', c.code);
  field(doc, 'Mã hồ sơ', c.dossierCode);
  field(doc, 'Loại văn bản', c.documentType);
  field(doc, 'Người nhận kết quả', c.holderMasked);
  field(doc, 'Cơ quan ban hành', `${c.issuer.name} (${c.issuer.code})`);
  field(doc, 'Thời điểm ban hành', viDateTime(c.issuedAt));
  field(doc, 'Văn bản kết quả (tệp đính kèm)', c.source.filename);
  field(doc, 'Mã băm SHA-256 của văn bản kết quả', c.source.sha256);
  if (c.supersedes) field(doc, 'Thay thế kết quả', c.supersedes);
  doc.moveDown(0.5);
  paragraph(doc, `Văn bản kết quả được đính kèm trong tệp PDF này. Kiểm tra tính xác thực tại ${c.verifyUrl} hoặc quét mã QR.`);
  const { left } = frame(doc);
  const y = doc.y + 8;
  drawQr(doc, c.verifyUrl, left, y, 110);
  doc.font(FONT.italic).fontSize(8).text('Electronic result with the digital signature of the issuing agency. Verify it at the address in the QR code.', left + 124, y + 20, { width: 300 });
  doc.file(c.source.bytes, { name: c.source.filename, type: 'application/pdf', description: 'Văn bản kết quả giải quyết' });
  return toBuffer(doc);
}

/** Signs a pdfkit-made PDF with the unit's key: a placeholder appended as an incremental update, then the PKCS#7. */
export async function signPdf(pdf: Buffer, signer: UnitSigner, meta: { reason: string; location: string; at: Date }): Promise<Buffer> {
  const prepared = plainAddPlaceholder({
    pdfBuffer: pdf,
    reason: meta.reason,
    contactInfo: '',
    name: signer.commonName,
    location: meta.location,
    signingTime: meta.at,
    signatureLength: SIGNATURE_BYTES,
    appName: 'motcua',
  });
  return new SignPdf().sign(prepared, new P12Signer(signer.p12, { passphrase: signer.passphrase }), meta.at);
}
