import type { Permission } from './permissions';

/** One entry of the staff navigation; shown only to those holding its permission. */
export interface NavItem {
  key: string;
  path: string;
  permission: Permission;
}

/** The staff workspace navigation, in display order. Labels live in the client's translations under `nav.<key>`. */
export const STAFF_NAVIGATION: readonly NavItem[] = [
  { key: 'overview', path: '/staff', permission: 'workspace.view' },
  { key: 'dossiers', path: '/staff/dossiers', permission: 'dossier.read' },
  { key: 'intake', path: '/staff/dossiers/new', permission: 'dossier.receive' },
  { key: 'feedback', path: '/staff/feedback', permission: 'feedback.answer' },
  { key: 'index', path: '/staff/index', permission: 'index.view' },
  { key: 'reform', path: '/staff/reform', permission: 'reform.view' },
  { key: 'accountability', path: '/staff/head', permission: 'accountability.view' },
  { key: 'legacyImport', path: '/staff/legacy-import', permission: 'warehouse.verify' },
  { key: 'organisation', path: '/staff/units', permission: 'workspace.view' },
  { key: 'calendar', path: '/staff/calendar', permission: 'workspace.view' },
  { key: 'catalogue', path: '/staff/catalogue', permission: 'catalogue.manage' },
  { key: 'publication', path: '/staff/publication', permission: 'publication.view' },
  { key: 'users', path: '/staff/users', permission: 'users.read' },
  { key: 'audit', path: '/staff/audit', permission: 'audit.read' },
];

/** The entry a path belongs to: the longest entry path it starts with (`/staff/dossiers/new` is intake, not the list). */
export function navigationKeyOf(pathname: string): string | undefined {
  let best: NavItem | undefined;
  for (const item of STAFF_NAVIGATION) {
    const inside = item.path === '/staff' ? pathname === '/staff' || pathname === '/staff/' : pathname === item.path || pathname.startsWith(`${item.path}/`);
    if (inside && (!best || item.path.length > best.path.length)) best = item;
  }
  return best?.key;
}

/** The navigation entries a holder of these permissions may see. */
export function navigationFor(permissions: readonly Permission[]): NavItem[] {
  return STAFF_NAVIGATION.filter((item) => permissions.includes(item.permission));
}
