import { CHANNEL_LABELS } from '@core/dossier/channel';
import type { PortalDossierSummary } from '@core/portal/api';
import { Anchor, Badge, Button, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useLanguage } from '../../i18n/locale';
import { Loading } from '../shell/Loading';
import { PageHeader } from '../shell/PageHeader';
import { QueryError } from '../shell/QueryError';
import { formatWhen } from '../../lib/format';
import { type DossierFilter, PAGE_SIZE, useMyDossiers } from './queries';
import { usePortalMe } from './session';
import { ACTION_COLOR, StatusBadge } from './StatusBadge';
import './register-texts';

const FILTERS: readonly DossierFilter[] = ['open', 'finished', 'all'];

/** One dossier in the list: what it is, where it stands, and a way in. */
function DossierCard({ dossier }: { dossier: PortalDossierSummary }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Paper component="li" withBorder radius="md" p="sm">
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
          <Anchor component={Link} to={`/ho-so/${encodeURIComponent(dossier.code)}`} fw={700} translate="no">
            {dossier.code}
          </Anchor>
          <StatusBadge status={dossier.status} />
        </Group>
        <Text>{dossier.procedureName}</Text>
        {dossier.actionNeeded && (
          <Badge color={ACTION_COLOR} c={ACTION_COLOR} variant="outline" radius="sm" tt="none" w="fit-content" leftSection={<IconAlertCircle size={14} aria-hidden />}>
            {t('portal.list.actionNeeded')}
          </Badge>
        )}
        <Text size="sm" c="dimmed">
          {t('portal.list.submitted', { when: formatWhen(dossier.submittedAt, language), channel: CHANNEL_LABELS[dossier.channel][language] })}
        </Text>
        {dossier.dueAt && <Text size="sm">{t('portal.list.due', { when: formatWhen(dossier.dueAt, language) })}</Text>}
        <Text size="sm">{t('portal.list.unit', { unit: dossier.unit.name })}</Text>
      </Stack>
    </Paper>
  );
}

/** The applicant's dossiers of every channel (as themselves or as the organisation they act for). */
export function MyDossiersPage() {
  const { t } = useTranslation();
  const me = usePortalMe().data;
  const [params, setParams] = useSearchParams();
  const filter = (FILTERS as readonly string[]).includes(params.get('loc') ?? '') ? (params.get('loc') as DossierFilter) : 'open';
  const page = Math.max(0, Number.parseInt(params.get('trang') ?? '1', 10) - 1 || 0);
  const list = useMyDossiers(filter, page);
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  function show(next: { loc?: DossierFilter; trang?: number }) {
    const loc = next.loc ?? filter;
    const trang = next.trang ?? 1;
    setParams(loc === 'open' && trang === 1 ? {} : { loc, trang: String(trang) });
  }

  return (
    <>
      <PageHeader
        title={t('portal.list.title')}
        intro={me?.actingFor ? t('portal.list.introOrganisation', { name: me.actingFor.name }) : t('portal.list.intro')}
        actions={
          <Group gap="xs">
            <Button component={Link} to="/ban-nhap" variant="default">
              {t('portal.area.drafts')}
            </Button>
            <Button component={Link} to="/thu-tuc?online=full">
              {t('portal.area.newDossier')}
            </Button>
          </Group>
        }
      />
      <SegmentedControl
        aria-label={t('portal.list.filter')}
        value={filter}
        onChange={(value) => show({ loc: value as DossierFilter })}
        data={FILTERS.map((value) => ({ value, label: t(`portal.list.filters.${value}`) }))}
        fullWidth
        mb="md"
        maw={520}
      />
      {list.isPending ? (
        <Loading />
      ) : list.error ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <section aria-labelledby="dossier-list-title">
          <Title order={2} size="h4" id="dossier-list-title" mb="xs">
            {t('portal.list.count', { count: total })}
          </Title>
          {total === 0 ? (
            <Text c="dimmed">{t('portal.list.empty')}</Text>
          ) : (
            <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
              {list.data.items.map((dossier) => (
                <DossierCard key={dossier.code} dossier={dossier} />
              ))}
            </Stack>
          )}
          {pages > 1 && (
            <Group component="nav" aria-label={t('portal.list.pages')} justify="space-between" mt="md">
              <Button variant="default" disabled={page === 0} onClick={() => show({ trang: page })}>
                {t('portal.list.previous')}
              </Button>
              <Text size="sm">{t('portal.list.page', { page: page + 1, pages })}</Text>
              <Button variant="default" disabled={page + 1 >= pages} onClick={() => show({ trang: page + 2 })}>
                {t('portal.list.next')}
              </Button>
            </Group>
          )}
        </section>
      )}
    </>
  );
}
