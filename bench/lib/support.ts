import { randomBytes } from 'node:crypto';
import { benchDatabaseUrl } from '../../server/config/config';
import { type Database, openDatabase } from '../../server/db/database';
import { adminQuery, withDatabase } from '../../tests/support/templates';

/** Small deterministic PRNG (the seed's mulberry32) so runs are comparable. */
export { mulberry32 as rng } from '../../server/seed/random';

/**
 * Runs `fn` on a scratch database created on the benchmark PostgreSQL server
 * (BENCH_DATABASE_URL, else TEST_DATABASE_URL, else the local server) and drops it afterwards.
 */
export async function withScratchPostgres<T>(fn: (database: Database) => Promise<T>): Promise<T> {
  const serverUrl = benchDatabaseUrl();
  const name = `motcua_bench_${randomBytes(4).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  const database = await openDatabase({ databaseUrl: withDatabase(serverUrl, name) });
  try {
    return await fn(database);
  } finally {
    await database.close();
    await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}
