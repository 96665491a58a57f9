import type { FastifyRequest } from 'fastify';
import type { Locale } from '@core/errors/catalogue';

/** The caller's language: English when Accept-Language prefers it, Vietnamese otherwise. */
export function localeOf(req: FastifyRequest): Locale {
  const header = req.headers['accept-language'];
  if (typeof header !== 'string') return 'vi';
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'vi';
}
