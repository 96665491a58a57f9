import { ActionIcon, Alert, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconCircleCheck } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { can, useMe } from '../auth/session';
import { Loading } from '../shell/Loading';
import { PageHeader } from '../shell/PageHeader';
import { QueryError } from '../shell/QueryError';
import { type CalendarDay, MAX_YEAR, MIN_YEAR, notableRuns, todayInVietnam } from './calendar-model';
import { CalendarLegend } from './CalendarLegend';
import { DayRunList } from './DayRunList';
import { DueCalculator } from './DueCalculator';
import { ImportSchedule } from './ImportSchedule';
import { OverrideDialog } from './OverrideDialog';
import { useCalendarOverrides, useCalendarYear } from './queries';
import { YearCalendar } from './YearCalendar';
import './calendar.css';

/** The year in the address (`?year=2027`, so a view can be shared), or this year in Vietnam. */
function useYear(thisYear: number): [number, (year: number) => void] {
  const [params, setParams] = useSearchParams();
  const asked = Number(params.get('year'));
  const year = Number.isInteger(asked) && asked >= MIN_YEAR && asked <= MAX_YEAR ? asked : thisYear;
  const setYear = (next: number) => setParams(next === thisYear ? {} : { year: String(next) });
  return [year, setYear];
}

/** Previous / next year around the year shown, and back to this year. */
function YearSwitcher({ year, thisYear, onChange }: { year: number; thisYear: number; onChange: (year: number) => void }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap" role="group" aria-label={t('calendar.yearSwitcher')}>
      <ActionIcon
        variant="default"
        size="lg"
        onClick={() => onChange(year - 1)}
        disabled={year <= MIN_YEAR}
        aria-label={t('calendar.previousYear', { year: year - 1 })}
      >
        <IconChevronLeft size={20} aria-hidden />
      </ActionIcon>
      <Title order={2} size="h3" id="cal-year-title" miw="6.5ch" ta="center" aria-live="polite">
        {t('calendar.year', { year })}
      </Title>
      <ActionIcon
        variant="default"
        size="lg"
        onClick={() => onChange(year + 1)}
        disabled={year >= MAX_YEAR}
        aria-label={t('calendar.nextYear', { year: year + 1 })}
      >
        <IconChevronRight size={20} aria-hidden />
      </ActionIcon>
      {year !== thisYear && (
        <Button variant="subtle" size="xs" onClick={() => onChange(thisYear)}>
          {t('calendar.currentYear')}
        </Button>
      )}
    </Group>
  );
}

/**
 * "Lịch làm việc": the year's working calendar (holidays, compensatory days, official adjustments),
 * the list of those days, the due-date calculator, and for administrators the adjustment dialog and
 * the import of an official schedule.
 */
export function CalendarPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const admin = can(me, 'calendar.manage');
  const today = todayInVietnam();
  const thisYear = Number(today.slice(0, 4));
  const [year, setYear] = useYear(thisYear);
  const days = useCalendarYear(year);
  const overrides = useCalendarOverrides(year);
  const [editing, setEditing] = useState<CalendarDay | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const overrideByDate = useMemo(() => new Map((overrides.data ?? []).map((o) => [o.date, o])), [overrides.data]);
  const overrideDates = useMemo(() => new Set(overrideByDate.keys()), [overrideByDate]);
  const byDate = useMemo(() => new Map((days.data ?? []).map((d) => [d.date, d])), [days.data]);
  const runs = useMemo(() => notableRuns(days.data ?? [], overrideDates), [days.data, overrideDates]);
  const working = (days.data ?? []).filter((d) => d.working).length;

  function changeYear(next: number) {
    setMessage(null);
    setYear(next);
  }

  function edit(day: CalendarDay) {
    setMessage(null);
    setEditing(day);
  }

  const failed = days.error ?? overrides.error;
  return (
    <div>
      <PageHeader title={t('calendar.title')} intro={t('calendar.intro')} />
      <Stack gap="xl">
        <section aria-labelledby="cal-year-title">
          <Group justify="space-between" align="center" gap="sm" mb="sm">
            <YearSwitcher year={year} thisYear={thisYear} onChange={changeYear} />
            {days.data && (
              <Text size="sm" c="dimmed">
                {t('calendar.summary', { year, working, off: days.data.length - working })}
              </Text>
            )}
          </Group>
          <div role="status">
            {message && (
              <Alert color="teal" variant="outline" icon={<IconCircleCheck aria-hidden />} mb="sm">
                {message}
              </Alert>
            )}
          </div>
          {(days.isPending || overrides.isPending) && !failed && <Loading />}
          {failed && (
            <QueryError
              error={failed}
              onRetry={() => {
                void days.refetch();
                void overrides.refetch();
              }}
            />
          )}
          {days.data && overrides.data && (
            <Stack gap="md">
              <CalendarLegend days={days.data} overrides={overrideDates.size} />
              {admin && (
                <Text size="sm" c="dimmed" id="cal-grid-help">
                  {t('calendar.gridHelp')}
                </Text>
              )}
              <YearCalendar
                year={year}
                days={days.data}
                overrides={overrideDates}
                today={today}
                onEdit={admin ? edit : undefined}
                describedBy={admin ? 'cal-grid-help' : undefined}
              />
            </Stack>
          )}
        </section>

        {days.data && overrides.data && (
          <section aria-labelledby="cal-list-title">
            <Title order={2} size="h3" id="cal-list-title" mb="sm">
              {t('calendar.listTitle', { year })}
            </Title>
            <DayRunList runs={runs} byDate={byDate} onEdit={admin ? edit : undefined} />
          </section>
        )}

        <SimpleGrid cols={{ base: 1, lg: admin ? 2 : 1 }} spacing="lg">
          <Card withBorder component="section" aria-labelledby="cal-due-title" padding="md">
            <Title order={2} size="h3" id="cal-due-title" mb={4}>
              {t('calendar.due.title')}
            </Title>
            <Text size="sm" c="dimmed" mb="md">
              {t('calendar.due.intro')}
            </Text>
            <DueCalculator />
          </Card>
          {admin && (
            <Card withBorder component="section" aria-labelledby="cal-import-title" padding="md">
              <Title order={2} size="h3" id="cal-import-title" mb={4}>
                {t('calendar.import.title')}
              </Title>
              <ImportSchedule />
            </Card>
          )}
        </SimpleGrid>
      </Stack>
      {admin && (
        <OverrideDialog
          day={editing}
          override={editing ? overrideByDate.get(editing.date) : undefined}
          onClose={() => setEditing(null)}
          onDone={(text) => {
            setEditing(null);
            setMessage(text);
          }}
        />
      )}
    </div>
  );
}
