import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { exportQuery, importQuery, importReport } from '@core/catalogue/api';
import { AppError } from '@core/errors/app-error';
import { errorMessage } from '@core/errors/catalogue';
import { auditActorOf } from '../../http/actor';
import { access } from '../../http/access';
import type { AppDeps } from '../../http/deps';
import { localeOf } from '../../http/locale';
import { requireActor } from '../auth/session-hook';
import { exportInputs } from './export';
import { exportJson, exportXlsx, TEMPLATE_EXAMPLE } from './files/write-file';
import { importFile } from './import';
import { unitDirectory } from './queries';
import { catalogueScope } from './scope';

/** Largest import file: 5,000 procedures with components fit in well under this. */
const MAX_FILE_BYTES = 50 * 1024 * 1024;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const rejected = importReport.extend({ error: z.object({ code: z.string(), message: z.string() }) });

/** Import (multipart, dry run), the spreadsheet template, and export of the catalogue. */
export function importRoutes({ database }: AppDeps): FastifyPluginAsyncZod {
  const { db } = database;
  return async (app) => {
    await app.register(fastifyMultipart, { limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 5 } });

    app.post(
      '/api/v1/procedures/import',
      {
        config: access({ permission: 'catalogue.manage' }),
        schema: {
          tags: ['catalogue'],
          summary: 'Import procedures from a .json, .xlsx or .csv file (multipart field "file"); all or nothing',
          querystring: importQuery,
          response: { 200: importReport, 422: rejected },
        },
      },
      async (req, reply) => {
        const actor = requireActor(req);
        if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
        const part = await req.file();
        if (!part) throw new AppError('CATALOGUE_FILE_MISSING');
        const data = await part.toBuffer().catch((err: { code?: string }) => {
          throw err.code === 'FST_REQ_FILE_TOO_LARGE' ? new AppError('PAYLOAD_TOO_LARGE') : err;
        });
        const locale = localeOf(req);
        const report = await importFile({ db, actor: auditActorOf(actor), requestId: req.id }, { name: part.filename, data }, { dryRun: req.query.dryRun, locale, inScope: await catalogueScope(db, actor) });
        if (report.errors.length === 0) return report;
        const count = report.errors.length;
        return reply.code(422).send({ ...report, error: { code: 'CATALOGUE_IMPORT_REJECTED', message: errorMessage('CATALOGUE_IMPORT_REJECTED', locale, { count }) } });
      },
    );

    app.get(
      '/api/v1/procedures/import-template',
      // Public: an empty form with one example, useful to anyone preparing catalogue data.
      { config: access('public'), schema: { tags: ['catalogue'], summary: 'The spreadsheet import template (.xlsx) with one example and a guide sheet' } },
      async (_req, reply) => {
        const buf = await exportXlsx([TEMPLATE_EXAMPLE]);
        return reply.type(XLSX).header('content-disposition', 'attachment; filename="mau-nhap-thu-tuc.xlsx"').send(buf);
      },
    );

    app.get(
      '/api/v1/procedures/export',
      { config: access({ permission: 'catalogue.manage' }), schema: { tags: ['catalogue'], summary: 'Export the catalogue (or a filtered part) as .json or .xlsx, in the import format', querystring: exportQuery } },
      async (req, reply) => {
        requireActor(req);
        const { format, unit, ...filters } = req.query;
        const unitId = unit ? (await unitDirectory(db)).get(unit)?.id : undefined;
        if (unit && !unitId) throw new AppError('NOT_FOUND');
        const items = await exportInputs(db, { ...filters, unitId });
        const stamp = new Date().toISOString().slice(0, 10);
        if (format === 'json') {
          return reply.type('application/json; charset=utf-8').header('content-disposition', `attachment; filename="thu-tuc-${stamp}.json"`).send(exportJson(items));
        }
        return reply.type(XLSX).header('content-disposition', `attachment; filename="thu-tuc-${stamp}.xlsx"`).send(await exportXlsx(items));
      },
    );
  };
}
