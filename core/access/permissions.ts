import type { Role } from './roles';

/** Every action the API guards. A route names exactly one of these. */
export const PERMISSIONS = [
  'org.manage',
  'users.read',
  'users.manage',
  'audit.read',
  'audit.verify',
  'calendar.manage',
  'workspace.view',
  'catalogue.manage',
  'publication.manage',
  'publication.view',
  'dossier.read',
  'dossier.receive',
  'feedback.answer',
  'payment.record',
  'warehouse.read',
  'warehouse.verify',
  'index.view',
  'index.targets',
  'index.configure',
  'index.import',
  // reform plans and tasks (issue 9)
  'reform.view',
  'reform.report',
  'reform.manage',
  'reform.accept',
  // inspection and accountability (issue 9, docs/accountability.md)
  'accountability.view',
  'accountability.inspect',
  'accountability.handle',
  'accountability.configure',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

/**
 * The permission matrix: which role may do what. Data, read by the server
 * (route guards) and the client (navigation); a test walks every route × role against it.
 */
export const ROLE_PERMISSIONS = {
  system_admin: ['org.manage', 'users.read', 'users.manage', 'audit.read', 'audit.verify', 'calendar.manage', 'workspace.view', 'catalogue.manage', 'publication.manage', 'publication.view', 'index.view', 'index.targets', 'index.configure', 'index.import', 'reform.view', 'reform.manage', 'reform.accept', 'accountability.view', 'accountability.configure'],
  control_officer: ['users.read', 'audit.read', 'audit.verify', 'workspace.view', 'catalogue.manage', 'publication.manage', 'publication.view', 'dossier.read', 'feedback.answer', 'warehouse.read', 'index.view', 'index.targets', 'index.configure', 'index.import', 'reform.view', 'reform.manage', 'reform.accept', 'accountability.view', 'accountability.inspect', 'accountability.handle', 'accountability.configure'],
  city_leader: ['users.read', 'audit.read', 'workspace.view', 'publication.view', 'dossier.read', 'index.view', 'index.targets', 'reform.view', 'accountability.view', 'accountability.handle'],
  agency_head: ['users.read', 'workspace.view', 'publication.view', 'dossier.read', 'feedback.answer', 'index.view', 'reform.view', 'reform.report', 'accountability.view', 'accountability.handle'],
  unit_leader: ['users.read', 'workspace.view', 'publication.view', 'dossier.read', 'feedback.answer', 'index.view', 'reform.view', 'reform.report', 'accountability.view', 'accountability.handle'],
  specialist: ['workspace.view', 'dossier.read', 'warehouse.read', 'warehouse.verify', 'reform.view', 'reform.report'],
  onestop_officer: ['workspace.view', 'dossier.read', 'dossier.receive', 'feedback.answer', 'payment.record', 'warehouse.read', 'warehouse.verify'],
} as const satisfies Record<Role, readonly Permission[]>;

/** A role held by a person in one unit, optionally over that unit's whole sub-tree. */
export interface RoleAssignment {
  role: Role;
  unitId: string;
  includeSubtree: boolean;
}

/** True when the role grants the permission. */
export function roleGrants(role: Role, permission: Permission): boolean {
  return (ROLE_PERMISSIONS[role] as readonly Permission[]).includes(permission);
}

/** True when any of the assignments grants the permission somewhere. */
export function hasPermission(assignments: readonly RoleAssignment[], permission: Permission): boolean {
  return assignments.some((a) => roleGrants(a.role, permission));
}

/**
 * True when the assignments grant the permission over a record of a unit.
 * `unitPath` lists the record's unit and all its ancestors (any order).
 */
export function canActOnUnit(assignments: readonly RoleAssignment[], permission: Permission, unitPath: readonly string[]): boolean {
  const [own] = unitPath;
  return assignments.some(
    (a) => roleGrants(a.role, permission) && (a.unitId === own || (a.includeSubtree && unitPath.includes(a.unitId))),
  );
}

/** The set of permissions the assignments grant anywhere, for the client's navigation. */
export function grantedPermissions(assignments: readonly RoleAssignment[]): Permission[] {
  const granted = new Set<Permission>();
  for (const a of assignments) for (const p of ROLE_PERMISSIONS[a.role]) granted.add(p);
  return PERMISSIONS.filter((p) => granted.has(p));
}
