/** `GET /api/v1/dossier-book.{xlsx,pdf}`: the dossier book (Mẫu 06) of a unit for a period. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { BOOK_PDF_MAX_ROWS, type DossierBookQuery, bookPeriod, dossierBookQuery } from '@core/dossier/book';
import { AppError } from '@core/errors/app-error';
import { access } from '../../http/access';
import type { StaffActor } from '../../http/actor';
import type { AppDeps } from '../../http/deps';
import { renderForm06 } from '../../forms';
import { requireActor } from '../auth/session-hook';
import { CalendarCache } from '../calendar/calendar-cache';
import { findUnitByCode } from '../org/queries';
import { authorizeUnit } from '../org/scope';
import { loadDossierBook } from './book';
import { countBookDossiers } from './book-queries';
import { dossierBookXlsx } from './book-xlsx';
import { RulesCache } from './rules';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The dossier book routes: the same rows as a spreadsheet or as the printed form. */
export function bookRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { db } = deps.database;
  const sources = { db, calendars: new CalendarCache(db), rules: new RulesCache(db) };

  /** The unit and period of a request the caller may read: period errors (400), unknown unit (404), outside scope (403). */
  async function resolve(actor: StaffActor, q: DossierBookQuery) {
    const period = bookPeriod(q.from, q.to);
    const unit = await findUnitByCode(db, q.unit);
    if (!unit) throw new AppError('NOT_FOUND', { message: `no unit ${q.unit}` });
    await authorizeUnit(db, actor, 'dossier.read', unit.id);
    return { unit, period };
  }

  const fileName = (q: DossierBookQuery, ext: string) => `so-theo-doi-ho-so_${q.unit}_${q.from}_${q.to}.${ext}`;
  const schema = (summary: string) => ({ tags: ['dossiers'], summary, querystring: dossierBookQuery });

  return async (app) => {
    app.get(
      '/api/v1/dossier-book.xlsx',
      { config: access({ permission: 'dossier.read' }), schema: schema('The dossier book (Mẫu 06) of a unit for a period, as .xlsx') },
      async (req, reply) => {
        const { unit, period } = await resolve(requireActor(req), req.query);
        const book = await loadDossierBook(sources, unit, period, Date.now());
        return reply.type(XLSX).header('content-disposition', `attachment; filename="${fileName(req.query, 'xlsx')}"`).header('cache-control', 'private, no-store').send(dossierBookXlsx(book));
      },
    );

    app.get(
      '/api/v1/dossier-book.pdf',
      { config: access({ permission: 'dossier.read' }), schema: schema('The dossier book (Mẫu 06) of a unit for a period, as PDF (A4 landscape)') },
      async (req, reply) => {
        const { unit, period } = await resolve(requireActor(req), req.query);
        const count = await countBookDossiers(db, unit.id, new Date(period.from), new Date(period.to));
        if (count > BOOK_PDF_MAX_ROWS) throw new AppError('DOSSIER_BOOK_TOO_LARGE', { params: { count, max: BOOK_PDF_MAX_ROWS } });
        const pdf = await renderForm06(await loadDossierBook(sources, unit, period, Date.now()));
        return reply.type('application/pdf').header('content-disposition', `inline; filename="${fileName(req.query, 'pdf')}"`).header('cache-control', 'private, no-store').send(pdf);
      },
    );
  };
}
