/**
 * The staff side of the legacy import (docs/warehouse.md, "Legacy import"): upload a manifest and a
 * ZIP of scans, which starts (or, for the same manifest content, continues) a run in the background;
 * read its progress, its per-row error report, and the recent runs of the officer's unit. The
 * uploads are streamed to DATA_DIR, never held in memory; the run commits its rows one by one, so a
 * restart loses nothing and uploading the same manifest again resumes it.
 */
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '@core/errors/app-error';
import { blobStoreFrom } from '../../blobs/open';
import { auditActorOf } from '../../http/actor';
import { access } from '../../http/access';
import type { AppDeps } from '../../http/deps';
import { requireActor } from '../auth/session-hook';
import { authorizeOverUnit } from '../dossiers/scope';
import { errorReportCsv, failedRows, fileSha256, runLegacyImport } from './run';
import type { LegacyImportTables } from './tables';

/** The ZIP of scans may be large; it goes to disk as it arrives. */
export const MAX_LEGACY_ZIP_BYTES = 500 * 1024 * 1024;
const MAX_MANIFEST_BYTES = 50 * 1024 * 1024;

const runView = z.object({
  id: z.string(),
  status: z.enum(['running', 'finished', 'interrupted']),
  manifestName: z.string(),
  scansSource: z.string(),
  total: z.number().int().nullable(),
  done: z.number().int(),
  imported: z.number().int(),
  failed: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  /** A crash of the background run (the run resumes when the same manifest is uploaded again). */
  error: z.string().nullable(),
});
const idParams = z.object({ id: z.string().uuid() });

const safeFile = (name: string, fallback: string) => (name || fallback).normalize('NFC').replace(/[/\\\0]/g, '_').slice(0, 200);

