import { STAFF_NAVIGATION } from '@core/access/navigation';
import { lazy, type ReactNode, Suspense } from 'react';
import { Route, Routes } from 'react-router-dom';
import { RequirePermission } from '../auth/RequirePermission';
import { RequireStaff } from '../auth/RequireStaff';
import { Loading } from './Loading';
import { NotFoundPage } from './NotFoundPage';
import { StaffLayout } from './StaffLayout';

const OverviewPage = lazy(() => import('./OverviewPage').then((m) => ({ default: m.OverviewPage })));
const UnitsPage = lazy(() => import('../units/UnitsPage').then((m) => ({ default: m.UnitsPage })));
const UsersPage = lazy(() => import('../users/UsersPage').then((m) => ({ default: m.UsersPage })));
const CalendarPage = lazy(() => import('../calendar/CalendarPage').then((m) => ({ default: m.CalendarPage })));
const CatalogueImportPage = lazy(() => import('../catalogue/CatalogueImportPage').then((m) => ({ default: m.CatalogueImportPage })));
const PublicationPage = lazy(() => import('../publication/PublicationPage').then((m) => ({ default: m.PublicationPage })));
const DossierListPage = lazy(() => import('../dossiers/DossierListPage').then((m) => ({ default: m.DossierListPage })));
const IntakePage = lazy(() => import('../dossiers/IntakePage').then((m) => ({ default: m.IntakePage })));
const DossierPage = lazy(() => import('../dossiers/DossierPage').then((m) => ({ default: m.DossierPage })));
const AuditPage = lazy(() => import('../audit/AuditPage').then((m) => ({ default: m.AuditPage })));
const LegacyImportPage = lazy(() => import('../legacy-import/LegacyImportPage').then((m) => ({ default: m.LegacyImportPage })));
const FeedbackPage = lazy(() => import('../feedback/FeedbackPage').then((m) => ({ default: m.FeedbackPage })));
const ReformPage = lazy(() => import('../reform/ReformPage').then((m) => ({ default: m.ReformPage })));
const ReformPlanPage = lazy(() => import('../reform/PlanPage').then((m) => ({ default: m.PlanPage })));
const ReformTaskPage = lazy(() => import('../reform/TaskPage').then((m) => ({ default: m.TaskPage })));
const InternalProceduresPage = lazy(() => import('../internal-procedures/InternalProceduresPage').then((m) => ({ default: m.InternalProceduresPage })));
const HeadPage = lazy(() => import('../accountability/HeadPage').then((m) => ({ default: m.HeadPage })));
const IndexDashboardPage = lazy(() => import('../index/DashboardPage').then((m) => ({ default: m.DashboardPage })));
const IndexDrillPage = lazy(() => import('../index/DrillPage').then((m) => ({ default: m.DrillPage })));

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

/**
 * The staff workspace under `/staff`: sign-in required, then each page behind its permission. A
 * chunk of its own (App.tsx loads it for `/staff/*` only), so that the portal's pages carry neither
 * the workspace's routes and guards nor the list of its page chunks (docs/portal.md, Portal quality bar).
 */
export function StaffRoutes() {
  return (
    <Routes>
      <Route element={<RequireStaff />}>
        <Route element={<StaffLayout />}>
          <Route index element={guarded('overview', <OverviewPage />)} />
          <Route path="dossiers" element={guarded('dossiers', <DossierListPage />)} />
          <Route path="dossiers/new" element={guarded('intake', <IntakePage />)} />
          <Route path="dossiers/:ref" element={guarded('dossiers', <DossierPage />)} />
          <Route path="legacy-import" element={guarded('legacyImport', <LegacyImportPage />)} />
          <Route path="feedback" element={guarded('feedback', <FeedbackPage />)} />
          <Route path="reform" element={guarded('reform', <ReformPage />)} />
          <Route path="reform/plans/:id" element={guarded('reform', <ReformPlanPage />)} />
          <Route path="reform/tasks/:id" element={guarded('reform', <ReformTaskPage />)} />
          <Route path="reform/internal" element={guarded('reform', <InternalProceduresPage />)} />
          <Route path="head" element={guarded('accountability', <HeadPage />)} />
          <Route path="index" element={guarded('index', <IndexDashboardPage />)} />
          <Route path="index/:indicator" element={guarded('index', <IndexDrillPage />)} />
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
  );
}
