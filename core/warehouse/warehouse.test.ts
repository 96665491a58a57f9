import { describe, expect, it } from 'vitest';
import { digitiseBody, documentMetadata, vnToday } from './api';
import { DOCUMENT_TYPE_CATALOGUE, documentType } from './catalogue';
import { imageSize, pdfPageCount, qualityFacts, qualityIssues } from './quality';
import { documentStatus, isVerified, reuseEligibility } from './validity';

/** A PNG header declaring `w` × `h` pixels, ended as a PNG ends. */
const pngOf = (w: number, h: number) => {
  const b = Buffer.alloc(33);
  Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex').copy(b, 0);
  b.writeUInt32BE(w, 16);
  b.writeUInt32BE(h, 20);
  return Buffer.concat([b, Buffer.from('0000000049454e44ae426082', 'hex')]);
};

const base = { typeCode: 'GKS', number: '123/2020', issuer: 'UBND phường Lạch Tray', issuedOn: '2020-05-04', holderKind: 'citizen', holderId: '031085012345' };

describe('document-type catalogue', () => {
  it('has unique codes, names in both languages and holder kinds', () => {
    expect(new Set(DOCUMENT_TYPE_CATALOGUE.map((t) => t.code)).size).toBe(DOCUMENT_TYPE_CATALOGUE.length);
    expect(DOCUMENT_TYPE_CATALOGUE.length).toBeGreaterThanOrEqual(15);
    for (const t of DOCUMENT_TYPE_CATALOGUE) expect(t.holders.length).toBeGreaterThan(0);
    expect(documentType('GCNDKDN')?.holders).toEqual(['organisation']);
    expect(documentType('nope')).toBeUndefined();
  });
});

describe('document metadata', () => {
  it('accepts a valid CCCD holder and defaults the expiry to none', () => {
    expect(documentMetadata.parse(base)).toMatchObject({ holderId: '031085012345', expiresOn: null });
  });

  it('refuses a holder number that fails validation, with the identity code', () => {
    const r = documentMetadata.safeParse({ ...base, holderId: '999085012345' });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toEqual(['IDENTITY_CCCD_INVALID']);
    const org = documentMetadata.safeParse({ ...base, typeCode: 'GCNDKDN', holderKind: 'organisation', holderId: '0201234568' });
    expect(org.error?.issues.map((i) => i.message)).toEqual(['IDENTITY_TAX_CODE_INVALID']);
    expect(documentMetadata.safeParse({ ...base, typeCode: 'GCNDKDN', holderKind: 'organisation', holderId: '0201234569' }).success).toBe(true);
  });

  it('refuses a type the holder kind cannot hold, a missing expiry, and an expiry before issue', () => {
    expect(documentMetadata.safeParse({ ...base, holderKind: 'organisation', holderId: '0201234569' }).error?.issues.map((i) => i.message)).toEqual(['WAREHOUSE_HOLDER_KIND_NOT_ALLOWED']);
    expect(documentMetadata.safeParse({ ...base, typeCode: 'GPXD' }).error?.issues.map((i) => i.message)).toEqual(['WAREHOUSE_EXPIRY_REQUIRED']);
    expect(documentMetadata.safeParse({ ...base, typeCode: 'GPXD', expiresOn: '2019-01-01' }).error?.issues.map((i) => i.message)).toEqual(['WAREHOUSE_DATES_INVALID']);
    expect(documentMetadata.safeParse({ ...base, typeCode: 'XYZ' }).success).toBe(false);
  });

  it('names the digitised source', () => {
    expect(digitiseBody.safeParse({ source: { kind: 'file', fileId: '00000000-0000-4000-8000-000000000000' }, metadata: base }).success).toBe(true);
    expect(digitiseBody.safeParse({ source: { kind: 'paper' }, metadata: base }).success).toBe(false);
  });

  it('tells today in Vietnam (UTC+7)', () => {
    expect(vnToday(Date.parse('2026-11-30T17:30:00Z'))).toBe('2026-12-01');
  });
});

describe('validity and reuse', () => {
  const doc = { source: 'digitised' as const, expiresOn: '2027-01-31', verifiedAt: '2026-01-01T00:00:00Z', supersededBy: null, revokedAt: null, typeCode: 'GPXD' };

  it('is valid through its expiry day, then expired; revoked beats superseded beats expired', () => {
    expect(documentStatus(doc, '2027-01-31')).toBe('valid');
    expect(documentStatus(doc, '2027-02-01')).toBe('expired');
    expect(documentStatus({ ...doc, supersededBy: 'x' }, '2027-02-01')).toBe('superseded');
    expect(documentStatus({ ...doc, supersededBy: 'x', revokedAt: '2026-06-01' }, '2027-02-01')).toBe('revoked');
  });

  it('verified: e-results always, digitised copies once checked, self-provided never', () => {
    expect(isVerified({ source: 'e_result', verifiedAt: null })).toBe(true);
    expect(isVerified({ source: 'digitised', verifiedAt: null })).toBe(false);
    expect(isVerified({ source: 'self_provided', verifiedAt: '2026-01-01' })).toBe(false);
  });

  it('reuses only a valid, verified document of the same type', () => {
    expect(reuseEligibility(doc, 'GPXD', '2026-12-01')).toEqual({ ok: true });
    expect(reuseEligibility(doc, 'GPXD', '2027-02-01')).toEqual({ ok: false, reason: 'expired' });
    expect(reuseEligibility(doc, 'GKS', '2026-12-01')).toEqual({ ok: false, reason: 'wrong_type' });
    expect(reuseEligibility({ ...doc, verifiedAt: null }, 'GPXD', '2026-12-01')).toEqual({ ok: false, reason: 'not_verified' });
    expect(reuseEligibility({ ...doc, source: 'self_provided' }, 'GPXD', '2026-12-01')).toEqual({ ok: false, reason: 'not_verified' });
  });
});

describe('quality checks', () => {
  it('counts PDF pages and refuses a PDF without any', () => {
    const two = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Pages /Count 2 >> endobj 2 0 obj << /Type /Page >> endobj 3 0 obj << /Type/Page >> endobj\n%%EOF');
    expect(pdfPageCount(two)).toBe(2);
    expect(pdfPageCount(Buffer.from('%PDF-1.5 << /Type /Pages /Count 7 >> %%EOF'))).toBe(7);
    expect(qualityIssues(qualityFacts('application/pdf', two))).toEqual([]);
    expect(qualityIssues(qualityFacts('application/pdf', Buffer.from('%PDF-1.4 << /Type /Catalog >> %%EOF')))).toEqual(['pdf_no_pages']);
  });

  it('reads image sizes and refuses a scan below A5 at 150 dpi', () => {
    expect(imageSize('image/png', pngOf(1240, 1754))).toEqual({ width: 1240, height: 1754 });
    const jpeg = Buffer.from('ffd8ffe000104a46494600010100000100010000ffc0001108' + '06d8' + '04d8' + '03012200021101031101ffd9', 'hex');
    expect(imageSize('image/jpeg', jpeg)).toEqual({ width: 1240, height: 1752 });
    expect(qualityIssues(qualityFacts('image/png', pngOf(1754, 1240)))).toEqual([]);
    expect(qualityIssues(qualityFacts('image/png', pngOf(600, 800)))).toEqual(['image_resolution_low']);
    expect(qualityIssues(qualityFacts('image/jpeg', Buffer.from('ffd8ffd9', 'hex')))).toEqual(['image_size_unknown']);
  });
});
