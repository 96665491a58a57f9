import type { Config } from '../config/config';
import type { BlobStore } from './blob-store';
import { LocalBlobStore } from './local-store';
import { S3BlobStore } from './s3-store';

/** The blob store the configuration names (BLOB_STORE): the local folder `blobDir` or the S3-compatible bucket. */
export function blobStoreFrom(config: Pick<Config, 'blobDir' | 'blobStore'>): BlobStore {
  const s = config.blobStore;
  if (s.kind === 's3') return new S3BlobStore({ endpoint: s.endpoint, bucket: s.bucket, region: s.region, accessKeyId: s.accessKeyId, secretAccessKey: s.secretAccessKey });
  return new LocalBlobStore(config.blobDir);
}
