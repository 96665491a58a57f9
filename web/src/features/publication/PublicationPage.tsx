import { Badge, Card, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../i18n/locale';
import { Loading } from '../shell/Loading';
import { PageHeader } from '../shell/PageHeader';
import { QueryError } from '../shell/QueryError';
import { usePublicationBoard, usePublicationRates } from './queries';

const STATE_COLORS = { due: 'blue.9', at_risk: '#a8400a', late: 'red.9' } as const;
const STATES = ['late', 'at_risk', 'due'] as const;

/** Today in Hải Phòng (UTC+7), as YYYY-MM-DD. */
const today = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

function Board() {
  const { t } = useTranslation();
  const board = usePublicationBoard();
  if (board.isPending) return <Loading />;
  if (board.isError) return <QueryError error={board.error} onRetry={() => void board.refetch()} />;
  return (
    <Stack component="section" aria-labelledby="board-title" gap="sm">
      <Title order={2} size="h3" id="board-title">
        {t('publication.boardTitle', { date: formatDate(board.data.on) })}
      </Title>
      {board.data.units.every((u) => u.items.length === 0) && <Text>{t('publication.empty')}</Text>}
      {board.data.units
        .filter((u) => u.items.length > 0)
        .map((entry) => (
          <Card key={entry.unit.id} withBorder component="section" aria-labelledby={`board-${entry.unit.id}`}>
            <Group justify="space-between" gap="xs" mb="xs">
              <Title order={3} size="h4" id={`board-${entry.unit.id}`}>
                {entry.unit.name}
              </Title>
              <Group gap={4}>
                {STATES.map((state) => (
                  <Badge key={state} color={STATE_COLORS[state]} c={STATE_COLORS[state]} variant="outline" radius="sm" tt="none">
                    {t(`publication.states.${state}`)}: {entry.counts[state]}
                  </Badge>
                ))}
              </Group>
            </Group>
            <Table.ScrollContainer minWidth={560}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('publication.decision')}</Table.Th>
                    <Table.Th scope="col">{t('publication.obligation')}</Table.Th>
                    <Table.Th scope="col">{t('publication.dueOn')}</Table.Th>
                    <Table.Th scope="col">{t('publication.state')}</Table.Th>
                    <Table.Th scope="col">{t('publication.procedures')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {entry.items.map((item) => (
                    <Table.Tr key={`${item.decisionId}-${item.obligation}`}>
                      <Table.Td>
                        <Text size="sm" fw={600}>
                          {item.number}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {item.issuer}
                        </Text>
                      </Table.Td>
                      <Table.Td>{t(`publication.obligations.${item.obligation}`)}</Table.Td>
                      <Table.Td>{formatDate(item.dueOn)}</Table.Td>
                      <Table.Td>
                        <Badge color={STATE_COLORS[item.state]} c={STATE_COLORS[item.state]} variant="outline" radius="sm" tt="none">
                          {t(`publication.states.${item.state}`)}
                        </Badge>
                        <Text size="xs">{item.state === 'late' ? t('publication.daysLate', { count: item.days }) : t('publication.daysLeft', { count: item.days })}</Text>
                      </Table.Td>
                      <Table.Td>{item.procedures}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Card>
        ))}
    </Stack>
  );
}

function Rates() {
  const { t } = useTranslation();
  const [from, setFrom] = useState(`${today().slice(0, 4)}-01-01`);
  const [to, setTo] = useState(today());
  const rates = usePublicationRates(from, to);
  const ratio = (r: { numerator: number; denominator: number; rate: number | null }) =>
    r.rate === null ? t('publication.noRate') : t('publication.rateValue', { rate: `${(r.rate * 100).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} %`, numerator: r.numerator, denominator: r.denominator });
  return (
    <Stack component="section" aria-labelledby="rates-title" gap="sm">
      <Title order={2} size="h3" id="rates-title">
        {t('publication.ratesTitle')}
      </Title>
      <Group gap="sm" align="flex-end">
        <TextInput type="date" label={t('publication.from')} value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
        <TextInput type="date" label={t('publication.to')} value={to} onChange={(e) => setTo(e.currentTarget.value)} />
      </Group>
      {rates.isLoading && <Loading />}
      {rates.isError && <QueryError error={rates.error} onRetry={() => void rates.refetch()} />}
      {rates.data && (
        <Table.ScrollContainer minWidth={560}>
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('publication.unit')}</Table.Th>
                <Table.Th scope="col">{t('publication.publicationRate')}</Table.Th>
                <Table.Th scope="col">{t('publication.publicisingRate')}</Table.Th>
                <Table.Th scope="col">{t('publication.completenessRate')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rates.data.units.map((row) => (
                <Table.Tr key={row.unit.id}>
                  <Table.Th scope="row" fw={600}>
                    {row.unit.name}
                  </Table.Th>
                  <Table.Td>{ratio(row.publication)}</Table.Td>
                  <Table.Td>{ratio(row.publicising)}</Table.Td>
                  <Table.Td>{ratio(row.completeness)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

/** The publication control board and rates, scoped by the server to the caller's units. */
export function PublicationPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('publication.title')} intro={t('publication.intro')} />
      <Stack gap="xl">
        <Board />
        <Rates />
      </Stack>
    </>
  );
}
