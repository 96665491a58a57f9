import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  drillParams,
  drillQuery,
  drillResponse,
  historyImportRejected,
  historyImportResponse,
  indexQuery,
  indexResponse,
  procedureTimesResponse,
  trendQuery,
  trendResponse,
  unitsQuery,
  unitsResponse,
} from '@core/index/api';
import { indexSettingsSchema } from '@core/index/config';
import { AppError } from '@core/errors/app-error';
import { errorMessage } from '@core/errors/catalogue';
import { auditActorOf } from '../../http/actor';
import { access } from '../../http/access';
import type { AppDeps } from '../../http/deps';
import { localeOf } from '../../http/locale';
import { requireActor } from '../auth/session-hook';
import { authorizeUnit } from '../org/scope';
import { findUnitByCode } from '../org/queries';
import { drill } from './drill';
import { importHistory, MAX_IMPORT_LINES } from './history-import';
import { saveSettings } from './settings';
import { indexTrend, loadSettings, procedureTimes, unitIndex, unitsIndex } from './service';

const NDJSON_LIMIT = 64 * 1024 * 1024;

/** The Decision 766 index: public figures, staff drill-down, configuration and history import (docs/index.md). */
export function indexRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { db } = deps.database;
  return async (app) => {
    app.addContentTypeParser(['application/x-ndjson', 'application/jsonl'], { parseAs: 'string', bodyLimit: NDJSON_LIMIT }, (_req, body, done) => done(null, body));

    app.get(
      '/api/v1/index',
      // Public: the index holds no personal data, and the city publishes it.
      { config: access('public'), schema: { tags: ['index'], summary: 'The Decision 766 index of a unit over a period, with every indicator’s working and the city rule', querystring: indexQuery, response: { 200: indexResponse } } },
      async (req) => unitIndex(db, req.query),
    );

    app.get(
      '/api/v1/index/units',
      { config: access('public'), schema: { tags: ['index'], summary: 'The index of a unit (default: the city) and of each unit directly under it, best first', querystring: unitsQuery, response: { 200: unitsResponse } } },
      async (req) => unitsIndex(db, req.query),
    );

    app.get(
      '/api/v1/index/trend',
      { config: access('public'), schema: { tags: ['index'], summary: 'The index of each month of a year', querystring: trendQuery, response: { 200: trendResponse } } },
      async (req) => indexTrend(db, req.query),
    );

    app.get(
      '/api/v1/index/procedures',
      { config: access('public'), schema: { tags: ['index'], summary: 'Per procedure: received, finished early / on time / late, mean processing time', querystring: indexQuery, response: { 200: procedureTimesResponse } } },
      async (req) => procedureTimes(db, req.query),
    );

    app.get(
      '/api/v1/index/settings',
      { config: access('public'), schema: { tags: ['index'], summary: 'The index configuration in force: points and thresholds of every indicator, the city rule' } },
      async () => loadSettings(db),
    );

    app.put(
      '/api/v1/index/settings',
      { config: access({ permission: 'index.configure' }), schema: { tags: ['index'], summary: 'Changes the index configuration (the group maxima are statutory: each group’s points must sum to its maximum)', body: z.unknown() } },
      async (req) => {
        const actor = requireActor(req);
        const parsed = indexSettingsSchema.safeParse(req.body);
        if (!parsed.success) throw new AppError('INDEX_SETTINGS_INVALID', { params: { problem: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') } });
        await saveSettings({ db, actor: auditActorOf(actor), requestId: req.id, now: new Date() }, parsed.data);
        return loadSettings(db);
      },
    );

    app.get(
      '/api/v1/index/:indicator/dossiers',
      { config: access({ permission: 'index.view' }), schema: { tags: ['index'], summary: 'Exactly the dossiers (or procedures) an indicator counted in its numerator or denominator', params: drillParams, querystring: drillQuery, response: { 200: drillResponse } } },
      async (req) => {
        const actor = requireActor(req);
        const unit = await findUnitByCode(db, req.query.unit);
        if (!unit) throw new AppError('INDEX_UNIT_UNKNOWN', { params: { unit: req.query.unit } });
        await authorizeUnit(db, actor, 'index.view', unit.id);
        return drill(db, { ...req.query, indicator: req.params.indicator });
      },
    );

    app.post(
      '/api/v1/dossiers/import',
      {
        config: access({ permission: 'index.import' }),
        schema: {
          tags: ['index'],
          summary: 'Imports dossier history (NDJSON, one dossier per line): validated in full, written only without any error; read-only afterwards',
          querystring: z.object({ dryRun: z.stringbool().default(false) }),
          response: { 200: historyImportResponse, 400: historyImportRejected, 413: historyImportRejected, 422: historyImportRejected },
        },
      },
      async (req, reply) => {
        const actor = requireActor(req);
        if (typeof req.body !== 'string') throw new AppError('UNSUPPORTED_MEDIA_TYPE');
        const locale = localeOf(req);
        const report = await importHistory({ db, actor: { ...auditActorOf(actor), id: actor.userId }, requestId: req.id, now: new Date() }, req.body, { dryRun: req.query.dryRun, locale });
        if (report.errors.length === 0) return report;
        const code = report.errors[0]?.code === 'HISTORY_IMPORT_TOO_LARGE' ? 'HISTORY_IMPORT_TOO_LARGE' : report.errors[0]?.code === 'HISTORY_IMPORT_EMPTY' ? 'HISTORY_IMPORT_EMPTY' : 'HISTORY_IMPORT_INVALID';
        const status = code === 'HISTORY_IMPORT_INVALID' ? 422 : code === 'HISTORY_IMPORT_TOO_LARGE' ? 413 : 400;
        return reply.code(status).send({ ...report, error: { code, message: errorMessage(code, locale, { count: report.errors.length, max: MAX_IMPORT_LINES }) } });
      },
    );
  };
}
