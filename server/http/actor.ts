import type { RoleAssignment } from '@core/access/permissions';

/** A signed-in staff member, as loaded from their session for one request. */
export interface StaffActor {
  kind: 'staff';
  userId: string;
  username: string;
  fullName: string;
  unitId: string;
  roles: RoleAssignment[];
  sessionTokenHash: string;
  csrfToken: string;
  sessionExpiresAt: Date;
}

/** Who did something, as recorded in the audit trail. */
export interface AuditActor {
  kind: 'staff' | 'citizen' | 'system';
  id: string | null;
  name: string | null;
}

export const SYSTEM_ACTOR: AuditActor = { kind: 'system', id: null, name: null };

/** The audit view of a staff actor. */
export function auditActorOf(actor: StaffActor): AuditActor {
  return { kind: 'staff', id: actor.userId, name: actor.username };
}
