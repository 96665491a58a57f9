import { DUE_UNITS, type DueUnit } from '@core/calendar/due';
import { Button, Group, NativeSelect, NumberInput, Paper, Stack, Text, TextInput } from '@mantine/core';
import { IconCalculator } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/locale';
import { dayRuns, KIND_MARKERS, nowLocalInVietnam } from './calendar-model';
import { ErrorAlert } from '../shell/ErrorAlert';
import { type DueAnswer, useComputeDue } from './queries';
import { useCalendarText } from './useCalendarText';

/** `YYYY-MM-DDTHH:mm` from `<input type="datetime-local">`, read as Vietnamese legal time. */
const LOCAL_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/** The due instant, where counting started, the working time counted and every day skipped, with its reason. */
function DueResult({ answer }: { answer: DueAnswer }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const text = useCalendarText();
  const { explanation } = answer;
  const hours = new Intl.NumberFormat(language === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 2 }).format(explanation.workingMinutes / 60);
  const runs = dayRuns(explanation.skipped);
  return (
    <Paper withBorder p="md" radius="md" bg="blue.0">
      <dl className="cal-due-result" style={{ margin: 0 }}>
        <Text component="dt" size="sm" fw={700}>
          {t('calendar.due.dueAt')}
        </Text>
        <Text component="dd" size="xl" fw={700} c="blue.9" m={0} mb="sm">
          {text.instant(answer.dueAt)}
        </Text>
        <Text component="dt" size="sm" fw={700}>
          {t('calendar.due.countingStarts')}
        </Text>
        <Text component="dd" size="sm" m={0} mb="xs">
          {text.instant(explanation.countingStartsAt)}
        </Text>
        <Text component="dt" size="sm" fw={700}>
          {t('calendar.due.workingTime')}
        </Text>
        <Text component="dd" size="sm" m={0} mb="xs">
          {t('calendar.due.workingTimeValue', { hours })}
        </Text>
        <Text component="dt" size="sm" fw={700}>
          {t('calendar.due.skipped', { count: explanation.skipped.length })}
        </Text>
        <Text component="dd" size="sm" m={0}>
          {runs.length === 0 ? (
            t('calendar.due.noneSkipped')
          ) : (
            <ul className="cal-runs" aria-label={t('calendar.due.skipped', { count: explanation.skipped.length })}>
              {runs.map((run) => (
                <li key={run.from}>
                  <span className={`cal-swatch cal-kind-${run.kind}`} aria-hidden>
                    {KIND_MARKERS[run.kind]}
                  </span>
                  <span>
                    <strong>{text.runDates(run)}</strong>
                    <br />
                    {text.kindLabel(run.kind)}
                    {run.name && run.kind !== 'weekend' && (
                      <>
                        {': '}
                        <span lang="vi">{run.name}</span>
                      </>
                    )}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Text>
      </dl>
    </Paper>
  );
}

/**
 * "Tính hạn xử lý": from a start, an amount and a unit, the server's due instant with the days it
 * skipped and why, so officers can see how a deadline was counted.
 */
export function DueCalculator() {
  const { t } = useTranslation();
  const text = useCalendarText();
  const due = useComputeDue();
  const [from, setFrom] = useState(() => nowLocalInVietnam());
  const [amount, setAmount] = useState<number | string>(5);
  const [unit, setUnit] = useState<DueUnit>('working_days');
  const [touched, setTouched] = useState(false);

  const fromValid = LOCAL_DATETIME.test(from);
  const amountValid = typeof amount === 'number' && Number.isSafeInteger(amount) && amount > 0;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setTouched(true);
    if (!fromValid || !amountValid) return;
    due.mutate({ from: `${from}:00+07:00`, amount, unit });
  }

  return (
    <Stack gap="md">
      <form onSubmit={submit} noValidate>
        <Group align="flex-start" gap="sm" wrap="wrap">
          <TextInput
            type="datetime-local"
            label={t('calendar.due.from')}
            required
            value={from}
            onChange={(event) => setFrom(event.currentTarget.value)}
            error={touched && !fromValid ? t('calendar.due.fromRequired') : null}
            // The browser shows the field in its own locale (maybe 02/03 for 3 February): spell it out.
            description={fromValid ? text.instant(`${from}:00+07:00`) : undefined}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            w={{ base: '100%', xs: 230 }}
          />
          <NumberInput
            label={t('calendar.due.amount')}
            required
            min={1}
            clampBehavior="none"
            allowDecimal={false}
            allowNegative={false}
            hideControls
            value={amount}
            onChange={setAmount}
            error={touched && !amountValid ? t('calendar.due.amountInvalid') : null}
            w={{ base: '100%', xs: 110 }}
          />
          <NativeSelect
            label={t('calendar.due.unit')}
            value={unit}
            onChange={(event) => setUnit(event.currentTarget.value as DueUnit)}
            data={DUE_UNITS.map((value) => ({ value, label: t(`calendar.due.units.${value}`) }))}
            w={{ base: '100%', xs: 200 }}
          />
          <Button type="submit" loading={due.isPending} leftSection={<IconCalculator size={18} aria-hidden />} mt={{ base: 0, xs: 25 }}>
            {t('calendar.due.submit')}
          </Button>
        </Group>
      </form>
      <div role="status">{due.data && <DueResult answer={due.data} />}</div>
      <div role="alert">{due.isError && <ErrorAlert title={t('calendar.due.failed')} error={due.error} />}</div>
    </Stack>
  );
}