export function legacyImportRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const db = deps.database.db.withTables<LegacyImportTables>();
  const blobs = blobStoreFrom(deps.config);
  /** Runs going on in this process, with their row count once known. */
  const active = new Map<string, { promise: Promise<void>; total: number | null }>();
  const crashed = new Map<string, string>();

  async function present(runId: string): Promise<z.infer<typeof runView>> {
    const run = await db.selectFrom('legacy_import_runs').selectAll().where('id', '=', runId).executeTakeFirstOrThrow();
    const counts = await db.selectFrom('legacy_import_rows').select(['status', (eb) => eb.fn.countAll<string>().as('n')]).where('run_id', '=', runId).groupBy('status').execute();
    const imported = Number(counts.find((c) => c.status === 'imported')?.n ?? 0);
    const failed = Number(counts.find((c) => c.status === 'failed')?.n ?? 0);
    const live = active.get(runId);
    const finished = run.finished_at != null;
    return {
      id: run.id,
      status: live ? 'running' : finished ? 'finished' : 'interrupted',
      manifestName: run.manifest_name,
      scansSource: run.scans_source,
      total: finished ? imported + failed : (live?.total ?? null),
      done: imported + failed,
      imported,
      failed,
      startedAt: new Date(run.started_at).toISOString(),
      finishedAt: run.finished_at ? new Date(run.finished_at).toISOString() : null,
      error: crashed.get(runId) ?? null,
    };
  }

  /** The run, if the officer may see it (their unit's, or a unit below theirs). */
  async function loadRun(actor: ReturnType<typeof requireActor>, id: string) {
    const run = await db.selectFrom('legacy_import_runs').selectAll().where('id', '=', id.toLowerCase()).executeTakeFirst();
    if (!run?.unit_id) throw new AppError('LEGACY_IMPORT_NOT_FOUND');
    await authorizeOverUnit(deps.database.db, actor, 'warehouse.verify', run.unit_id);
    return run;
  }

  return async (app) => {
    // this scope only: two files, the ZIP up to 500 MB (the manifest's own limit is checked as it is written)
    await app.register(fastifyMultipart, { limits: { fileSize: MAX_LEGACY_ZIP_BYTES, files: 2, fields: 0 } });
    app.addHook('onClose', async () => {
      await Promise.allSettled([...active.values()].map((a) => a.promise));
    });

    app.post(
      '/api/v1/legacy-imports',
      { config: access({ permission: 'warehouse.verify' }), schema: { tags: ['warehouse'], summary: 'Upload a legacy manifest (.csv/.xlsx) and a ZIP of scans: starts or resumes an import run', response: { 202: z.object({ runId: z.string(), resumed: z.boolean() }) } } },
      async (req, reply) => {
        const actor = requireActor(req);
        await authorizeOverUnit(deps.database.db, actor, 'warehouse.verify', actor.unitId);
        if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
        const dir = path.join(deps.config.dataDir, 'legacy-imports', randomUUID());
        await mkdir(dir, { recursive: true });
        let manifest: { file: string; name: string } | undefined;
        let scans: { file: string; name: string } | undefined;
        try {
          for await (const part of req.parts()) {
            if (part.type !== 'file') continue;
            const name = safeFile(part.filename, part.fieldname);
            const isManifest = part.fieldname === 'manifest' && /\.(csv|xlsx)$/i.test(name);
            const isScans = part.fieldname === 'scans' && /\.zip$/i.test(name);
            if (!isManifest && !isScans) {
              part.file.resume();
              throw new AppError('LEGACY_IMPORT_FILES_REQUIRED');
            }
            const file = path.join(dir, isManifest ? `manifest${path.extname(name).toLowerCase()}` : 'scans.zip');
            await pipeline(part.file, createWriteStream(file));
            const limit = isManifest ? MAX_MANIFEST_BYTES : MAX_LEGACY_ZIP_BYTES;
            if (part.file.truncated || part.file.bytesRead > limit) throw new AppError('UPLOAD_TOO_LARGE', { params: { mb: limit / 1024 / 1024 } });
            if (isManifest) manifest = { file, name };
            else scans = { file, name };
          }
          if (!manifest || !scans) throw new AppError('LEGACY_IMPORT_FILES_REQUIRED');
        } catch (err) {
          await rm(dir, { recursive: true, force: true });
          throw err;
        }

        const sha256 = await fileSha256(manifest.file);
        const open = await db.selectFrom('legacy_import_runs').selectAll().where('manifest_sha256', '=', sha256).where('finished_at', 'is', null).executeTakeFirst();
        if (open) {
          if (!open.unit_id) throw new AppError('LEGACY_IMPORT_NOT_FOUND');
          await authorizeOverUnit(deps.database.db, actor, 'warehouse.verify', open.unit_id);
        }
        if (open && active.has(open.id)) {
          await rm(dir, { recursive: true, force: true });
          return reply.code(202).send({ runId: open.id, resumed: true });
        }
        const run =
          open ??
          (await db
            .insertInto('legacy_import_runs')
            .values({ manifest_sha256: sha256, manifest_name: manifest.name, scans_source: scans.name, unit_id: actor.unitId, started_by: actor.userId, started_at: new Date() })
            .returningAll()
            .executeTakeFirstOrThrow());
        const entry: { promise: Promise<void>; total: number | null } = { promise: Promise.resolve(), total: null };
        active.set(run.id, entry);
        crashed.delete(run.id);
        entry.promise = runLegacyImport({
          db: deps.database.db,
          blobs,
          actor: { ...auditActorOf(actor), id: actor.userId },
          requestId: req.id,
          manifest: manifest.file,
          scans: scans.file,
          unitId: run.unit_id,
          resumeRunId: run.id,
          onProgress: (_done, total) => {
            entry.total = total;
          },
        })
          .then(() => undefined)
          .catch((err: unknown) => {
            crashed.set(run.id, err instanceof Error ? err.message : String(err));
            req.log.error({ err, runId: run.id }, 'legacy import run failed');
          })
          .finally(async () => {
            active.delete(run.id);
            await rm(dir, { recursive: true, force: true }).catch(() => undefined);
          });
        return reply.code(202).send({ runId: run.id, resumed: open != null });
      },
    );

    app.get(
      '/api/v1/legacy-imports',
      { config: access({ permission: 'warehouse.verify' }), schema: { tags: ['warehouse'], summary: "The recent legacy import runs of the officer's unit", response: { 200: z.object({ runs: z.array(runView) }) } } },
      async (req) => {
        const actor = requireActor(req);
        await authorizeOverUnit(deps.database.db, actor, 'warehouse.verify', actor.unitId);
        const rows = await db.selectFrom('legacy_import_runs').select('id').where('unit_id', '=', actor.unitId).orderBy('started_at', 'desc').limit(20).execute();
        return { runs: await Promise.all(rows.map((r) => present(r.id))) };
      },
    );

    app.get(
      '/api/v1/legacy-imports/:id',
      { config: access({ permission: 'warehouse.verify' }), schema: { tags: ['warehouse'], summary: 'The progress of a legacy import run', params: idParams, response: { 200: runView } } },
      async (req) => {
        const run = await loadRun(requireActor(req), req.params.id);
        return present(run.id);
      },
    );

    app.get(
      '/api/v1/legacy-imports/:id/errors.csv',
      { config: access({ permission: 'warehouse.verify' }), schema: { tags: ['warehouse'], summary: 'The per-row error report of a legacy import run (CSV)', params: idParams } },
      async (req, reply) => {
        const run = await loadRun(requireActor(req), req.params.id);
        const csv = errorReportCsv(await failedRows(deps.database.db, run.id));
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="legacy-import-${run.id}-errors.csv"`)
          .send(csv);
      },
    );
  };
}
