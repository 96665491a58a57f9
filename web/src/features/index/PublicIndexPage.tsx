import type { IndexResponse, UnitsResponse } from '@core/index/api';
import { formatPoints } from '@core/index/report';
import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { formatDate, useLanguage } from '../../i18n/locale';
import { ApiError, api } from '../../lib/api';
import { formatWhen } from '../../lib/format';
import { Loading } from '../shell/Loading';
import { PageHeader } from '../shell/PageHeader';
import { QueryError } from '../shell/QueryError';
import { type Period, periodFromSearch, periodQuery } from './period';
import { PeriodPicker } from './PeriodPicker';
import { RankingTable } from './RankingTable';
import { UnitBreakdown } from './UnitBreakdown';
import './register-public-texts';

// The public page checks no schema on the client (the server does before sending): no zod on a citizen's page.
const useUnits = (p: Period) => useQuery({ queryKey: ['index-public', 'units', p], queryFn: () => api.get<UnitsResponse>(`/api/v1/index/units?${periodQuery(p)}`) });
const useUnit = (unit: string, p: Period) =>
  useQuery({ queryKey: ['index-public', 'unit', unit, p], queryFn: () => api.get<IndexResponse>(`/api/v1/index?unit=${encodeURIComponent(unit)}&${periodQuery(p)}`) });

/**
 * A unit's page (unit codes end in `.H26`: the server serves the client for them, as only lower-case
 * extensions are files).
 */
const unitHref = (p: Period) => (code: string) => `/chi-so/${encodeURIComponent(code)}?${periodQuery(p)}`;

/** One unit's index, its groups and indicators, and the city rule. */
function UnitView({ code, period }: { code: string; period: Period }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const unit = useUnit(code, period);
  if (unit.isPending) return <Loading />;
  if (unit.isError) return unit.error instanceof ApiError && unit.error.status === 404 ? <Text>{t('indexPublic.unit.notFound')}</Text> : <QueryError error={unit.error} onRetry={() => void unit.refetch()} />;
  const d = unit.data;
  return (
    <Stack gap="xs">
      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h3">
          {d.unit.name}
        </Title>
        <Text c="dimmed" size="sm">
          {d.unit.code}
        </Text>
        <Group gap="xs" align="baseline" mt="xs">
          <Text>{t('indexPublic.unit.total')}:</Text>
          <Text fw={700} fz={28}>
            {formatPoints(d.total, language)}
          </Text>
          <Text>{t('indexPublic.unit.of100')}</Text>
        </Group>
        <Text size="sm" c="dimmed">
          {t('indexPublic.unit.computedAt', { when: formatWhen(d.computedAt, language) })}
        </Text>
      </Paper>
      <UnitBreakdown data={d} />
    </Stack>
  );
}

/**
 * The public transparency page (`/chi-so`, `/chi-so/:unit`): the city's ranking of its agencies and
 * communes, and one unit's index with its groups and indicators. No sign-in, no personal data: the
 * figures are counts and rates.
 */
export function PublicIndexPage() {
  const { t } = useTranslation();
  const { unit } = useParams();
  const [search, setSearch] = useSearchParams();
  const period = periodFromSearch(search);
  const units = useUnits(period);
  const setPeriod = (p: Period) => setSearch({ from: p.from, to: p.to });
  const periodText = t('indexPublic.period.range', { from: formatDate(period.from), to: formatDate(period.to) });
  return (
    <Stack gap="md">
      <PageHeader title={t('indexPublic.title')} intro={t('indexPublic.intro')} />
      <Text size="sm">{t('indexPublic.basis')}</Text>
      <PeriodPicker key={`${period.from}-${period.to}`} value={period} onChange={setPeriod} allowCustom={false} />
      {unit ? (
        <>
          <Anchor component={Link} to={`/chi-so?${periodQuery(period)}`}>
            {t('indexPublic.unit.back')}
          </Anchor>
          <UnitView code={unit} period={period} />
        </>
      ) : (
        <section aria-labelledby="ranking-title">
          <Title order={2} size="h3" id="ranking-title" mb="xs">
            {t('indexPublic.ranking.title')}
          </Title>
          {units.isPending && <Loading />}
          {units.isError && <QueryError error={units.error} onRetry={() => void units.refetch()} />}
          {units.data && (
            <RankingTable
              data={units.data}
              caption={t('indexPublic.ranking.caption', { parent: units.data.parent.name, period: periodText })}
              links={{ unit: unitHref(period), figure: unitHref(period) }}
            />
          )}
        </section>
      )}
      <Text size="sm" c="dimmed">
        {t('indexPublic.noPersonalData')}
      </Text>
    </Stack>
  );
}
