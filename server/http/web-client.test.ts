import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../tests/support/app';

describe('serving the web client', () => {
  let t: TestApp;
  const dist = mkdtempSync(path.join(os.tmpdir(), 'motcua-dist-'));
  beforeAll(async () => {
    mkdirSync(path.join(dist, 'assets'));
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>motcua</title>');
    writeFileSync(path.join(dist, 'assets', 'app-abc123.js'), 'console.log(1)');
    t = await createTestApp('pglite', { webDist: dist });
  });
  afterAll(() => t.close());

  it('serves index.html uncached for the root and for client-side routes, GET and HEAD', async () => {
    for (const url of ['/', '/staff/units', '/thu-tuc/1.001193']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('<title>motcua</title>');
      expect(res.headers['cache-control']).toBe('no-cache');
    }
    expect((await t.app.inject({ method: 'HEAD', url: '/staff/units' })).statusCode).toBe(200);
  });

  it('serves hashed assets as immutable and a file built after start-up', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/assets/app-abc123.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    writeFileSync(path.join(dist, 'assets', 'late-def456.js'), 'console.log(2)');
    expect((await t.app.inject({ method: 'GET', url: '/assets/late-def456.js' })).statusCode).toBe(200);
  });

  it('sends the precompressed .br or .gz of the build as the browser accepts, and says the answer varies by it', async () => {
    const js = 'console.log("precompressed");'.repeat(20);
    writeFileSync(path.join(dist, 'assets', 'packed-1a2b3c.js'), js);
    writeFileSync(path.join(dist, 'assets', 'packed-1a2b3c.js.br'), brotliCompressSync(js));
    writeFileSync(path.join(dist, 'assets', 'packed-1a2b3c.js.gz'), gzipSync(js));
    const get = (encoding?: string) =>
      t.app.inject({ method: 'GET', url: '/assets/packed-1a2b3c.js', headers: encoding ? { 'accept-encoding': encoding } : {} });

    const br = await get('gzip, deflate, br, zstd');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(br.headers.vary).toContain('accept-encoding');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(js);

    const gz = await get('gzip, deflate');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(js);

    const plain = await get();
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(js);
  });

  it('answers a missing file with 404, not the index page', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/assets/missing-abc.js' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('ROUTE_NOT_FOUND');
  });
});
