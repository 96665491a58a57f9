import { describe, expect, it } from 'vitest';
import { extractSignature } from './signature';

/** A PDF-shaped buffer whose /Contents holds `der` zero-padded to `room` bytes, with a matching /ByteRange. */
function withContents(der: Buffer, room: number): Buffer {
  const contents = `<${der.toString('hex').padEnd(room * 2, '0')}>`;
  const head = '%PDF-1.4\n<< /Type /Sig /ByteRange [0 XXXXXXXXXX YYYYYYYYYY ZZZZZZZZZZ] /Contents ';
  const tail = ' >>\n%%EOF\n';
  const b = head.length;
  const c = b + contents.length;
  const d = tail.length;
  const fixed = head.replace('XXXXXXXXXX', String(b).padEnd(10, ' ')).replace('YYYYYYYYYY', String(c).padEnd(10, ' ')).replace('ZZZZZZZZZZ', String(d).padEnd(10, ' '));
  return Buffer.from(fixed + contents + tail, 'latin1');
}

describe('extractSignature', () => {
  it('keeps a signature whose last byte is 0x00 whole (the padding is cut at the DER length, not at the zeros)', () => {
    // SEQUENCE { INTEGER 0 }: ends with 0x00
    const der = Buffer.from('3003020100', 'hex');
    expect(extractSignature(withContents(der, 64))?.signature.toString('hex')).toBe('3003020100');
    // long-form length (0x82): 300 bytes of content, the last ones zero
    const long = Buffer.concat([Buffer.from('3082012c', 'hex'), Buffer.alloc(299, 0x11), Buffer.from([0])]);
    expect(extractSignature(withContents(long, 512))?.signature.equals(long)).toBe(true);
  });
});
