import { STAFF_NAVIGATION } from '@core/access/navigation';
import { lazy, type ReactNode, Suspense } from 'react';
import { Route, Routes } from 'react-router-dom';
import { LoginPage } from './features/auth/LoginPage';
import { LogoutPage } from './features/auth/LogoutPage';
import { RequirePermission } from './features/auth/RequirePermission';
import { RequireStaff } from './features/auth/RequireStaff';
import { HomePage } from './features/home/HomePage';
import { Loading } from './features/shell/Loading';
import { NotFoundPage } from './features/shell/NotFoundPage';
import { PublicLayout } from './features/shell/PublicLayout';

// The workspace is loaded on demand: citizens visiting the home page never download it.
const StaffLayout = lazy(() => import('./features/shell/StaffLayout').then((m) => ({ default: m.StaffLayout })));
const OverviewPage = lazy(() => import('./features/shell/OverviewPage').then((m) => ({ default: m.OverviewPage })));
const UnitsPage = lazy(() => import('./features/units/UnitsPage').then((m) => ({ default: m.UnitsPage })));
const UsersPage = lazy(() => import('./features/users/UsersPage').then((m) => ({ default: m.UsersPage })));
const CalendarPage = lazy(() => import('./features/calendar/CalendarPage').then((m) => ({ default: m.CalendarPage })));
const SearchPage = lazy(() => import('./features/catalogue/SearchPage').then((m) => ({ default: m.SearchPage })));
const ProcedurePage = lazy(() => import('./features/catalogue/ProcedurePage').then((m) => ({ default: m.ProcedurePage })));
const VersionsPage = lazy(() => import('./features/catalogue/VersionsPage').then((m) => ({ default: m.VersionsPage })));
const CatalogueImportPage = lazy(() => import('./features/catalogue/CatalogueImportPage').then((m) => ({ default: m.CatalogueImportPage })));
const PublicationPage = lazy(() => import('./features/publication/PublicationPage').then((m) => ({ default: m.PublicationPage })));
const DossierListPage = lazy(() => import('./features/dossiers/DossierListPage').then((m) => ({ default: m.DossierListPage })));
const IntakePage = lazy(() => import('./features/dossiers/IntakePage').then((m) => ({ default: m.IntakePage })));
const DossierPage = lazy(() => import('./features/dossiers/DossierPage').then((m) => ({ default: m.DossierPage })));
const AuditPage = lazy(() => import('./features/audit/AuditPage').then((m) => ({ default: m.AuditPage })));

/** A public page loaded on demand; the header stays while it loads. */
function lazyPage(page: ReactNode) {
  return <Suspense fallback={<Loading minHeight="50vh" />}>{page}</Suspense>;
}

/** Guards a staff page with the permission its navigation entry names, so menu and route agree. */
function guarded(key: string, page: ReactNode) {
  const item = STAFF_NAVIGATION.find((entry) => entry.key === key);
  if (!item) throw new Error(`No navigation entry "${key}"`);
  return (
    <RequirePermission permission={item.permission}>
      <Suspense fallback={<Loading minHeight="50vh" />}>{page}</Suspense>
    </RequirePermission>
  );
}

/** Routes: the public site, and the staff workspace behind sign-in. */
export function App() {
  return (
    <Suspense fallback={<Loading minHeight="50vh" />}>
      <Routes>
      <Route element={<PublicLayout />}>
        <Route index element={<HomePage />} />
        <Route path="thu-tuc" element={lazyPage(<SearchPage />)} />
        <Route path="thu-tuc/:code" element={lazyPage(<ProcedurePage />)} />
        <Route path="thu-tuc/:code/versions" element={lazyPage(<VersionsPage />)} />
        <Route path="login" element={<LoginPage />} />
        <Route path="logout" element={<LogoutPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
      <Route path="staff" element={<RequireStaff />}>
        <Route element={<StaffLayout />}>
          <Route index element={guarded('overview', <OverviewPage />)} />
          <Route path="dossiers" element={guarded('dossiers', <DossierListPage />)} />
          <Route path="dossiers/new" element={guarded('intake', <IntakePage />)} />
          <Route path="dossiers/:ref" element={guarded('dossiers', <DossierPage />)} />
          <Route path="units" element={guarded('organisation', <UnitsPage />)} />
          <Route path="calendar" element={guarded('calendar', <CalendarPage />)} />
          <Route path="catalogue" element={guarded('catalogue', <CatalogueImportPage />)} />
          <Route path="publication" element={guarded('publication', <PublicationPage />)} />
          <Route path="users" element={guarded('users', <UsersPage />)} />
          <Route path="audit" element={guarded('audit', <AuditPage />)} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
      </Routes>
    </Suspense>
  );
}
