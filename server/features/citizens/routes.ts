import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PORTAL_SESSION_POLICY } from '@core/auth/policy';
import { PORTAL_AUTH, actingForBody, loginQuery, portalMeSchema } from '@core/citizens/api';
import { safeReturnTo } from '@core/citizens/return-to';
import { AppError } from '@core/errors/app-error';
import { access } from '../../http/access';
import type { AppDeps } from '../../http/deps';
import { requireCitizen } from '../auth/session-hook';
import { setActingFor } from './acting-for';
import { citizenFromClaims } from './claims';
import { sendLoginError } from './error-page';
import { portalOidc } from './oidc';
import { PENDING_COOKIE, PENDING_PATH, PENDING_TTL_MS, encodePending, readPending } from './pending';
import { presentMe } from './present';
import { PORTAL_COOKIE } from './session';
import { signInCitizen } from './sign-in';
import { signOutCitizen } from './sign-out';

/** Portal sign-in through OpenID Connect, sign-out, the signed-in person and whom they act for (docs/portal.md, Identity). */
export function citizenRoutes({ database, config }: AppDeps): FastifyPluginAsyncZod {
  const { db } = database;
  const oidc = portalOidc(config);
  const secure = config.env === 'production';
  // Lax, not Strict: both cookies must travel with the provider's top-level redirect back to the callback.
  const pendingCookie = { path: PENDING_PATH, httpOnly: true, sameSite: 'lax' as const, secure, signed: true };
  const portalCookie = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure, signed: true };
  const rateLimit = { max: config.loginRateLimit, timeWindow: '1 minute' };

  return async (app) => {
    app.get(
      PORTAL_AUTH.login,
      {
        config: { ...access('public'), rateLimit },
        schema: { tags: ['portal'], summary: 'Sign in to the portal: redirects to the identity provider (browser navigation)', querystring: loginQuery },
      },
      async (req, reply) => {
        const returnTo = safeReturnTo(req.query.returnTo);
        // The pending-login cookie must live on the origin the provider returns to (PUBLIC_URL): move there first, once.
        const home = new URL(config.publicUrl);
        if (!req.query.hop && (req.host !== home.host || `${req.protocol}:` !== home.protocol)) {
          return reply.redirect(`${config.publicUrl}${PORTAL_AUTH.login}?${new URLSearchParams({ returnTo, hop: '1' })}`, 302);
        }
        try {
          const { url, pending } = await oidc.start(returnTo);
          reply.setCookie(PENDING_COOKIE, encodePending(pending), { ...pendingCookie, maxAge: PENDING_TTL_MS / 1000 });
          return reply.header('cache-control', 'no-store').redirect(url.href, 302);
        } catch (err) {
          return sendLoginError(req, reply, err, returnTo);
        }
      },
    );

    app.get(
      PORTAL_AUTH.callback,
      {
        config: { ...access('public'), rateLimit },
        schema: { tags: ['portal'], summary: "The identity provider's answer: opens a portal session and redirects to returnTo (browser navigation)" },
      },
      async (req, reply) => {
        // A pending sign-in is used once, whatever the outcome.
        reply.clearCookie(PENDING_COOKIE, { path: PENDING_PATH });
        const read = readPending(req.cookies[PENDING_COOKIE], (v) => req.unsignCookie(v), Date.now());
        if (!read.ok) return sendLoginError(req, reply, new AppError(read.code), '/');
        const { pending } = read;
        const query = new URLSearchParams(req.url.split('?')[1] ?? '');
        if (query.get('state') !== pending.state) return sendLoginError(req, reply, new AppError('PORTAL_LOGIN_STATE_INVALID'), pending.returnTo);
        try {
          const { issuer, claims } = await oidc.finish(query, pending);
          const session = await signInCitizen(
            { db, requestId: req.id, ip: req.ip, userAgent: req.headers['user-agent'] ?? null, replacing: req.citizen?.sessionTokenHash ?? null },
            citizenFromClaims(issuer, claims),
          );
          reply.setCookie(PORTAL_COOKIE, session.token, { ...portalCookie, maxAge: PORTAL_SESSION_POLICY.absoluteHours * 3600 });
          return reply.header('cache-control', 'no-store').redirect(pending.returnTo, 303);
        } catch (err) {
          return sendLoginError(req, reply, err, pending.returnTo);
        }
      },
    );

    app.post(
      PORTAL_AUTH.logout,
      { config: access('citizen'), schema: { tags: ['portal'], summary: 'Sign out of the portal', response: { 204: z.null() } } },
      async (req, reply) => {
        await signOutCitizen(db, requireCitizen(req), req.id);
        reply.clearCookie(PORTAL_COOKIE, { path: '/' });
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/api/v1/portal/me',
      { config: access('citizen'), schema: { tags: ['portal'], summary: 'The signed-in citizen or business representative', response: { 200: portalMeSchema } } },
      async (req) => presentMe(requireCitizen(req)),
    );

    app.post(
      '/api/v1/portal/me/acting-for',
      {
        config: access('citizen'),
        schema: { tags: ['portal'], summary: 'Act for one of the organisations the person represents, or for themselves (null)', body: actingForBody, response: { 200: portalMeSchema } },
      },
      async (req) => presentMe(await setActingFor(db, requireCitizen(req), req.body.taxCode, req.id)),
    );
  };
}
