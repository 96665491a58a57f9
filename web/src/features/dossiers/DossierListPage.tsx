import { CHANNEL_LABELS } from '@core/dossier/channel';
import { QUEUE_LABELS, QUEUES, type Queue } from '@core/dossier/queues';
import { STATUS_LABELS, STATUSES, type Status } from '@core/dossier/status';
import { Anchor, Button, Card, Group, Pagination, Select, SimpleGrid, Stack, Table, Tabs, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconAdjustments, IconFilePlus, IconSearch } from '@tabler/icons-react';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useLanguage } from '../../i18n/locale';
import { can, useMe } from '../auth/session';
import { Loading } from '../shell/Loading';
import { PageHeader } from '../shell/PageHeader';
import { QueryError } from '../shell/QueryError';
import { StatusBadge, TimingBadge } from './Badges';
import { formatWhen, remainingText } from './format';
import { type DossierListItem, LIST_PAGE_SIZE, type ListFilters, useDossierList } from './queries';

const ALL = 'all';

/** The list's state lives in the address bar: a queue or search can be bookmarked, shared and gone back to. */
function useFilters(): [ListFilters, (changes: Partial<ListFilters>) => void] {
  const [params, setParams] = useSearchParams();
  const queue = params.get('queue') ?? '';
  const status = params.get('status') ?? '';
  const filters: ListFilters = {
    queue: (QUEUES as readonly string[]).includes(queue) ? (queue as Queue) : '',
    status: (STATUSES as readonly string[]).includes(status) ? (status as Status) : '',
    procedure: params.get('procedure') ?? '',
    q: params.get('q') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    page: Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1),
  };
  const update = (changes: Partial<ListFilters>) => {
    // any change but the page itself starts again from the first page
    const next = { ...filters, page: 1, ...changes };
    const out = new URLSearchParams();
    for (const key of ['queue', 'status', 'procedure', 'q', 'from', 'to'] as const) if (next[key]) out.set(key, next[key]);
    if (next.page > 1) out.set('page', String(next.page));
    setParams(out);
  };
  return [filters, update];
}

/** The link of a row: the code once accepted, else the id. */
const pathOf = (item: Pick<DossierListItem, 'code' | 'id'>) => `/staff/dossiers/${encodeURIComponent(item.code ?? item.id)}`;

/** The free-text search and the filters, applied on submit (dates and selects at once). */
function Filters({ filters, update }: { filters: ListFilters; update: (changes: Partial<ListFilters>) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [q, setQ] = useState(filters.q);
  const [procedure, setProcedure] = useState(filters.procedure);
  // back and forward restore the words of that search
  useEffect(() => setQ(filters.q), [filters.q]);
  useEffect(() => setProcedure(filters.procedure), [filters.procedure]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    update({ q: q.trim(), procedure: procedure.trim() });
  }
  const filtered = Boolean(filters.status || filters.procedure || filters.from || filters.to || filters.q);
  const phone = useMediaQuery('(max-width: 48em)') ?? false;
  const [more, { toggle }] = useDisclosure(Boolean(filters.status || filters.procedure || filters.from || filters.to));
  const grid = (
    <SimpleGrid id="dossier-filters" cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
      <Select
        label={t('dossiers.list.status')}
        data={[{ value: ALL, label: t('dossiers.list.allStatuses') }, ...STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s][language] }))]}
        value={filters.status || ALL}
        onChange={(v) => update({ status: v && v !== ALL ? (v as Status) : '' })}
        allowDeselect={false}
        comboboxProps={{ withinPortal: true }}
      />
      <TextInput label={t('dossiers.list.procedure')} description={t('dossiers.list.procedureHint')} value={procedure} onChange={(e) => setProcedure(e.currentTarget.value)} translate="no" />
      <TextInput label={t('dossiers.list.from')} type="date" value={filters.from} onChange={(e) => update({ from: e.currentTarget.value })} />
      <TextInput label={t('dossiers.list.to')} type="date" value={filters.to} onChange={(e) => update({ to: e.currentTarget.value })} />
    </SimpleGrid>
  );
  return (
    <search aria-label={t('dossiers.list.filters')}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Group align="flex-end" gap="sm" wrap="nowrap">
            <TextInput
              label={t('dossiers.list.search')}
              description={t('dossiers.list.searchHint')}
              leftSection={<IconSearch size={16} aria-hidden />}
              type="search"
              value={q}
              onChange={(e) => setQ(e.currentTarget.value)}
              style={{ flex: 1, minWidth: 0 }}
            />
            <Button type="submit">{t('dossiers.list.submit')}</Button>
          </Group>
          {phone ? (
            <>
              <Button variant="default" w="fit-content" leftSection={<IconAdjustments size={18} aria-hidden />} onClick={toggle} aria-expanded={more} aria-controls={more ? 'dossier-filters' : undefined}>
                {more ? t('dossiers.list.hideFilters') : t('dossiers.list.showFilters')}
              </Button>
              {more && grid}
            </>
          ) : (
            grid
          )}
          {filtered && (
            <Button variant="subtle" w="fit-content" onClick={() => update({ status: '', procedure: '', from: '', to: '', q: '' })}>
              {t('dossiers.list.clear')}
            </Button>
          )}
        </Stack>
      </form>
    </search>
  );
}

