/** Where a legacy import's scans come from: a folder, or a ZIP read entry by entry (yauzl). */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import yauzl from 'yauzl';

/** A scan over the size limit: refused before it is read into memory. */
export class ScanTooLarge extends Error {}

export interface ScanSource {
  /** The bytes of a scan, or null when there is no such file. Refuses names outside the source. */
  read(name: string): Promise<Buffer | null>;
  close(): Promise<void>;
}

/** `a\b/./c.pdf` → `a/b/c.pdf`; null for a name that leaves the source (`..`, absolute). */
export function safeName(name: string): string | null {
  const n = path.posix.normalize(name.trim().replace(/\\/g, '/'));
  if (!n || n === '.' || n.startsWith('../') || n === '..' || path.posix.isAbsolute(n)) return null;
  return n;
}

function folderSource(dir: string, maxBytes: number): ScanSource {
  return {
    async read(name) {
      const n = safeName(name);
      if (!n) return null;
      const file = path.join(dir, n);
      try {
        const info = await stat(file);
        if (!info.isFile()) return null;
        if (info.size > maxBytes) throw new ScanTooLarge();
        return await readFile(file);
      } catch (err) {
        if (err instanceof ScanTooLarge) throw err;
        return null;
      }
    },
    async close() {},
  };
}

/**
 * A ZIP: the central directory is read once (names and offsets only), then each scan is read
 * from its entry when its row comes, so memory holds one scan at a time.
 */
async function zipSource(file: string, maxBytes: number): Promise<ScanSource> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => yauzl.open(file, { lazyEntries: true, autoClose: false }, (err, z) => (err ? reject(err) : resolve(z))));
  const entries = new Map<string, yauzl.Entry>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (e: yauzl.Entry) => {
      const n = safeName(e.fileName);
      if (n && !e.fileName.endsWith('/')) entries.set(n, e);
      zip.readEntry();
    });
    zip.on('end', () => resolve());
    zip.on('error', reject);
    zip.readEntry();
  });
  return {
    async read(name) {
      const n = safeName(name);
      const entry = n ? entries.get(n) : undefined;
      if (!entry) return null;
      if (entry.uncompressedSize > maxBytes) throw new ScanTooLarge();
      const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) => zip.openReadStream(entry, (err, s) => (err ? reject(err) : resolve(s))));
      const chunks: Buffer[] = [];
      for await (const c of stream as AsyncIterable<Buffer>) chunks.push(c);
      return Buffer.concat(chunks);
    },
    async close() {
      zip.close();
    },
  };
}

export async function openScanSource(source: string, maxBytes: number): Promise<ScanSource> {
  return /\.zip$/i.test(source) ? zipSource(source, maxBytes) : folderSource(source, maxBytes);
}
