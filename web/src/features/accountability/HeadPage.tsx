import type { HeadView, ViolationView } from '@core/accountability/api';
import { HANDLING_LABELS, kindLabel } from '@core/accountability/violations';
import { Alert, Anchor, Badge, Button, Card, Group, Modal, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconCircleCheck } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { formatDate, formatDateTime, useLanguage } from '../../i18n/locale';
import { ScrollTable } from '../reform/parts';
import { Loading } from '../shell/Loading';
import { PageHeader } from '../shell/PageHeader';
import { QueryError } from '../shell/QueryError';
import { HandleForm, RecordForm } from './Forms';
import { GradeCard } from './GradeCard';
import { useHead } from './queries';
import './register-texts';

/** Status colours with at least 4.5:1 contrast on white; the badge says the status in words. */
const STATUS_COLORS = { open: 'red.9', handling: '#a8400a', closed: '#1b6b34' } as const;

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="xs">
        {title}
      </Title>
      {children}
    </section>
  );
}

/** The violations of one officer, each with its handlings and the measures the caller may take. */
function OfficerCard({ group, onHandle }: { group: HeadView['officers'][number]; onHandle: (v: ViolationView) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const name = group.officer.name ?? t('accountability.officers.unknown');
  return (
    <Card withBorder padding="sm">
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Title order={3} size="h5">
          {name}
        </Title>
        <Text size="sm">{t('accountability.officers.count', { count: group.count, open: group.open })}</Text>
      </Group>
      <ScrollTable label={name} minWidth={720}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('accountability.officers.kind')}</Table.Th>
              <Table.Th scope="col">{t('accountability.officers.at')}</Table.Th>
              <Table.Th scope="col">{t('accountability.officers.dossier')}</Table.Th>
              <Table.Th scope="col">{t('accountability.officers.status')}</Table.Th>
              <Table.Th scope="col">{t('accountability.officers.handlings')}</Table.Th>
              <Table.Th scope="col">{t('accountability.officers.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {group.violations.map((v) => (
              <Table.Tr key={v.ref}>
                <Table.Td>
                  {kindLabel(v.kind, language)}
                  {v.description && (
                    <Text size="xs" c="dimmed">
                      {v.description}
                    </Text>
                  )}
                  {v.evidence.map((e) => (
                    <Anchor key={e.id} size="xs" display="block" href={`/api/v1/accountability/violations/${v.ref}/evidence/${e.id}`} download>
                      {e.filename}
                    </Anchor>
                  ))}
                </Table.Td>
                <Table.Td>{formatDateTime(v.at, language)}</Table.Td>
                <Table.Td>
                  {v.dossierCode ? (
                    <Anchor component={Link} to={`/staff/dossiers/${encodeURIComponent(v.dossierCode)}`}>
                      {v.dossierCode}
                    </Anchor>
                  ) : (
                    '—'
                  )}
                </Table.Td>
                <Table.Td>
                  <Badge variant="outline" radius="sm" tt="none" color={STATUS_COLORS[v.status]} c={STATUS_COLORS[v.status]}>
                    {t(`accountability.statuses.${v.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {v.handlings.length === 0
                    ? '—'
                    : v.handlings.map((h) => (
                        <Text key={h.id} size="xs">
                          {HANDLING_LABELS[h.kind][language]} · {formatDateTime(h.at, language)}
                        </Text>
                      ))}
                </Table.Td>
                <Table.Td>
                  {v.allowed.length > 0 && (
                    <Button size="xs" variant="light" onClick={() => onHandle(v)} aria-label={`${t('accountability.handle.button')}: ${kindLabel(v.kind, language)}, ${name}`}>
                      {t('accountability.handle.button')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Card>
  );
}

function LateDossiers({ late }: { late: HeadView['lateDossiers'] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Section id="late-dossiers" title={t('accountability.late.title')}>
      <Text size="sm" mb="xs">
        {t('accountability.late.summary', { open: late.open, finished: late.finished })}
      </Text>
      {late.items.length === 0 ? (
        <Text c="dimmed">{t('accountability.late.empty')}</Text>
      ) : (
        <ScrollTable label={t('accountability.late.title')} minWidth={720}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('accountability.late.code')}</Table.Th>
                <Table.Th scope="col">{t('accountability.late.procedure')}</Table.Th>
                <Table.Th scope="col">{t('accountability.late.handlingUnit')}</Table.Th>
                <Table.Th scope="col">{t('accountability.late.assignee')}</Table.Th>
                <Table.Th scope="col">{t('accountability.late.due')}</Table.Th>
                <Table.Th scope="col">{t('accountability.late.finished')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {late.items.map((d, i) => (
                <Table.Tr key={d.code ?? i}>
                  <Table.Td>{d.code ? <Anchor component={Link} to={`/staff/dossiers/${encodeURIComponent(d.code)}`}>{d.code}</Anchor> : '—'}</Table.Td>
                  <Table.Td>{d.procedureCode}</Table.Td>
                  <Table.Td>{d.handlingUnit}</Table.Td>
                  <Table.Td>{d.assignee ?? '—'}</Table.Td>
                  <Table.Td>{formatDateTime(d.dueAt, language)}</Table.Td>
                  <Table.Td>{d.finishedAt ? formatDateTime(d.finishedAt, language) : <Text span c="red.9" size="sm">{t('accountability.late.open')}</Text>}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </Section>
  );
}

function LateTasks({ reform }: { reform: HeadView['reform'] }) {
  const { t } = useTranslation();
  const rate = reform.onTimeRate === null ? '—' : `${reform.onTimeRate.toLocaleString('vi-VN')} %`;
  return (
    <Section id="late-tasks" title={t('accountability.reform.title')}>
      <Text size="sm" mb="xs">
        {t('accountability.reform.summary', { onTime: reform.onTime, late: reform.late, overdue: reform.overdue, rate })}
      </Text>
      {reform.items.length === 0 ? (
        <Text c="dimmed">{t('accountability.reform.empty')}</Text>
      ) : (
        <ScrollTable label={t('accountability.reform.title')} minWidth={640}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('accountability.reform.plan')}</Table.Th>
                <Table.Th scope="col">{t('accountability.reform.content')}</Table.Th>
                <Table.Th scope="col">{t('accountability.reform.due')}</Table.Th>
                <Table.Th scope="col">{t('accountability.reform.state')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {reform.items.map((r) => (
                <Table.Tr key={`${r.taskId}-${r.period}`}>
                  <Table.Td>{r.planNumber}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/staff/reform/tasks/${r.taskId}`}>
                      {r.content}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{formatDate(r.due)}</Table.Td>
                  <Table.Td>{t(`accountability.reform.states.${r.state}`, { defaultValue: r.state })}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </Section>
  );
}

function Done({ handlings }: { handlings: HeadView['handlings'] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Section id="done" title={t('accountability.done.title')}>
      {handlings.length === 0 ? (
        <Text c="dimmed">{t('accountability.done.empty')}</Text>
      ) : (
        <Stack gap={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {handlings.map((h) => (
            <Text component="li" key={h.id} size="sm">
              <strong>{HANDLING_LABELS[h.kind][language]}</strong> — {kindLabel(h.violationKind as ViolationView['kind'], language)}
              {h.officerName ? `, ${h.officerName}` : ''} · {formatDateTime(h.at, language)} · {t('accountability.done.by')}: {h.actorName ?? '—'}
              <Text span size="sm" c="dimmed" display="block">
                {h.note}
              </Text>
            </Text>
          ))}
        </Stack>
      )}
    </Section>
  );
}

/** The head's page (`/staff/head`): a unit's violations by officer, late dossiers and tasks, what was done, and the head's grade. */
export function HeadPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const phone = useMediaQuery('(max-width: 36em)');
  const [params, setParams] = useSearchParams();
  const unit = params.get('unit');
  const thisYear = new Date().getFullYear();
  const year = Number(params.get('year')) || thisYear;
  const head = useHead(unit, year);
  const [handling, setHandling] = useState<ViolationView | null>(null);
  const [recording, setRecording] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const set = (k: string, v: string | null) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
  };
  return (
    <>
      <PageHeader title={t('accountability.title')} intro={t('accountability.intro')} />
      {head.isPending ? (
        <Loading />
      ) : head.isError ? (
        <QueryError error={head.error} onRetry={() => void head.refetch()} />
      ) : (
        <Stack gap="lg">
          <Group gap="sm" wrap="wrap" align="flex-end">
            <Select label={t('accountability.unit')} data={head.data.units.map((u) => ({ value: u.code, label: u.name }))} value={head.data.unit.code} onChange={(v) => set('unit', v)} searchable allowDeselect={false} w={{ base: '100%', sm: 360 }} />
            <Select label={t('accountability.year')} data={[0, 1, 2, 3, 4].map((i) => String(thisYear - i))} value={String(year)} onChange={(v) => set('year', v)} allowDeselect={false} w={140} />
            {head.data.may.inspect && (
              <Button variant="light" onClick={() => setRecording(true)}>
                {t('accountability.record.button')}
              </Button>
            )}
          </Group>
          <Text size="sm" c="dimmed">
            {t('accountability.asOf', { at: formatDateTime(head.data.asOf, language) })}
          </Text>
          {saved && (
            <Alert color="green" variant="light" icon={<IconCircleCheck aria-hidden />} withCloseButton closeButtonLabel="OK" onClose={() => setSaved(null)} role="status">
              {saved}
            </Alert>
          )}
          <GradeCard unit={head.data.unit.code} year={year} />
          <Section id="officers" title={t('accountability.officers.title')}>
            {head.data.officers.length === 0 ? (
              <Text c="dimmed">{t('accountability.officers.empty')}</Text>
            ) : (
              <Stack gap="sm">
                {head.data.officers.map((g) => (
                  <OfficerCard key={g.officer.id ?? 'unknown'} group={g} onHandle={setHandling} />
                ))}
              </Stack>
            )}
          </Section>
          <LateDossiers late={head.data.lateDossiers} />
          <LateTasks reform={head.data.reform} />
          <Done handlings={head.data.handlings} />
          <Modal opened={handling !== null} onClose={() => setHandling(null)} title={t('accountability.handle.title')} fullScreen={phone} size="lg">
            {handling && (
              <HandleForm
                violation={handling}
                onDone={() => {
                  setHandling(null);
                  setSaved(t('accountability.handle.done'));
                }}
              />
            )}
          </Modal>
          <Modal opened={recording} onClose={() => setRecording(false)} title={t('accountability.record.title')} fullScreen={phone} size="lg">
            {recording && (
              <RecordForm
                head={head.data}
                onDone={() => {
                  setRecording(false);
                  setSaved(t('accountability.record.done'));
                }}
              />
            )}
          </Modal>
        </Stack>
      )}
    </>
  );
}
