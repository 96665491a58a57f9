import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '@core/errors/app-error';
import { type BlobRef, type BlobStore, SHA256_HEX } from './blob-store';

/**
 * Blob store in a local folder: `<root>/ab/cd/<sha256>`. Files are written to a temporary name and
 * renamed, so a crash never leaves a half-written blob under its final address.
 */
export class LocalBlobStore implements BlobStore {
  /** Folders known to exist (at most 65,536: two levels of two hex digits). */
  private readonly folders = new Set<string>();

  constructor(private readonly root: string) {}

  private pathOf(sha256: string): string {
    if (!SHA256_HEX.test(sha256)) throw new AppError('NOT_FOUND');
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  /** Writes and flushes to disk: the dossier row that names the blob commits right after, so the bytes must survive a crash too. */
  private async writeDurably(file: string, bytes: Buffer): Promise<void> {
    const handle = await open(file, 'wx', 0o640);
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
    const dir = path.dirname(target);
    // no existence check first: renaming the same bytes over an existing blob changes nothing, and
    // skipping it (and mkdir for folders already made) halves the file-system calls of an upload
    if (!this.folders.has(dir)) await mkdir(dir, { recursive: true });
    const tmp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await this.writeDurably(tmp, bytes);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      // the folder went away under us (cleaned up outside this process): make it again
      await mkdir(dir, { recursive: true });
      await this.writeDurably(tmp, bytes);
    }
    await rename(tmp, target);
    this.folders.add(dir);
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
