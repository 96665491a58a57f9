import { draftListResponse } from '@core/portal/api';
import { Anchor, Stack } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate, useParams } from 'react-router-dom';
import { api } from '../../lib/api';
import { ErrorAlert } from '../shell/ErrorAlert';
import { Loading } from '../shell/Loading';
import { PageHeader } from '../shell/PageHeader';
import { QueryError } from '../shell/QueryError';
import { signInPath, usePortalMe } from '../portal/session';
import { useCreateDraft } from './queries';

/**
 * `/nop-ho-so/:procedureCode`: resumes the person's open draft of the procedure (started here or on
 * another device) or starts one, then opens the wizard. Signs in first when needed.
 */
export function StartPage() {
  const { t } = useTranslation();
  const code = useParams().procedureCode ?? '';
  const location = useLocation();
  const navigate = useNavigate();
  const me = usePortalMe();
  const create = useCreateDraft();
  const [error, setError] = useState<Error | null>(null);
  // Starts once: a re-render (or React's development double effect) must not open two drafts.
  const started = useRef(false);
  const signedIn = Boolean(me.data);

  useEffect(() => {
    if (!signedIn || started.current) return;
    started.current = true;
    (async () => {
      const { items } = await api.get('/api/v1/portal/drafts', draftListResponse);
      const open = items.find((d) => d.procedureCode === code && d.standing === 'current');
      const id = open ? open.id : (await create.mutateAsync({ procedureCode: code })).id;
      navigate(`/ban-nhap/${id}`, { replace: true });
    })().catch((e: Error) => setError(e));
  }, [signedIn, code, create, navigate]);

  if (me.isError) return <QueryError error={me.error} onRetry={() => void me.refetch()} />;
  if (me.data === null) return <Navigate to={signInPath(location.pathname)} replace />;
  if (!error) return <Loading minHeight="50vh" />;
  return (
    <Stack gap="md" py="md">
      <PageHeader title={t('submit.start.title')} />
      <ErrorAlert title={t('submit.start.failed')} error={error} />
      <Anchor component={Link} to={`/thu-tuc/${encodeURIComponent(code)}`}>
        {t('submit.start.backToProcedure')}
      </Anchor>
    </Stack>
  );
}
