import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fsync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import { mkdir, open, readFile, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '@core/errors/app-error';
import { type BlobRef, type BlobStore, SHA256_HEX } from './blob-store';

/**
 * Blobs up to this size are created, written, closed and renamed with synchronous calls: page-cache
 * copies of a few microseconds each, cheaper on the event loop than a trip through the thread pool,
 * and they no longer queue there behind other uploads' flushes. Only the flush to disk (which waits
 * for the device) goes to the pool. Larger blobs (a scan may reach 20 MB) stay asynchronous
 * throughout, so that no upload blocks the event loop for long.
 */
export const SYNC_WRITE_MAX_BYTES = 256 * 1024;

/** Flushes a file to disk on the thread pool. */
const fsyncAsync = (fd: number) => new Promise<void>((resolve, reject) => fsync(fd, (err) => (err ? reject(err) : resolve())));

const isMissing = (err: unknown) => (err as NodeJS.ErrnoException).code === 'ENOENT';

/**
 * Blob store in a local folder: `<root>/ab/cd/<sha256>`. Files are written to a temporary name,
 * flushed to disk and renamed, so a crash never leaves a half-written blob under its final address,
 * and a blob is on disk before the row that names it commits.
 */
export class LocalBlobStore implements BlobStore {
  constructor(private readonly root: string) {}

  private pathOf(sha256: string): string {
    if (!SHA256_HEX.test(sha256)) throw new AppError('NOT_FOUND');
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  /**
   * Writes and flushes a small blob to `tmp`: the flush is the only asynchronous step. The folder is
   * made only when the file cannot be created for want of it (its first blob, or cleaned up since).
   */
  private async writeSmall(tmp: string, bytes: Buffer): Promise<void> {
    let fd: number;
    try {
      fd = openSync(tmp, 'wx', 0o640);
    } catch (err) {
      if (!isMissing(err)) throw err;
      mkdirSync(path.dirname(tmp), { recursive: true });
      fd = openSync(tmp, 'wx', 0o640);
    }
    try {
      for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written);
      await fsyncAsync(fd);
    } finally {
      closeSync(fd);
    }
  }

  /** Writes and flushes a large blob to `tmp`, every step on the thread pool. */
  private async writeLarge(tmp: string, bytes: Buffer): Promise<void> {
    const create = () => open(tmp, 'wx', 0o640);
    const handle = await create().catch(async (err: unknown) => {
      if (!isMissing(err)) throw err;
      await mkdir(path.dirname(tmp), { recursive: true });
      return create();
    });
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  async put(bytes: Buffer): Promise<BlobRef> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const target = this.pathOf(sha256);
    const tmp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    // no existence check first: renaming the same bytes over an existing blob changes nothing
    if (bytes.length <= SYNC_WRITE_MAX_BYTES) {
      await this.writeSmall(tmp, bytes);
      renameSync(tmp, target);
    } else {
      await this.writeLarge(tmp, bytes);
      await rename(tmp, target);
    }
    return { sha256, size: bytes.length };
  }

  async get(sha256: string): Promise<Buffer> {
    try {
      const bytes = await readFile(this.pathOf(sha256));
      // Content addressing doubles as an integrity check: a blob altered on disk is refused.
      if (createHash('sha256').update(bytes).digest('hex') !== sha256) throw new Error(`blob ${sha256} is corrupt`);
      return bytes;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new AppError('NOT_FOUND');
      throw err;
    }
  }

  async has(sha256: string): Promise<boolean> {
    try {
      await stat(this.pathOf(sha256));
      return true;
    } catch {
      return false;
    }
  }
}