/** The working time left (or by how much it is late), under the timing badge. */
function RemainingText({ item }: { item: DossierListItem }) {
  const { t } = useTranslation();
  const text = remainingText(t, item.timing, item.remainingWorkingMinutes);
  return text ? (
    <Text size="xs" c="dimmed" mt={2}>
      {text}
    </Text>
  ) : null;
}

/** A dossier as a card, for phones: the same facts as a table row, stacked. */
function ResultCard({ item }: { item: DossierListItem }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Card component="li" withBorder padding="sm" radius="sm">
      <Stack gap={4}>
        <Anchor component={Link} to={pathOf(item)} fw={700} translate="no">
          {item.code ?? t('dossiers.list.noCode')}
        </Anchor>
        <Group gap={6} wrap="wrap">
          <StatusBadge status={item.status} />
          <TimingBadge status={item.timing} />
        </Group>
        <RemainingText item={item} />
        <Text size="sm">
          {item.applicantName} · <span translate="no">{item.applicantIdNumber}</span>
        </Text>
        <Text size="sm">
          {item.procedureName} (<span translate="no">{item.procedureCode}</span>) · {CHANNEL_LABELS[item.channel][language]}
        </Text>
        <Text size="sm">
          {t('dossiers.list.received')}: {formatWhen(item.receivedAt, language)}
        </Text>
        <Text size="sm">
          {t('dossiers.list.due')}: {formatWhen(item.dueAt, language)}
        </Text>
      </Stack>
    </Card>
  );
}

