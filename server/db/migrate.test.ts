import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database';
import { listMigrations, migrate } from './migrate';
import { ENGINES, createTestDatabase } from '../../tests/support/database';

describe.each(ENGINES)('migrations (%s)', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(() => database.close());

  it('records every migration file with its checksum and re-running applies nothing', async () => {
    const rows = await database.db.selectFrom('schema_migrations').selectAll().orderBy('version').execute();
    expect(rows.map((r) => [r.version, r.checksum])).toEqual(listMigrations().map((m) => [m.version, m.checksum]));
    expect(await migrate(database.db)).toEqual([]);
  });

  it('refuses to continue when an applied migration was edited', async () => {
    const first = listMigrations()[0]!;
    await database.db.updateTable('schema_migrations').set({ checksum: 'edited' }).where('version', '=', first.version).execute();
    await expect(migrate(database.db)).rejects.toThrow(/edited after it was applied/);
    await database.db.updateTable('schema_migrations').set({ checksum: first.checksum }).where('version', '=', first.version).execute();
  });

  it('has unaccent and pg_trgm for Vietnamese search', async () => {
    const r = await sql<{ u: string; s: number }>`SELECT unaccent('Thủ tục hành chính Hải Phòng') AS u, similarity('Hai Phong', unaccent('Hải Phòng')) AS s`.execute(database.db);
    expect(r.rows[0]!.u).toBe('Thu tuc hanh chinh Hai Phong');
    expect(r.rows[0]!.s).toBe(1);
  });
});
