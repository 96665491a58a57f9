/** The direction dashboard's own routes (issue 8): targets, and the report exports. The index itself is routes.ts. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../http/deps';
import { exportRoutes } from './export';
import { targetRoutes } from './targets';

/** Registers the targets and export routes. */
export function indexDashboardRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(targetRoutes(deps));
    await app.register(exportRoutes(deps));
  };
}
