import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../tests/support/app';
import { ENGINES } from '../../tests/support/database';
import { LocalBlobStore } from '../blobs/local-store';
import { DEMO_DOCUMENTS, seedDemoWarehouse } from './warehouse';

describe.each(ENGINES)('demo warehouse documents (%s)', (engine) => {
  let t: TestApp;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'motcua-test-'));
  beforeAll(async () => {
    t = await createTestApp(engine, { env: { DATA_DIR: dataDir } });
  });
  afterAll(() => t.close());

  it('fills the demo people’s warehouse once, readable and downloadable on the portal', async () => {
    const blobs = new LocalBlobStore(path.join(dataDir, 'blobs'));
    expect(await seedDemoWarehouse(t.database.db, blobs)).toBe(DEMO_DOCUMENTS.length);
    expect(await seedDemoWarehouse(t.database.db, blobs)).toBe(0);
    const an = await t.loginCitizen('031085012345');
    const docs = (await an.get('/api/v1/portal/warehouse')).json().documents as { typeCode: string; status: string; verified: boolean; source: string; id: string }[];
    expect(docs.map((d) => [d.typeCode, d.status, d.verified, d.source]).sort()).toEqual([
      ['BTN', 'valid', false, 'self_provided'],
      ['GCNKH', 'valid', true, 'digitised'],
      ['GKS', 'valid', true, 'digitised'],
      ['GPXD', 'expired', true, 'digitised'],
    ]);
    const file = await an.get(`/api/v1/portal/warehouse/${docs[0]!.id}/file`);
    expect(file.statusCode, file.body.slice(0, 200)).toBe(200);
    const company = await t.loginCitizen('001187006543', { actingFor: '0201234569' });
    expect((await company.get('/api/v1/portal/warehouse')).json().documents.map((d: { typeCode: string }) => d.typeCode)).toEqual(['GCNDKDN']);
  });
});
