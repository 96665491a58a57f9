import { ONLINE_LEVELS, PROCEDURE_LEVELS, type ProcedureLevel } from '@core/catalogue/procedure';
import type { ProcedureSummary } from '@core/catalogue/api';
import { Anchor, Badge, Button, Card, Group, Pagination, Select, SimpleGrid, Stack, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { IconClock, IconSearch } from '@tabler/icons-react';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { compareVietnamese } from '../../i18n/locale';
import { Loading } from '../shell/Loading';
import { PageHeader } from '../shell/PageHeader';
import { QueryError } from '../shell/QueryError';
import { formatProcessingTime, ONLINE_COLORS } from './format';
import { PAGE_SIZE, type SearchFilters, useProcedureFields, useProcedureSearch, useProcedureUnits } from './queries';

const FILTER_KEYS = ['field', 'level', 'online', 'unit'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];
const ALL = '*';

/** The search state lives in the address bar, so a search can be shared, bookmarked and gone back to. */
function useFilters(): [SearchFilters, (changes: Partial<SearchFilters>) => void] {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const filters: SearchFilters = {
    q: params.get('q') ?? '',
    field: params.get('field') ?? '',
    level: params.get('level') ?? '',
    online: params.get('online') ?? '',
    unit: params.get('unit') ?? '',
    page,
  };
  const update = (changes: Partial<SearchFilters>) => {
    // Any change but the page itself starts again from the first page.
    const next = { ...filters, page: 1, ...changes };
    const out = new URLSearchParams();
    for (const key of ['q', ...FILTER_KEYS] as const) if (next[key]) out.set(key, next[key]);
    if (next.page > 1) out.set('page', String(next.page));
    setParams(out);
  };
  return [filters, update];
}

/** One hit: name (link), code, field, level, online badge and processing time. */
function ResultCard({ item }: { item: ProcedureSummary }) {
  const { t } = useTranslation();
  return (
    <Card component="li" withBorder padding="md" radius="sm">
      <Stack gap={6}>
        <Anchor component={Link} to={`/thu-tuc/${item.code}`} fw={700} size="lg" lh={1.35}>
          {item.name}
        </Anchor>
        <Group gap="xs" wrap="wrap">
          <Badge color={ONLINE_COLORS[item.onlineLevel]} c={ONLINE_COLORS[item.onlineLevel]} variant="outline" radius="sm" tt="none">
            {t(`catalogue.onlineBadge.${item.onlineLevel}`)}
          </Badge>
          <Text size="sm" c="dimmed" translate="no">
            <VisuallyHidden>{t('catalogue.code')}: </VisuallyHidden>
            {item.code}
          </Text>
        </Group>
        <Text size="sm">
          {item.field.name} · {t(`catalogue.levels.${item.level}`)} · {item.responsibleUnit.name}
        </Text>
        <Group gap={6} wrap="nowrap">
          <IconClock size={16} aria-hidden style={{ flexShrink: 0 }} />
          <Text size="sm">
            <VisuallyHidden>{t('catalogue.time')}: </VisuallyHidden>
            {formatProcessingTime(t, item.processingTime)}
          </Text>
        </Group>
      </Stack>
    </Card>
  );
}

/** The public procedure search: words (with or without diacritics, typos tolerated by the server) and filters. */
export function SearchPage() {
  const { t } = useTranslation();
  const [filters, update] = useFilters();
  const [query, setQuery] = useState(filters.q);
  // Back and forward restore the words of that search.
  useEffect(() => setQuery(filters.q), [filters.q]);
  const search = useProcedureSearch(filters);
  const fields = useProcedureFields();
  const units = useProcedureUnits();

  // Mantine's Select needs a non-empty value for the "all" choice.
  const all = { value: ALL, label: t('catalogue.all') };
  const options: Record<FilterKey, { value: string; label: string }[]> = {
    field: [all, ...(fields.data ?? []).map((f) => ({ value: f.code, label: `${f.name} (${f.total})` }))],
    level: [all, ...PROCEDURE_LEVELS.map((level: ProcedureLevel) => ({ value: level, label: t(`catalogue.levels.${level}`) }))],
    online: [all, ...ONLINE_LEVELS.map((level) => ({ value: level, label: t(`catalogue.onlineLevels.${level}`) }))],
    unit: [
      all,
      ...[...(units.data ?? [])].sort((a, b) => compareVietnamese(a.name, b.name)).map((u) => ({ value: u.code, label: u.name })),
    ],
  };
  const filtered = FILTER_KEYS.some((key) => filters[key]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    update({ q: query.trim() });
  }

  const total = search.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <Stack gap="lg" py={{ base: 'xs', sm: 'md' }}>
      <PageHeader title={t('catalogue.title')} intro={t('catalogue.intro')} />
      <search aria-label={t('catalogue.title')}>
      <form onSubmit={submit}>
        <Stack gap="md">
          <Group align="flex-end" gap="sm" wrap="nowrap">
            <TextInput
              label={t('catalogue.search')}
              description={t('catalogue.searchHint')}
              leftSection={<IconSearch size={16} aria-hidden />}
              type="search"
              value={query}
              onChange={(event) => setQuery(event.currentTarget.value)}
              style={{ flex: 1, minWidth: 0 }}
            />
            <Button type="submit">{t('catalogue.submit')}</Button>
          </Group>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
            {FILTER_KEYS.map((key) => (
              <Select
                key={key}
                label={t(`catalogue.${key}`)}
                data={options[key]}
                value={filters[key] || ALL}
                onChange={(value) => update({ [key]: value && value !== ALL ? value : '' })}
                allowDeselect={false}
                searchable={key === 'field' || key === 'unit'}
                comboboxProps={{ withinPortal: true }}
              />
            ))}
          </SimpleGrid>
          {filtered && (
            <Button variant="subtle" w="fit-content" onClick={() => update({ field: '', level: '', online: '', unit: '' })}>
              {t('catalogue.clear')}
            </Button>
          )}
        </Stack>
      </form>
      </search>

      <Stack component="section" aria-labelledby="results-title" gap="sm">
        <VisuallyHidden>
          <Title order={2} id="results-title">
            {t('catalogue.results')}
          </Title>
        </VisuallyHidden>
        {search.isPending && <Loading />}
        {search.isError && <QueryError error={search.error} onRetry={() => void search.refetch()} />}
        {search.data && (
          <>
            <Text fw={600} aria-live="polite">
              {total === 0 ? t('catalogue.none') : t('catalogue.count', { count: total })}
            </Text>
            <Stack component="ul" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0, opacity: search.isPlaceholderData ? 0.6 : 1 }}>
              {search.data.items.map((item) => (
                <ResultCard key={item.code} item={item} />
              ))}
            </Stack>
            {pages > 1 && (
              <nav aria-label={t('catalogue.pagination')}>
                <Pagination
                  total={pages}
                  value={Math.min(filters.page, pages)}
                  onChange={(page) => {
                    update({ page });
                    window.scrollTo({ top: 0 });
                  }}
                  siblings={0}
                  getItemProps={(page) => ({ 'aria-label': t('catalogue.page', { page }) })}
                  getControlProps={(control) => (control === 'previous' || control === 'next' ? { 'aria-label': t(`catalogue.${control}`) } : {})}
                />
              </nav>
            )}
          </>
        )}
      </Stack>
    </Stack>
  );
}
