/** A stored file's address: the hex SHA-256 of its content, and its size in bytes. */
export interface BlobRef {
  sha256: string;
  size: number;
}

/**
 * Content-addressed storage for scanned documents and results. Writing the same bytes twice stores
 * them once; a blob is never modified, so its address is also its integrity check.
 */
export interface BlobStore {
  put(bytes: Buffer): Promise<BlobRef>;
  get(sha256: string): Promise<Buffer>;
  has(sha256: string): Promise<boolean>;
}

export const SHA256_HEX = /^[0-9a-f]{64}$/;
