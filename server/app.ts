import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { accountabilityRoutes } from './features/accountability/routes';
import { auditRoutes } from './features/audit/routes';
import { authRoutes } from './features/auth/routes';
import { type RouteAccessEntry, registerSessionHook } from './features/auth/session-hook';
import { calendarRoutes } from './features/calendar/routes';
import { catalogueRoutes } from './features/catalogue/routes';
import { citizenRoutes } from './features/citizens/routes';
import { bookRoutes } from './features/dossiers/book-routes';
import { dossierRoutes } from './features/dossiers/routes';
import { feedbackRoutes } from './features/feedback/routes';
import { publicationRoutes } from './features/publication/routes';
import { reformRoutes } from './features/reform/routes';
import { healthRoutes } from './features/health/routes';
import { internalProcedureRoutes } from './features/internal-procedures/routes';
import { indexDashboardRoutes } from './features/index/dashboard-routes';
import { indexRoutes } from './features/index/routes';
import { legacyImportRoutes } from './features/legacy-import/routes';
import { notificationRoutes } from './features/notifications/routes';
import { orgRoutes } from './features/org/routes';
import { paymentRoutes } from './features/payments/routes';
import { portalSubmissionRoutes } from './features/portal/routes';
import { eresultRoutes } from './features/eresults/routes';
import { resultRoutes } from './features/results/routes';
import { usersRoutes } from './features/users/routes';
import { warehouseRoutes } from './features/warehouse/routes';
import type { AppDeps } from './http/deps';
import { registerErrorHandling } from './http/errors';
import { loggerOptions } from './http/logging';
import { registerWebClient } from './http/web-client';
import { simIdpRoutes } from './sim/idp/routes';
import { simMailRoutes } from './sim/mail/routes';
import { simNationalRoutes } from './sim/national/routes';

/** Every feature's routes, in one list so the access test can walk them all. */
export const FEATURES = [healthRoutes, authRoutes, orgRoutes, usersRoutes, auditRoutes, calendarRoutes, catalogueRoutes, publicationRoutes, dossierRoutes, bookRoutes, resultRoutes, eresultRoutes, feedbackRoutes, notificationRoutes, citizenRoutes, paymentRoutes, portalSubmissionRoutes, warehouseRoutes, legacyImportRoutes, indexRoutes, indexDashboardRoutes, reformRoutes, accountabilityRoutes, internalProcedureRoutes];

declare module 'fastify' {
  interface FastifyInstance {
    /** Every guarded route with its declared access rule. */
    routeAccess: RouteAccessEntry[];
  }
}

/** Builds the whole HTTP application around an open database; no listening, so tests can `inject`. */
export async function buildApp(deps: AppDeps, opts: { webDist?: string; logStream?: { write(line: string): void } } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(deps.config.logLevel, opts.logStream),
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    },
    bodyLimit: 1024 * 1024,
    trustProxy: deps.config.env === 'production',
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Mantine sets inline style attributes; scripts stay same-origin only.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        scriptSrc: ["'self'"],
      },
    },
  });
  await app.register(fastifyCookie, { secret: deps.config.sessionSecret });
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'motcua — Hệ thống thông tin giải quyết TTHC', version: deps.version, description: 'API của hệ thống. Lỗi trả về dạng {error:{code,message,fields}}.' },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const routeAccess: RouteAccessEntry[] = [];
  app.decorate('routeAccess', routeAccess);
  registerSessionHook(app, deps.database.db, routeAccess);
  for (const feature of FEATURES) await app.register(feature(deps));
  // the simulated mailbox exists only where the local SMTP sink does (embedded default, never production)
  if (deps.config.mail.simPort !== null) await app.register(simMailRoutes(deps));
  // the identity-provider simulator under /sim/idp mounts itself only when enabled (never in production)
  await app.register(simIdpRoutes(deps));
  // the national portal simulator under /sim/dvcqg mounts itself only when enabled (never in production)
  await app.register(simNationalRoutes(deps));
  await registerWebClient(app, opts.webDist);
  return app;
}
