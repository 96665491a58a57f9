/**
 * The dossier book (Mẫu 06, "Sổ theo dõi hồ sơ") of a one-stop unit for a period: the query, the
 * period in Vietnamese days, and the rows built from the dossiers the unit received. One pure
 * function feeds both the PDF and the .xlsx, so the two can never disagree.
 */
import { z } from 'zod';
import { classifyDeadline, foldDeadline } from '../calendar/deadline';
import type { DeadlinePolicy, DeadlineStatus } from '../calendar/deadline-events';
import { isoDateSchema } from '../calendar/schemas';
import { dayStartMs, localDay, parseDate, ymdFromDay } from '../calendar/time';
import type { WorkingCalendar } from '../calendar/working-calendar';
import { AppError } from '../errors/app-error';
import { AGENCY_CODE_PATTERN } from '../org/unit';
import type { Dossier } from './dossier';
import { parseDossierCode } from './dossier-code';
import type { Form06Data } from './forms';
import { STATUS_LABELS } from './status';

/** The longest period one book may cover, in days (a leap year). */
export const BOOK_MAX_DAYS = 366;
/** The most rows the PDF prints (`form06Schema`'s limit); the spreadsheet has none. */
export const BOOK_PDF_MAX_ROWS = 100_000;

/** Query of `GET /api/v1/dossier-book.{xlsx,pdf}`: the unit's code and the first and last day (inclusive). */
export const dossierBookQuery = z.object({
  unit: z.string().trim().regex(AGENCY_CODE_PATTERN),
  from: isoDateSchema,
  to: isoDateSchema,
});
/** A parsed book query. */
export type DossierBookQuery = z.infer<typeof dossierBookQuery>;

/** A period as instants: local midnight of the first day, and of the day after the last (exclusive). */
export interface BookPeriod {
  from: number;
  to: number;
}

/** The period of `from`…`to` (`YYYY-MM-DD`, both included, UTC+7); DOSSIER_BOOK_PERIOD_INVALID / _TOO_LONG otherwise. */
export function bookPeriod(from: string, to: string): BookPeriod {
  const first = parseDate(from);
  const last = parseDate(to);
  if (first > last) throw new AppError('DOSSIER_BOOK_PERIOD_INVALID', { message: `book period ${from} > ${to}`, params: { from, to } });
  if (last - first + 1 > BOOK_MAX_DAYS) throw new AppError('DOSSIER_BOOK_PERIOD_TOO_LONG', { message: `book period ${from}…${to}`, params: { max: BOOK_MAX_DAYS } });
  return { from: dayStartMs(first), to: dayStartMs(last + 1) };
}

/** One dossier as the book needs it: its state, names the server resolved, and its clock rules. */
export interface BookEntry {
  dossier: Dossier;
  procedure: string;
  applicant: { name: string; address?: string | null; phone?: string | null };
  calendar: WorkingCalendar;
  policy: DeadlinePolicy;
}

/** One row of the book. */
export type BookRow = Form06Data['rows'][number];

const pad = (n: number) => String(n).padStart(2, '0');
/** `16/03/2026` (the local day). */
const dmy = (ms: number) => {
  const [y, m, d] = ymdFromDay(localDay(ms));
  return `${pad(d)}/${pad(m)}/${y}`;
};

const FINISHED_OUTCOME: Partial<Record<DeadlineStatus, string>> = {
  early: 'Giải quyết trước hạn',
  on_time: 'Giải quyết đúng hạn',
  late: 'Giải quyết quá hạn',
};

/** How the dossier stands: judged against its due once resolved, else its status (open ones past due say so). */
function outcome(d: Dossier, judged: DeadlineStatus): string | null {
  switch (d.status) {
    case 'processed':
    case 'returned':
      return FINISHED_OUTCOME[judged] ?? STATUS_LABELS[d.status].vi;
    case 'accepted':
    case 'processing':
      return judged === 'late' ? 'Đang giải quyết, quá hạn' : 'Đang giải quyết';
    case 'supplement_requested':
      return 'Chờ bổ sung hồ sơ';
    default:
      return STATUS_LABELS[d.status].vi;
  }
}

/**
 * The book row of a received dossier (null for one never accepted: no code, not in the book).
 * "Hẹn trả kết quả" is the appointment the receipt (Mẫu 01) gave; a later date (supplement restart,
 * fee pause, apology) and the reasons go in the note, with the outcome judged as of `asOf`.
 */
export function dossierBookRow(e: BookEntry, names: { unit: (code: string) => string }, asOf: number): BookRow | null {
  const d = e.dossier;
  if (d.code === null || d.receivedAt === null) return null;
  const received = d.clock.findIndex((c) => c.type === 'received');
  const appointed = received < 0 ? null : foldDeadline(e.calendar, e.policy, d.clock.slice(0, received + 1)).dueAt;
  const state = foldDeadline(e.calendar, e.policy, d.clock);
  const judged = classifyDeadline(e.calendar, state, asOf).status;
  const supplements = d.supplementCount;
  const note = [
    outcome(d, judged),
    supplements > 0 ? `Yêu cầu bổ sung ${supplements} lần` : null,
    state.redate ? 'Đã có phiếu xin lỗi' : null,
    state.dueAt !== null && appointed !== null && state.dueAt !== appointed ? `Hẹn trả mới ${dmy(state.dueAt)}` : null,
    ...d.transfers.map((t) => `Liên thông: ${names.unit(t.toUnit)}`),
  ]
    .filter((x): x is string => x !== null)
    .join('; ');
  const contact = [e.applicant.address, e.applicant.phone].filter((x): x is string => Boolean(x?.trim())).join(' — ');
  const lead = d.handovers.find((h) => h.action === 'hand_over')?.receiverUnit ?? d.unitCode;
  return {
    code: d.code,
    procedure: e.procedure,
    sets: 1,
    applicant: e.applicant.name,
    contact: contact || undefined,
    leadUnit: names.unit(lead),
    receivedAt: d.receivedAt,
    dueAt: appointed,
    handedOverAt: d.history.find((h) => h.action === 'hand_over')?.at ?? null,
    resultReceivedAt: d.result?.issuedAt ?? null,
    returnedAt: d.returned?.at ?? null,
    note: note.slice(0, 500) || undefined,
  };
}

/** Orders dossier codes as the book lists them: by day, then unit, then number (so `…-10000` follows `…-9999`). */
export function compareDossierCodes(a: string, b: string): number {
  const x = parseDossierCode(a);
  const y = parseDossierCode(b);
  return x.date.localeCompare(y.date) || x.unitCode.localeCompare(y.unitCode) || x.sequence - y.sequence;
}

/** The book rows of the entries that have one, in code order. */
export function dossierBookRows(entries: Iterable<BookEntry>, names: { unit: (code: string) => string }, asOf: number): BookRow[] {
  const rows: BookRow[] = [];
  for (const e of entries) {
    const row = dossierBookRow(e, names, asOf);
    if (row) rows.push(row);
  }
  return rows.sort((a, b) => compareDossierCodes(a.code, b.code));
}
