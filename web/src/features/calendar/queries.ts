import { DAY_KINDS } from '@core/calendar/holidays';
import { DUE_UNITS, type DueUnit } from '@core/calendar/due';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../lib/api';
import type { CalendarDay, CalendarOverrideEntry } from './calendar-model';

const daySchema = z.object({ date: z.string(), working: z.boolean(), kind: z.enum(DAY_KINDS), name: z.string().nullable() });
const daysResponse = z.object({ days: z.array(daySchema) });
const dayResponse = z.object({ day: daySchema });
const overridesResponse = z.object({ overrides: z.array(z.object({ date: z.string(), working: z.boolean(), name: z.string() })) });
const importResponse = z.object({ imported: z.number().int() });
const dueResponse = z.object({
  dueAt: z.string(),
  explanation: z.object({
    unit: z.enum(DUE_UNITS),
    amount: z.number(),
    from: z.string(),
    countingStartsAt: z.string(),
    workingMinutes: z.number(),
    skipped: z.array(z.object({ date: z.string(), kind: z.enum(DAY_KINDS), name: z.string().nullable() })),
  }),
});
export type DueAnswer = z.infer<typeof dueResponse>;

/** The calendar is public: its cache survives sign-out and is shared by every page that shows it. */
const CALENDAR_KEY = ['public', 'calendar'] as const;

const yearRange = (year: number) => {
  const y = String(year).padStart(4, '0');
  return new URLSearchParams({ from: `${y}-01-01`, to: `${y}-12-31` });
};

/** Every day of a year with its kind and the reason it is (not) worked. */
export function useCalendarYear(year: number) {
  return useQuery({
    queryKey: [...CALENDAR_KEY, 'days', year],
    queryFn: async (): Promise<CalendarDay[]> => (await api.get(`/api/v1/calendar/days?${yearRange(year)}`, daysResponse)).days,
    staleTime: 5 * 60_000,
  });
}

/** The official overrides entered for a year (to tell an override from a rule, and to remove one). */
export function useCalendarOverrides(year: number) {
  return useQuery({
    queryKey: [...CALENDAR_KEY, 'overrides', year],
    queryFn: async (): Promise<CalendarOverrideEntry[]> => (await api.get(`/api/v1/calendar/overrides?${yearRange(year)}`, overridesResponse)).overrides,
    staleTime: 5 * 60_000,
  });
}

/** After any change, every cached calendar answer (days, overrides, other years) is stale. */
function useInvalidateCalendar() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: CALENDAR_KEY });
}

/** Sets the official status of a date (administrators): a day off, or a working day. */
export function useSetOverride() {
  const invalidate = useInvalidateCalendar();
  return useMutation({
    mutationFn: ({ date, working, name }: CalendarOverrideEntry) =>
      api.put(`/api/v1/calendar/days/${date}`, { working, name }, dayResponse).then((r) => r.day),
    onSuccess: invalidate,
  });
}

/** Removes a date's override so the default rules apply again (administrators). */
export function useRemoveOverride() {
  const invalidate = useInvalidateCalendar();
  return useMutation({
    mutationFn: (date: string) => api.delete(`/api/v1/calendar/days/${date}`, dayResponse).then((r) => r.day),
    onSuccess: invalidate,
  });
}

/** Imports an official schedule file (.csv or .json); answers how many dates were set. */
export function useImportSchedule() {
  const invalidate = useInvalidateCalendar();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return api.upload('/api/v1/calendar/overrides/import', form, importResponse).then((r) => r.imported);
    },
    onSuccess: invalidate,
  });
}

export interface DueInput {
  /** ISO 8601 with offset. */
  from: string;
  amount: number;
  unit: DueUnit;
}

/** Computes a due instant and its explanation; a button press, so a mutation like the audit check. */
export function useComputeDue() {
  return useMutation({
    mutationFn: ({ from, amount, unit }: DueInput) =>
      api.get(`/api/v1/calendar/due?${new URLSearchParams({ from, amount: String(amount), unit })}`, dueResponse),
  });
}
