import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '@core/errors/app-error';
import { type BlobRef, type BlobStore, SHA256_HEX } from './blob-store';

/**
 * Blob store in a local folder: `<root>/ab/cd/<sha256>`. Files are written to a temporary name and
 * renamed, so a crash never leaves a half-written blob under its final address.
 */
export class LocalBlobStore implements BlobStore {
  constructor(private readonly root: string) {}

  private pathOf(sha256: string): string {
    if (!SHA256_HEX.test(sha256)) throw new AppError('NOT_FOUND');
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(bytes: Buffer): Promise<BlobRef> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const target = this.pathOf(sha256);
    if (!(await this.has(sha256))) {
      await mkdir(path.dirname(target), { recursive: true });
      const tmp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
      await writeFile(tmp, bytes, { mode: 0o640 });
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
