import type { IndexResponse } from '@core/index/api';
import { formatPoints, formatRate } from '@core/index/report';
import { type TargetCode, targetStanding, TARGET_CODES } from '@core/index/targets';
import { Alert, Badge, Button, Group, Modal, NumberInput, Stack, Table, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/locale';
import { formatWhen } from '../../lib/format';
import { QueryError } from '../shell/QueryError';
import { useSetTargets, useTargets } from './queries';
import { ScrollTable } from './ScrollTable';

// dark enough for AA contrast at badge size
const STANDING_COLOR = { met: '#1b5e20', missed: '#b71c1c', none: '#424242' } as const;

/** The actual figure a target is compared with: the total's points, an indicator's rate. */
function actualOf(figures: IndexResponse, code: TargetCode): number | null {
  if (code === 'total') return figures.total;
  return figures.groups.flatMap((g) => g.indicators).find((i) => i.code === code)?.rate ?? null;
}

/** The form a leader sets targets with: points for the total, percentages for the indicators. */
function TargetsForm({ unit, year, initial, onDone, onCancel }: { unit: string; year: number; initial: Map<string, number>; onDone(): void; onCancel(): void }) {
  const { t } = useTranslation();
  const save = useSetTargets();
  const [values, setValues] = useState<Record<string, number | ''>>(() =>
    Object.fromEntries(TARGET_CODES.map((c) => [c, initial.has(c) ? (c === 'total' ? initial.get(c)! : Math.round(initial.get(c)! * 10_000) / 100) : ''])),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const targets = TARGET_CODES.map((code) => {
      const v = values[code];
      return { code, value: v === '' || v === undefined ? null : code === 'total' ? Number(v) : Math.round(Number(v) * 100) / 10_000 };
    }).filter((x) => x.value !== null || initial.has(x.code));
    if (targets.length === 0) return onCancel();
    save.mutate({ unit, year, targets }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="xs">
        <Text size="sm">{t('indexDash.targets.hint')}</Text>
        {TARGET_CODES.map((code) => {
          const name = code === 'total' ? '' : t(`indexPublic.indicators.${code}`);
          return (
            <NumberInput
              key={code}
              label={code === 'total' ? t('indexDash.targets.totalLabel') : t('indexDash.targets.rateLabel', { code, name })}
              min={0}
              max={100}
              decimalScale={2}
              decimalSeparator=","
              allowNegative={false}
              value={values[code]}
              onChange={(v) => setValues((s) => ({ ...s, [code]: v === '' ? '' : Number(v) }))}
            />
          );
        })}
        {save.isError && <QueryError error={save.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('indexDash.targets.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('indexDash.targets.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A unit's targets for the period's year beside its actual figures, met or not in words; leaders may edit. */
export function TargetsPanel({ figures, year }: { figures: IndexResponse; year: number }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const targets = useTargets(figures.unit.code, year);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  if (targets.isPending) return null;
  if (targets.isError) return <QueryError error={targets.error} onRetry={() => void targets.refetch()} />;
  const set = new Map(targets.data.targets.map((x) => [x.code, x.value]));
  const show = (code: TargetCode, v: number | null) => (code === 'total' ? (v === null ? '–' : formatPoints(v, language)) : formatRate(v, language));
  const rows = TARGET_CODES.filter((c) => set.has(c));
  return (
    <Stack gap="xs">
      {saved && (
        <Alert color="green" variant="light" withCloseButton onClose={() => setSaved(false)}>
          {t('indexDash.targets.saved')}
        </Alert>
      )}
      {rows.length === 0 ? (
        <Text c="dimmed">{t('indexDash.targets.noneSet')}</Text>
      ) : (
        <ScrollTable minWidth={480} label={t('indexDash.targets.code')}>
          <Table fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('indexDash.targets.code')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('indexDash.targets.target')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('indexDash.targets.actual')}
                </Table.Th>
                <Table.Th scope="col">{t('indexDash.targets.standing')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((code) => {
                const actual = actualOf(figures, code);
                const standing = targetStanding(actual, set.get(code));
                const entry = targets.data.targets.find((x) => x.code === code)!;
                return (
                  <Table.Tr key={code}>
                    <Table.Th scope="row" fw={400}>
                      {code === 'total' ? t('indexDash.targets.totalName') : `${code} ${t(`indexPublic.indicators.${code}`)}`}
                      <Text size="xs" c="dimmed">
                        {t('indexDash.targets.setBy', { who: entry.setBy, when: formatWhen(entry.setAt, language) })}
                      </Text>
                    </Table.Th>
                    <Table.Td ta="right">{show(code, set.get(code) ?? null)}</Table.Td>
                    <Table.Td ta="right">{show(code, actual)}</Table.Td>
                    <Table.Td>
                      <Badge color={STANDING_COLOR[standing]} c={STANDING_COLOR[standing]} variant="outline" radius="sm" tt="none">
                        {t(`indexDash.targets.${standing}`)}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      {targets.data.canEdit && (
        <Group>
          <Button variant="default" onClick={() => setEditing(true)}>
            {t('indexDash.targets.edit')}
          </Button>
        </Group>
      )}
      <Modal opened={editing} onClose={() => setEditing(false)} title={t('indexDash.targets.title', { year, name: figures.unit.name })} size="lg">
        {editing && (
          <TargetsForm
            unit={figures.unit.code}
            year={year}
            initial={set}
            onCancel={() => setEditing(false)}
            onDone={() => {
              setEditing(false);
              setSaved(true);
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}
