/**
 * The dossier book (Mẫu 06) of a one-stop unit: the dossiers it received in a period, read page by
 * page and turned into the form's rows by the pure `dossierBookRows`, for the PDF and the .xlsx alike.
 */
import type { Kysely } from 'kysely';
import { type BookPeriod, type BookRow, compareDossierCodes, dossierBookRows } from '@core/dossier/book';
import type { Dossier } from '@core/dossier/dossier';
import type { Form06Data } from '@core/dossier/forms';
import type { WorkingCalendar } from '@core/calendar/working-calendar';
import type { DB, UnitRow } from '../../db/schema';
import type { CalendarCache } from '../calendar/calendar-cache';
import { unitDirectory } from '../catalogue/queries';
import { findUnit } from '../org/queries';
import { bookDossierPage } from './book-queries';
import type { RulesCache } from './rules';

/** Where the book reads from. */
export interface BookSources {
  db: Kysely<DB>;
  calendars: CalendarCache;
  rules: RulesCache;
}

/** The book's data, rows typed as the pure function makes them. */
export type DossierBook = Form06Data & { rows: BookRow[] };

/**
 * Builds the book of `unit` for `period`, open dossiers judged as of `now`; rows in code order. Pages
 * of `pageSize` dossiers: each page's lifecycle states are dropped once turned into rows.
 */
export async function loadDossierBook(src: BookSources, unit: UnitRow, period: BookPeriod, now: number, pageSize = 1000): Promise<DossierBook> {
  const { db } = src;
  const [directory, parent] = await Promise.all([unitDirectory(db), unit.parent_id ? findUnit(db, unit.parent_id) : undefined]);
  const names = { unit: (code: string) => directory.get(code)?.name ?? code };
  const calendars = new Map<string, Promise<WorkingCalendar>>();
  const calendarOf = (unitId: string) => {
    if (!calendars.has(unitId)) calendars.set(unitId, src.calendars.forUnit(unitId));
    return calendars.get(unitId)!;
  };
  const rows: BookRow[] = [];
  for (let after: string | null = null; ; ) {
    const page = await bookDossierPage(db, unit.id, new Date(period.from), new Date(period.to), after, pageSize);
    const entries = await Promise.all(
      page.map(async (r) => {
        const [rules, calendar] = await Promise.all([src.rules.forVersion(r.procedure_version_id), calendarOf(r.handling_unit_id)]);
        const contact = r.applicant_contact as { address?: string; phone?: string };
        return { dossier: r.state as Dossier, procedure: r.procedure_name, applicant: { name: r.applicant_name, address: contact.address, phone: contact.phone }, calendar, policy: rules.policy };
      }),
    );
    rows.push(...dossierBookRows(entries, names, now));
    if (page.length < pageSize) break;
    after = page[page.length - 1]!.code;
  }
  // pages come in text order of the code; the book's order puts a five-digit number after 9999
  rows.sort((a, b) => compareDossierCodes(a.code, b.code));
  return { agency: { parent: parent?.name, name: unit.name }, issuedAt: now, from: period.from, to: period.to - 1, rows };
}
