import type { PortalMe } from '@core/citizens/api';
import { meetsLevel } from '@core/citizens/api';
import type { DraftView } from '@core/portal/api';
import { Alert, Anchor, Button, Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { currentLanguage } from '../../i18n';
import { ErrorAlert } from '../shell/ErrorAlert';
import { problemMessage } from './live';
import { useDeleteDraft } from './queries';
import { useRestartDraft } from './restart';

/**
 * What the person must know before going on: the draft's procedure version is no longer in force
 * (with a way to start again), a step needs them in person (`partial` procedures, and why), or the
 * procedure needs a stronger identity level than theirs.
 */
export function ProcedureNotices({ view, me }: { view: DraftView; me: PortalMe }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const restart = useRestartDraft();
  const remove = useDeleteDraft();
  const { procedure } = view;
  const language = currentLanguage();
  const code = procedure.standing === 'superseded' ? 'PORTAL_PROCEDURE_VERSION_SUPERSEDED' : 'PORTAL_PROCEDURE_WITHDRAWN';
  return (
    <>
      {procedure.standing !== 'current' && (
        <Alert color="red" variant="light" title={t(`submit.standing.${procedure.standing}Title`)} icon={<IconAlertTriangle aria-hidden />}>
          <Text size="sm">{problemMessage(code, language, t(`submit.standing.${procedure.standing}`), { code: procedure.code })}</Text>
          <Group gap="sm" mt="sm">
            {procedure.standing === 'superseded' ? (
              <Button size="sm" loading={restart.isPending} onClick={() => restart.mutate(view, { onSuccess: (id) => navigate(`/ban-nhap/${id}`, { replace: true }) })}>
                {t('submit.standing.restart')}
              </Button>
            ) : (
              <Button size="sm" variant="default" color="red.9" loading={remove.isPending} onClick={() => remove.mutate(view.id, { onSuccess: () => navigate('/ban-nhap', { replace: true }) })}>
                {t('submit.standing.delete')}
              </Button>
            )}
            <Anchor component={Link} to={`/thu-tuc/${encodeURIComponent(procedure.code)}`} size="sm">
              {t('submit.standing.viewProcedure')}
            </Anchor>
          </Group>
          <div role="alert">
            {restart.isError && <ErrorAlert title={t('submit.standing.restartFailed')} error={restart.error} />}
            {remove.isError && <ErrorAlert title={t('submit.drafts.deleteFailed')} error={remove.error} />}
          </div>
        </Alert>
      )}
      {procedure.presence && (
        <Alert color="blue" variant="light" title={t('submit.presence.title')} icon={<IconInfoCircle aria-hidden />}>
          <Text size="sm">{t('submit.presence.body')}</Text>
          <Text size="sm" mt={4} fw={600}>
            {t('submit.presence.reason', { reason: procedure.presence.reason })}
          </Text>
        </Alert>
      )}
      {!meetsLevel(me.level, procedure.identityLevel) && (
        <Alert color="red" variant="light" title={t('submit.identity.title')} icon={<IconAlertTriangle aria-hidden />}>
          <Text size="sm">{t('submit.identity.body')}</Text>
        </Alert>
      )}
    </>
  );
}
