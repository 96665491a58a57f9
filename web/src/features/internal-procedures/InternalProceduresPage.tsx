import type { ProcedureDetail, SummaryView } from '@core/internal-procedures/api';
import { formatVnd } from '@core/payment/money';
import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import type { Language } from '../../i18n';
import { formatDate, formatDateTime, useLanguage } from '../../i18n/locale';
import { Loading } from '../shell/Loading';
import { PageHeader } from '../shell/PageHeader';
import { QueryError } from '../shell/QueryError';
import { useProcedure, useProcedures, useSummary } from './queries';
import './register-texts';

/** Whole đồng with the language's digit grouping, without the unit (the column names it). */
const money = (n: number, language: Language) => formatVnd(n, language).replace(/ (đồng|VND)$/, '');
const decimal = (n: number, language: Language) => n.toLocaleString(language === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 2 });
const pct = (r: number | null, language: Language) => (r === null ? '—' : `${decimal(r, language)} %`);

/** A table that scrolls sideways on a phone, as a focusable named region. */
function Scroll({ label, minWidth, children }: { label: string; minWidth: number; children: React.ReactNode }) {
  return (
    <Table.ScrollContainer minWidth={minWidth} scrollAreaProps={{ viewportProps: { tabIndex: 0, role: 'region', 'aria-label': label } }}>
      {children}
    </Table.ScrollContainer>
  );
}

/** Colours with at least 4.5:1 contrast on white; the tag always says its meaning in words. */
const GREEN = '#1b6b34';
const ORANGE = '#a8400a';
const WRAP = { root: { height: 'auto', paddingBlock: 2 }, label: { whiteSpace: 'normal' } } as const;

/** An outlined badge in one colour, text and border alike. */
function Tag({ color, children }: { color: string; children: React.ReactNode }) {
  return (
    <Badge variant="outline" radius="sm" tt="none" color={color} c={color} styles={WRAP}>
      {children}
    </Badge>
  );
}

function TargetBadge({ met }: { met: boolean }) {
  const { t } = useTranslation();
  return <Tag color={met ? GREEN : ORANGE}>{met ? t('internalProcedures.targetMet') : t('internalProcedures.targetNotMet')}</Tag>;
}

