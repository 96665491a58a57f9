import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { SYSTEM_ACTOR } from '../http/actor';
import { appendAudit } from '../features/audit/append';
import { hashPassword } from '../features/auth/tokens';
import { closeUnitInto, insertUnit, listUnits } from '../features/org/queries';
import { insertUser } from '../features/users/queries';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_UNITS } from './demo-org';
import { seedProcedures } from './procedures';


/** True when the database holds no organisation yet (a fresh install). */
export async function isEmpty(db: Kysely<DB>): Promise<boolean> {
  return (await listUnits(db)).length === 0;
}

/**
 * Seeds the demo organisation and accounts in one transaction, each record with its audit
 * event (actor `system`), so the demo data is as traceable as real data.
 */
export async function seedDemo(db: Kysely<DB>, onProgress: (msg: string) => void = () => {}): Promise<void> {
  onProgress(`hashing ${DEMO_ACCOUNTS.length} demo passwords (argon2id)`);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction().execute(async (trx) => {
    const ids = new Map<string, string>();
    onProgress(`creating ${DEMO_UNITS.length} units`);
    for (const u of DEMO_UNITS) {
      const parentId = u.parent ? ids.get(u.parent) : null;
      if (u.parent && !parentId) throw new Error(`seed: parent ${u.parent} of ${u.key} comes later`);
      const row = await insertUnit(trx, { code: u.code, name: u.name, short_name: u.shortName ?? null, kind: u.kind, parent_id: parentId ?? null, valid_from: u.validFrom });
      ids.set(u.key, row.id);
      await appendAudit(trx, { actor: SYSTEM_ACTOR, action: 'unit.created', entityType: 'unit', entityId: row.id, unitId: row.id, after: row });
    }
    for (const u of DEMO_UNITS.filter((x) => x.successor && x.validTo)) {
      const successorId = ids.get(u.successor as string) as string;
      const id = ids.get(u.key) as string;
      const dayAfter = new Date(Date.parse(`${u.validTo}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      const row = await closeUnitInto(trx, id, successorId, dayAfter);
      await appendAudit(trx, { actor: SYSTEM_ACTOR, action: 'unit.merged', entityType: 'unit', entityId: id, unitId: id, after: row });
    }
    onProgress(`creating ${DEMO_ACCOUNTS.length} demo accounts`);
    for (const a of DEMO_ACCOUNTS) {
      const unitId = ids.get(a.unit) as string;
      const roles = a.roles.map((r) => ({ role: r.role, unitId: ids.get(r.unit) as string, includeSubtree: r.subtree }));
      const row = await insertUser(trx, { username: a.username, full_name: a.fullName, email: null, unit_id: unitId, password_hash: passwordHash, is_demo: true }, roles);
      await appendAudit(trx, { actor: SYSTEM_ACTOR, action: 'user.created', entityType: 'user', entityId: row.id, unitId, after: { username: a.username, roles: a.roles } });
    }
    onProgress('creating the demo procedure catalogue');
    await seedProcedures(trx);
  });
}

/** The demo dossiers: a start-up step of their own after `seedDemo` (the test templates run `seedDemo` only). */
export { DEMO_DOSSIER_COUNT, type SeedDossiersReport, seedDemoDossiers } from './dossiers';
