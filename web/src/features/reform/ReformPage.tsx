import type { BoardView } from '@core/reform/api';
import { ATTENTION_LABELS } from '@core/reform/board';
import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { formatDate, formatDateTime, useLanguage } from '../../i18n/locale';
import { Loading } from '../shell/Loading';
import { PageHeader } from '../shell/PageHeader';
import { QueryError } from '../shell/QueryError';
import { ScrollTable, StateBadge, periodLabel } from './parts';
import { boardParams, useBoard, usePlans } from './queries';
import './register-texts';

const pct = (r: number | null) => (r === null ? '—' : `${r.toLocaleString('vi-VN')} %`);

/** Totals as a grid of figures. */
function Totals({ board }: { board: BoardView }) {
  const { t } = useTranslation();
  const c = board.totals;
  const figures: [string, string | number, string?][] = [
    [t('reform.total'), c.total],
    [t('reform.onTimeRate'), pct(c.onTimeRate), 'green.9'],
    [t('reform.lateRate'), pct(c.lateRate), 'orange.9'],
    [t('reform.overdueRate'), pct(c.overdueRate), 'red.9'],
    [t('reform.awaiting'), c.awaitingAcceptance],
  ];
  return (
    <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm" component="dl" m={0}>
      {figures.map(([label, value, color]) => (
        <Card key={label} withBorder padding="sm">
          <Text component="dt" size="sm" c="dimmed">
            {label}
          </Text>
          <Text component="dd" m={0} fw={700} fz="xl" c={color}>
            {value}
          </Text>
        </Card>
      ))}
    </SimpleGrid>
  );
}

