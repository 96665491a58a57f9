import { Alert, Anchor, Button, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconAlertCircle, IconFlask, IconId } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router-dom';
import { Loading } from '../shell/Loading';
import './register-texts';
import { providerLoginUrl, usePortalMe } from './session';

/** Sign-in errors the page can name; any other code is shown as it is, with a general message. */
const KNOWN_ERRORS = ['PORTAL_LOGIN_CANCELLED', 'PORTAL_LOGIN_EXPIRED', 'PORTAL_LOGIN_STATE_INVALID', 'PORTAL_LOGIN_FAILED', 'PORTAL_IDENTITY_PROVIDER_UNAVAILABLE', 'AUTH_SESSION_EXPIRED'];

/** Where to go after signing in: a path on this site (the server checks it again), else the person's dossiers. */
function returnPath(value: string | null): string {
  return value?.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : '/ho-so-cua-toi';
}

/**
 * True when this server runs the identity-provider SIMULATOR (the embedded default): its discovery
 * document answers under /sim/idp. The page then says so, so nobody takes the demo people for VNeID.
 */
function useSimulatorProvider() {
  return useQuery({
    queryKey: ['public', 'idp-simulator'],
    queryFn: async () => (await fetch('/sim/idp/.well-known/openid-configuration', { headers: { Accept: 'application/json' } })).ok,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}

/** Citizen and business sign-in through the electronic identity provider (OpenID Connect). */
export function SignInPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('portal.signIn.title')} · ${t('app.shortName')}`);
  const [params] = useSearchParams();
  const me = usePortalMe();
  const simulator = useSimulatorProvider().data === true;
  const target = returnPath(params.get('returnTo'));
  const error = params.get('error');

  if (me.isPending) return <Loading minHeight="40vh" />;
  if (me.data) return <Navigate to={target} replace />;

  return (
    <Paper withBorder shadow="sm" p={{ base: 'md', sm: 'xl' }} maw={520} mx="auto" mt={{ base: 0, sm: 'xl' }} radius="md">
      <Stack gap="md">
        <div>
          <Title order={1} size="h2">
            {t('portal.signIn.title')}
          </Title>
          <Text c="dimmed" mt={4}>
            {t('portal.signIn.intro')}
          </Text>
        </div>
        {error && (
          <Alert color="red" variant="light" title={t('portal.signIn.failed')} icon={<IconAlertCircle aria-hidden />}>
            {KNOWN_ERRORS.includes(error) ? t(`portal.signIn.errors.${error}`) : t('portal.signIn.errors.other')}
            <Text size="xs" c="dimmed" mt={4}>
              {t('portal.signIn.errorCode', { code: error })}
            </Text>
          </Alert>
        )}
        {simulator && (
          <Alert color="orange" variant="light" c="black" title={t('portal.signIn.simulatorTitle')} icon={<IconFlask aria-hidden />}>
            {t('portal.signIn.simulatorText')}
          </Alert>
        )}
        <Button component="a" href={providerLoginUrl(target)} size="md" fullWidth leftSection={<IconId size={20} aria-hidden />} styles={{ label: { whiteSpace: 'normal' }, root: { height: 'auto', minHeight: 44, paddingBlock: 8 } }}>
          {t('citizen.signInWithProvider')}
        </Button>
        <List size="sm" spacing={4}>
          <List.Item>{t('portal.signIn.who')}</List.Item>
          <List.Item>{t('portal.signIn.business')}</List.Item>
          <List.Item>{t('portal.signIn.levels')}</List.Item>
        </List>
        <Text size="sm">
          {t('portal.signIn.noAccount')}{' '}
          <Anchor component={Link} to="/tra-cuu">
            {t('portal.signIn.lookup')}
          </Anchor>
        </Text>
        <Text size="sm" c="dimmed">
          {t('portal.signIn.staff')}{' '}
          <Anchor component={Link} to="/login">
            {t('portal.signIn.staffLink')}
          </Anchor>
        </Text>
      </Stack>
    </Paper>
  );
}
