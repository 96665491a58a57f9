/**
 * Which warehouse document type a procedure's result is (data): an issued e-result of such a
 * procedure is filed in the holder's warehouse under that type. Only procedures whose result is
 * held by the applicant themselves are listed (a birth certificate belongs to the child, not to
 * the parent who applied, so 1.001193 is not). `validMonths` gives the expiry of a type that
 * expires: both listed papers are accepted for six months from issue in practice.
 */
import type { DocumentTypeCode } from './catalogue';

export interface ResultDocumentType {
  typeCode: DocumentTypeCode;
  /** Months from the issue day to the expiry day; null when the type does not expire. */
  validMonths: number | null;
}

export const RESULT_DOCUMENT_TYPES: Readonly<Record<string, ResultDocumentType>> = {
  /** Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam… → Phiếu lý lịch tư pháp. */
  '2.000488': { typeCode: 'LLTP', validMonths: 6 },
  /** Cấp Giấy xác nhận tình trạng hôn nhân → Giấy xác nhận tình trạng hôn nhân (giá trị 6 tháng). */
  '1.004873': { typeCode: 'GXNTTHN', validMonths: 6 },
};

/** The warehouse type of a procedure's result, or undefined when its result is not filed. */
export function resultDocumentType(procedureCode: string): ResultDocumentType | undefined {
  return RESULT_DOCUMENT_TYPES[procedureCode];
}

/** `YYYY-MM-DD` plus whole months (the day clamped to the month's end). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
