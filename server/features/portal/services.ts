/** What the portal's routes share: the database, caches, the blob store, the secret hasher, and the request helpers. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Dossier } from '@core/dossier/dossier';
import type { PortalDossierDetail } from '@core/portal/api';
import { blobStoreFrom } from '../../blobs/open';
import type { BlobStore } from '../../blobs/blob-store';
import type { DB } from '../../db/schema';
import type { DossierRow } from '../../db/tables/dossiers';
import type { CitizenActor } from '../../http/actor';
import type { AppDeps } from '../../http/deps';
import { localeOf } from '../../http/locale';
import { requireCitizen } from '../auth/session-hook';
import { CalendarCache } from '../calendar/calendar-cache';
import { loadDossier } from '../dossiers/load';
import { listFiles } from '../dossiers/queries';
import { RulesCache } from '../dossiers/rules';
import type { PortalCtx } from './commands';
import { type DossierNames, presentOwnDossier } from './present';
import { unitsById } from './queries';
import { SecretHasher } from './secret-hash';
import { DraftVersionCache } from './versions';

/** The portal's shared services. */
export interface PortalServices {
  db: Kysely<DB>;
  publicUrl: string;
  trackRateLimit: number;
  versions: DraftVersionCache;
  rules: RulesCache;
  calendars: CalendarCache;
  blobs: BlobStore;
  hasher: SecretHasher;
  citizenOf(req: FastifyRequest): CitizenActor;
  ctxOf(req: FastifyRequest): PortalCtx;
  /** Procedure and unit names, and the presence the procedure needs, for a dossier. */
  namesOf(row: DossierRow): Promise<DossierNames>;
  /** The applicant's view of a dossier (the caller has checked it is theirs). */
  viewOf(row: DossierRow): Promise<PortalDossierDetail>;
  ownDossierView(dossierId: string): Promise<PortalDossierDetail>;
  sendBlob(reply: FastifyReply, file: { sha256: string; mime: string; filename: string }): Promise<FastifyReply>;
}

/** Builds the portal's services for the app. */
export function portalServices(deps: AppDeps): PortalServices {
  const { db } = deps.database;
  const versions = new DraftVersionCache(db);
  const s: PortalServices = {
    db,
    publicUrl: deps.config.publicUrl,
    // the public lookup is guessed at like a password: it shares the sign-in limit per minute and client
    trackRateLimit: deps.config.loginRateLimit,
    versions,
    rules: new RulesCache(db),
    calendars: new CalendarCache(db),
    blobs: blobStoreFrom(deps.config),
    hasher: new SecretHasher(deps.config.sessionSecret),
    citizenOf: (req) => requireCitizen(req),
    ctxOf: (req) => ({ db, citizen: requireCitizen(req), requestId: req.id, now: Date.now(), locale: localeOf(req) }),
    async namesOf(row) {
      const [version, units] = await Promise.all([versions.get(row.procedure_version_id), unitsById(db, [row.unit_id, row.handling_unit_id])]);
      const d = row.state as Dossier;
      const unit = units.get(row.handling_unit_id) ?? { code: d.unitCode, name: d.unitCode };
      const receivingUnit = units.get(row.unit_id) ?? { code: d.receivingUnitCode, name: d.receivingUnitCode };
      return { procedureName: version.procedure.name, unit, receivingUnit, presence: version.procedure.presence };
    },
    async viewOf(row) {
      const [names, files] = await Promise.all([s.namesOf(row), listFiles(db, row.id)]);
      return presentOwnDossier(row, names, files);
    },
    async ownDossierView(dossierId) {
      return s.viewOf(await loadDossier(db, dossierId));
    },
    async sendBlob(reply, file) {
      const bytes = await s.blobs.get(file.sha256);
      const name = encodeURIComponent(file.filename);
      return reply.type(file.mime).header('content-disposition', `inline; filename*=UTF-8''${name}`).header('cache-control', 'private, no-store').send(bytes);
    },
  };
  return s;
}