/** The city's figures against the target, and the table per unit. */
function Summary({ s }: { s: SummaryView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const c = s.city;
  const figures: [string, string | number][] = [
    [t('internalProcedures.registered'), s.registered],
    [t('internalProcedures.reviewed'), c.reviewed],
    [t('internalProcedures.simplified'), `${c.simplified} (${pct(c.simplifiedPercent, language)})`],
    [t('internalProcedures.costBefore'), money(c.costBefore, language)],
    [t('internalProcedures.costAfter'), money(c.costAfter, language)],
    [t('internalProcedures.cutPercent'), pct(c.cutPercent, language)],
  ];
  return (
    <Stack gap="md">
      <section aria-labelledby="ip-summary">
        <Group justify="space-between" wrap="wrap" gap="sm" mb="xs">
          <Title order={2} size="h4" id="ip-summary">
            {t('internalProcedures.summary')}
          </Title>
          <TargetBadge met={c.targetMet} />
        </Group>
        <Text size="sm" mb="sm">
          {t('internalProcedures.target', { procedures: s.target.proceduresPercent, cost: s.target.costPercent })}
        </Text>
        <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm" component="dl" m={0}>
          {figures.map(([label, value]) => (
            <Card key={label} withBorder padding="sm">
              <Text component="dt" size="sm" c="dimmed">
                {label}
              </Text>
              <Text component="dd" m={0} fw={700} fz="lg">
                {value}
              </Text>
            </Card>
          ))}
        </SimpleGrid>
      </section>
      <section aria-labelledby="ip-units">
        <Group justify="space-between" wrap="wrap" gap="sm" mb="xs">
          <Title order={2} size="h4" id="ip-units">
            {t('internalProcedures.byUnit')}
          </Title>
          <Button component="a" href="/api/v1/internal-procedures/summary.xlsx" download variant="light" leftSection={<IconDownload size={16} aria-hidden />}>
            {t('internalProcedures.exportXlsx')}
          </Button>
        </Group>
        <Scroll label={t('internalProcedures.byUnit')} minWidth={860}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                {(['unit', 'registered', 'reviewed', 'simplified', 'costBefore', 'costAfter', 'cut', 'cutPercent'] as const).map((k) => (
                  <Table.Th key={k} scope="col">
                    {t(`internalProcedures.${k}`)}
                  </Table.Th>
                ))}
                <Table.Th scope="col">{t('internalProcedures.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {s.units.map((u) => (
                <Table.Tr key={u.unit.id}>
                  <Table.Th scope="row" fw={500}>
                    {u.unit.name}
                  </Table.Th>
                  <Table.Td>{u.registered}</Table.Td>
                  <Table.Td>{u.progress.reviewed}</Table.Td>
                  <Table.Td>
                    {u.progress.simplified} ({pct(u.progress.simplifiedPercent, language)})
                  </Table.Td>
                  <Table.Td>{money(u.progress.costBefore, language)}</Table.Td>
                  <Table.Td>{money(u.progress.costAfter, language)}</Table.Td>
                  <Table.Td>{money(u.progress.cut, language)}</Table.Td>
                  <Table.Td>{pct(u.progress.cutPercent, language)}</Table.Td>
                  <Table.Td>{u.progress.reviewed > 0 ? <TargetBadge met={u.progress.targetMet} /> : '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Scroll>
      </section>
    </Stack>
  );
}

/** The list of procedures; each name opens its cost computation. */
function ProcedureList() {
  const { t } = useTranslation();
  const language = useLanguage();
  const list = useProcedures();
  if (list.isPending) return <Loading />;
  if (list.isError) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <section aria-labelledby="ip-list">
      <Title order={2} size="h4" id="ip-list" mb="xs">
        {t('internalProcedures.list')}
      </Title>
      {list.data.items.length === 0 ? (
        <Text>{t('internalProcedures.empty')}</Text>
      ) : (
        <Scroll label={t('internalProcedures.list')} minWidth={760}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                {(['code', 'name', 'field', 'unit', 'yearlyCost', 'status'] as const).map((k) => (
                  <Table.Th key={k} scope="col">
                    {t(`internalProcedures.${k}`)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>{p.code}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`?id=${p.id}`}>
                      {p.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{p.field}</Table.Td>
                  <Table.Td>{p.unit.name}</Table.Td>
                  <Table.Td>{money(p.yearlyCost, language)}</Table.Td>
                  <Table.Td>
                    <Tag color={p.simplified ? GREEN : p.reviewed ? 'blue.9' : 'gray.8'}>
                      {t(p.simplified ? 'internalProcedures.statusSimplified' : p.reviewed ? 'internalProcedures.statusReviewed' : 'internalProcedures.statusRegistered')}
                    </Tag>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Scroll>
      )}
    </section>
  );
}

/** One version's cost, step by step, with the sums. */
function VersionCost({ v, current, defaultHourlyCost }: { v: ProcedureDetail['versions'][number]; current: boolean; defaultHourlyCost: number }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const label = t('internalProcedures.costTable', { n: v.version });
  return (
    <section aria-labelledby={`ip-version-${v.version}`}>
      <Group gap="xs" mb="xs">
        <Title order={3} size="h5" id={`ip-version-${v.version}`}>
          {t('internalProcedures.version', { n: v.version })} — {t(v.kind === 'registered' ? 'internalProcedures.kindRegistered' : 'internalProcedures.kindSimplified')}
        </Title>
        {current && (
          <Tag color={GREEN}>
            {t('internalProcedures.current')}
          </Tag>
        )}
      </Group>
      <Scroll label={label} minWidth={900}>
        <Table withTableBorder>
          <Table.Thead>
            <Table.Tr>
              {(['order', 'step', 'actor', 'time', 'hours', 'hourlyCost', 'timeCost', 'otherCosts', 'stepTotal'] as const).map((k) => (
                <Table.Th key={k} scope="col">
                  {t(`internalProcedures.${k}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {v.steps.map((s) => {
              const c = v.cost.steps.find((x) => x.order === s.order)!;
              return (
                <Table.Tr key={s.order}>
                  <Table.Td>{s.order}</Table.Td>
                  <Table.Td>{s.name}</Table.Td>
                  <Table.Td>{s.actor}</Table.Td>
                  <Table.Td>{t(s.unit === 'hours' ? 'internalProcedures.hoursUnit' : 'internalProcedures.daysUnit', { n: decimal(s.time, language) })}</Table.Td>
                  <Table.Td>{decimal(c.hours, language)}</Table.Td>
                  <Table.Td>{s.hourlyCost === null ? t('internalProcedures.hourlyDefault', { cost: money(defaultHourlyCost, language) }) : money(c.hourlyCost, language)}</Table.Td>
                  <Table.Td>{money(c.timeCost, language)}</Table.Td>
                  <Table.Td>{money(c.otherCosts, language)}</Table.Td>
                  <Table.Td>{money(c.total, language)}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Scroll>
      <Text fw={600} mt="xs">
        {t('internalProcedures.computation', { steps: money(v.cost.stepsTotal, language), fees: money(v.cost.fees, language), perRun: money(v.cost.perRun, language), n: v.cost.yearlyFrequency, yearly: money(v.cost.yearly, language) })}
      </Text>
    </section>
  );
}

/** A procedure: its versions' costs and its reviews with their decisions. */
function ProcedureView({ id }: { id: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const q = useProcedure(id);
  if (q.isPending) return <Loading />;
  if (q.isError) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  const d = q.data;
  const p = d.procedure;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/staff/reform/internal">
        {t('internalProcedures.backToList')}
      </Anchor>
      <PageHeader title={`${p.code} — ${p.name}`} intro={`${p.unit.name} · ${p.field}`} />
      {p.legalBasis && (
        <Text size="sm">
          {t('internalProcedures.legalBasis')}: {p.legalBasis}
        </Text>
      )}
      <Text size="sm" c="dimmed">
        {t('internalProcedures.formula')}
      </Text>
      {d.versions.map((v) => (
        <VersionCost key={v.id} v={v} current={v.version === p.currentVersion} defaultHourlyCost={d.defaultHourlyCost} />
      ))}
      <section aria-labelledby="ip-reviews">
        <Title order={2} size="h4" id="ip-reviews" mb="xs">
          {t('internalProcedures.reviews')}
        </Title>
        {d.reviews.length === 0 && <Text>{t('internalProcedures.noReviews')}</Text>}
        <Stack gap="sm">
          {d.reviews.map((r) => (
            <Card key={r.id} withBorder padding="sm" component="article">
              <Title order={3} size="h5" mb="xs">
                {t('internalProcedures.reviewOf', { n: r.beforeVersion, at: formatDateTime(r.reviewedAt, language) })}
              </Title>
              <Stack gap={4}>
                {(['necessity', 'reasonableness', 'legality'] as const).map((k) => (
                  <Text key={k} size="sm">
                    <strong>{t(`internalProcedures.${k}`)}</strong>: {t(`internalProcedures.verdict.${r[k].verdict}`)} — {r[k].text}
                  </Text>
                ))}
                {r.proposals && (
                  <Text size="sm">
                    <strong>{t('internalProcedures.proposals')}</strong>: {r.proposals}
                  </Text>
                )}
                {r.decision ? (
                  <>
                    <Text size="sm" fw={600}>
                      {t('internalProcedures.decision', { number: r.decision.number, date: formatDate(r.decision.date) })}: {r.decision.summary}
                    </Text>
                    <Text size="sm">
                      {r.cut
                        ? t('internalProcedures.cutLine', { before: formatVnd(r.cut.before, language), after: formatVnd(r.cut.after, language), cut: formatVnd(r.cut.cut, language), percent: pct(r.cut.percent, language) })
                        : t('internalProcedures.keptAsIs')}
                    </Text>
                  </>
                ) : (
                  <Tag color={ORANGE}>
                    {t('internalProcedures.awaitingDecision')}
                  </Tag>
                )}
              </Stack>
            </Card>
          ))}
        </Stack>
      </section>
    </Stack>
  );
}

/** `/staff/reform/internal`: the city summary and the list, or (`?id=`) one procedure's cost step by step. */
export function InternalProceduresPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const id = params.get('id');
  const summary = useSummary();
  if (id) return <ProcedureView id={id} />;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/staff/reform">
        {t('internalProcedures.backToReform')}
      </Anchor>
      <PageHeader title={t('internalProcedures.title')} intro={t('internalProcedures.intro')} />
      {summary.isPending ? <Loading /> : summary.isError ? <QueryError error={summary.error} onRetry={() => void summary.refetch()} /> : <Summary s={summary.data} />}
      <ProcedureList />
    </Stack>
  );
}
