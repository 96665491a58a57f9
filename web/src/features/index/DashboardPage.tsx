import { roleGrants } from '@core/access/permissions';
import type { UnitsResponse } from '@core/index/api';
import { formatPoints } from '@core/index/report';
import { Anchor, Button, Card, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconDownload, IconFileTypePdf } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { formatDate, useLanguage } from '../../i18n/locale';
import { formatWhen } from '../../lib/format';
import { useMe } from '../auth/session';
import { Loading } from '../shell/Loading';
import { PageHeader } from '../shell/PageHeader';
import { QueryError } from '../shell/QueryError';
import { CityRulesTable } from './CityRulesTable';
import { HeatTable } from './HeatTable';
import { dashboardHref, drillHref, ruleHref } from './links';
import { monthPeriod, type Period, periodFromSearch } from './period';
import { PeriodPicker } from './PeriodPicker';
import { exportUrl, useTrend, useUnitIndex, useUnitsIndex } from './queries';
import { RankingTable } from './RankingTable';
import { TargetsPanel } from './TargetsPanel';
import { TrendChart } from './TrendChart';
import { UnitBreakdown } from './UnitBreakdown';
import './register-texts';

/** A titled section of the dashboard. */
function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card withBorder component="section" aria-labelledby={id} id={`${id}-section`}>
      <Title order={2} size="h3" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

/** The selected unit: its index with every count linked to its dossiers, its monthly trend and its targets. */
function UnitDetail({ code, parent, period, isParent }: { code: string; parent: string | undefined; period: Period; isParent: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const year = Number(period.from.slice(0, 4));
  const unit = useUnitIndex(code, period);
  const trend = useTrend(code, year);
  if (unit.isPending) return <Loading />;
  if (unit.isError) return <QueryError error={unit.error} onRetry={() => void unit.refetch()} />;
  const d = unit.data;
  return (
    <Stack gap="md">
      <Section id="index-detail" title={t('indexDash.detail.title', { name: d.unit.name })}>
        <Group gap="xs" align="baseline">
          <Text>{t('indexPublic.unit.total')}:</Text>
          <Text fw={700} fz={28}>
            {formatPoints(d.total, language)}
          </Text>
          <Text>{t('indexPublic.unit.of100')}</Text>
        </Group>
        <Text size="sm">
          <Anchor component={Link} to={drillHref('TDGQ.1', d.unit.code, period, 'denominator')}>
            {t('indexDash.detail.timeliness', d.timeliness)}
          </Anchor>
        </Text>
        <Text size="sm" c="dimmed">
          {t('indexPublic.unit.computedAt', { when: formatWhen(d.computedAt, language) })}
        </Text>
        {!isParent && (
          <Group mt="xs">
            <Button component={Link} to={dashboardHref({ parent: d.unit.code, ...period })} variant="default" size="xs">
              {t('indexDash.showChildren')}
            </Button>
          </Group>
        )}
        <UnitBreakdown
          data={d}
          headingLevel={3}
          links={{ part: (indicator, part) => drillHref(indicator, d.unit.code, period, part), rule: (rule) => ruleHref(rule, d.unit.code, period) }}
        />
      </Section>
      <Section id="index-trend" title={t('indexDash.trend.title', { year, name: d.unit.name })}>
        {trend.isPending && <Loading />}
        {trend.isError && <QueryError error={trend.error} onRetry={() => void trend.refetch()} />}
        {trend.data && <TrendChart data={trend.data} monthHref={(month) => dashboardHref({ parent, unit: d.unit.code, ...monthPeriod(year, Number(month.slice(5, 7))) }, '#index-detail-section')} />}
      </Section>
      <Section id="index-targets" title={t('indexDash.targets.title', { year, name: d.unit.name })}>
        <TargetsPanel figures={d} year={year} />
      </Section>
    </Stack>
  );
}

/** The ranking, heat table and city rule of the units under the parent. */
function Overview({ data, period, parent }: { data: UnitsResponse; period: Period; parent: string | undefined }) {
  const { t } = useTranslation();
  const periodText = t('indexPublic.period.range', { from: formatDate(period.from), to: formatDate(period.to) });
  const unitLink = (code: string) => dashboardHref({ parent, unit: code, ...period }, '#index-detail-section');
  return (
    <>
      <Section id="index-ranking" title={t('indexPublic.ranking.title')}>
        <RankingTable data={data} caption={t('indexPublic.ranking.caption', { parent: data.parent.name, period: periodText })} links={{ unit: unitLink, figure: unitLink }} />
      </Section>
      <Section id="index-heat" title={t('indexDash.heat.title')}>
        <HeatTable data={data} period={period} />
      </Section>
      <Section id="index-rules" title={t('indexDash.rules.title')}>
        <CityRulesTable data={data} period={period} />
      </Section>
    </>
  );
}

/**
 * The direction dashboard (`/staff/index`) for city leaders, the procedure-control office and heads:
 * the units under a parent (by default the unit of the viewer's role) ranked by total and by group,
 * the heat table of indicator rates, the city rule, and for a chosen unit its breakdown, monthly trend
 * and targets. The period, parent and unit live in the address, so every view can be linked.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const [search, setSearch] = useSearchParams();
  const period = periodFromSearch(search);
  const home = me?.roles.find((r) => roleGrants(r.role, 'index.view'))?.unitCode;
  const parent = search.get('parent') ?? home;
  const units = useUnitsIndex(parent, period);
  const selected = search.get('unit') ?? units.data?.parent.code ?? null;

  const setPeriod = (p: Period) => {
    const next = new URLSearchParams(search);
    next.set('from', p.from);
    next.set('to', p.to);
    setSearch(next);
  };

  return (
    <Stack gap="md">
      <PageHeader
        title={t('indexDash.title')}
        intro={t('indexDash.intro')}
        actions={
          <Group gap="xs">
            <Button component="a" href={exportUrl('xlsx', parent, period)} download variant="default" leftSection={<IconDownload size={16} aria-hidden />}>
              {t('indexDash.exportXlsx')}
            </Button>
            <Button component="a" href={exportUrl('pdf', parent, period)} target="_blank" variant="default" leftSection={<IconFileTypePdf size={16} aria-hidden />}>
              {t('indexDash.exportPdf')}
            </Button>
          </Group>
        }
      />
      <Paper withBorder p="sm">
        <PeriodPicker key={`${period.from}-${period.to}`} value={period} onChange={setPeriod} />
      </Paper>
      {parent && home && parent !== home && (
        <Anchor component={Link} to={dashboardHref({ parent: home, ...period })}>
          {t('indexDash.upTo', { name: me?.roles.find((r) => r.unitCode === home)?.unitName ?? home })}
        </Anchor>
      )}
      {units.isPending && <Loading />}
      {units.isError && <QueryError error={units.error} onRetry={() => void units.refetch()} />}
      {units.data && <Overview data={units.data} period={period} parent={parent} />}
      {selected && <UnitDetail key={selected} code={selected} parent={parent} period={period} isParent={selected === units.data?.parent.code} />}
    </Stack>
  );
}
