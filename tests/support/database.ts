import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import { testDatabaseUrl } from '../../server/config/config';
import { type Database, type Engine, openDatabase } from '../../server/db/database';
import { adminQuery, withDatabase } from './templates';

/** The engines database tests run on: always PGlite, and PostgreSQL when TEST_DATABASE_URL is set. */
export const ENGINES: Engine[] = testDatabaseUrl() ? ['pglite', 'postgresql'] : ['pglite'];

/** A fresh database of its own for one test file, cloned from the migrated, demo-seeded template. */
export async function createTestDatabase(engine: Engine): Promise<Database> {
  if (engine === 'pglite') {
    const dump = new Blob([readFileSync(inject('pgliteTemplate'))]);
    return openDatabase({ loadDataDir: dump, dataDir: null });
  }
  const adminUrl = testDatabaseUrl() as string;
  const template = inject('postgresTemplate');
  if (!template) throw new Error('TEST_DATABASE_URL is set but no PostgreSQL template was built');
  const name = `motcua_t_${randomBytes(5).toString('hex')}`;
  // Two files cloning the template at the same instant collide ("being accessed by other users", 55006): retry.
  for (let attempt = 0; ; attempt++) {
    try {
      await adminQuery(adminUrl, `CREATE DATABASE ${name} TEMPLATE ${template}`);
      break;
    } catch (err) {
      if ((err as { code?: string }).code !== '55006' || attempt >= 20) throw err;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
  const database = await openDatabase({ databaseUrl: withDatabase(adminUrl, name) });
  return {
    ...database,
    close: async () => {
      await database.close();
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
