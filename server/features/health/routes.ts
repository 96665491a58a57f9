import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { access } from '../../http/access';
import type { AppDeps } from '../../http/deps';

/** Liveness and readiness: answers only when the database answers. */
export function healthRoutes({ database, version }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/healthz',
      {
        config: access('public'),
        schema: { tags: ['system'], summary: 'Health', response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgresql']), version: z.string() }) } },
      },
      async () => {
        await sql`SELECT 1`.execute(database.db);
        return { status: 'ok' as const, database: database.engine, version };
      },
    );
  };
}
