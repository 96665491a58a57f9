import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'motcua-config-'));

describe('configuration', () => {
  it('defaults to the embedded database in DATA_DIR and generates a private session secret once', () => {
    const dir = tmp();
    const a = loadConfig({ DATA_DIR: dir });
    expect(a.databaseUrl).toBeUndefined();
    expect(a.port).toBe(3000);
    expect(a.demoMode).toBe(true);
    expect(a.blobDir).toBe(path.join(dir, 'blobs'));
    expect(a.sessionSecret.length).toBeGreaterThanOrEqual(32);
    expect(loadConfig({ DATA_DIR: dir }).sessionSecret).toBe(a.sessionSecret);
    expect(statSync(path.join(dir, 'session-secret')).mode & 0o077).toBe(0);
    expect(readFileSync(path.join(dir, 'session-secret'), 'utf8')).toBe(a.sessionSecret);
  });

  it('lists every invalid variable', () => {
    expect(() => loadConfig({ PORT: 'abc', DATABASE_URL: 'not a url' })).toThrow(/PORT[\s\S]*DATABASE_URL|DATABASE_URL[\s\S]*PORT/);
  });

  it('refuses production without a secret, with a weak secret, with demo mode, or without a public URL', () => {
    const prod = { NODE_ENV: 'production', DATA_DIR: tmp(), PUBLIC_URL: 'https://dichvucong.haiphong.gov.vn' };
    expect(() => loadConfig(prod)).toThrow(ConfigError);
    expect(() => loadConfig(prod)).toThrow(/SESSION_SECRET/);
    expect(() => loadConfig({ ...prod, SESSION_SECRET: 'changeme' })).toThrow(/SESSION_SECRET/);
    const secret = 'a'.repeat(40);
    expect(() => loadConfig({ ...prod, SESSION_SECRET: secret, DEMO_MODE: 'true' })).toThrow(/demo/i);
    expect(() => loadConfig({ ...prod, SESSION_SECRET: secret, PUBLIC_URL: undefined })).toThrow(/PUBLIC_URL/);
    const ok = loadConfig({ ...prod, SESSION_SECRET: secret });
    expect(ok.demoMode).toBe(false);
    expect(ok.sessionSecret).toBe(secret);
  });

  it('runs the identity-provider simulator unless OIDC_ISSUER is set, and never in production', () => {
    const dev = loadConfig({ DATA_DIR: tmp() });
    expect(dev.oidc).toMatchObject({ issuer: null, clientId: 'motcua-portal', simulator: true });
    expect(dev.oidc.clientSecret).toMatch(/^[\w-]{40,}$/);
    const real = loadConfig({ DATA_DIR: tmp(), OIDC_ISSUER: 'https://sso.example.gov.vn/', OIDC_CLIENT_ID: 'portal' });
    expect(real.oidc).toEqual({ issuer: 'https://sso.example.gov.vn/', clientId: 'portal', clientSecret: null, scopes: 'openid profile email phone address citizen', simulator: false });
    const prod = { NODE_ENV: 'production', DATA_DIR: tmp(), PUBLIC_URL: 'https://dichvucong.haiphong.gov.vn', SESSION_SECRET: 'a'.repeat(40) };
    expect(loadConfig(prod).oidc.simulator).toBe(false);
    expect(() => loadConfig({ ...prod, OIDC_SIMULATOR: 'true' })).toThrow(/OIDC_SIMULATOR/);
  });

  it('keeps blobs in the local folder by default; BLOB_STORE=s3 requires every S3_* setting and never prints the secret', () => {
    expect(loadConfig({ DATA_DIR: tmp() }).blobStore).toEqual({ kind: 'local' });
    const s3 = {
      DATA_DIR: tmp(),
      BLOB_STORE: 's3',
      S3_ENDPOINT: 'http://127.0.0.1:9000/',
      S3_BUCKET: 'motcua',
      S3_REGION: 'ap-southeast-1',
      S3_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      S3_SECRET_ACCESS_KEY: 'bí-mật-không-in-ra',
    };
    expect(loadConfig(s3).blobStore).toEqual({ kind: 's3', endpoint: 'http://127.0.0.1:9000', bucket: 'motcua', region: 'ap-southeast-1', accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'bí-mật-không-in-ra' });
    expect(() => loadConfig({ ...s3, S3_BUCKET: undefined, S3_SECRET_ACCESS_KEY: undefined })).toThrow(/BLOB_STORE=s3 requires S3_BUCKET, S3_SECRET_ACCESS_KEY\./);
    for (const name of ['S3_ENDPOINT', 'S3_REGION', 'S3_ACCESS_KEY_ID']) expect(() => loadConfig({ ...s3, [name]: undefined })).toThrow(new RegExp(name));
    expect(() => loadConfig({ ...s3, BLOB_STORE: 'ftp' })).toThrow(/BLOB_STORE/);
    // a refusal names what is missing, never a value
    try {
      loadConfig({ ...s3, S3_REGION: undefined });
      expect.unreachable();
    } catch (err) {
      expect(String(err)).not.toContain('bí-mật');
    }
  });
});
