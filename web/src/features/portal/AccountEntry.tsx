import { Button, Text } from '@mantine/core';
import { IconLogin, IconUserCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { signInPath, usePortalMe } from './session';

/**
 * The citizen's way in, in the header of every public page: "Đăng nhập" (back to this page after
 * signing in), or once signed in the person's name (an icon on a phone), leading to their dossiers.
 */
export function AccountEntry() {
  const { t } = useTranslation();
  const { pathname, search } = useLocation();
  const me = usePortalMe().data;
  if (me) {
    return (
      <Button
        component={Link}
        to="/ho-so-cua-toi"
        variant="subtle"
        size="xs"
        px={4}
        aria-label={t('citizen.account', { name: me.fullName })}
        leftSection={<IconUserCircle size={26} aria-hidden />}
      >
        <Text span inherit visibleFrom="md" aria-hidden>
          {me.fullName}
        </Text>
      </Button>
    );
  }
  // Nowhere to go from the sign-in pages themselves; `undefined` (still asking) shows nothing yet.
  if (me === undefined || pathname === '/dang-nhap' || pathname === '/login') return null;
  return (
    <Button component={Link} to={signInPath(pathname + search)} size="xs" leftSection={<IconLogin size={16} aria-hidden />}>
      {t('citizen.signIn')}
    </Button>
  );
}
