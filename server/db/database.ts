import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite, types } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PGliteDialect } from './pglite-dialect';
import { PREPARED } from './prepared';
import type { DB } from './schema';

export type Engine = 'pglite' | 'postgresql';

/** An open database: the typed query builder, which engine is behind it, and how to close it. */
export interface Database {
  db: Kysely<DB>;
  engine: Engine;
  /** Present for the embedded engine; used to dump a template for tests. */
  pglite?: PGlite;
  close(): Promise<void>;
}

// Both engines return DATE as 'YYYY-MM-DD' (never a JS Date shifted by the host's time zone) and int8 as number.
const parseDate = (v: string) => v;
const parseInt8 = (v: string) => Number(v);
pg.types.setTypeParser(pg.types.builtins.DATE, parseDate);
pg.types.setTypeParser(pg.types.builtins.INT8, parseInt8);

/** The PGlite options shared by every embedded database (extensions and parsers). */
export const pgliteOptions = {
  extensions: { unaccent, pg_trgm },
  parsers: { [types.DATE]: parseDate, [types.INT8]: parseInt8 },
};

const preparedNames = new Map<string, string>();
const baseQuery = pg.Client.prototype.query;

/**
 * A pg client that runs statements marked PREPARED (`prepared.ts`) as named prepared statements, the
 * name a hash of the text: PostgreSQL parses and plans them once per connection instead of on every
 * call (measured: the database's CPU per counter intake fell by 40 %). Only marked statements, so the
 * set per connection stays small, and only ones listing their columns, so a migration cannot change
 * a cached plan's result type. (A pooler in front must keep prepared statements: PgBouncer ≥ 1.21.)
 */
class PreparingClient extends pg.Client {}
PreparingClient.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const [text, values] = args;
  if (typeof text === 'string' && args.length === 2 && Array.isArray(values) && text.startsWith(PREPARED)) {
    let name = preparedNames.get(text);
    if (!name) {
      name = `motcua_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
      preparedNames.set(text, name);
    }
    return (baseQuery as (config: pg.QueryConfig) => unknown).call(this, { name, text, values });
  }
  return (baseQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof baseQuery;

/** Opens PostgreSQL when a URL is given, otherwise PGlite stored in `dataDir` (or in memory when dataDir is null). */
export async function openDatabase(opts: { databaseUrl?: string; dataDir?: string | null; loadDataDir?: Blob | File }): Promise<Database> {
  if (opts.databaseUrl) {
    // JIT off: our statements are short (a dossier action, an index over its counts); compiling them
    // cost 7–28 ms each in the index benchmark for nothing gained (docs/decisions.md)
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10, Client: PreparingClient, options: '-c jit=off' });
    // An idle connection killed by the server (restart, DROP … WITH (FORCE)) is dropped by the pool,
    // which then emits 'error': unhandled, that event would bring the whole process down.
    pool.on('error', () => {});
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, engine: 'postgresql', close: () => db.destroy() };
  }
  let dir: string | undefined;
  if (opts.dataDir) {
    dir = path.join(opts.dataDir, 'pglite');
    mkdirSync(dir, { recursive: true });
  }
  const pglite = await PGlite.create({ dataDir: dir, loadDataDir: opts.loadDataDir, ...pgliteOptions });
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  return { db, engine: 'pglite', pglite, close: () => db.destroy() };
}
