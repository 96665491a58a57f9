import { SimpleGrid, VisuallyHidden } from '@mantine/core';
import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import { addDays, type CalendarDay, dateOf, KIND_MARKERS, monthLength, monthWeeks, WEEKDAYS, weekdayOf, ymd } from './calendar-model';
import { useCalendarText } from './useCalendarText';

interface YearCalendarProps {
  year: number;
  days: readonly CalendarDay[];
  overrides: ReadonlySet<string>;
  today: string;
  /** Set for administrators: days become buttons that open the adjustment dialog. */
  onEdit?: (day: CalendarDay) => void;
  /** Id of the visible help text on how to use the grid (administrators). */
  describedBy?: string;
}

/** Where the arrow keys move from a date (the WAI-ARIA date grid keys), or null for other keys. */
function moveFrom(date: string, key: string): string | null {
  const index = WEEKDAYS.indexOf(weekdayOf(date));
  const [y, m, d] = ymd(date);
  switch (key) {
    case 'ArrowLeft':
      return addDays(date, -1);
    case 'ArrowRight':
      return addDays(date, 1);
    case 'ArrowUp':
      return addDays(date, -7);
    case 'ArrowDown':
      return addDays(date, 7);
    case 'Home':
      return addDays(date, -index);
    case 'End':
      return addDays(date, 6 - index);
    case 'PageUp':
    case 'PageDown': {
      // Same day of the previous/next month, or its last day; leaving the year is clamped by the caller.
      const month = m + (key === 'PageUp' ? -1 : 1);
      if (month < 1) return dateOf(y - 1, 12, d);
      if (month > 12) return dateOf(y + 1, 1, d);
      return dateOf(y, month, Math.min(d, monthLength(y, month)));
    }
    default:
      return null;
  }
}

/**
 * Twelve month grids, Monday first. Every day has an accessible name (weekday, date, kind, name);
 * colour is doubled by a symbol. For administrators the days are buttons with a single tab stop for
 * the whole year (roving tabindex): arrows, Home/End and PageUp/PageDown move, Enter opens the day.
 */
export function YearCalendar({ year, days, overrides, today, onEdit, describedBy }: YearCalendarProps) {
  const text = useCalendarText();
  const byDate = useMemo(() => new Map(days.map((day) => [day.date, day])), [days]);
  const first = dateOf(year, 1, 1);
  const last = dateOf(year, 12, 31);
  // The tab stop starts on today (this year) or 1 January.
  const start = today >= first && today <= last ? today : first;
  const [active, setActive] = useState(start);
  const container = useRef<HTMLDivElement>(null);
  const moved = useRef(false);

  useEffect(() => setActive(start), [start]);

  // Focus follows the active day only after a key press, never on load.
  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    container.current?.querySelector<HTMLButtonElement>(`button[data-date="${active}"]`)?.focus();
  }, [active]);

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>, date: string) {
    const next = moveFrom(date, event.key);
    if (!next) return;
    event.preventDefault();
    moved.current = true;
    // The grid stops at the ends of the year; the year switcher changes year.
    if (next < first) setActive(first);
    else if (next > last) setActive(last);
    else setActive(next);
  }

  return (
    <div ref={container}>
      <SimpleGrid type="container" cols={{ base: 1, '520px': 2, '800px': 3, '1080px': 4 }} spacing="lg" verticalSpacing="lg">
        {Array.from({ length: 12 }, (_, i) => i + 1).map((month) => {
          const titleId = `cal-month-${year}-${month}`;
          return (
            // A plain div, not a section: twelve month landmarks would drown the page's real ones.
            <div key={month} className="cal-month">
              <h3 className="cal-month-title" id={titleId}>
                {text.monthName(month)}
              </h3>
              <table
                className="cal-table"
                role={onEdit ? 'grid' : undefined}
                aria-labelledby={titleId}
                aria-describedby={onEdit ? describedBy : undefined}
              >
                <thead>
                  <tr>
                    {WEEKDAYS.map((key) => (
                      <th key={key} scope="col">
                        <span aria-hidden>{text.weekdayShort(key)}</span>
                        <VisuallyHidden>{text.weekdayLong(key)}</VisuallyHidden>
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {monthWeeks(year, month).map((week) => (
                    <tr key={week.find(Boolean) ?? ''}>
                      {week.map((date, i) => {
                        const day = date ? byDate.get(date) : undefined;
                        if (!date || !day) return <td key={date ?? `pad-${i}`} />;
                        const override = overrides.has(date);
                        const isToday = date === today;
                        const label = text.dayLabel(day, { override, today: isToday });
                        const className = `cal-day cal-kind-${day.kind}${override ? ' is-override' : ''}${isToday ? ' is-today' : ''}`;
                        const content = (
                          <>
                            <span aria-hidden>{ymd(date)[2]}</span>
                            {KIND_MARKERS[day.kind] && (
                              <span className="cal-marker" aria-hidden>
                                {KIND_MARKERS[day.kind]}
                              </span>
                            )}
                          </>
                        );
                        return (
                          <td key={date} aria-current={isToday ? 'date' : undefined}>
                            {onEdit ? (
                              <button
                                type="button"
                                className={className}
                                data-date={date}
                                aria-label={label}
                                title={label}
                                tabIndex={date === active ? 0 : -1}
                                onKeyDown={(event) => onKeyDown(event, date)}
                                onClick={() => {
                                  setActive(date);
                                  onEdit(day);
                                }}
                              >
                                {content}
                              </button>
                            ) : (
                              <>
                                <span className={className} title={label}>
                                  {content}
                                </span>
                                <VisuallyHidden>{label}</VisuallyHidden>
                              </>
                            )}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          );
        })}
      </SimpleGrid>
    </div>
  );
}