/** One page of the table (cards on a phone), its count and pagination. */
function Results({ filters, update }: { filters: ListFilters; update: (changes: Partial<ListFilters>) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const list = useDossierList(filters);
  const phone = useMediaQuery('(max-width: 48em)') ?? false;
  if (list.isPending) return <Loading />;
  if (list.isError) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  const { items, total } = list.data;
  const pages = Math.max(1, Math.ceil(total / LIST_PAGE_SIZE));
  return (
    <Stack gap="sm">
      <Text fw={600} aria-live="polite">
        {total === 0 ? t('dossiers.list.none') : t('dossiers.list.count', { count: total })}
      </Text>
      {items.length > 0 && phone && (
        <Stack component="ul" gap="xs" aria-label={t('dossiers.list.caption')} style={{ listStyle: 'none', padding: 0, margin: 0, opacity: list.isPlaceholderData ? 0.6 : 1 }}>
          {items.map((item) => (
            <ResultCard key={item.id} item={item} />
          ))}
        </Stack>
      )}
      {items.length > 0 && !phone && (
        <Table.ScrollContainer minWidth={980}>
          <Table striped highlightOnHover verticalSpacing="xs" style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}>
            <Table.Caption>{t('dossiers.list.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('dossiers.list.code')}</Table.Th>
                <Table.Th scope="col">{t('dossiers.list.applicant')}</Table.Th>
                <Table.Th scope="col">{t('dossiers.list.procedureColumn')}</Table.Th>
                <Table.Th scope="col">{t('dossiers.list.channel')}</Table.Th>
                <Table.Th scope="col">{t('dossiers.list.received')}</Table.Th>
                <Table.Th scope="col">{t('dossiers.list.due')}</Table.Th>
                <Table.Th scope="col">{t('dossiers.list.timing')}</Table.Th>
                <Table.Th scope="col">{t('dossiers.list.statusColumn')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Th scope="row" fw={600}>
                    <Anchor component={Link} to={pathOf(item)} translate="no" style={{ whiteSpace: 'nowrap' }}>
                      {item.code ?? t('dossiers.list.noCode')}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {item.applicantName}
                    </Text>
                    <Text size="xs" c="dimmed" translate="no">
                      {item.applicantIdNumber}
                    </Text>
                  </Table.Td>
                  <Table.Td miw={200}>
                    <Text size="sm" lineClamp={2} title={item.procedureName}>
                      {item.procedureName}
                    </Text>
                    <Text size="xs" c="dimmed" translate="no">
                      {item.procedureCode}
                    </Text>
                  </Table.Td>
                  <Table.Td>{CHANNEL_LABELS[item.channel][language]}</Table.Td>
                  <Table.Td>{formatWhen(item.receivedAt, language)}</Table.Td>
                  <Table.Td>{formatWhen(item.dueAt, language)}</Table.Td>
                  <Table.Td miw={110}>
                    <TimingBadge status={item.timing} />
                    <RemainingText item={item} />
                  </Table.Td>
                  <Table.Td miw={130}>
                    <StatusBadge status={item.status} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {pages > 1 && (
        <nav aria-label={t('dossiers.list.pagination')}>
          <Pagination
            total={pages}
            value={Math.min(filters.page, pages)}
            onChange={(page) => update({ page })}
            siblings={0}
            getItemProps={(page) => ({ 'aria-label': t('dossiers.list.page', { page }) })}
            getControlProps={(control) => (control === 'previous' || control === 'next' ? { 'aria-label': t(`dossiers.list.${control}`) } : {})}
          />
        </nav>
      )}
    </Stack>
  );
}

/** `/staff/dossiers`: the work queues (new, mine, due soon…) and a searchable, filtered list. */
export function DossierListPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const me = useMe().data;
  const [filters, update] = useFilters();
  const tab = filters.queue || ALL;
  return (
    <>
      <PageHeader
        title={t('dossiers.list.title')}
        intro={t('dossiers.list.intro')}
        actions={
          can(me, 'dossier.receive') && (
            <Button component={Link} to="/staff/dossiers/new" leftSection={<IconFilePlus size={18} aria-hidden />}>
              {t('dossiers.list.newDossier')}
            </Button>
          )
        }
      />
      <Stack gap="md">
        <Filters filters={filters} update={update} />
        <Tabs value={tab} onChange={(v) => update({ queue: v && v !== ALL ? (v as Queue) : '' })} keepMounted={false} activateTabWithKeyboard>
          <Tabs.List aria-label={t('dossiers.list.queues')} style={{ flexWrap: 'nowrap', overflowX: 'auto', overflowY: 'hidden' }}>
            <Tabs.Tab value={ALL} style={{ flexShrink: 0 }}>
              {t('dossiers.list.all')}
            </Tabs.Tab>
            {QUEUES.map((q) => (
              <Tabs.Tab key={q} value={q} style={{ flexShrink: 0 }}>
                {QUEUE_LABELS[q][language]}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {[ALL, ...QUEUES].map((q) => (
            <Tabs.Panel key={q} value={q} pt="md">
              <VisuallyHidden>
                <Title order={2}>{q === ALL ? t('dossiers.list.all') : QUEUE_LABELS[q as Queue][language]}</Title>
              </VisuallyHidden>
              {tab === q && <Results filters={filters} update={update} />}
            </Tabs.Panel>
          ))}
        </Tabs>
      </Stack>
    </>
  );
}
