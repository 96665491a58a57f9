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

/** An organisation a citizen may act for (a business representative), as asserted by the identity provider. */
export interface Representation {
  taxCode: string;
  name: string;
}

/** A signed-in citizen or business representative of the portal, as loaded from their portal session. */
export interface CitizenActor {
  kind: 'citizen';
  citizenId: string;
  /** CCCD, 12 digits, from the identity provider. */
  idNumber: string;
  fullName: string;
  /** The provider's identity level; procedures may require `verified`. */
  level: 'basic' | 'verified';
  email: string | null;
  phone: string | null;
  /** Organisations this person may act for. */
  organisations: Representation[];
  /** The organisation the person acts for in this session; null = for themselves. */
  actingFor: Representation | null;
  sessionTokenHash: string;
  csrfToken: string;
  sessionExpiresAt: Date;
}

/** Who the citizen acts as: themselves (CCCD) or the organisation they represent (tax code) — the dossier's applicant. */
export function applicantOf(c: CitizenActor): { kind: 'citizen' | 'organisation'; idNumber: string; name: string } {
  return c.actingFor ? { kind: 'organisation', idNumber: c.actingFor.taxCode, name: c.actingFor.name } : { kind: 'citizen', idNumber: c.idNumber, name: c.fullName };
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

/** The audit view of a citizen actor. */
export function auditActorOfCitizen(actor: CitizenActor): AuditActor {
  return { kind: 'citizen', id: actor.citizenId, name: actor.fullName };
}
