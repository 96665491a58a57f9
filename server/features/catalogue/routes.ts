import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { codeParams, fieldsResponse, procedureDetail, procedureUnitsResponse, searchQuery, searchResponse, versionsResponse } from '@core/catalogue/api';
import { AppError } from '@core/errors/app-error';
import { auditActorOf } from '../../http/actor';
import { access } from '../../http/access';
import type { AppDeps } from '../../http/deps';
import { localeOf } from '../../http/locale';
import { requireActor } from '../auth/session-hook';
import { saveProcedures } from './commands';
import { presentSummary } from './present';
import { findProcedure, listVersions, unitDirectory } from './queries';
import { formRoutes } from './forms';
import { importRoutes } from './import-routes';
import { loadDetail, validateOne } from './load';
import { searchCatalogue } from './search';
import { listFields, listProcedureUnits } from './search-queries';
import { authorizeProcedureUnits } from './scope';

const detailResponse = z.object({ procedure: procedureDetail });
const body = z.record(z.string(), z.unknown()).describe('A procedure in the import JSON format (docs/catalogue.md)');

/** The public catalogue (search, procedure page, versions, fields, units) and staff edits; import/export and forms in their own plugins. */
export function catalogueRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { db } = deps.database;
  return async (app) => {
    app.get(
      '/api/v1/procedures',
      { config: access('public'), schema: { tags: ['catalogue'], summary: 'Search the procedure catalogue (Vietnamese, with or without diacritics)', querystring: searchQuery, response: { 200: searchResponse } } },
      async (req) => {
        const { unit, ...f } = req.query;
        const unitId = unit ? (await unitDirectory(db)).get(unit)?.id : undefined;
        if (unit && !unitId) return { items: [], total: 0 };
        const rows = await searchCatalogue(db, { ...f, unitId });
        // Past the last page: count without the offset so the client still learns the total.
        const total = rows[0]?.total ?? (f.offset > 0 ? ((await searchCatalogue(db, { ...f, unitId, limit: 1, offset: 0 }))[0]?.total ?? 0) : 0);
        return { items: rows.map(presentSummary), total };
      },
    );

    app.get(
      '/api/v1/procedure-fields',
      { config: access('public'), schema: { tags: ['catalogue'], summary: 'Fields (lĩnh vực) with procedure counts per level', response: { 200: fieldsResponse } } },
      async () => {
        const byCode = new Map<string, { code: string; name: string; total: number; byLevel: Record<string, number> }>();
        for (const r of await listFields(db)) {
          const f = byCode.get(r.code) ?? byCode.set(r.code, { code: r.code, name: r.name, total: 0, byLevel: {} }).get(r.code)!;
          f.total += r.count;
          f.byLevel[r.level] = r.count;
        }
        return { fields: [...byCode.values()] };
      },
    );

    app.get(
      '/api/v1/procedure-units',
      { config: access('public'), schema: { tags: ['catalogue'], summary: 'Units with procedures (browse by unit)', response: { 200: procedureUnitsResponse } } },
      async () => ({ units: await listProcedureUnits(db) }),
    );

    app.get(
      '/api/v1/procedures/:code',
      { config: access('public'), schema: { tags: ['catalogue'], summary: 'The procedure page: current version with everything a citizen needs', params: codeParams, response: { 200: detailResponse } } },
      async (req) => ({ procedure: await loadDetail(db, req.params.code) }),
    );

    app.get(
      '/api/v1/procedures/:code/versions',
      { config: access('public'), schema: { tags: ['catalogue'], summary: 'Version history of a procedure', params: codeParams, response: { 200: versionsResponse } } },
      async (req) => {
        const row = await findProcedure(db, req.params.code);
        if (!row) throw new AppError('NOT_FOUND');
        const versions = await listVersions(db, row.id);
        const current = versions.find((v) => v.id === row.current_version_id);
        return {
          code: row.code,
          currentVersion: current?.version ?? 0,
          versions: versions.map((v) => ({ id: v.id, version: v.version, name: v.name, createdAt: v.created_at.toISOString(), createdBy: v.created_by })),
        };
      },
    );

    app.get(
      '/api/v1/procedures/:code/versions/:version',
      {
        config: access('public'),
        schema: { tags: ['catalogue'], summary: 'One past or current version of a procedure', params: codeParams.extend({ version: z.coerce.number().int().min(1) }), response: { 200: detailResponse } },
      },
      async (req) => ({ procedure: await loadDetail(db, req.params.code, req.params.version) }),
    );

    app.post(
      '/api/v1/procedures',
      { config: access({ permission: 'catalogue.manage' }), schema: { tags: ['catalogue'], summary: 'Create a procedure (version 1)', body, response: { 201: detailResponse } } },
      async (req, reply) => {
        const actor = requireActor(req);
        const input = validateOne(req.body, await unitDirectory(db), localeOf(req));
        await authorizeProcedureUnits(db, actor, [input.responsibleUnit]);
        await saveProcedures({ db, actor: auditActorOf(actor), requestId: req.id }, [input], 'create');
        return reply.code(201).send({ procedure: await loadDetail(db, input.code) });
      },
    );

    app.put(
      '/api/v1/procedures/:code',
      {
        config: access({ permission: 'catalogue.manage' }),
        schema: { tags: ['catalogue'], summary: 'Edit a procedure: a new version when anything changed', params: codeParams, body, response: { 200: detailResponse } },
      },
      async (req) => {
        const actor = requireActor(req);
        const existing = await findProcedure(db, req.params.code);
        if (!existing) throw new AppError('NOT_FOUND');
        const input = validateOne(req.body, await unitDirectory(db), localeOf(req));
        if (input.code !== req.params.code) throw new AppError('PROCEDURE_CODE_MISMATCH', { fields: [{ field: 'code', code: 'mismatch', message: input.code }] });
        await authorizeProcedureUnits(db, actor, [input.responsibleUnit], [existing.unit_id]);
        await saveProcedures({ db, actor: auditActorOf(actor), requestId: req.id }, [input], 'update');
        return { procedure: await loadDetail(db, input.code) };
      },
    );

    await app.register(importRoutes(deps));
    await app.register(formRoutes(deps));
  };
}
