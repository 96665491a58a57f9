import { Button, Table, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../auth/session';
import { Loading } from '../shell/Loading';
import { PageHeader } from '../shell/PageHeader';
import { QueryError } from '../shell/QueryError';
import { useUnits } from '../units/queries';
import { AuditRow } from './AuditRow';
import { useAuditEvents } from './queries';
import { VerifyPanel } from './VerifyPanel';

/** The audit log, newest first, with the integrity check for those allowed to run it. */
export function AuditPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const audit = useAuditEvents();
  const units = useUnits();
  const unitNames = useMemo(() => new Map((units.data ?? []).map((u) => [u.id, u.name])), [units.data]);
  const events = audit.data?.pages.flatMap((page) => page.events) ?? [];
  return (
    <>
      <PageHeader title={t('audit.title')} intro={t('audit.intro')} />
      {can(me, 'audit.verify') && <VerifyPanel unitNames={unitNames} />}
      {audit.isPending && <Loading />}
      {audit.isError && <QueryError error={audit.error} onRetry={() => void audit.refetch()} />}
      {audit.data && events.length === 0 && <Text c="dimmed">{t('audit.empty')}</Text>}
      {events.length > 0 && (
        <Table.ScrollContainer minWidth={760}>
          <Table striped verticalSpacing="xs">
            <Table.Caption>{t('audit.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('audit.time')}</Table.Th>
                <Table.Th scope="col">{t('audit.actor')}</Table.Th>
                <Table.Th scope="col">{t('audit.action')}</Table.Th>
                <Table.Th scope="col">{t('audit.entity')}</Table.Th>
                <Table.Th scope="col">{t('audit.chain')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {events.map((event) => (
                <AuditRow key={`${event.chainKey}-${event.seq}`} event={event} unitNames={unitNames} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {audit.hasNextPage && (
        <Button variant="default" mt="md" onClick={() => void audit.fetchNextPage()} loading={audit.isFetchingNextPage}>
          {t('audit.loadMore')}
        </Button>
      )}
    </>
  );
}
