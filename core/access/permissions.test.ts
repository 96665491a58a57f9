import { describe, expect, it } from 'vitest';
import { navigationFor, navigationKeyOf } from './navigation';
import { PERMISSIONS, ROLE_PERMISSIONS, canActOnUnit, grantedPermissions, hasPermission } from './permissions';
import { ROLES } from './roles';

describe('permission matrix', () => {
  it('names only known permissions and gives every role the workspace', () => {
    for (const role of ROLES) {
      for (const p of ROLE_PERMISSIONS[role]) expect(PERMISSIONS).toContain(p);
      expect(ROLE_PERMISSIONS[role]).toContain('workspace.view');
    }
  });

  it('only the system administrator manages the organisation and accounts', () => {
    const managers = ROLES.filter((r) => hasPermission([{ role: r, unitId: 'u', includeSubtree: false }], 'org.manage'));
    expect(managers).toEqual(['system_admin']);
  });

  it('scopes an assignment to its unit, and to the sub-tree only when asked', () => {
    const own = [{ role: 'agency_head' as const, unitId: 'dept', includeSubtree: false }];
    const tree = [{ role: 'agency_head' as const, unitId: 'dept', includeSubtree: true }];
    expect(canActOnUnit(own, 'users.read', ['dept', 'city'])).toBe(true);
    expect(canActOnUnit(own, 'users.read', ['division', 'dept', 'city'])).toBe(false);
    expect(canActOnUnit(tree, 'users.read', ['division', 'dept', 'city'])).toBe(true);
    expect(canActOnUnit(tree, 'users.read', ['other', 'city'])).toBe(false);
    expect(canActOnUnit(tree, 'org.manage', ['dept', 'city'])).toBe(false);
  });

  it('derives the navigation from the permissions', () => {
    const specialist = navigationFor(grantedPermissions([{ role: 'specialist', unitId: 'x', includeSubtree: false }])).map((n) => n.key);
    const admin = navigationFor(grantedPermissions([{ role: 'system_admin', unitId: 'x', includeSubtree: true }])).map((n) => n.key);
    expect(specialist).toEqual(['overview', 'dossiers', 'reform', 'legacyImport', 'organisation', 'calendar']);
    expect(admin).toEqual(['overview', 'index', 'reform', 'accountability', 'organisation', 'calendar', 'catalogue', 'publication', 'users', 'audit']);
    const officer = navigationFor(grantedPermissions([{ role: 'onestop_officer', unitId: 'x', includeSubtree: true }])).map((n) => n.key);
    expect(officer).toEqual(['overview', 'dossiers', 'intake', 'feedback', 'legacyImport', 'organisation', 'calendar']);
  });

  it('marks exactly one entry as the current page: the longest path that contains it', () => {
    expect(navigationKeyOf('/staff')).toBe('overview');
    expect(navigationKeyOf('/staff/dossiers')).toBe('dossiers');
    expect(navigationKeyOf('/staff/dossiers/000.00.30.H26-261130-0001')).toBe('dossiers');
    expect(navigationKeyOf('/staff/dossiers/new')).toBe('intake');
    expect(navigationKeyOf('/staff/users')).toBe('users');
    expect(navigationKeyOf('/staff/usersx')).toBeUndefined();
  });
});
