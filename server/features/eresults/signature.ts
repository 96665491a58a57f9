/**
 * Checks the PDF digital signature of an e-result, independently of the library that made it:
 * the last signature's /ByteRange must cover the whole file except its /Contents, the PKCS#7
 * (SignedData, detached) must carry a messageDigest equal to the SHA-256 of those bytes, its
 * signature over the signed attributes must verify with the signer certificate's key, and that
 * certificate must be issued by our CA. forge parses the PKCS#7; node:crypto verifies.
 */
import { createHash, createVerify } from 'node:crypto';
import forge from 'node-forge';
import { commonName } from './ca';

/** The outcome of a signature check. */
export type SignatureCheck =
  | { ok: true; signer: { commonName: string; serial: string } }
  | { ok: false; problem: 'no_signature' | 'signature_invalid' | 'content_modified' | 'untrusted_signer'; signer: { commonName: string; serial: string } | null };

/** The signed ranges and the signature bytes of the last signature of a PDF, or null. */
export function extractSignature(pdf: Buffer): { byteRange: [number, number, number, number]; signature: Buffer } | null {
  const text = pdf.toString('latin1');
  const re = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;
  let last: RegExpExecArray | null = null;
  for (let m = re.exec(text); m; m = re.exec(text)) last = m;
  if (!last) return null;
  const byteRange = [Number(last[1]), Number(last[2]), Number(last[3]), Number(last[4])] as [number, number, number, number];
  const [a, b, c, d] = byteRange;
  if (a !== 0 || b <= 0 || c <= b + 2 || c + d !== pdf.length) return { byteRange, signature: Buffer.alloc(0) };
  const contents = text.slice(b, c);
  if (!/^<[0-9a-fA-F]*>$/.test(contents)) return { byteRange, signature: Buffer.alloc(0) };
  const hex = contents.slice(1, -1);
  const padded = Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex');
  // the placeholder is zero-padded: cut at the DER's own length (stripping trailing zeros would also
  // cut a signature whose last byte is 0x00, about one in 256)
  return { byteRange, signature: padded.subarray(0, derLength(padded)) };
}

/** The length of the DER element at the start of `der` (all of it when its header is not one). */
function derLength(der: Buffer): number {
  const first = der[1];
  if (first === undefined) return der.length;
  if (first < 0x80) return Math.min(der.length, 2 + first);
  const n = first & 0x7f;
  if (n === 0 || n > 4 || der.length < 2 + n) return der.length;
  let length = 0;
  for (let i = 0; i < n; i++) length = length * 256 + (der[2 + i] as number);
  return Math.min(der.length, 2 + n + length);
}

/** Verifies the PDF's signature against the CA certificate. */
export function checkSignature(pdf: Buffer, ca: forge.pki.Certificate): SignatureCheck {
  const found = extractSignature(pdf);
  if (!found) return { ok: false, problem: 'no_signature', signer: null };
  const [, b, c, d] = found.byteRange;
  if (found.signature.length === 0) return { ok: false, problem: 'signature_invalid', signer: null };
  let message: forge.pkcs7.PkcsSignedData;
  try {
    message = forge.pkcs7.messageFromAsn1(forge.asn1.fromDer(found.signature.toString('binary'))) as forge.pkcs7.PkcsSignedData;
  } catch {
    return { ok: false, problem: 'signature_invalid', signer: null };
  }
  const raw = (message as unknown as { rawCapture: { signature: string; authenticatedAttributes?: forge.asn1.Asn1[]; serial: string } }).rawCapture;
  const serialHex = forge.util.bytesToHex(raw.serial ?? '').replace(/^0+/, '');
  const cert = message.certificates.find((x) => x.serialNumber.replace(/^0+/, '') === serialHex);
  if (!cert) return { ok: false, problem: 'signature_invalid', signer: null };
  const signer = { commonName: commonName(cert), serial: cert.serialNumber };
  const attrs = raw.authenticatedAttributes;
  if (!attrs) return { ok: false, problem: 'signature_invalid', signer };

  // the signature over the DER of the signed attributes (re-tagged as a SET)
  const set = forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.SET, true, attrs);
  const signedAttrs = Buffer.from(forge.asn1.toDer(set).getBytes(), 'binary');
  const verifier = createVerify('sha256');
  verifier.update(signedAttrs);
  let signatureOk = false;
  try {
    signatureOk = verifier.verify(forge.pki.publicKeyToPem(cert.publicKey), Buffer.from(raw.signature, 'binary'));
  } catch {
    signatureOk = false;
  }
  if (!signatureOk) return { ok: false, problem: 'signature_invalid', signer };

  // the digest it signed must be the digest of the signed byte ranges
  const digestAttr = attrs.find((attr) => {
    const parts = attr.value as forge.asn1.Asn1[];
    return forge.asn1.derToOid(parts[0]?.value as string) === forge.pki.oids.messageDigest;
  });
  const signedDigest = ((digestAttr?.value as forge.asn1.Asn1[] | undefined)?.[1]?.value as forge.asn1.Asn1[] | undefined)?.[0]?.value;
  const actual = createHash('sha256').update(pdf.subarray(0, b)).update(pdf.subarray(c, c + d)).digest('binary');
  if (typeof signedDigest !== 'string' || signedDigest !== actual) return { ok: false, problem: 'content_modified', signer };

  // and the signer must hold a certificate of our CA, valid now
  let trusted = false;
  try {
    const now = new Date();
    trusted = ca.verify(cert) && cert.validity.notBefore <= now && now <= cert.validity.notAfter;
  } catch {
    trusted = false;
  }
  if (!trusted) return { ok: false, problem: 'untrusted_signer', signer };
  return { ok: true, signer };
}
