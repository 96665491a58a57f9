import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase } from '../../server/db/database';
import { migrate } from '../../server/db/migrate';
import { seedDemo } from '../../server/seed/demo';

/** Builds the migrated, demo-seeded PGlite template once and writes its dump to `file`. */
export async function buildPgliteTemplate(file: string): Promise<void> {
  const database = await openDatabase({ dataDir: null });
  await migrate(database.db);
  await seedDemo(database.db);
  const dump = await database.pglite!.dumpDataDir('none');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await database.close();
}

/** Connection URL of another database on the same server. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Creates a migrated, demo-seeded PostgreSQL template database and returns its name. */
export async function buildPostgresTemplate(adminUrl: string): Promise<string> {
  const name = `motcua_tpl_${randomBytes(4).toString('hex')}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
  const database = await openDatabase({ databaseUrl: withDatabase(adminUrl, name) });
  await migrate(database.db);
  await seedDemo(database.db);
  await sql`SELECT 1`.execute(database.db);
  await database.close();
  return name;
}

/** Runs one statement on the server's maintenance connection (CREATE/DROP DATABASE cannot run in a pool transaction). */
export async function adminQuery(adminUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
