import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { loginBody, meSchema } from '@core/auth/schemas';
import { access } from '../../http/access';
import type { AppDeps } from '../../http/deps';
import { login } from './login';
import { logout } from './logout';
import { loadMe } from './me';
import { SESSION_COOKIE, requireActor } from './session-hook';

/** Staff sign-in, sign-out and the current user. */
export function authRoutes({ database, config }: AppDeps): FastifyPluginAsyncZod {
  const { db } = database;
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'strict' as const, secure: config.env === 'production', signed: true };
  return async (app) => {
    app.post(
      '/api/v1/auth/login',
      {
        // Login needs no CSRF token: there is no session yet, SameSite=Strict cookies and the JSON-only body stop cross-site posts.
        config: { ...access('public', { csrfExempt: true }), rateLimit: { max: config.loginRateLimit, timeWindow: '1 minute' } },
        schema: { tags: ['auth'], summary: 'Staff sign-in', body: loginBody, response: { 200: meSchema } },
      },
      async (req, reply) => {
        const result = await login({ db, requestId: req.id, ip: req.ip, userAgent: req.headers['user-agent'] ?? null }, req.body);
        reply.setCookie(SESSION_COOKIE, result.token, { ...cookieOptions, maxAge: 12 * 3600 });
        return loadMe(db, result.userId, { csrfToken: result.csrfToken, expiresAt: result.expiresAt });
      },
    );

    app.post(
      '/api/v1/auth/logout',
      { config: access('authenticated'), schema: { tags: ['auth'], summary: 'Sign out', response: { 204: z.null() } } },
      async (req, reply) => {
        await logout(db, requireActor(req), req.id);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/api/v1/auth/me',
      { config: access('authenticated'), schema: { tags: ['auth'], summary: 'The signed-in staff member', response: { 200: meSchema } } },
      async (req) => {
        const actor = requireActor(req);
        return loadMe(db, actor.userId, { csrfToken: actor.csrfToken, expiresAt: actor.sessionExpiresAt });
      },
    );
  };
}
