/** The few reads the demo seed makes that no feature offers. */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';

/** True when any dossier exists (the demo dossiers are seeded once, into a database that has none). */
export async function anyDossier(db: Kysely<DB>): Promise<boolean> {
  return (await db.selectFrom('dossiers').select('id').limit(1).executeTakeFirst()) !== undefined;
}

/** Accounts by username: id, full name. */
export async function usersByUsername(db: Kysely<DB>, usernames: readonly string[]) {
  if (usernames.length === 0) return [];
  return db.selectFrom('users').select(['id', 'username', 'full_name']).where('username', 'in', [...usernames]).execute();
}
