import { Button, Group, NativeSelect, SegmentedControl, Text, TextInput } from '@mantine/core';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../i18n/locale';
import { describePeriod, monthPeriod, type Period, type PeriodKind, pickerYears, quarterPeriod, yearPeriod } from './period';

const KINDS: readonly PeriodKind[] = ['year', 'quarter', 'month', 'custom'];

/**
 * The period of the figures: a year, a quarter, a month or any range of days. A year, quarter or
 * month applies as soon as it is chosen; a custom range with its button.
 */
export function PeriodPicker({ value, onChange, allowCustom = true }: { value: Period; onChange(p: Period): void; allowCustom?: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const shown = describePeriod(value);
  const [kind, setKind] = useState<PeriodKind>(shown.kind);
  const [from, setFrom] = useState(value.from);
  const [to, setTo] = useState(value.to);
  const years = pickerYears();
  if (!years.includes(shown.year)) years.push(shown.year);

  const pick = (k: PeriodKind, year = shown.year, n?: number) => {
    if (k === 'year') onChange(yearPeriod(year));
    if (k === 'quarter') onChange(quarterPeriod(year, n ?? shown.quarter));
    if (k === 'month') onChange(monthPeriod(year, n ?? shown.month));
  };
  const submitCustom = (e: FormEvent) => {
    e.preventDefault();
    if (from && to && from <= to) onChange({ from, to });
  };

  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
      <legend style={{ padding: 0 }}>
        <Text fw={600} size="sm">
          {t('indexPublic.period.legend')}: {t('indexPublic.period.range', { from: formatDate(value.from), to: formatDate(value.to) })}
        </Text>
      </legend>
      <Group gap="sm" align="flex-end" wrap="wrap" mt={4}>
        <SegmentedControl
          aria-label={t('indexPublic.period.kind')}
          value={kind}
          onChange={(k) => {
            setKind(k as PeriodKind);
            pick(k as PeriodKind);
          }}
          data={KINDS.filter((k) => allowCustom || k !== 'custom').map((k) => ({ value: k, label: t(`indexPublic.period.${k}`) }))}
        />
        {kind !== 'custom' && (
          <NativeSelect
            id={`${id}-year`}
            label={t('indexPublic.period.year')}
            value={String(shown.year)}
            onChange={(e) => pick(kind, Number(e.currentTarget.value))}
            data={years.map((y) => String(y))}
          />
        )}
        {kind === 'quarter' && (
          <NativeSelect
            id={`${id}-quarter`}
            label={t('indexPublic.period.quarter')}
            value={String(shown.quarter)}
            onChange={(e) => pick('quarter', shown.year, Number(e.currentTarget.value))}
            data={[1, 2, 3, 4].map((n) => ({ value: String(n), label: t('indexPublic.period.quarterN', { n }) }))}
          />
        )}
        {kind === 'month' && (
          <NativeSelect
            id={`${id}-month`}
            label={t('indexPublic.period.month')}
            value={String(shown.month)}
            onChange={(e) => pick('month', shown.year, Number(e.currentTarget.value))}
            data={Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: t('indexPublic.period.monthN', { n: i + 1 }) }))}
          />
        )}
        {kind === 'custom' && (
          <form onSubmit={submitCustom} style={{ display: 'contents' }}>
            <TextInput type="date" label={t('indexPublic.period.from')} value={from} max={to} onChange={(e) => setFrom(e.currentTarget.value)} required />
            <TextInput type="date" label={t('indexPublic.period.to')} value={to} min={from} onChange={(e) => setTo(e.currentTarget.value)} required />
            <Button type="submit" variant="default">
              {t('indexPublic.period.apply')}
            </Button>
          </form>
        )}
      </Group>
    </fieldset>
  );
}
