/**
 * zod schemas of the calendar API (shared with the web client) and the parser of the official
 * schedule import file. Issue messages are error codes from the catalogue, so the HTTP layer can
 * report a precise code per field.
 */
import { z } from 'zod';
import { AppError } from '../errors/app-error';
import { DUE_UNITS } from './due';
import type { CalendarOverride } from './holidays';
import { isIsoDate, parseInstant } from './time';

/** A real calendar date `YYYY-MM-DD` (2025-02-29 is refused). */
export const isoDateSchema = z.string().refine(isIsoDate, { error: 'CALENDAR_DATE_INVALID' });

/** An ISO 8601 instant with a mandatory offset; the issue message says which of the two codes applies. */
export const instantSchema = z.string().superRefine((value, ctx) => {
  try {
    parseInstant(value);
  } catch (e) {
    ctx.addIssue({ code: 'custom', message: e instanceof AppError ? e.code : 'CALENDAR_DATE_INVALID' });
  }
});

/** `GET /api/v1/calendar/days?from&to`. */
export const calendarDaysQuery = z.object({ from: isoDateSchema, to: isoDateSchema });
export type CalendarDaysQuery = z.infer<typeof calendarDaysQuery>;

/** `GET /api/v1/calendar/due?from&amount&unit[&unitCode]`; amount arrives as a query string. */
export const dueQuery = z.object({
  from: instantSchema,
  amount: z.coerce.number({ error: 'CALENDAR_AMOUNT_INVALID' }).int({ error: 'CALENDAR_AMOUNT_INVALID' }).positive({ error: 'CALENDAR_AMOUNT_INVALID' }),
  unit: z.enum(DUE_UNITS, { error: 'CALENDAR_UNIT_INVALID' }),
  unitCode: z.string().trim().min(1).max(50).optional(),
});
export type DueQuery = z.infer<typeof dueQuery>;

/** Path parameter of `PUT|DELETE /api/v1/calendar/days/{date}`. */
export const calendarDateParam = z.object({ date: isoDateSchema });

/** Body of `PUT /api/v1/calendar/days/{date}`. */
export const overrideBody = z.object({ working: z.boolean(), name: z.string().trim().min(1).max(200) });
export type OverrideBody = z.infer<typeof overrideBody>;

/** One entry of an official schedule. */
export const scheduleEntry = overrideBody.extend({ date: isoDateSchema });

/** The JSON import file: an array of `{date, working, name}`, at most one entry per date. */
export const officialScheduleFile = z
  .array(scheduleEntry)
  .max(2000)
  .superRefine((entries, ctx) => {
    const seen = new Set<string>();
    for (const [i, e] of entries.entries()) {
      if (seen.has(e.date)) ctx.addIssue({ code: 'custom', path: [i, 'date'], message: 'CALENDAR_IMPORT_INVALID' });
      seen.add(e.date);
    }
  });

const importError = (line: number, reason: string): AppError =>
  new AppError('CALENDAR_IMPORT_INVALID', { message: `line ${line}: ${reason}`, params: { line, reason } });

/** Splits CSV text into records (RFC 4180 quotes, "" escapes, CRLF), each with the line it starts on. */
function csvRecords(text: string): { line: number; fields: string[] }[] {
  const out: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      fields.push(field);
      out.push({ line: start, fields });
      fields = [];
      field = '';
      start = ++line;
    } else field += c;
  }
  if (quoted) throw importError(start, 'unterminated quote');
  if (field !== '' || fields.length > 0) out.push({ line: start, fields: [...fields, field] });
  return out;
}

const BOOLEANS: Record<string, boolean> = { true: true, false: false, '1': true, '0': false };

/**
 * Parses the CSV form of the official schedule: a header `date,working,name`, then one row per date,
 * `working` being true/false (or 1/0), `name` quoted when it holds a comma. Blank lines are ignored;
 * any bad row fails the whole file with its line number.
 */
export function parseScheduleCsv(text: string): CalendarOverride[] {
  const records = csvRecords(text.replace(/^\uFEFF/, '')).filter((r) => r.fields.some((f) => f.trim() !== ''));
  const header = records.shift();
  if (header?.fields.map((f) => f.trim().toLowerCase()).join(',') !== 'date,working,name') {
    throw importError(header?.line ?? 1, 'header must be date,working,name');
  }
  const rows = records.map(({ line, fields }) => {
    if (fields.length !== 3) throw importError(line, `expected 3 columns, got ${fields.length}`);
    const working = BOOLEANS[fields[1]!.trim().toLowerCase()];
    if (working === undefined) throw importError(line, 'working must be true or false');
    const parsed = scheduleEntry.safeParse({ date: fields[0]!.trim(), working, name: fields[2] });
    if (!parsed.success) throw importError(line, parsed.error.issues[0]!.path.join('.') || 'invalid row');
    return { line, entry: parsed.data };
  });
  const seen = new Set<string>();
  for (const { line, entry } of rows) {
    if (seen.has(entry.date)) throw importError(line, `duplicate date ${entry.date}`);
    seen.add(entry.date);
  }
  return rows.map((r) => r.entry);
}

/** Parses the JSON form of the official schedule; a bad entry fails the whole file (line = entry number). */
export function parseScheduleJson(value: unknown): CalendarOverride[] {
  const parsed = officialScheduleFile.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const index = typeof issue.path[0] === 'number' ? issue.path[0] + 1 : 0;
  throw importError(index, issue.path.slice(1).join('.') || issue.message);
}
