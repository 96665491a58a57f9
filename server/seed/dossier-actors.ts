/**
 * The demo seed's people: the accounts that act on the demo dossiers (created when missing), who
 * works where, and the roles each holds over a dossier — the same rule as the server's
 * `dossierAccess` (one-stop roles over the receiving unit, the others over the handling unit),
 * computed from the unit tree in memory so the seed makes no extra round trip per action.
 */
import type { Kysely } from 'kysely';
import type { RoleAssignment } from '@core/access/permissions';
import type { Role } from '@core/access/roles';
import type { DB, UnitRow } from '../db/schema';
import type { DossierRow } from '../db/tables/dossiers';
import { SYSTEM_ACTOR } from '../http/actor';
import { appendAudit } from '../features/audit/append';
import { insertUser, rolesOfUsers } from '../features/users/queries';
import { DEMO_ACCOUNTS } from './demo-org';
import { DOSSIER_STAFF } from './demo-staff';
import { usersByUsername } from './queries';
import type { Random } from './random';

/** A staff member who acts in the seed. */
export interface Person {
  id: string;
  username: string;
  fullName: string;
  roles: RoleAssignment[];
}

const LEADER_ROLES: readonly Role[] = ['unit_leader', 'agency_head'];

/** Creates the demo dossier staff that do not exist yet (one transaction, each with its audit event); returns every demo account. */
export async function ensureStaff(db: Kysely<DB>, unitId: (key: string) => string, passwordHash: () => Promise<string>, say: (m: string) => void): Promise<Person[]> {
  const wanted = [...DEMO_ACCOUNTS.map((a) => a.username), ...DOSSIER_STAFF.map((a) => a.username)];
  const existing = new Set((await usersByUsername(db, wanted)).map((u) => u.username));
  const missing = DOSSIER_STAFF.filter((a) => !existing.has(a.username));
  if (missing.length > 0) {
    say(`creating ${missing.length} staff accounts who handle the demo dossiers (password demo123)`);
    const hash = await passwordHash();
    await db.transaction().execute(async (trx) => {
      for (const a of missing) {
        const roles = a.roles.map((r) => ({ role: r.role, unitId: unitId(r.unit), includeSubtree: r.subtree }));
        const row = await insertUser(trx, { username: a.username, full_name: a.fullName, email: null, unit_id: unitId(a.unit), password_hash: hash, is_demo: true }, roles);
        await appendAudit(trx, { actor: SYSTEM_ACTOR, action: 'user.created', entityType: 'user', entityId: row.id, unitId: unitId(a.unit), after: { username: a.username, roles: a.roles } });
      }
    });
  }
  const users = await usersByUsername(db, wanted);
  const roles = await rolesOfUsers(
    db,
    users.map((u) => u.id),
  );
  return users.map((u) => ({
    id: u.id,
    username: u.username,
    fullName: u.full_name,
    roles: roles.filter((r) => r.user_id === u.id).map((r) => ({ role: r.role, unitId: r.unit_id, includeSubtree: r.include_subtree })),
  }));
}

/** Who works where, and the roles a person holds over a dossier. */
export class Staff {
  private readonly paths = new Map<string, string[]>();

  constructor(
    readonly people: readonly Person[],
    units: readonly UnitRow[],
  ) {
    const parent = new Map(units.map((u) => [u.id, u.parent_id]));
    for (const u of units) {
      const path = [u.id];
      for (let p = parent.get(u.id); p; p = parent.get(p)) path.push(p);
      this.paths.set(u.id, path);
    }
  }

  private covers(a: RoleAssignment, unitId: string): boolean {
    const path = this.paths.get(unitId) ?? [unitId];
    return a.unitId === path[0] || (a.includeSubtree && path.includes(a.unitId));
  }

  /** The roles a person holds over a dossier: one-stop roles count over the receiving unit, others over the handling unit. */
  rolesOver(person: Person, row: Pick<DossierRow, 'unit_id' | 'handling_unit_id'>): Role[] {
    const roles = new Set<Role>();
    for (const a of person.roles) if (this.covers(a, a.role === 'onestop_officer' ? row.unit_id : row.handling_unit_id)) roles.add(a.role);
    return [...roles];
  }

  private with(unitId: string, test: (a: RoleAssignment) => boolean): Person[] {
    return this.people.filter((p) => p.roles.some((a) => test(a) && this.covers(a, unitId)));
  }

  /** One-stop officers of a desk. */
  officers(deskId: string): Person[] {
    return this.with(deskId, (a) => a.role === 'onestop_officer');
  }

  /** Leaders placed on the unit itself (not those above it). */
  leaders(unitId: string): Person[] {
    return this.with(unitId, (a) => LEADER_ROLES.includes(a.role) && a.unitId === unitId);
  }

  /** A leader to sign: usually the unit's own, sometimes the head of the agency above it. */
  signer(unitId: string, r: Random): Person {
    const own = this.leaders(unitId);
    const above = this.with(unitId, (a) => a.role === 'agency_head' && a.unitId !== unitId);
    return above.length > 0 && (own.length === 0 || r.chance(0.3)) ? r.pick(above) : r.pick(own);
  }

  /** Specialists placed on the unit. */
  specialists(unitId: string): Person[] {
    return this.with(unitId, (a) => a.role === 'specialist' && a.unitId === unitId);
  }

  byId(id: string | null): Person | undefined {
    return id === null ? undefined : this.people.find((p) => p.id === id);
  }
}
