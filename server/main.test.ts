import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config/config';
import type { Database } from './db/database';
import { initialiseDatabase } from './main';
import { ENGINES, createTestDatabase } from '../tests/support/database';

describe.each(ENGINES)('start-up (%s)', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(() => database.close());

  const production = () =>
    loadConfig({ NODE_ENV: 'production', DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'motcua-prod-')), SESSION_SECRET: 'p'.repeat(40), PUBLIC_URL: 'https://dvc.example.vn' });

  it('refuses to start in production while demo accounts are active, naming them', async () => {
    const err = await initialiseDatabase(database, production(), () => {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).message).toMatch(/admin.*motcua\.xa|motcua\.xa.*admin/);
  });

  it('starts in production once the demo accounts are disabled, and never re-seeds', async () => {
    await database.db.updateTable('users').set({ active: false }).where('is_demo', '=', true).execute();
    const log: string[] = [];
    await initialiseDatabase(database, production(), (m) => log.push(m));
    expect(log).toEqual(['database schema is up to date']);
  });
});
