import type { GradeView } from '@core/accountability/api';
import { Alert, Badge, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/locale';
import { ScrollTable } from '../reform/parts';
import { Loading } from '../shell/Loading';
import { QueryError } from '../shell/QueryError';
import { useGrade } from './queries';

const num = (x: number | null, digits = 2) => (x === null ? '—' : x.toLocaleString('vi-VN', { maximumFractionDigits: digits }));
/** Band colours with at least 4.5:1 contrast on white; the badge says the band in words. */
const BAND_COLORS: Record<string, string> = { excellent: '#1b6b34', good: 'blue.9', complete: 'gray.8', incomplete: 'red.9' };

/** The steps of the computation as a table: each part, then the sum, the penalty, the bound and the band. */
function Steps({ g }: { g: GradeView }) {
  const { t } = useTranslation();
  const r = g.result;
  return (
    <ScrollTable label={t('accountability.grade.steps')} minWidth={640}>
      <Table>
        <caption style={{ captionSide: 'top', textAlign: 'start' }}>{t('accountability.grade.steps')}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('accountability.grade.part')}</Table.Th>
            <Table.Th scope="col">{t('accountability.grade.input')}</Table.Th>
            <Table.Th scope="col">{t('accountability.grade.scale')}</Table.Th>
            <Table.Th scope="col">{t('accountability.grade.share')}</Table.Th>
            <Table.Th scope="col">{t('accountability.grade.weight')}</Table.Th>
            <Table.Th scope="col">{t('accountability.grade.contribution')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {r.components.map((c) => (
            <Table.Tr key={c.code}>
              <Table.Th scope="row" fw={500}>
                {t(`accountability.grade.parts.${c.code}`)}
                {c.note && (
                  <Text size="xs" c="dimmed">
                    {t(`accountability.grade.notes.${c.note}`)}
                  </Text>
                )}
              </Table.Th>
              <Table.Td>{num(c.input)}</Table.Td>
              <Table.Td>
                {num(c.scale.min)} … {num(c.scale.max)}
              </Table.Td>
              <Table.Td>{num(c.share * 100, 1)} %</Table.Td>
              <Table.Td>{num(c.weight)}</Table.Td>
              <Table.Td>{num(c.contribution)}</Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Th scope="row" colSpan={5}>
              {t('accountability.grade.subtotal')}
            </Table.Th>
            <Table.Td fw={700}>{num(r.subtotal)}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row" colSpan={5} fw={500}>
              {t('accountability.grade.penalty', { count: r.penalty.violations, per: num(r.penalty.perViolation), cap: num(r.penalty.cap) })}
              <Text size="xs" c="dimmed">
                {t('accountability.grade.violationsSplit', { auto: g.inputs.automaticViolations, manual: g.inputs.manualViolations })}
              </Text>
            </Table.Th>
            <Table.Td c="red.9">−{num(r.penalty.points)}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row" colSpan={5} fw={500}>
              {t('accountability.grade.raw')}
            </Table.Th>
            <Table.Td>{num(r.raw)}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row" colSpan={5}>
              {t('accountability.grade.final', { total: num(r.declaredTotal) })}
            </Table.Th>
            <Table.Td fw={700}>{num(r.score)}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

/** The head's grade for the year: the score and band, and every step of the computation. */
export function GradeCard({ unit, year }: { unit: string; year: number }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const grade = useGrade(unit, year);
  if (grade.isPending) return <Loading />;
  if (grade.isError) return <QueryError error={grade.error} onRetry={() => void grade.refetch()} />;
  const g = grade.data;
  const color = BAND_COLORS[g.result.band.code] ?? 'gray.8';
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="grade-title">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={2} size="h4" id="grade-title">
            {t('accountability.grade.title')}
          </Title>
          <Group gap="xs">
            <Text fw={700} fz="xl" data-testid="grade-score">
              {t('accountability.grade.score', { score: num(g.result.score), total: num(g.result.declaredTotal) })}
            </Text>
            <Badge variant="outline" radius="sm" tt="none" color={color} c={color} aria-label={`${t('accountability.grade.band')}: ${g.result.band[language]}`}>
              {g.result.band[language]}
            </Badge>
          </Group>
        </Group>
        <Steps g={g} />
        <Alert variant="light" color="gray" p="xs">
          <Text size="xs">
            {g.formula.bands.map((b) => `${b[language]} ≥ ${num(b.min)}`).join(' · ')}
          </Text>
        </Alert>
      </Stack>
    </Card>
  );
}
