import { lazy, type ReactNode, Suspense } from 'react';
import { Route, Routes } from 'react-router-dom';
import { Loading } from './features/shell/Loading';
import { NotFoundPage } from './features/shell/NotFoundPage';
import { PublicLayout } from './features/shell/PublicLayout';

// The home page is a chunk of its own, so that a portal page opened from a link does not load it.
const HomePage = lazy(() => import('./features/home/HomePage').then((m) => ({ default: m.HomePage })));
// Staff sign-in is loaded on demand: citizens visiting the home page never download it.
const LoginPage = lazy(() => import('./features/auth/LoginPage').then((m) => ({ default: m.LoginPage })));
const LogoutPage = lazy(() => import('./features/auth/LogoutPage').then((m) => ({ default: m.LogoutPage })));
// The staff workspace (its routes, guards and pages) is one more chunk, loaded for /staff only.
const StaffRoutes = lazy(() => import('./features/shell/StaffRoutes').then((m) => ({ default: m.StaffRoutes })));
const SearchPage = lazy(() => import('./features/catalogue/SearchPage').then((m) => ({ default: m.SearchPage })));
const ProcedurePage = lazy(() => import('./features/catalogue/ProcedurePage').then((m) => ({ default: m.ProcedurePage })));
const VersionsPage = lazy(() => import('./features/catalogue/VersionsPage').then((m) => ({ default: m.VersionsPage })));
// Online submission (web/src/features/submit): its own chunks, texts included.
const StartPage = lazy(() => import('./features/submit/StartPage').then((m) => ({ default: m.StartPage })));
const DraftsPage = lazy(() => import('./features/submit/DraftsPage').then((m) => ({ default: m.DraftsPage })));
const WizardPage = lazy(() => import('./features/submit/WizardPage').then((m) => ({ default: m.WizardPage })));
// The citizen portal (web/src/features/portal): each page its own chunk; none loads back-office code.
const SignInPage = lazy(() => import('./features/portal/SignInPage').then((m) => ({ default: m.SignInPage })));
const LookupPage = lazy(() => import('./features/portal/LookupPage').then((m) => ({ default: m.LookupPage })));
const PortalArea = lazy(() => import('./features/portal/PortalArea').then((m) => ({ default: m.PortalArea })));
const MyDossiersPage = lazy(() => import('./features/portal/MyDossiersPage').then((m) => ({ default: m.MyDossiersPage })));
const PortalDossierPage = lazy(() => import('./features/portal/DossierPage').then((m) => ({ default: m.DossierPage })));
// Public verification of signed e-results (web/src/features/verify): its own chunk, texts included.
const VerifyPage = lazy(() => import('./features/verify/VerifyPage').then((m) => ({ default: m.VerifyPage })));
const WarehousePage = lazy(() => import('./features/warehouse/WarehousePage').then((m) => ({ default: m.WarehousePage })));
const PortalFeedbackPage = lazy(() => import('./features/portal/FeedbackPage').then((m) => ({ default: m.FeedbackPage })));
// The public service-index page (web/src/features/index): its own chunk, no back-office code.
const PublicIndexPage = lazy(() => import('./features/index/PublicIndexPage').then((m) => ({ default: m.PublicIndexPage })));

/** A public page loaded on demand; the header stays while it loads. */
function lazyPage(page: ReactNode) {
  return <Suspense fallback={<Loading minHeight="50vh" />}>{page}</Suspense>;
}

/** Routes: the public site, and the staff workspace behind sign-in. */
export function App() {
  return (
    <Suspense fallback={<Loading minHeight="50vh" />}>
      <Routes>
      <Route element={<PublicLayout />}>
        <Route index element={lazyPage(<HomePage />)} />
        <Route path="thu-tuc" element={lazyPage(<SearchPage />)} />
        <Route path="thu-tuc/:code" element={lazyPage(<ProcedurePage />)} />
        <Route path="thu-tuc/:code/versions" element={lazyPage(<VersionsPage />)} />
        <Route path="nop-ho-so/:procedureCode" element={lazyPage(<StartPage />)} />
        <Route path="dang-nhap" element={lazyPage(<SignInPage />)} />
        <Route path="tra-cuu" element={lazyPage(<LookupPage />)} />
        <Route path="tra-cuu/:code" element={lazyPage(<LookupPage />)} />
        <Route path="xac-minh" element={lazyPage(<VerifyPage />)} />
        <Route path="xac-minh/:code" element={lazyPage(<VerifyPage />)} />
        <Route path="chi-so" element={lazyPage(<PublicIndexPage />)} />
        <Route path="chi-so/:unit" element={lazyPage(<PublicIndexPage />)} />
        <Route element={lazyPage(<PortalArea />)}>
          <Route path="ho-so-cua-toi" element={lazyPage(<MyDossiersPage />)} />
          <Route path="ban-nhap" element={lazyPage(<DraftsPage />)} />
          <Route path="ban-nhap/:id" element={lazyPage(<WizardPage />)} />
          <Route path="ho-so/:code" element={lazyPage(<PortalDossierPage />)} />
          <Route path="phan-anh" element={lazyPage(<PortalFeedbackPage />)} />
          <Route path="kho-du-lieu" element={lazyPage(<WarehousePage />)} />
        </Route>
        <Route path="login" element={lazyPage(<LoginPage />)} />
        <Route path="logout" element={lazyPage(<LogoutPage />)} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
      <Route path="staff/*" element={<StaffRoutes />} />
      </Routes>
    </Suspense>
  );
}
