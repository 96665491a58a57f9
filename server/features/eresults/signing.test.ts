import { createHash, createVerify } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import forge from 'node-forge';
import { beforeAll, describe, expect, it } from 'vitest';
import { PDF } from '../../../tests/support/dossiers';
import { pdfTextRuns } from '../../../tests/support/pdf-text';
import { SigningAuthority } from './ca';
import { renderEresult, signPdf } from './pdf';
import { checkSignature } from './signature';

describe('e-result signing', () => {
  let ca: SigningAuthority;
  let signed: Buffer;
  let PDF_PAGE: Buffer;

  beforeAll(async () => {
    ca = new SigningAuthority({ caDir: path.join(mkdtempSync(path.join(os.tmpdir(), 'motcua-ca-')), 'ca'), caP12: null, unitP12Dir: null, verifyRateLimit: 60 });
    const signer = ca.unit({ code: '000.01.03.H26', name: 'Phòng Hành chính tư pháp' });
    const pdf = await renderEresult({
      code: 'X-KQ1',
      verifyUrl: 'http://localhost/xac-minh/X-KQ1',
      issuer: { code: '000.01.03.H26', name: 'Phòng Hành chính tư pháp' },
      dossierCode: 'X',
      documentType: 'Phiếu lý lịch tư pháp',
      holderMasked: 'N***** V** A*',
      issuedAt: Date.UTC(2026, 11, 1, 3),
      source: { sha256: createHash('sha256').update(PDF).digest('hex'), filename: 'ket-qua.pdf', bytes: PDF },
      supersedes: null,
    });
    PDF_PAGE = pdf;
    signed = await signPdf(pdf, signer, { reason: 'X-KQ1', location: 'Hải Phòng', at: new Date(Date.UTC(2026, 11, 1, 3)) });
  });

  it('is a PKCS#7 detached signature over the whole file but its /Contents, by a certificate of our CA (checked here without the app verifier)', () => {
    const text = signed.toString('latin1');
    const m = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(text);
    expect(m).not.toBeNull();
    const [a, b, c, d] = (m as RegExpExecArray).slice(1, 5).map(Number) as [number, number, number, number];
    expect(a).toBe(0);
    expect(c + d).toBe(signed.length);
    // the /Contents hex is zero-padded: parse the DER value and ignore what follows it (a signature may
    // itself end in 00); forge 1.x takes an options object here, which @types/node-forge does not know yet
    const hex = text.slice(b + 1, c - 1);
    const p7 = forge.pkcs7.messageFromAsn1(forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(hex, 'hex').toString('binary')), { parseAllBytes: false } as unknown as boolean)) as forge.pkcs7.PkcsSignedData;
    const raw = (p7 as unknown as { rawCapture: { content?: unknown; signature: string; authenticatedAttributes: forge.asn1.Asn1[] } }).rawCapture;
    expect(raw.content).toBeUndefined(); // detached
    const unitCert = p7.certificates.find((x) => x.issuer.hash !== x.subject.hash);
    expect(unitCert).toBeDefined();
    expect(ca.authority().cert.verify(unitCert as forge.pki.Certificate)).toBe(true);
    const digestAttr = raw.authenticatedAttributes.find((x) => forge.asn1.derToOid((x.value as forge.asn1.Asn1[])[0]?.value as string) === forge.pki.oids.messageDigest);
    expect(digestAttr).toBeDefined();
    const valueSet = ((digestAttr as forge.asn1.Asn1).value as forge.asn1.Asn1[])[1] as forge.asn1.Asn1;
    const signedDigest = (valueSet.value as forge.asn1.Asn1[])[0]?.value as string;
    const expected = createHash('sha256').update(signed.subarray(0, b)).update(signed.subarray(c)).digest('binary');
    expect(Buffer.from(signedDigest, 'binary').toString('hex')).toBe(Buffer.from(expected, 'binary').toString('hex'));
    const set = forge.asn1.toDer(forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.SET, true, raw.authenticatedAttributes)).getBytes();
    const v = createVerify('sha256');
    v.update(Buffer.from(set, 'binary'));
    expect(v.verify(forge.pki.publicKeyToPem((unitCert as forge.pki.Certificate).publicKey), Buffer.from(raw.signature, 'binary'))).toBe(true);
    expect(text).toContain('/SubFilter /adbe.pkcs7.detached');
  });

  it('states the result code, the masked holder and the document’s SHA-256 in Vietnamese, and carries the document', () => {
    const text = pdfTextRuns(signed).join(' ');
    for (const expected of ['KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH ĐIỆN TỬ', 'X-KQ1', 'N***** V** A*', 'Phiếu lý lịch tư pháp', createHash('sha256').update(PDF).digest('hex')]) expect(text).toContain(expected);
    expect(signed.toString('latin1')).toContain('/EmbeddedFiles');
  });

  it('the app verifier accepts it and refuses any one-byte change', () => {
    const good = checkSignature(signed, ca.authority().cert);
    expect(good).toMatchObject({ ok: true, signer: { commonName: 'Phòng Hành chính tư pháp' } });
    const m = /\/ByteRange\s*\[\s*0\s+(\d+)\s+(\d+)/.exec(signed.toString('latin1')) as RegExpExecArray;
    for (const at of [200, Math.floor(signed.length / 2), Number(m[1]) + 40, signed.length - 10]) {
      const bad = Buffer.from(signed);
      bad[at] = (bad[at] ?? 0) ^ 0x01;
      expect(checkSignature(bad, ca.authority().cert).ok, `byte ${at}`).toBe(false);
    }
  });

  it('refuses bytes appended after signing (an incremental update the signature does not cover)', () => {
    const appended = Buffer.concat([signed, Buffer.from('\n1 0 obj\n<< >>\nendobj\n%%EOF\n', 'latin1')]);
    expect(checkSignature(appended, ca.authority().cert)).toMatchObject({ ok: false, problem: 'signature_invalid' });
  });

  it('keeps the keys under the data folder, readable by the owner only', async () => {
    const { statSync, readdirSync } = await import('node:fs');
    const dir = (ca as unknown as { config: { caDir: string } }).config.caDir;
    for (const f of ['ca.key.pem', 'ca.cert.pem']) expect(statSync(path.join(dir, f)).mode & 0o777).toBe(0o600);
    const units = readdirSync(path.join(dir, 'units'));
    expect(units.sort()).toEqual(['000.01.03.H26.cert.pem', '000.01.03.H26.key.pem']);
    for (const f of units) expect(statSync(path.join(dir, 'units', f)).mode & 0o777).toBe(0o600);
    // a second authority on the same folder reuses the same CA
    const again = new SigningAuthority({ caDir: dir, caP12: null, unitP12Dir: null, verifyRateLimit: 60 });
    expect(again.authority().cert.serialNumber).toBe(ca.authority().cert.serialNumber);
    expect(again.unit({ code: '000.01.03.H26', name: 'Phòng Hành chính tư pháp' }).certSerial).toBe(ca.unit({ code: '000.01.03.H26', name: 'x' }).certSerial);
  });

  it('signs with an imported CA (PKCS#12, production) and verifies against it', async () => {
    const { writeFileSync } = await import('node:fs');
    const root = mkdtempSync(path.join(os.tmpdir(), 'motcua-ca-'));
    const made = ca.authority();
    const file = path.join(root, 'ca.p12');
    const der = forge.asn1.toDer(forge.pkcs12.toPkcs12Asn1(made.key as forge.pki.rsa.PrivateKey, [made.cert], 'mật khẩu', { algorithm: '3des' })).getBytes();
    writeFileSync(file, Buffer.from(der, 'binary'));
    const imported = new SigningAuthority({ caDir: path.join(root, 'generated'), caP12: { file, passphrase: 'mật khẩu' }, unitP12Dir: null, verifyRateLimit: 60 });
    expect(imported.authority().cert.serialNumber).toBe(made.cert.serialNumber);
    const pdf = await signPdf(PDF_PAGE, imported.unit({ code: 'U1', name: 'Đơn vị nhập khẩu' }), { reason: 'r', location: 'Hải Phòng', at: new Date() });
    expect(checkSignature(pdf, made.cert)).toMatchObject({ ok: true, signer: { commonName: 'Đơn vị nhập khẩu' } });
  });

  it('prefers an imported unit PKCS#12 (its key and certificate, whatever the order of the bags)', async () => {
    const { mkdirSync, writeFileSync } = await import('node:fs');
    const root = mkdtempSync(path.join(os.tmpdir(), 'motcua-ca-'));
    const issued = ca.unit({ code: 'U2', name: 'Đơn vị hai' });
    mkdirSync(path.join(root, 'units'));
    writeFileSync(path.join(root, 'units', 'U2.p12'), issued.p12);
    const imported = new SigningAuthority({ caDir: path.join(root, 'generated'), caP12: null, unitP12Dir: { dir: path.join(root, 'units'), passphrase: issued.passphrase }, verifyRateLimit: 60 });
    const signer = imported.unit({ code: 'U2', name: 'ignored' });
    expect(signer.certSerial).toBe(issued.certSerial);
    const pdf = await signPdf(PDF_PAGE, signer, { reason: 'r', location: 'Hải Phòng', at: new Date() });
    expect(checkSignature(pdf, ca.authority().cert)).toMatchObject({ ok: true, signer: { commonName: 'Đơn vị hai', serial: issued.certSerial } });
  });

  it('refuses a signature by another CA', () => {
    const other = new SigningAuthority({ caDir: path.join(mkdtempSync(path.join(os.tmpdir(), 'motcua-ca-')), 'ca'), caP12: null, unitP12Dir: null, verifyRateLimit: 60 });
    expect(checkSignature(signed, other.authority().cert)).toMatchObject({ ok: false, problem: 'untrusted_signer' });
    expect(checkSignature(PDF, other.authority().cert)).toMatchObject({ ok: false, problem: 'no_signature' });
  });
});
