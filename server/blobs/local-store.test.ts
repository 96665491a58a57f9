import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LocalBlobStore } from './local-store';

describe('LocalBlobStore', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'motcua-blobs-'));
  const store = new LocalBlobStore(root);

  it('stores by SHA-256, once, and reads back the same bytes', async () => {
    const bytes = Buffer.from('Giấy khai sinh — bản số hóa');
    const ref = await store.put(bytes);
    expect(ref).toEqual({ sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length });
    expect(await store.put(bytes)).toEqual(ref);
    expect((await store.get(ref.sha256)).equals(bytes)).toBe(true);
    expect(await store.has(ref.sha256)).toBe(true);
    expect(readdirSync(path.join(root, ref.sha256.slice(0, 2), ref.sha256.slice(2, 4)))).toEqual([ref.sha256]);
  });

  it('answers NOT_FOUND for unknown or malformed addresses and refuses a blob altered on disk', async () => {
    await expect(store.get('0'.repeat(64))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(store.get('../../etc/passwd')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const ref = await store.put(Buffer.from('original'));
    writeFileSync(path.join(root, ref.sha256.slice(0, 2), ref.sha256.slice(2, 4), ref.sha256), 'tampered');
    await expect(store.get(ref.sha256)).rejects.toThrow(/corrupt/);
  });
});
