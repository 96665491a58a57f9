/** What was sent to a dossier's applicant: for staff who may read the dossier, and for the applicant on the portal. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notificationList } from '@core/notifications/api';
import { access } from '../../http/access';
import type { AppDeps } from '../../http/deps';
import { requireActor, requireCitizen } from '../auth/session-hook';
import { dossierRef, loadDossier } from '../dossiers/load';
import { authorizeDossier } from '../dossiers/scope';
import { loadOwnDossier } from '../portal/own';
import { presentDelivery } from './present';
import { listDeliveries } from './queries';

const refParams = z.object({ ref: dossierRef });

/** The notification record routes. */
export function notificationRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { db } = deps.database;
  return async (app) => {
    app.get(
      '/api/v1/dossiers/:ref/notifications',
      {
        config: access({ permission: 'dossier.read' }),
        schema: { tags: ['notifications'], summary: 'E-mails and SMS sent to the applicant about this dossier (recipients masked), with failures', params: refParams, response: { 200: notificationList } },
      },
      async (req) => {
        const row = await loadDossier(db, req.params.ref);
        await authorizeDossier(db, requireActor(req), row);
        return { items: (await listDeliveries(db, row.id)).map((d) => presentDelivery(d, 'staff')) };
      },
    );

    app.get(
      '/api/v1/portal/dossiers/:ref/notifications',
      {
        config: access('citizen'),
        schema: { tags: ['notifications'], summary: 'E-mails and SMS sent to me about my dossier (recipients masked)', params: refParams, response: { 200: notificationList } },
      },
      async (req) => {
        const row = await loadOwnDossier(db, requireCitizen(req), req.params.ref);
        return { items: (await listDeliveries(db, row.id)).map((d) => presentDelivery(d, 'applicant')) };
      },
    );
  };
}
