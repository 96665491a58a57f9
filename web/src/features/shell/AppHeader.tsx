import { Anchor, Box, Burger, Button, Group, Text, ThemeIcon, VisuallyHidden } from '@mantine/core';
import { IconBuildingBank, IconFileSearch } from '@tabler/icons-react';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useMe } from '../auth/session';
import { AccountEntry } from '../portal/AccountEntry';
import { LanguageSwitch } from './LanguageSwitch';

// Only staff need their menu (and the pop-over code it brings): citizens' pages never load it.
const UserMenu = lazy(() => import('./UserMenu').then((m) => ({ default: m.UserMenu })));

export interface NavbarToggle {
  opened: boolean;
  toggle: () => void;
}

/**
 * The top bar: app name, the signed-in person's current unit, language, and the staff member's menu
 * or, for everyone else, the citizen's sign-in or account (the staff sign-in is on the home page).
 */
export function AppHeader({ navbar }: { navbar?: NavbarToggle }) {
  const { t } = useTranslation();
  const me = useMe().data;
  return (
    <Group h="100%" px={{ base: 'xs', sm: 'md' }} justify="space-between" wrap="nowrap" gap="xs">
      <Group gap="xs" wrap="nowrap" miw={0}>
        {navbar && (
          <Burger
            opened={navbar.opened}
            onClick={navbar.toggle}
            hiddenFrom="sm"
            size="sm"
            aria-label={t('a11y.toggleNavigation')}
            aria-expanded={navbar.opened}
            aria-controls="staff-navigation"
          />
        )}
        <ThemeIcon size="lg" radius="md" visibleFrom="xs" aria-hidden>
          <IconBuildingBank size={22} />
        </ThemeIcon>
        <Box miw={0}>
          <Anchor component={Link} to="/" c="blue.9" fw={700} underline="hover" lh={1.25} display="block">
            <Text span inherit visibleFrom="sm">
              {t('app.name')}
            </Text>
            <Text span inherit hiddenFrom="sm">
              {t('app.shortName')}
            </Text>
          </Anchor>
          <Text size="xs" c="dimmed" truncate="end" lh={1.3}>
            {me ? (
              <>
                <VisuallyHidden>{t('a11y.currentUnit')}: </VisuallyHidden>
                {me.user.unitName}
              </>
            ) : (
              t('app.owner')
            )}
          </Text>
        </Box>
      </Group>
      <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
        <Button component={Link} to="/thu-tuc" variant="subtle" size="xs" px={6} visibleFrom="xs" aria-label={t('catalogue.title')} leftSection={<IconFileSearch size={18} aria-hidden />} styles={{ section: { marginInlineEnd: 'var(--mantine-spacing-xs)' } }}>
          <Text span inherit visibleFrom="md">
            {t('catalogue.title')}
          </Text>
        </Button>
        <LanguageSwitch />
        {me ? (
          <Suspense fallback={null}>
            <UserMenu me={me} />
          </Suspense>
        ) : (
          <AccountEntry />
        )}
      </Group>
    </Group>
  );
}
