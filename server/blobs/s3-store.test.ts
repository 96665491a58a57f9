import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { S3BlobStore, signV4 } from './s3-store';

describe('AWS Signature Version 4', () => {
  it('signs the S3 documentation’s GET example to its published signature', () => {
    // "Example: GET Object" of the Amazon S3 API reference (Authenticating Requests, header-based)
    const auth = signV4({
      method: 'GET',
      path: '/test.txt',
      headers: { host: 'examplebucket.s3.amazonaws.com', range: 'bytes=0-9', 'x-amz-content-sha256': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 'x-amz-date': '20130524T000000Z' },
      payloadHash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      region: 'us-east-1',
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      amzDate: '20130524T000000Z',
    });
    expect(auth).toBe('AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41');
  });
});

describe('S3BlobStore against an in-memory bucket', () => {
  /** A bucket that keeps objects by path and refuses unsigned requests. */
  function bucket() {
    const objects = new Map<string, Buffer>();
    const seen: { method: string; path: string }[] = [];
    const fake = (async (input: string | URL | Request, init?: RequestInit) => {
      const url = new URL(String(input));
      const method = init?.method ?? 'GET';
      const headers = init?.headers as Record<string, string>;
      seen.push({ method, path: url.pathname });
      if (!headers.authorization?.startsWith('AWS4-HMAC-SHA256 Credential=KEY/')) return new Response(null, { status: 403 });
      if (method === 'PUT') {
        const body = Buffer.from(init?.body as Uint8Array);
        if (createHash('sha256').update(body).digest('hex') !== headers['x-amz-content-sha256']) return new Response(null, { status: 400 });
        objects.set(url.pathname, body);
        return new Response(null, { status: 200 });
      }
      const found = objects.get(url.pathname);
      if (!found) return new Response(null, { status: 404 });
      return new Response(method === 'HEAD' ? null : new Uint8Array(found), { status: 200 });
    }) as typeof fetch;
    return { objects, seen, fake };
  }

  it('puts by SHA-256 under the prefix, reads back, answers NOT_FOUND and refuses corrupt objects', async () => {
    const b = bucket();
    const store = new S3BlobStore({ endpoint: 'http://127.0.0.1:9000', bucket: 'motcua', region: 'ap-southeast-1', accessKeyId: 'KEY', secretAccessKey: 'SECRET', prefix: 'blobs/', fetch: b.fake });
    const bytes = Buffer.from('Giấy chứng nhận quyền sử dụng đất — bản số hóa');
    const ref = await store.put(bytes);
    const sha = createHash('sha256').update(bytes).digest('hex');
    expect(ref).toEqual({ sha256: sha, size: bytes.length });
    expect(b.seen[0]).toEqual({ method: 'PUT', path: `/motcua/blobs/${sha.slice(0, 2)}/${sha.slice(2, 4)}/${sha}` });
    expect((await store.get(sha)).equals(bytes)).toBe(true);
    expect(await store.has(sha)).toBe(true);
    expect(await store.has('0'.repeat(64))).toBe(false);
    await expect(store.get('0'.repeat(64))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(store.get('../etc/passwd')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    b.objects.set(b.seen[0]!.path, Buffer.from('tampered'));
    await expect(store.get(sha)).rejects.toThrow(/corrupt/);
  });
});
