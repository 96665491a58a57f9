import type { DayKind } from '@core/calendar/holidays';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../i18n/locale';
import { type CalendarDay, type DayRun, splitInstant, type WeekdayKey, weekdayOf } from './calendar-model';

/** The words the calendar uses for dates, weekdays and day kinds, in the current language. */
export function useCalendarText() {
  const { t } = useTranslation();
  const weekdayLong = (key: WeekdayKey) => t(`calendar.weekdayLong.${key}`);
  const weekdayShort = (key: WeekdayKey) => t(`calendar.weekdayShort.${key}`);
  /** "Thứ Sáu, 30/04/2027" */
  const longDate = (date: string) => `${weekdayLong(weekdayOf(date))}, ${formatDate(date)}`;
  const kindLabel = (kind: DayKind) => t(`calendar.kinds.${kind}`);
  const monthName = (month: number) => t(`calendar.months.m${month}`);

  /**
   * The accessible name of a day: weekday, date, kind, official name (the weekly rest's name only
   * repeats the weekday), whether an override decided it, and "today".
   */
  const dayLabel = (day: CalendarDay, options: { override?: boolean; today?: boolean } = {}) => {
    const name = day.kind === 'weekend' ? null : day.name;
    const base = { weekday: weekdayLong(weekdayOf(day.date)), date: formatDate(day.date), kind: kindLabel(day.kind), name };
    let label = name ? t('calendar.dayLabelNamed', base) : t('calendar.dayLabel', base);
    if (options.override) label += ` (${t('calendar.overrideMark')})`;
    if (options.today) label += ` (${t('calendar.today')})`;
    return label;
  };

  /** "Thứ Sáu, 05/02/2027" or "Thứ Sáu, 05/02/2027 – Thứ Ba, 09/02/2027". */
  const runDates = (run: DayRun) => (run.count === 1 ? longDate(run.from) : t('calendar.range', { from: longDate(run.from), to: longDate(run.to) }));

  /** "09:00, Thứ Tư 17/02/2027" from an instant the API gives in +07:00. */
  const instant = (iso: string) => {
    const { date, time } = splitInstant(iso);
    return t('calendar.due.dueAtValue', { time, weekday: weekdayLong(weekdayOf(date)), date: formatDate(date) });
  };

  return { weekdayLong, weekdayShort, longDate, kindLabel, monthName, dayLabel, runDates, instant };
}
