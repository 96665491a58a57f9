import type { UnitsResponse } from '@core/index/api';
import { formatPoints, formatSignedPoints, RANK_KEYS, type RankKey, rankUnits } from '@core/index/report';
import { Anchor, Table, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconArrowDown, IconSelector } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useLanguage } from '../../i18n/locale';
import { ScrollTable } from './ScrollTable';

type UnitFigures = UnitsResponse['units'][number];

/** Where a unit's name and each of its figures lead. */
export interface RankingLinks {
  unit(code: string): string;
  figure(code: string, key: RankKey): string;
}

/**
 * The units under a parent ranked by total (or, on a column's button, by a group or the city rule's
 * points): equal figures share a rank. The parent's own figures head the table, unranked. Each name
 * and figure is a link (the unit's page, the breakdown behind the figure).
 */
export function RankingTable({ data, links, caption }: { data: UnitsResponse; links: RankingLinks; caption: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [key, setKey] = useState<RankKey>('total');
  const whole = data.units.find((u) => u.unit.code === data.parent.code);
  const members = data.units.filter((u) => u.unit.code !== data.parent.code);
  const ranked = rankUnits(members, key);
  const label = (k: RankKey) => (k === 'total' ? t('indexPublic.ranking.total') : k === 'cityPoints' ? t('indexPublic.ranking.cityPoints') : k);
  const title = (k: RankKey) => (k === 'total' || k === 'cityPoints' ? label(k) : t(`indexPublic.groups.${k}`));
  const value = (u: UnitFigures, k: RankKey) => {
    if (k === 'cityPoints') return formatSignedPoints(u.cityPoints, language);
    if (k === 'total') return formatPoints(u.total, language);
    return formatPoints(u.groups.find((g) => g.code === k)?.score ?? 0, language);
  };
  const row = (u: UnitFigures, rank: string, bold: boolean) => (
    <Table.Tr key={u.unit.code}>
      <Table.Td ta="center">{rank}</Table.Td>
      <Table.Th scope="row" fw={bold ? 700 : 500}>
        <Anchor component={Link} to={links.unit(u.unit.code)}>
          {bold ? t('indexPublic.ranking.whole', { name: u.unit.name }) : u.unit.name}
        </Anchor>
      </Table.Th>
      {RANK_KEYS.map((k) => (
        <Table.Td key={k} ta="right" fw={k === 'total' || bold ? 700 : undefined}>
          <Anchor component={Link} to={links.figure(u.unit.code, k)} aria-label={`${u.unit.name}: ${title(k)} ${value(u, k)}`}>
            {value(u, k)}
          </Anchor>
        </Table.Td>
      ))}
    </Table.Tr>
  );
  return (
    <ScrollTable minWidth={720} label={caption}>
      <Table striped highlightOnHover>
        <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('indexPublic.ranking.rank')}</Table.Th>
            <Table.Th scope="col">{t('indexPublic.ranking.unit')}</Table.Th>
            {RANK_KEYS.map((k) => (
              <Table.Th key={k} scope="col" ta="right" aria-sort={key === k ? 'descending' : 'none'}>
                <UnstyledButton onClick={() => setKey(k)} title={title(k)} style={{ fontWeight: 700, display: 'inline-flex', alignItems: 'center', gap: 2 }}>
                  {label(k)}
                  <VisuallyHidden>{t('indexPublic.ranking.sortBy', { column: title(k) })}</VisuallyHidden>
                  {key === k ? <IconArrowDown size={14} aria-hidden /> : <IconSelector size={14} aria-hidden />}
                </UnstyledButton>
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {whole && row(whole, '', true)}
          {ranked.map((r) => row(r.unit, String(r.rank), false))}
        </Table.Tbody>
      </Table>
      {members.length === 0 && <Text c="dimmed">{t('indexPublic.ranking.empty')}</Text>}
    </ScrollTable>
  );
}
