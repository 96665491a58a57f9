/**
 * `GET /api/v1/index/export.{xlsx,pdf}?parent&from&to`: the index report of the units under a parent
 * for a period — ranking with group scores and the city rule's points, indicator rates and scores —
 * as a spreadsheet or a printable PDF. Staff who may see the parent's index on the dashboard.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { unitsQuery } from '@core/index/api';
import { AppError } from '@core/errors/app-error';
import { access } from '../../http/access';
import type { StaffActor } from '../../http/actor';
import type { AppDeps } from '../../http/deps';
import { requireActor } from '../auth/session-hook';
import { findUnitByCode } from '../org/queries';
import { authorizeUnit } from '../org/scope';
import { indexReportPdf } from './export-pdf';
import { indexReport } from './export-table';
import { indexReportXlsx } from './export-xlsx';
import { unitsIndex } from './service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The export routes. */
export function exportRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { db } = deps.database;

  /** The figures of a request the caller may read: the parent is checked before anything is computed when named. */
  async function load(actor: StaffActor, q: { parent?: string | undefined; from: string; to: string }) {
    if (q.parent) {
      const unit = await findUnitByCode(db, q.parent);
      if (!unit) throw new AppError('NOT_FOUND', { message: `no unit ${q.parent}` });
      await authorizeUnit(db, actor, 'index.view', unit.id);
    }
    const data = await unitsIndex(db, { parent: q.parent, from: q.from, to: q.to });
    if (!q.parent) {
      const unit = await findUnitByCode(db, data.parent.code);
      if (!unit) throw new AppError('NOT_FOUND');
      await authorizeUnit(db, actor, 'index.view', unit.id);
    }
    return data;
  }
  const fileName = (code: string, q: { from: string; to: string }, ext: string) => `chi-so-phuc-vu_${code}_${q.from}_${q.to}.${ext}`;
  const schema = (summary: string) => ({ tags: ['index'], summary, querystring: unitsQuery });

  return async (app) => {
    app.get(
      '/api/v1/index/export.xlsx',
      { config: access({ permission: 'index.view' }), schema: schema('The index report of the units under a parent for a period, as .xlsx (ranking, indicator rates and scores)') },
      async (req, reply) => {
        const data = await load(requireActor(req), req.query);
        const now = Date.now();
        const bytes = await indexReportXlsx(indexReport(data), now);
        return reply.type(XLSX).header('content-disposition', `attachment; filename="${fileName(data.parent.code, data, 'xlsx')}"`).header('cache-control', 'private, no-store').send(bytes);
      },
    );

    app.get(
      '/api/v1/index/export.pdf',
      { config: access({ permission: 'index.view' }), schema: schema('The index report of the units under a parent for a period, as PDF (A4 landscape)') },
      async (req, reply) => {
        const data = await load(requireActor(req), req.query);
        const now = Date.now();
        const bytes = await indexReportPdf(indexReport(data), now);
        return reply.type('application/pdf').header('content-disposition', `inline; filename="${fileName(data.parent.code, data, 'pdf')}"`).header('cache-control', 'private, no-store').send(bytes);
      },
    );
  };
}