/** The board: totals, per lead unit, and the attention list. */
function Board() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [params] = useSearchParams();
  const unitId = params.get('unitId');
  const board = useBoard(unitId);
  if (board.isPending) return <Loading />;
  if (board.isError) return <QueryError error={board.error} onRetry={() => void board.refetch()} />;
  const b = board.data;
  return (
    <Stack gap="lg">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Text size="sm">
          {t('reform.scopeLabel')}: {b.scope?.name ?? t('reform.scopeAll')} · {t('reform.asOf', { at: formatDateTime(b.asOf, language) })}
        </Text>
        <Button component="a" href={`/api/v1/reform/board.xlsx${boardParams(unitId)}`} download variant="light" leftSection={<IconDownload size={16} aria-hidden />}>
          {t('reform.exportXlsx')}
        </Button>
      </Group>
      <section aria-labelledby="reform-totals">
        <Title order={2} size="h4" id="reform-totals" mb="xs">
          {t('reform.totals')}
        </Title>
        <Totals board={b} />
      </section>
      <section aria-labelledby="reform-units">
        <Title order={2} size="h4" id="reform-units" mb="xs">
          {t('reform.byUnit')}
        </Title>
        <ScrollTable label={t('reform.byUnit')} minWidth={720}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('reform.unit')}</Table.Th>
                <Table.Th scope="col">{t('reform.total')}</Table.Th>
                {(['completed_on_time', 'completed_late', 'overdue', 'in_progress', 'not_started'] as const).map((s) => (
                  <Table.Th scope="col" key={s}>
                    <StateBadge state={s} />
                  </Table.Th>
                ))}
                <Table.Th scope="col">{t('reform.onTimeRate')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {b.units.map((u) => (
                <Table.Tr key={u.unit.id}>
                  <Table.Th scope="row" fw={500}>
                    <Anchor component={Link} to={`?unitId=${u.unit.id}`}>
                      {u.unit.name}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>{u.counts.total}</Table.Td>
                  <Table.Td>{u.counts.completed_on_time}</Table.Td>
                  <Table.Td>{u.counts.completed_late}</Table.Td>
                  <Table.Td>{u.counts.overdue}</Table.Td>
                  <Table.Td>{u.counts.in_progress}</Table.Td>
                  <Table.Td>{u.counts.not_started}</Table.Td>
                  <Table.Td>{pct(u.counts.onTimeRate)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      </section>
      <section aria-labelledby="reform-trend">
        <Title order={2} size="h4" id="reform-trend" mb="xs">
          {t('reform.trend')}
        </Title>
        <ScrollTable label={t('reform.trend')} minWidth={520}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('reform.month')}</Table.Th>
                {(['completed_on_time', 'completed_late', 'overdue'] as const).map((s) => (
                  <Table.Th scope="col" key={s}>
                    <StateBadge state={s} />
                  </Table.Th>
                ))}
                <Table.Th scope="col">{t('reform.open')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {b.trend.map((m) => (
                <Table.Tr key={m.month}>
                  <Table.Th scope="row" fw={500}>
                    {m.month.slice(5, 7)}/{m.month.slice(0, 4)}
                  </Table.Th>
                  <Table.Td>{m.completed_on_time}</Table.Td>
                  <Table.Td>{m.completed_late}</Table.Td>
                  <Table.Td>{m.overdue}</Table.Td>
                  <Table.Td>{m.open}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      </section>
      <section aria-labelledby="reform-attention">
        <Title order={2} size="h4" id="reform-attention" mb="xs">
          {t('reform.attention')}
        </Title>
        {b.attention.length === 0 ? (
          <Text c="dimmed">{t('reform.attentionEmpty')}</Text>
        ) : (
          <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
            {b.attention.map((a) => (
              <Card component="li" withBorder padding="sm" key={`${a.taskId}-${a.period}`}>
                <Group gap="xs" wrap="wrap">
                  <Badge variant="light" color="red.9" c="red.9" tt="none" radius="sm">
                    {ATTENTION_LABELS[a.reason][language]}
                  </Badge>
                  <StateBadge state={a.state} />
                  <Text size="sm">
                    {a.planNumber} · {a.lead.name} · {t('reform.due')} {formatDate(a.due)} {periodLabel(a.period)}
                  </Text>
                </Group>
                <Anchor component={Link} to={`/staff/reform/tasks/${a.taskId}`} mt={4} style={{ overflowWrap: 'anywhere' }}>
                  {a.content}
                </Anchor>
              </Card>
            ))}
          </Stack>
        )}
      </section>
    </Stack>
  );
}

/** The plans with their counts. */
function Plans() {
  const { t } = useTranslation();
  const plans = usePlans();
  if (plans.isPending) return <Loading />;
  if (plans.isError) return <QueryError error={plans.error} onRetry={() => void plans.refetch()} />;
  if (plans.data.items.length === 0) return <Text c="dimmed">{t('reform.plansEmpty')}</Text>;
  return (
    <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
      {plans.data.items.map((p) => (
        <Card component="li" withBorder key={p.id} padding="md">
          <Anchor component={Link} to={`/staff/reform/plans/${p.id}`} fw={600}>
            {p.number} — {p.title}
          </Anchor>
          <Text size="sm" mt={4}>
            {p.issuer.name} · {t('reform.issuedOn')} {formatDate(p.issuedOn)}
          </Text>
          <Group gap="xs" mt={6} wrap="wrap">
            <Text size="sm">
              {t('reform.total')}: {p.counts.total}
            </Text>
            <StateBadge state="completed_on_time" />
            <Text size="sm">{p.counts.completed_on_time}</Text>
            <StateBadge state="completed_late" />
            <Text size="sm">{p.counts.completed_late}</Text>
            <StateBadge state="overdue" />
            <Text size="sm">{p.counts.overdue}</Text>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}

/** `/staff/reform`: the reform board and the plans. */
export function ReformPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'plans' ? 'plans' : 'board';
  return (
    <>
      <PageHeader title={t('reform.title')} intro={t('reform.intro')} />
      <Anchor component={Link} to="/staff/reform/internal" mb="sm" display="inline-block">
        {t('reform.internalProcedures')}
      </Anchor>
      <Tabs value={tab} onChange={(v) => setParams(v === 'plans' ? { tab: 'plans' } : {})} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="board">{t('reform.tabs.board')}</Tabs.Tab>
          <Tabs.Tab value="plans">{t('reform.tabs.plans')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="board">
          <Board />
        </Tabs.Panel>
        <Tabs.Panel value="plans">
          <Plans />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
