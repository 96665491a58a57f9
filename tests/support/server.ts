import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../../server/app';
import { loadConfig } from '../../server/config/config';
import { openDatabase } from '../../server/db/database';
import { migrate } from '../../server/db/migrate';
import { seedDemo } from '../../server/seed/demo';
import { WEB_DIST } from '../../server/http/web-client';

/**
 * The whole system on a fresh, demo-seeded in-memory database, listening on a free loopback port
 * and serving the built web client (`npm run build:web` first). For browser tests.
 */
export async function startTestServer(): Promise<{ url: string; close(): Promise<void> }> {
  const database = await openDatabase({ dataDir: null });
  await migrate(database.db);
  await seedDemo(database.db);
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'motcua-browser-')),
    SESSION_SECRET: 'browser-test-secret-browser-test-secret-0123',
    LOG_LEVEL: 'silent',
    LOGIN_RATE_LIMIT: '10000',
  });
  const app = await buildApp({ config, database, version: 'test' }, { webDist: WEB_DIST });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
