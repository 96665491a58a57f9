import { STAFF_NAVIGATION } from '@core/access/navigation';
import type { ReactNode } from 'react';
import { Route, Routes } from 'react-router-dom';
import { AuditPage } from './features/audit/AuditPage';
import { LoginPage } from './features/auth/LoginPage';
import { RequirePermission } from './features/auth/RequirePermission';
import { RequireStaff } from './features/auth/RequireStaff';
import { HomePage } from './features/home/HomePage';
import { NotFoundPage } from './features/shell/NotFoundPage';
import { OverviewPage } from './features/shell/OverviewPage';
import { PublicLayout } from './features/shell/PublicLayout';
import { StaffLayout } from './features/shell/StaffLayout';
import { UnitsPage } from './features/units/UnitsPage';
import { UsersPage } from './features/users/UsersPage';

/** Guards a staff page with the permission its navigation entry names, so menu and route agree. */
function guarded(key: string, page: ReactNode) {
  const item = STAFF_NAVIGATION.find((entry) => entry.key === key);
  if (!item) throw new Error(`No navigation entry "${key}"`);
  return <RequirePermission permission={item.permission}>{page}</RequirePermission>;
}

/** Routes: the public site, and the staff workspace behind sign-in. */
export function App() {
  return (
    <Routes>
      <Route element={<PublicLayout />}>
        <Route index element={<HomePage />} />
        <Route path="login" element={<LoginPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
      <Route path="staff" element={<RequireStaff />}>
        <Route element={<StaffLayout />}>
          <Route index element={guarded('overview', <OverviewPage />)} />
          <Route path="units" element={guarded('organisation', <UnitsPage />)} />
          <Route path="users" element={guarded('users', <UsersPage />)} />
          <Route path="audit" element={guarded('audit', <AuditPage />)} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}
