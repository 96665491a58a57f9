import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router-dom';
import { currentLanguage } from '../../i18n';
import { ErrorAlert } from '../shell/ErrorAlert';
import { formatWhen } from '../../lib/format';
import { Loading } from '../shell/Loading';
import { PageHeader } from '../shell/PageHeader';
import { QueryError } from '../shell/QueryError';
import { signInPath, usePortalMe } from '../portal/session';
import { useDeleteDraft, useDrafts } from './queries';

const STANDING_COLORS = { current: '#1b6b34', superseded: '#a8400a', withdrawn: 'red.9' } as const;

/** `/ban-nhap`: the person's open drafts, saved on the server, so they resume on any device. */
export function DraftsPage() {
  const { t } = useTranslation();
  const me = usePortalMe();
  const drafts = useDrafts();
  const remove = useDeleteDraft();
  const [confirming, setConfirming] = useState<string | null>(null);
  const language = currentLanguage();

  if (me.data === null) return <Navigate to={signInPath('/ban-nhap')} replace />;
  const header = <PageHeader title={t('submit.drafts.title')} intro={t('submit.drafts.intro')} />;
  if (me.isError) return <QueryError error={me.error} onRetry={() => void me.refetch()} />;
  if (drafts.isError) {
    return (
      <Stack py="md">
        {header}
        <QueryError error={drafts.error} onRetry={() => void drafts.refetch()} />
      </Stack>
    );
  }
  if (me.isPending || drafts.isPending) return <Loading minHeight="50vh" />;

  return (
    <Stack gap="md" py={{ base: 'xs', sm: 'md' }}>
      {header}
      {drafts.data.length === 0 ? (
        <Alert color="gray" variant="light">
          <Text size="sm">{t('submit.drafts.empty')}</Text>
          <Anchor component={Link} to="/thu-tuc" size="sm">
            {t('submit.drafts.findProcedure')}
          </Anchor>
        </Alert>
      ) : (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
          {drafts.data.map((d) => (
            <Card component="li" key={d.id} withBorder padding="md" radius="sm">
              <Stack gap={6}>
                <Title order={2} size="h5" style={{ overflowWrap: 'anywhere' }}>
                  <Anchor component={Link} to={`/ban-nhap/${d.id}`} inherit>
                    {d.procedureName}
                  </Anchor>
                </Title>
                <Group gap="xs" wrap="wrap">
                  <Text size="sm" translate="no">
                    {d.procedureCode}
                  </Text>
                  <Badge variant="outline" radius="sm" tt="none" color={STANDING_COLORS[d.standing]} c={STANDING_COLORS[d.standing]}>
                    {t(`submit.drafts.standing.${d.standing}`)}
                  </Badge>
                  <Badge variant="outline" radius="sm" tt="none" color={d.complete ? '#1b6b34' : 'gray.8'} c={d.complete ? '#1b6b34' : 'gray.8'}>
                    {d.complete ? t('submit.drafts.ready') : t('submit.drafts.incomplete')}
                  </Badge>
                </Group>
                <Text size="sm" c="dimmed">
                  {t('submit.drafts.updated', { when: formatWhen(d.updatedAt, language) })}
                </Text>
                <Group gap="sm" mt={4}>
                  <Button component={Link} to={`/ban-nhap/${d.id}`} size="sm" aria-label={t('submit.drafts.continueLabel', { name: d.procedureName })}>
                    {t('submit.drafts.continue')}
                  </Button>
                  {confirming === d.id ? (
                    <>
                      <Button
                        size="sm"
                        color="red.9"
                        loading={remove.isPending}
                        onClick={() => remove.mutate(d.id, { onSettled: () => setConfirming(null) })}
                        aria-label={t('submit.drafts.confirmDeleteLabel', { name: d.procedureName })}
                      >
                        {t('submit.drafts.confirmDelete')}
                      </Button>
                      <Button size="sm" variant="default" onClick={() => setConfirming(null)}>
                        {t('submit.drafts.keep')}
                      </Button>
                    </>
                  ) : (
                    <Button size="sm" variant="default" leftSection={<IconTrash size={16} aria-hidden />} onClick={() => setConfirming(d.id)} aria-label={t('submit.drafts.deleteLabel', { name: d.procedureName })}>
                      {t('submit.drafts.delete')}
                    </Button>
                  )}
                </Group>
              </Stack>
            </Card>
          ))}
        </Stack>
      )}
      <div role="alert">{remove.isError && <ErrorAlert title={t('submit.drafts.deleteFailed')} error={remove.error} />}</div>
    </Stack>
  );
}
