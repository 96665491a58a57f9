/**
 * `GET /api/v1/track/{code}?secret=`: the public lookup, without signing in. A wrong, missing or
 * malformed secret answers NOT_FOUND exactly as an unknown code, and the route is rate-limited per
 * client like the staff sign-in, so codes and secrets cannot be guessed at speed.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '@core/errors/app-error';
import { trackParams, trackQuery, trackResponse } from '@core/portal/api';
import { isLookupSecret, normaliseSecret } from '@core/portal/secret';
import { access } from '../../http/access';
import { findDossierByCode } from '../dossiers/queries';
import { presentTrack } from './present';
import { findSecretHash } from './queries';
import type { PortalServices } from './services';

/** The public lookup route. */
export function trackRoutes(s: PortalServices): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/track/:code',
      {
        config: { ...access('public'), rateLimit: { max: s.trackRateLimit, timeWindow: '1 minute' } },
        schema: {
          tags: ['portal'],
          summary: 'Public lookup of a dossier by code and the secret on its receipt: status, timeline, due date, unit; the applicant masked',
          params: trackParams,
          querystring: trackQuery,
          response: { 200: trackResponse },
        },
      },
      async (req, reply) => {
        const secret = normaliseSecret(req.query.secret ?? '');
        const row = await findDossierByCode(s.db, req.params.code);
        const stored = row ? await findSecretHash(s.db, row.id) : undefined;
        // one answer for every failure, so the lookup tells nothing about which part was wrong
        if (!row || !stored || !isLookupSecret(secret) || !s.hasher.matches(row.id, secret, stored)) throw new AppError('NOT_FOUND');
        reply.header('cache-control', 'private, no-store');
        return presentTrack(row, await s.namesOf(row));
      },
    );
  };
}
