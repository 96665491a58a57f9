import type { FastifyServerOptions } from 'fastify';
import { maskPersonalNumbers } from '@core/identity/mask';

/**
 * JSON logs with request ids. Cookies, CSRF tokens and passwords are redacted; personal
 * numbers (CCCD) are masked wherever they appear in a URL or a message.
 */
export function loggerOptions(level: string, stream?: { write(line: string): void }): FastifyServerOptions['logger'] {
  if (level === 'silent') return false;
  return {
    level,
    ...(stream ? { stream } : {}),
    redact: {
      paths: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'req.headers.authorization', 'res.headers["set-cookie"]', '*.password', 'password'],
      censor: '[redacted]',
    },
    serializers: {
      req: (req: { id: string; method: string; url: string; ip?: string }) => ({ id: req.id, method: req.method, url: maskPersonalNumbers(req.url), ip: req.ip }),
    },
    hooks: {
      logMethod(args, method) {
        const masked = args.map((a) => (typeof a === 'string' ? maskPersonalNumbers(a) : a));
        return method.apply(this, masked as Parameters<typeof method>);
      },
    },
  };
}
