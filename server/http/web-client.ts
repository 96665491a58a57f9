import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { AppError } from '@core/errors/app-error';
import { sendAppError } from './errors';

export const WEB_DIST = path.resolve('web/dist');

/** Serves the built web client with history-API fallback; unknown `/api` paths get a JSON 404. */
export async function registerWebClient(app: FastifyInstance, distDir = WEB_DIST): Promise<void> {
  const hasClient = existsSync(path.join(distDir, 'index.html'));
  if (hasClient) {
    await app.register(fastifyStatic, { root: distDir, wildcard: false, index: ['index.html'], maxAge: '1h', immutable: false });
  }
  app.setNotFoundHandler((req, reply) => {
    const isApi = req.url.startsWith('/api') || req.url.startsWith('/healthz');
    if (!isApi && hasClient && req.method === 'GET') {
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').sendFile('index.html');
    }
    return sendAppError(req, reply, new AppError('ROUTE_NOT_FOUND'));
  });
}
