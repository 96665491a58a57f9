import type { DayKind } from '@core/calendar/holidays';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type CalendarDay, KIND_MARKERS } from './calendar-model';
import { useCalendarText } from './useCalendarText';

const LEGEND_KINDS: readonly DayKind[] = ['workday', 'weekend', 'holiday', 'compensatory', 'swapped_workday', 'override_off'];

/** What each colour and symbol means, with how many days of the year have it. */
export function CalendarLegend({ days, overrides }: { days: readonly CalendarDay[]; overrides: number }) {
  const { t } = useTranslation();
  const text = useCalendarText();
  const counts = new Map<DayKind, number>();
  for (const day of days) counts.set(day.kind, (counts.get(day.kind) ?? 0) + 1);
  return (
    <div>
      <Text component="h3" fw={700} size="sm" mb={6} id="cal-legend-title">
        {t('calendar.legend')}
      </Text>
      <ul className="cal-legend" aria-labelledby="cal-legend-title">
        {LEGEND_KINDS.map((kind) => (
          <li key={kind}>
            <span className={`cal-swatch cal-kind-${kind}`} aria-hidden>
              {KIND_MARKERS[kind]}
            </span>
            <span>
              {text.kindLabel(kind)}{' '}
              <Text span size="xs" c="dimmed">
                ({t('calendar.legendCount', { count: counts.get(kind) ?? 0 })})
              </Text>
            </span>
          </li>
        ))}
        <li>
          <span className="cal-swatch cal-kind-workday is-override" aria-hidden />
          <span>
            {t('calendar.legendOverride')}{' '}
            <Text span size="xs" c="dimmed">
              ({t('calendar.legendCount', { count: overrides })})
            </Text>
          </span>
        </li>
        <li>
          <span className="cal-swatch cal-kind-workday is-today" aria-hidden />
          <span>{t('calendar.legendToday')}</span>
        </li>
      </ul>
    </div>
  );
}
