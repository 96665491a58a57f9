import { AppShell } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router-dom';
// The workspace's texts come with its code, not with the public pages (src/i18n/staff-sections.json).
import '../../i18n/staff';
import { useMe } from '../auth/session';
import { AppHeader } from './AppHeader';
import { SkipLink } from './SkipLink';
import { StaffNav } from './StaffNav';

/** The staff workspace frame: header, role-aware navigation (a burger menu at 768 px and below), main. */
export function StaffLayout() {
  const { t } = useTranslation();
  const me = useMe().data;
  const [opened, { toggle, close }] = useDisclosure(false);
  const narrow = useMediaQuery('(max-width: 48em)') ?? false;
  const mainRef = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const previousPath = useRef(pathname);

  // After client-side navigation, move focus to the new content as a full page load would.
  useEffect(() => {
    if (previousPath.current === pathname) return;
    previousPath.current = pathname;
    mainRef.current?.focus();
  }, [pathname]);

  if (!me) return null;
  return (
    <AppShell
      header={{ height: 64 }}
      navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'sm', sm: 'lg' }}
    >
      <SkipLink />
      <AppShell.Header>
        <AppHeader navbar={{ opened, toggle }} />
      </AppShell.Header>
      <AppShell.Navbar id="staff-navigation" p="sm" aria-label={t('a11y.mainNavigation')} inert={narrow && !opened}>
        <StaffNav me={me} onNavigate={close} />
      </AppShell.Navbar>
      <AppShell.Main id="main-content" tabIndex={-1} ref={mainRef}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
