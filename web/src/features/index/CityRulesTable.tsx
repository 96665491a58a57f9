import type { UnitsResponse } from '@core/index/api';
import { CITY_RULES } from '@core/index/config';
import { formatRate, formatSignedPoints } from '@core/index/report';
import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useLanguage } from '../../i18n/locale';
import { ruleHref } from './links';
import type { Period } from './period';
import { ScrollTable } from './ScrollTable';

// dark enough for AA contrast on the striped rows too
const COLOR = { met: '#1b5e20', notMet: '#b71c1c', noData: '#424242' } as const;

/** The city's bonus/penalty rule per unit: each rule's rate, met or not (in words), its points, and the sum. */
export function CityRulesTable({ data, period }: { data: UnitsResponse; period: Period }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const first = data.units[0];
  return (
    <ScrollTable minWidth={720} label={t('indexDash.rules.title')}>
      <Table striped fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('indexDash.rules.unit')}</Table.Th>
            {CITY_RULES.map((r) => {
              const threshold = first?.cityRules.find((x) => x.code === r.code)?.threshold ?? 0;
              return (
                <Table.Th key={r.code} scope="col" ta="right">
                  {r.code}
                  <Text size="xs" fw={400}>
                    {t(`indexPublic.rules.${r.code}`, { threshold: formatRate(threshold, language) })}
                  </Text>
                </Table.Th>
              );
            })}
            <Table.Th scope="col" ta="right">
              {t('indexDash.rules.total')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.units.map((u) => (
            <Table.Tr key={u.unit.code}>
              <Table.Th scope="row" fw={u.unit.code === data.parent.code ? 700 : 500}>
                {u.unit.name}
              </Table.Th>
              {u.cityRules.map((r) => {
                const state = r.met === null ? 'noData' : r.met ? 'met' : 'notMet';
                const href = ruleHref(r.code, u.unit.code, period);
                const text = `${formatRate(r.rate, language)} · ${t(`indexPublic.unit.${state}`)} (${formatSignedPoints(r.points, language)})`;
                return (
                  <Table.Td key={r.code} ta="right" style={{ color: COLOR[state] }}>
                    {href ? (
                      <Anchor component={Link} to={href} c={COLOR[state]} underline="always" aria-label={`${u.unit.name}, ${r.code}: ${text}`}>
                        {text}
                      </Anchor>
                    ) : (
                      text
                    )}
                  </Table.Td>
                );
              })}
              <Table.Td ta="right" fw={700}>
                {formatSignedPoints(u.cityPoints, language)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
