import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { AppError } from '@core/errors/app-error';
import { sendAppError } from './errors';

export const WEB_DIST = path.resolve('web/dist');

/**
 * Serves the built web client. Hashed files under /assets are immutable for a year; index.html is
 * never cached, so a deploy is picked up at once. Paths without a file extension fall back to
 * index.html (client-side routes); a missing file, or an unknown `/api` path, is a real 404.
 */
export async function registerWebClient(app: FastifyInstance, distDir = WEB_DIST): Promise<void> {
  const hasClient = existsSync(path.join(distDir, 'index.html'));
  if (hasClient) {
    await app.register(fastifyStatic, {
      root: distDir,
      // Resolve files per request, so a client rebuilt while the server runs is served without a restart.
      wildcard: true,
      index: ['index.html'],
      // The build writes .br and .gz beside each file (web/vite.config.ts): sent as negotiated by
      // Accept-Encoding, with `Vary: accept-encoding`, and no compression work per request.
      preCompressed: true,
      cacheControl: false,
      setHeaders: (res, filePath) => {
        const immutable = filePath.startsWith(path.join(distDir, 'assets') + path.sep);
        res.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((req, reply) => {
    const pathname = req.url.split('?')[0] ?? '';
    const isApi = pathname.startsWith('/api') || pathname.startsWith('/healthz');
    // A file has a lower-case extension with a letter (`.js`, `.png`, `.woff2`); procedure codes such as
    // `/thu-tuc/1.001193` and unit codes such as `/chi-so/000.00.03.H26` are routes.
    const isFile = pathname.startsWith('/assets/') || /\.[a-z0-9]*[a-z][a-z0-9]*$/.test(pathname);
    if (!isApi && !isFile && hasClient && (req.method === 'GET' || req.method === 'HEAD')) {
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').sendFile('index.html');
    }
    return sendAppError(req, reply, new AppError('ROUTE_NOT_FOUND'));
  });
}
