/** The catalogue of document types the warehouse keeps (data): who may hold each, whether it expires, whether sharing needs the holder's consent. */

/** Who holds a document: a person (CCCD) or an organisation (tax code) — the same kinds as a dossier's applicant. */
export const HOLDER_KINDS = ['citizen', 'organisation'] as const;
export type HolderKind = (typeof HOLDER_KINDS)[number];

export interface DocumentTypeEntry {
  code: string;
  vi: string;
  en: string;
  holders: readonly HolderKind[];
  /** True when the document carries an expiry date (a permit, an ID card); false when it is valid until replaced. */
  expires: boolean;
  /** True when another agency may read or receive it only with the holder's grant (personal or sensitive data). */
  consentRequired: boolean;
}

export const DOCUMENT_TYPE_CATALOGUE = [
  { code: 'GKS', vi: 'Giấy khai sinh', en: 'Birth certificate', holders: ['citizen'], expires: false, consentRequired: false },
  { code: 'CCCD', vi: 'Thẻ căn cước công dân', en: 'Citizen identity card', holders: ['citizen'], expires: true, consentRequired: false },
  { code: 'GCNKH', vi: 'Giấy chứng nhận kết hôn', en: 'Marriage certificate', holders: ['citizen'], expires: false, consentRequired: true },
  { code: 'GXNTTHN', vi: 'Giấy xác nhận tình trạng hôn nhân', en: 'Certificate of marital status', holders: ['citizen'], expires: true, consentRequired: true },
  { code: 'GCT', vi: 'Giấy chứng tử', en: 'Death certificate', holders: ['citizen'], expires: false, consentRequired: false },
  { code: 'LLTP', vi: 'Phiếu lý lịch tư pháp', en: 'Judicial record certificate', holders: ['citizen'], expires: true, consentRequired: true },
  { code: 'GCNDKHKD', vi: 'Giấy chứng nhận đăng ký hộ kinh doanh', en: 'Household business registration certificate', holders: ['citizen', 'organisation'], expires: false, consentRequired: false },
  { code: 'GCNDKDN', vi: 'Giấy chứng nhận đăng ký doanh nghiệp', en: 'Enterprise registration certificate', holders: ['organisation'], expires: false, consentRequired: false },
  { code: 'GPXD', vi: 'Giấy phép xây dựng', en: 'Construction permit', holders: ['citizen', 'organisation'], expires: true, consentRequired: false },
  { code: 'GCNQSDD', vi: 'Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất', en: 'Land-use right and house ownership certificate', holders: ['citizen', 'organisation'], expires: false, consentRequired: true },
  { code: 'GPLX', vi: 'Giấy phép lái xe', en: 'Driving licence', holders: ['citizen'], expires: true, consentRequired: false },
  { code: 'BTN', vi: 'Bằng tốt nghiệp', en: 'Graduation diploma', holders: ['citizen'], expires: false, consentRequired: false },
  { code: 'GCNATTP', vi: 'Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm', en: 'Food-safety eligibility certificate', holders: ['citizen', 'organisation'], expires: true, consentRequired: false },
  { code: 'GPKDRUOU', vi: 'Giấy phép bán lẻ sản phẩm rượu', en: 'Alcohol retail licence', holders: ['citizen', 'organisation'], expires: true, consentRequired: false },
  { code: 'GCNSKHE', vi: 'Giấy chứng nhận sức khỏe', en: 'Health certificate', holders: ['citizen'], expires: true, consentRequired: true },
  { code: 'TK_CTHUC', vi: 'Văn bản chứng thực (bản sao từ bản chính)', en: 'Certified copy', holders: ['citizen', 'organisation'], expires: false, consentRequired: true },
] as const satisfies readonly DocumentTypeEntry[];

export type DocumentTypeCode = (typeof DOCUMENT_TYPE_CATALOGUE)[number]['code'];
export const DOCUMENT_TYPE_CODES = DOCUMENT_TYPE_CATALOGUE.map((t) => t.code) as unknown as readonly [DocumentTypeCode, ...DocumentTypeCode[]];

/** The catalogue entry of a code, or undefined. */
export function documentType(code: string): DocumentTypeEntry | undefined {
  return (DOCUMENT_TYPE_CATALOGUE as readonly DocumentTypeEntry[]).find((t) => t.code === code);
}
