import { Box, Container } from '@mantine/core';
import { Outlet } from 'react-router-dom';
import { AppHeader } from './AppHeader';
import { SkipLink } from './SkipLink';

/**
 * The public site frame: a header that stays at the top while scrolling, and the main content; no
 * staff navigation. Plain landmarks rather than Mantine's AppShell, which brings scroll-locking code
 * the portal's phones would download for nothing (docs/portal.md, Portal web).
 */
export function PublicLayout() {
  return (
    <>
      <SkipLink />
      <Box component="header" className="public-header" h={64}>
        <AppHeader />
      </Box>
      <Box component="main" id="main-content" tabIndex={-1} p={{ base: 'sm', sm: 'lg' }}>
        <Container size="lg" px={0}>
          <Outlet />
        </Container>
      </Box>
    </>
  );
}
