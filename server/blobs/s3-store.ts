import { createHash, createHmac } from 'node:crypto';
import { AppError } from '@core/errors/app-error';
import { type BlobRef, type BlobStore, SHA256_HEX } from './blob-store';

/** Where an S3-compatible bucket is and how to sign for it (AWS S3, MinIO, Ceph RGW, …). */
export interface S3Options {
  /** e.g. `https://s3.ap-southeast-1.amazonaws.com` or `http://127.0.0.1:9000`; path-style addressing. */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Object keys start with this (no leading slash), e.g. `motcua/blobs/`. */
  prefix?: string;
  fetch?: typeof fetch;
  now?: () => Date;
}

const sha256Hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();
/** RFC 3986 encoding of a path segment, as SigV4 wants it. */
const encodeSegment = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * AWS Signature Version 4 of one request: answers the `Authorization` header. `headers` are the
 * headers to sign (lower-case names; `host`, `x-amz-date` and `x-amz-content-sha256` included).
 */
export function signV4(o: { method: string; path: string; query?: string; headers: Record<string, string>; payloadHash: string; region: string; service?: string; accessKeyId: string; secretAccessKey: string; amzDate: string }): string {
  const service = o.service ?? 's3';
  const names = Object.keys(o.headers).map((h) => h.toLowerCase()).sort();
  const canonicalHeaders = names.map((h) => `${h}:${String(o.headers[h]).trim().replace(/\s+/g, ' ')}\n`).join('');
  const signedHeaders = names.join(';');
  const canonicalRequest = [o.method, o.path, o.query ?? '', canonicalHeaders, signedHeaders, o.payloadHash].join('\n');
  const day = o.amzDate.slice(0, 8);
  const scope = `${day}/${o.region}/${service}/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', o.amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${o.secretAccessKey}`, day), o.region), service), 'aws4_request');
  const signature = createHmac('sha256', key).update(toSign, 'utf8').digest('hex');
  return `AWS4-HMAC-SHA256 Credential=${o.accessKeyId}/${scope},SignedHeaders=${signedHeaders},Signature=${signature}`;
}

/**
 * The blob store in an S3-compatible bucket, for deployments with several app instances or more
 * scans than a local disk holds. Same contract as the local folder: the object key is the SHA-256
 * (`<prefix>ab/cd/<sha256>`), writing the same bytes twice stores them once, and a blob read back
 * is checked against its address.
 */
export class S3BlobStore implements BlobStore {
  private readonly fetch: typeof fetch;
  private readonly now: () => Date;
  constructor(private readonly o: S3Options) {
    this.fetch = o.fetch ?? fetch;
    this.now = o.now ?? (() => new Date());
  }

  private keyOf(sha256: string): string {
    if (!SHA256_HEX.test(sha256)) throw new AppError('NOT_FOUND');
    return `${this.o.prefix ?? ''}${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
  }

  private async send(method: 'PUT' | 'GET' | 'HEAD', key: string, body?: Buffer): Promise<Response> {
    const url = new URL(this.o.endpoint);
    const path = `${url.pathname.replace(/\/$/, '')}/${encodeSegment(this.o.bucket)}/${key.split('/').map(encodeSegment).join('/')}`;
    const amzDate = this.now().toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
    const payloadHash = body ? sha256Hex(body) : sha256Hex('');
    const headers: Record<string, string> = { host: url.host, 'x-amz-content-sha256': payloadHash, 'x-amz-date': amzDate };
    const authorization = signV4({ method, path, headers, payloadHash, region: this.o.region, accessKeyId: this.o.accessKeyId, secretAccessKey: this.o.secretAccessKey, amzDate });
    const { host: _host, ...sent } = headers;
    return this.fetch(`${url.origin}${path}`, { method, headers: { ...sent, authorization, ...(body ? { 'content-type': 'application/octet-stream' } : {}) }, body: body ? new Uint8Array(body) : undefined });
  }

  async put(bytes: Buffer): Promise<BlobRef> {
    const sha256 = sha256Hex(bytes);
    const res = await this.send('PUT', this.keyOf(sha256), bytes);
    if (!res.ok) throw new Error(`S3 PUT ${sha256}: HTTP ${res.status}`);
    return { sha256, size: bytes.length };
  }

  async get(sha256: string): Promise<Buffer> {
    const res = await this.send('GET', this.keyOf(sha256));
    if (res.status === 404) throw new AppError('NOT_FOUND');
    if (!res.ok) throw new Error(`S3 GET ${sha256}: HTTP ${res.status}`);
    const bytes = Buffer.from(await res.arrayBuffer());
    if (sha256Hex(bytes) !== sha256) throw new Error(`blob ${sha256} is corrupt`);
    return bytes;
  }

  async has(sha256: string): Promise<boolean> {
    if (!SHA256_HEX.test(sha256)) return false;
    const res = await this.send('HEAD', this.keyOf(sha256));
    return res.ok;
  }
}
