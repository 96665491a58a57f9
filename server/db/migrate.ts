import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Kysely, sql } from 'kysely';
import type { DB } from './schema';

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
/** Arbitrary constant: two processes starting at once migrate one after the other. */
const MIGRATION_LOCK_ID = 7_660_343;

export interface Migration {
  version: string;
  sql: string;
  checksum: string;
}

/** The migration files in order; names start with a timestamp so lexical order is time order. */
export function listMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => {
      const text = readFileSync(path.join(dir, f), 'utf8');
      return { version: f.replace(/\.sql$/, ''), sql: text, checksum: createHash('sha256').update(text).digest('hex') };
    });
}

/**
 * Applies every migration not yet applied, each in its own transaction. Forward-only: an applied
 * migration whose file has since changed stops the process instead of silently diverging.
 */
export async function migrate(db: Kysely<DB>, onApply: (version: string) => void = () => {}): Promise<string[]> {
  const applied: string[] = [];
  await db.connection().execute(async (conn) => {
    await sql`SELECT pg_advisory_lock(${MIGRATION_LOCK_ID})`.execute(conn);
    try {
      await sql`CREATE TABLE IF NOT EXISTS schema_migrations (
        version text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`.execute(conn);
      const done = new Map((await conn.selectFrom('schema_migrations').selectAll().execute()).map((r) => [r.version, r.checksum]));
      for (const m of listMigrations()) {
        const existing = done.get(m.version);
        if (existing !== undefined) {
          if (existing !== m.checksum) throw new Error(`Migration ${m.version} was edited after it was applied; add a new migration instead.`);
          continue;
        }
        onApply(m.version);
        await conn.transaction().execute(async (trx) => {
          await sql.raw(m.sql).execute(trx);
          await trx.insertInto('schema_migrations').values({ version: m.version, checksum: m.checksum }).execute();
        });
        applied.push(m.version);
      }
    } finally {
      await sql`SELECT pg_advisory_unlock(${MIGRATION_LOCK_ID})`.execute(conn);
    }
  });
  return applied;
}
