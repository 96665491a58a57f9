import { Badge, Button, Text } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { type CalendarDay, type DayRun, KIND_MARKERS } from './calendar-model';
import { useCalendarText } from './useCalendarText';

interface DayRunListProps {
  runs: readonly DayRun[];
  byDate: ReadonlyMap<string, CalendarDay>;
  /** Administrators: change or remove a one-day official adjustment from the list too. */
  onEdit?: (day: CalendarDay) => void;
}

/** The year's holidays, compensatory days and official adjustments, one line per run of days. */
export function DayRunList({ runs, byDate, onEdit }: DayRunListProps) {
  const { t } = useTranslation();
  const text = useCalendarText();
  if (runs.length === 0) return <Text c="dimmed">{t('calendar.listEmpty')}</Text>;
  return (
    <ul className="cal-runs">
      {runs.map((run) => {
        const first = byDate.get(run.from);
        return (
          <li key={run.from}>
            <span className={`cal-swatch cal-kind-${run.kind}${run.override ? ' is-override' : ''}`} aria-hidden>
              {KIND_MARKERS[run.kind]}
            </span>
            <div style={{ flex: 1, minWidth: 0 }}>
              <Text fw={700} size="sm">
                {text.runDates(run)}
                {run.count > 1 && (
                  <Text span size="sm" fw={400} c="dimmed">
                    {' '}
                    · {t('calendar.days', { count: run.count })}
                  </Text>
                )}
              </Text>
              <Text size="sm">
                {text.kindLabel(run.kind)}
                {run.name && run.kind !== 'weekend' && (
                  <>
                    {': '}
                    <span lang="vi">{run.name}</span>
                  </>
                )}
              </Text>
              {run.override && (
                <Badge variant="outline" color="gray.8" size="sm" radius="sm" tt="none" mt={4}>
                  {t('calendar.legendOverride')}
                </Badge>
              )}
            </div>
            {onEdit && first && run.override && run.count === 1 && (
              <Button
                variant="default"
                size="xs"
                leftSection={<IconPencil size={14} aria-hidden />}
                onClick={() => onEdit(first)}
                aria-label={t('calendar.editDay', { date: text.longDate(run.from) })}
              >
                {t('calendar.edit')}
              </Button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
