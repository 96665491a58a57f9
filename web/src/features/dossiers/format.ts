import type { DossierView } from '@core/dossier/api';
import { ERRORS, type ErrorCode, errorMessage } from '@core/errors/catalogue';
import type { ComboboxItem, ComboboxParsedItem, OptionsFilter } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import type { Language } from '../../i18n';
import { ApiError } from '../../lib/api';
import { matchesQuery } from '../../lib/text';

export { formatWhen } from '../../lib/format';

/** Where a dossier's clock stands (on track, at risk, overdue…). */
export type TimingStatus = DossierView['timing'];

/**
 * Outline-badge colours with at least 4.5:1 contrast on white; the badge always carries the
 * status in words too, so colour is never the only signal.
 */
export const TIMING_COLORS: Record<TimingStatus, string> = {
  not_started: 'gray.8',
  on_track: '#1b6b34',
  at_risk: '#a8400a',
  overdue: 'red.9',
  clock_stopped: 'blue.9',
  finished_on_time: '#1b6b34',
  finished_late: 'red.9',
};

/** Working minutes as "26 giờ 30 phút" (the absolute value; the caller says whether left or late). */
export function formatWorkingTime(t: TFunction, minutes: number): string {
  const total = Math.round(Math.abs(minutes));
  const hours = Math.floor(total / 60);
  const rest = total % 60;
  if (hours === 0) return t('dossiers.duration.minutes', { minutes: rest });
  if (rest === 0) return t('dossiers.duration.hours', { hours });
  return t('dossiers.duration.hoursMinutes', { hours, minutes: rest });
}

/** "Còn 26 giờ làm việc" / "Quá hạn 3 giờ làm việc" for a running clock, else null. */
export function remainingText(t: TFunction, status: TimingStatus, minutes: number): string | null {
  if (status === 'on_track' || status === 'at_risk') return t('dossiers.remaining.left', { time: formatWorkingTime(t, minutes) });
  if (status === 'overdue') return t('dossiers.remaining.late', { time: formatWorkingTime(t, minutes) });
  return null;
}

/** An instant of the API (ISO with +07:00) as the value of a `datetime-local` input, in Hải Phòng time. */
export function toLocalInput(iso: string): string {
  const ms = Date.parse(iso) + 7 * 3_600_000;
  return new Date(ms).toISOString().slice(0, 16);
}

/** A `datetime-local` value read as Hải Phòng time, as the API wants it (ISO with +07:00); undefined when empty. */
export function fromLocalInput(value: string): string | undefined {
  return value ? `${value}:00+07:00` : undefined;
}

/** The message of one issue the client found: our own code in the user's language, else a message by kind. */
export function issueMessage(issue: z.core.$ZodIssue, field: string, t: TFunction, language: Language): string {
  if (issue.message in ERRORS) return errorMessage(issue.message as ErrorCode, language);
  if (issue.code === 'too_small' && issue.origin === 'array') return t('dossiers.invalid.chooseOne', { field });
  // the client sends nothing for an empty field, so a missing value is a type issue
  if (issue.code === 'too_small' || issue.code === 'invalid_type') return t('dossiers.invalid.required', { field });
  if (issue.code === 'too_big') return t('dossiers.invalid.tooLong', { field });
  return t('dossiers.invalid.format', { field });
}

/** The field errors of an API answer (`error.fields`), by field path without a leading `input.`. */
export function apiFieldErrors(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(error instanceof ApiError) || !Array.isArray(error.fields)) return out;
  for (const issue of error.fields as { field?: unknown; message?: unknown }[]) {
    if (typeof issue.field !== 'string' || typeof issue.message !== 'string') continue;
    const field = issue.field.replace(/^input\./, '');
    out[field] ??= issue.message;
  }
  return out;
}

/** A Select filter that ignores case and diacritics ("hanh chinh" finds "Hành chính"), groups included. */
export const foldedFilter: OptionsFilter = ({ options, search }) => {
  const matches = (item: ComboboxItem) => matchesQuery(search, [item.label, item.value]);
  return options.flatMap((entry): ComboboxParsedItem[] => {
    if ('group' in entry) {
      const items = entry.items.filter(matches);
      return items.length > 0 ? [{ ...entry, items }] : [];
    }
    return matches(entry) ? [entry] : [];
  });
};
