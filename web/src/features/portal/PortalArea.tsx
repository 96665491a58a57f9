import { Anchor, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconLogout } from '@tabler/icons-react';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { Loading } from '../shell/Loading';
import { QueryError } from '../shell/QueryError';
import './register-texts';
import { signInPath, usePortalMe, usePortalSignOut } from './session';

// Only representatives of an organisation have a choice to make: the switch comes with them.
const ActingForSwitch = lazy(() => import('./ActingForSwitch').then((m) => ({ default: m.ActingForSwitch })));

const LINKS = [
  { to: '/ho-so-cua-toi', key: 'myDossiers' },
  { to: '/ban-nhap', key: 'drafts' },
  { to: '/thu-tuc?online=full', key: 'newDossier' },
  { to: '/phan-anh', key: 'feedback' },
  { to: '/kho-du-lieu', key: 'warehouse' },
] as const;

/**
 * The signed-in part of the portal: the person (and the organisation they act for), the switch
 * between themselves and the organisations they represent, sign-out, and the portal's own links.
 * Without a portal session it sends the person to sign in, back here afterwards.
 */
export function PortalArea() {
  const { t } = useTranslation();
  const { pathname, search } = useLocation();
  const navigate = useNavigate();
  const me = usePortalMe();
  const signOut = usePortalSignOut();

  if (me.isPending) return <Loading minHeight="50vh" />;
  if (me.error) return <QueryError error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) return <Navigate to={signInPath(pathname + search)} replace />;
  const person = me.data;

  return (
    <Stack gap="md">
      <Paper component="section" withBorder p="sm" radius="md" aria-label={t('portal.area.label')}>
        <Group justify="space-between" align="flex-end" gap="sm">
          <div>
            <Text fw={700}>{person.fullName}</Text>
            <Text size="sm" c="dimmed">
              {t('portal.area.idNumber', { id: person.idNumber })} · {t(`portal.area.level.${person.level}`)}
            </Text>
          </div>
          {person.organisations.length > 0 && (
            <Suspense fallback={null}>
              <ActingForSwitch me={person} />
            </Suspense>
          )}
          <Button
            variant="default"
            size="sm"
            leftSection={<IconLogout size={16} aria-hidden />}
            loading={signOut.isPending}
            onClick={() => signOut.mutate(undefined, { onSettled: () => navigate('/', { replace: true }) })}
          >
            {t('portal.area.signOut')}
          </Button>
        </Group>
        <Group component="nav" aria-label={t('portal.area.nav')} gap="md" mt="xs" wrap="wrap">
          {LINKS.map((link) => {
            const current = pathname === link.to;
            return (
              <Anchor key={link.key} component={Link} to={link.to} size="sm" fw={current ? 700 : 500} aria-current={current ? 'page' : undefined}>
                {t(`portal.area.${link.key}`)}
              </Anchor>
            );
          })}
        </Group>
      </Paper>
      <Outlet />
    </Stack>
  );
}
