import { Alert, Button, PasswordInput, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconAlertCircle } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { ApiError } from '../../lib/api';
import { useLogin, useMe } from './session';

interface FromState {
  from?: string;
  signInFirst?: boolean;
}

/** Staff sign-in. Shows the server's own message for wrong credentials, lock-out and throttling. */
export function LoginPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('auth.loginTitle')} · ${t('app.shortName')}`);
  const me = useMe();
  const login = useLogin();
  const navigate = useNavigate();
  const state = (useLocation().state ?? {}) as FromState;
  const target = state.from?.startsWith('/staff') ? state.from : '/staff';
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [touched, setTouched] = useState(false);

  if (me.data) return <Navigate to={target} replace />;

  const usernameError = touched && !username.trim() ? t('auth.required', { field: t('auth.username').toLowerCase() }) : null;
  const passwordError = touched && !password ? t('auth.required', { field: t('auth.password').toLowerCase() }) : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setTouched(true);
    if (!username.trim() || !password) return;
    login.mutate(
      { username: username.trim(), password },
      { onSuccess: () => navigate(target, { replace: true }) },
    );
  }

  const error = login.error;
  return (
    <Paper withBorder shadow="sm" p={{ base: 'md', sm: 'xl' }} maw={440} mx="auto" mt={{ base: 0, sm: 'xl' }} radius="md">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <div>
            <Title order={1} size="h2">
              {t('auth.loginTitle')}
            </Title>
            <Text c="dimmed" size="sm" mt={4}>
              {t('auth.loginIntro')}
            </Text>
          </div>
          {state.signInFirst && !error && (
            <Alert color="blue" variant="light">
              {t('auth.signInFirst')}
            </Alert>
          )}
          {error && (
            <Alert key={login.submittedAt} color="red" variant="light" title={t('auth.loginFailed')} icon={<IconAlertCircle aria-hidden />}>
              {error.message}
              {error instanceof ApiError && error.requestId && (
                <Text size="xs" c="dimmed" mt={4}>
                  {t('common.requestId', { id: error.requestId })}
                </Text>
              )}
            </Alert>
          )}
          <TextInput
            label={t('auth.username')}
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            value={username}
            onChange={(event) => setUsername(event.currentTarget.value)}
            error={usernameError}
          />
          <PasswordInput
            label={t('auth.password')}
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={passwordError}
            visibilityToggleButtonProps={{ 'aria-label': t('auth.showPassword') }}
          />
          <Button type="submit" loading={login.isPending} fullWidth size="md">
            {t('auth.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
