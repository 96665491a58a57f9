import { INDICATOR_CODES } from '@core/index/config';
import { Anchor, Badge, Card, Pagination, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { formatDate, useLanguage } from '../../i18n/locale';
import { formatWhen } from '../../lib/format';
import { Loading } from '../shell/Loading';
import { NotFoundPage } from '../shell/NotFoundPage';
import { PageHeader } from '../shell/PageHeader';
import { QueryError } from '../shell/QueryError';
import { dashboardHref } from './links';
import { periodFromSearch } from './period';
import { useDrill } from './queries';
import './register-texts';
import { ScrollTable } from './ScrollTable';

const PAGE = 50;
const PARTS = ['numerator', 'denominator'] as const;
type Part = (typeof PARTS)[number];

/**
 * The drill-down (`/staff/index/:indicator?unit&from&to&part`): exactly the dossiers or procedures
 * an indicator counted in its numerator or its denominator, a page at a time.
 */
export function DrillPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { indicator = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const period = periodFromSearch(search);
  const unit = search.get('unit') ?? '';
  const part: Part = search.get('part') === 'denominator' ? 'denominator' : 'numerator';
  const page = Math.max(1, Number(search.get('page')) || 1);
  const known = (INDICATOR_CODES as readonly string[]).includes(indicator);
  const drill = useDrill(indicator, { unit, part, limit: PAGE, offset: (page - 1) * PAGE, ...period });
  if (!known || !unit) return <NotFoundPage />;

  const update = (changes: Record<string, string>) => {
    const next = new URLSearchParams(search);
    for (const [k, v] of Object.entries(changes)) next.set(k, v);
    setSearch(next);
  };
  const d = drill.data;
  return (
    <Stack gap="md">
      <PageHeader
        title={t('indexDash.drill.title', { code: indicator, name: t(`indexPublic.indicators.${indicator}`) })}
        intro={t('indexDash.drill.scope', { unit, from: formatDate(period.from), to: formatDate(period.to) })}
      />
      <Anchor component={Link} to={dashboardHref({ unit, ...period })}>
        {t('indexDash.drill.back')}
      </Anchor>
      <SegmentedControl
        aria-label={t('indexDash.drill.part')}
        value={part}
        onChange={(v) => update({ part: v, page: '1' })}
        data={PARTS.map((p) => ({ value: p, label: t(`indexDash.drill.${p}`) }))}
        style={{ alignSelf: 'flex-start' }}
      />
      {drill.isPending && <Loading />}
      {drill.isError && <QueryError error={drill.error} onRetry={() => void drill.refetch()} />}
      {d && (
        <Card withBorder component="section" aria-label={t(`indexDash.drill.${part}`)}>
          <Text fw={600} mb="xs" role="status">
            {t('indexDash.drill.total', { count: d.total })}
          </Text>
          {d.total === 0 && <Text c="dimmed">{t('indexDash.drill.empty')}</Text>}
          {d.dossiers.length > 0 && (
            <ScrollTable minWidth={860} label={t(`indexDash.drill.${part}`)}>
              <Table striped fz="sm">
                <Table.Thead>
                  <Table.Tr>
                    {(['code', 'procedure', 'unit', 'status', 'receivedAt', 'dueAt', 'finishedAt'] as const).map((c) => (
                      <Table.Th key={c} scope="col">
                        {t(`indexDash.drill.${c}`)}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {d.dossiers.map((x, i) => (
                    <Table.Tr key={x.code ?? `row-${i}`}>
                      <Table.Th scope="row" fw={500}>
                        {x.code && x.source === 'live' ? (
                          <Anchor component={Link} to={`/staff/dossiers/${encodeURIComponent(x.code)}`}>
                            {x.code}
                          </Anchor>
                        ) : (
                          (x.code ?? '—')
                        )}
                        {x.source === 'import' && (
                          <Badge ml={4} size="xs" variant="outline" color="gray.8" c="gray.8" tt="none">
                            {t('indexDash.drill.sources.import')}
                          </Badge>
                        )}
                      </Table.Th>
                      <Table.Td>
                        {x.procedureCode} {x.procedureName}
                      </Table.Td>
                      <Table.Td>{x.unitCode}</Table.Td>
                      <Table.Td>{x.status}</Table.Td>
                      <Table.Td>{formatWhen(x.receivedAt, language)}</Table.Td>
                      <Table.Td>{formatWhen(x.dueAt, language)}</Table.Td>
                      <Table.Td>{formatWhen(x.finishedAt, language)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          )}
          {d.procedures.length > 0 && (
            <ScrollTable minWidth={560} label={t(`indexDash.drill.${part}`)}>
              <Table striped fz="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('indexDash.drill.procedure')}</Table.Th>
                    <Table.Th scope="col">{t('indexDash.drill.onlineLevel')}</Table.Th>
                    <Table.Th scope="col">{t('indexDash.drill.complete')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {d.procedures.map((p) => (
                    <Table.Tr key={p.code}>
                      <Table.Th scope="row" fw={400}>
                        <Anchor component={Link} to={`/thu-tuc/${encodeURIComponent(p.code)}`}>
                          {p.code}
                        </Anchor>{' '}
                        {p.name}
                      </Table.Th>
                      <Table.Td>{t(`indexDash.drill.levels.${p.onlineLevel}`, { defaultValue: p.onlineLevel })}</Table.Td>
                      <Table.Td>{p.complete ? t('common.yes') : t('common.no')}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          )}
          {d.total > PAGE && (
            <nav aria-label={t('indexDash.drill.pages')}>
              <Pagination
                mt="sm"
                total={Math.ceil(d.total / PAGE)}
                value={page}
                siblings={0}
                onChange={(p) => update({ page: String(p) })}
                getItemProps={(n) => ({ 'aria-label': t('indexDash.drill.page', { page: n }) })}
                getControlProps={(control) => (control === 'previous' || control === 'next' ? { 'aria-label': t(`indexDash.drill.${control}`) } : {})}
              />
            </nav>
          )}
        </Card>
      )}
    </Stack>
  );
}
