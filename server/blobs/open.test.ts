import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config';
import { LocalBlobStore } from './local-store';
import { blobStoreFrom } from './open';
import { S3BlobStore } from './s3-store';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'motcua-blob-open-'));

describe('blobStoreFrom', () => {
  it('opens the local folder by default', () => {
    expect(blobStoreFrom(loadConfig({ DATA_DIR: tmp() }))).toBeInstanceOf(LocalBlobStore);
  });

  it('opens the S3-compatible bucket when BLOB_STORE=s3 (no request made)', () => {
    const config = loadConfig({
      DATA_DIR: tmp(),
      BLOB_STORE: 's3',
      S3_ENDPOINT: 'http://127.0.0.1:9000',
      S3_BUCKET: 'motcua',
      S3_REGION: 'ap-southeast-1',
      S3_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      S3_SECRET_ACCESS_KEY: 'secret',
    });
    const store = blobStoreFrom(config);
    expect(store).toBeInstanceOf(S3BlobStore);
    expect(store).not.toBeInstanceOf(LocalBlobStore);
  });
});
