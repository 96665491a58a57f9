import type { IndexResponse } from '@core/index/api';
import { formatPoints, formatRate, formatSignedPoints } from '@core/index/report';
import { Anchor, Badge, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useLanguage } from '../../i18n/locale';
import { ScrollTable } from './ScrollTable';

type Figures = Pick<IndexResponse, 'unit' | 'total' | 'cityPoints' | 'groups' | 'cityRules'>;

/** Where the parts of an indicator lead (the dossiers or procedures counted); none on the public page. */
export interface BreakdownLinks {
  part(indicator: string, part: 'numerator' | 'denominator'): string | null;
  rule(rule: string): string | null;
}

// dark enough for AA contrast at badge size
const RULE_COLOR = { met: '#1b5e20', notMet: '#b71c1c', noData: '#424242' } as const;

function Figure({ to, label, children }: { to: string | null | undefined; label: string; children: ReactNode }) {
  if (!to) return <>{children}</>;
  return (
    <Anchor component={Link} to={to} aria-label={label}>
      {children}
    </Anchor>
  );
}

/**
 * A unit's index: each group's score, and inside it each indicator's numerator over denominator,
 * rate and points; then the city's bonus/penalty rule. With `links`, every count is a link to the
 * dossiers or procedures behind it.
 */
export function UnitBreakdown({ data, links, headingLevel = 2 }: { data: Figures; links?: BreakdownLinks; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const sub = (headingLevel + 1) as 3 | 4;
  return (
    <>
      <Title order={headingLevel} size="h3" mt="md">
        {t('indexPublic.unit.groupsTitle')}
      </Title>
      <ScrollTable minWidth={560} label={t('indexPublic.unit.groupsTitle')}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('indexPublic.unit.indicator')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('indexPublic.unit.ratio')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('indexPublic.unit.rate')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('indexPublic.unit.score')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          {data.groups.map((g) => (
            <Table.Tbody key={g.code}>
              <Table.Tr bg="var(--mantine-color-gray-1)">
                <Table.Th scope="rowgroup" colSpan={3}>
                  {g.code} — {t(`indexPublic.groups.${g.code}`)}
                </Table.Th>
                <Table.Td ta="right" fw={700}>
                  {t('indexPublic.ranking.outOf', { score: formatPoints(g.score, language), max: g.max })}
                </Table.Td>
              </Table.Tr>
              {g.indicators.map((i) => {
                const name = t(`indexPublic.indicators.${i.code}`);
                return (
                  <Table.Tr key={i.code}>
                    <Table.Th scope="row" fw={400}>
                      <Text span fw={600}>
                        {i.code}
                      </Text>{' '}
                      {name}
                      {i.threshold !== null && (
                        <Text size="xs" c="dimmed">
                          {t('indexPublic.unit.threshold', { threshold: formatRate(i.threshold, language) })}
                        </Text>
                      )}
                    </Table.Th>
                    <Table.Td ta="right">
                      <Figure to={links?.part(i.code, 'numerator')} label={`${i.code} ${name}, ${t('indexPublic.unit.numerator')}: ${i.numerator}`}>
                        {i.numerator}
                      </Figure>
                      {' / '}
                      <Figure to={links?.part(i.code, 'denominator')} label={`${i.code} ${name}, ${t('indexPublic.unit.denominator')}: ${i.denominator}`}>
                        {i.denominator}
                      </Figure>
                    </Table.Td>
                    <Table.Td ta="right">{formatRate(i.rate, language)}</Table.Td>
                    <Table.Td ta="right">
                      {t('indexPublic.ranking.outOf', { score: formatPoints(i.score, language), max: i.max })}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          ))}
        </Table>
      </ScrollTable>

      <Title order={sub} size="h4" mt="md">
        {t('indexPublic.unit.rulesTitle')}
      </Title>
      <ScrollTable minWidth={480} label={t('indexPublic.unit.rulesTitle')}>
        <Table>
          <Table.Tbody>
            {data.cityRules.map((r) => {
              const state = r.met === null ? 'noData' : r.met ? 'met' : 'notMet';
              const to = links?.rule(r.code);
              return (
                <Table.Tr key={r.code}>
                  <Table.Th scope="row" fw={400}>
                    <Text span fw={600}>
                      {r.code}
                    </Text>{' '}
                    {t(`indexPublic.rules.${r.code}`, { threshold: formatRate(r.threshold, language) })}
                  </Table.Th>
                  <Table.Td ta="right">
                    <Figure to={to} label={`${r.code}: ${r.numerator} / ${r.denominator}`}>
                      {r.numerator} / {r.denominator}
                    </Figure>{' '}
                    ({formatRate(r.rate, language)})
                  </Table.Td>
                  <Table.Td ta="right">
                    <Badge color={RULE_COLOR[state]} variant="outline" c={RULE_COLOR[state]} radius="sm" tt="none">
                      {t(`indexPublic.unit.${state}`)} ({formatSignedPoints(r.points, language)})
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </>
  );
}
