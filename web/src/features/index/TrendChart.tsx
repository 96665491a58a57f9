import type { TrendResponse } from '@core/index/api';
import { formatPoints, formatSignedPoints } from '@core/index/report';
import { Anchor, Table, Text } from '@mantine/core';
import { LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useLanguage } from '../../i18n/locale';

// only what the line chart needs: the dashboard's chunk stays small, and no other page loads it
echarts.use([LineChart, GridComponent, TooltipComponent, AriaComponent, SVGRenderer]);

/**
 * The total score of each month (ECharts line chart; a click on a point opens that month on the
 * dashboard), and the same figures as a table whose months are links, for keyboards and screen readers.
 */
export function TrendChart({ data, monthHref }: { data: TrendResponse; monthHref(month: string): string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const box = useRef<HTMLDivElement>(null);
  // the latest link maker, read at click time: the chart is not rebuilt when the parent re-renders
  const hrefOf = useRef(monthHref);
  hrefOf.current = monthHref;
  const title = t('indexDash.trend.title', { year: data.year, name: data.unit.name });

  useEffect(() => {
    if (!box.current || data.months.length === 0) return;
    const chart = echarts.init(box.current, undefined, { renderer: 'svg' });
    const months = data.months.map((m) => m.month);
    chart.setOption({
      aria: { enabled: true, label: { description: `${title}. ${t('indexDash.trend.desc')}` } },
      grid: { left: 40, right: 12, top: 16, bottom: 28 },
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => formatPoints(Number(v), language) },
      xAxis: { type: 'category', data: months.map((m) => `${m.slice(5, 7)}/${m.slice(0, 4)}`), axisLabel: { color: '#495057' } },
      yAxis: { type: 'value', min: 0, max: 100, interval: 25, axisLabel: { color: '#495057' } },
      series: [{ type: 'line', name: t('indexDash.trend.total'), data: data.months.map((m) => m.total), symbolSize: 10, lineStyle: { width: 2.5, color: '#1864ab' }, itemStyle: { color: '#1864ab' } }],
    });
    chart.on('click', (e) => {
      const month = months[e.dataIndex];
      if (month) navigate(hrefOf.current(month));
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [data, language, title, t, navigate]);

  if (data.months.length === 0) return <Text c="dimmed">{t('indexDash.trend.empty')}</Text>;
  return (
    <>
      <div ref={box} role="img" aria-label={title} style={{ width: '100%', maxWidth: 640, height: 240 }} />
      <details>
        <summary>
          <Text span size="sm">
            {t('indexDash.trend.table')}
          </Text>
        </summary>
        <Table fz="sm" maw={480}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('indexDash.trend.month')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('indexDash.trend.total')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('indexDash.trend.cityPoints')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.months.map((p) => (
              <Table.Tr key={p.month}>
                <Table.Th scope="row" fw={400}>
                  <Anchor component={Link} to={monthHref(p.month)}>
                    {p.month.slice(5, 7)}/{p.month.slice(0, 4)}
                  </Anchor>
                </Table.Th>
                <Table.Td ta="right">{formatPoints(p.total, language)}</Table.Td>
                <Table.Td ta="right">{formatSignedPoints(p.cityPoints, language)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </details>
    </>
  );
}
