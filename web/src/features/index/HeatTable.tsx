import type { UnitsResponse } from '@core/index/api';
import { INDICATORS } from '@core/index/config';
import { formatRate } from '@core/index/report';
import { Anchor, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useLanguage } from '../../i18n/locale';
import { drillHref } from './links';
import type { Period } from './period';
import { ScrollTable } from './ScrollTable';

type Band = 'full' | 'good' | 'fair' | 'low' | 'none';
const BANDS: readonly Band[] = ['full', 'good', 'fair', 'low', 'none'];
// light tints under near-black text: every band keeps a contrast well above 4.5:1
const BACKGROUND: Record<Band, string> = { full: '#d3f9d8', good: '#e9fac8', fair: '#fff3bf', low: '#ffe3e3', none: '#f1f3f5' };

/** The level of a rate against its full-marks threshold (against 100 % when it has none). */
export function bandOf(rate: number | null, threshold: number | null): Band {
  if (rate === null) return 'none';
  const ratio = rate / (threshold ?? 1);
  return ratio >= 1 ? 'full' : ratio >= 0.75 ? 'good' : ratio >= 0.5 ? 'fair' : 'low';
}

/**
 * Units × indicators: each cell the indicator's rate with its level written out beside the colour
 * (colour is never the only cue), and a link to the dossiers or procedures counted.
 */
export function HeatTable({ data, period }: { data: UnitsResponse; period: Period }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <>
      <Group gap="xs" mb="xs" aria-label={t('indexDash.heat.legend')} role="group">
        <Text size="sm" fw={600}>
          {t('indexDash.heat.legend')}:
        </Text>
        {BANDS.map((b) => (
          <Text key={b} size="sm" px={6} style={{ background: BACKGROUND[b], color: '#1a1b1e', borderRadius: 4 }}>
            {t(`indexDash.heat.bands.${b}`)}
          </Text>
        ))}
      </Group>
      <ScrollTable minWidth={1400} label={t('indexDash.heat.title')}>
        <Table withTableBorder withColumnBorders fz="sm">
          <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>{t('indexDash.heat.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('indexPublic.ranking.unit')}</Table.Th>
              {INDICATORS.map((i) => (
                <Table.Th key={i.code} scope="col" ta="center" title={t(`indexPublic.indicators.${i.code}`)}>
                  <abbr title={t(`indexPublic.indicators.${i.code}`)} style={{ textDecoration: 'none' }}>
                    {i.code}
                  </abbr>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.units.map((u) => {
              const results = new Map(u.groups.flatMap((g) => g.indicators).map((x) => [x.code, x]));
              return (
                <Table.Tr key={u.unit.code}>
                  <Table.Th scope="row" fw={u.unit.code === data.parent.code ? 700 : 500}>
                    {u.unit.name}
                  </Table.Th>
                  {INDICATORS.map((i) => {
                    const r = results.get(i.code);
                    const band = bandOf(r?.rate ?? null, r?.threshold ?? null);
                    const rate = formatRate(r?.rate ?? null, language);
                    return (
                      <Table.Td key={i.code} ta="center" style={{ background: BACKGROUND[band], color: '#1a1b1e', whiteSpace: 'nowrap' }}>
                        <Anchor
                          component={Link}
                          to={drillHref(i.code, u.unit.code, period, 'numerator')}
                          c="#1a1b1e"
                          underline="always"
                          aria-label={`${u.unit.name}, ${i.code} ${t(`indexPublic.indicators.${i.code}`)}: ${rate}, ${t(`indexDash.heat.bands.${band}`)}`}
                        >
                          {rate}
                        </Anchor>
                        {band !== 'none' && (
                          <Text size="xs" aria-hidden>
                            {t(`indexDash.heat.short.${band}`)}
                          </Text>
                        )}
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </>
  );
}
