import type { FastifyReply, FastifyRequest } from 'fastify';
import { PORTAL_AUTH } from '@core/citizens/api';
import { AppError } from '@core/errors/app-error';
import { ERRORS, type ErrorCode, errorMessage } from '@core/errors/catalogue';
import { maskPersonalNumbers } from '@core/identity/mask';
import { localeOf } from '../../http/locale';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const TEXT = {
  vi: { title: 'Không đăng nhập được', code: 'Mã lỗi', retry: 'Đăng nhập lại', home: 'Về trang chủ' },
  en: { title: 'Sign-in failed', code: 'Error code', retry: 'Sign in again', home: 'Home page' },
} as const;

/**
 * Answers a refused sign-in with a page a person can read (the sign-in is a browser navigation, not
 * an API call): the message in their language, the stable error code, and a way to start again.
 * The log gets the code and the error's kind, with personal numbers masked.
 */
export function sendLoginError(req: FastifyRequest, reply: FastifyReply, err: unknown, returnTo: string): FastifyReply {
  const code: ErrorCode = err instanceof AppError ? err.code : 'PORTAL_LOGIN_FAILED';
  const cause = err instanceof AppError ? err.cause : err;
  const detail = cause instanceof Error ? { name: cause.name, code: (cause as { code?: unknown }).code, message: maskPersonalNumbers(cause.message) } : undefined;
  if (err instanceof AppError) req.log.warn({ code, detail }, 'portal sign-in refused');
  else req.log.error({ code, detail }, 'portal sign-in failed');
  const locale = localeOf(req);
  const t = TEXT[locale];
  const retry = `${PORTAL_AUTH.login}?${new URLSearchParams({ returnTo })}`;
  const html = `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${t.title}</title>
<style>
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;font-size:1rem;line-height:1.5;color:#1a1a1a;background:#f4f5f7}
main{max-width:34rem;margin:0 auto;padding:1.5rem 1rem}
h1{font-size:1.375rem;margin:0 0 1rem}
a{display:block;min-height:48px;padding:.75rem 1rem;margin:0 0 .75rem;border-radius:8px;text-align:center;text-decoration:none;font-weight:600}
.primary{background:#1b4f9c;color:#fff}.secondary{border:2px solid #1b4f9c;color:#1b4f9c;background:#fff}
a:focus-visible{outline:3px solid #f5a300;outline-offset:2px}
</style>
</head>
<body>
<main>
<h1>${t.title}</h1>
<p role="alert">${esc(errorMessage(code, locale))}</p>
<p>${t.code}: <code data-error-code="${code}">${code}</code></p>
<a class="primary" href="${esc(retry)}">${t.retry}</a>
<a class="secondary" href="/">${t.home}</a>
</main>
</body>
</html>`;
  return reply.code(ERRORS[code].status).header('cache-control', 'no-store').header('x-error-code', code).type('text/html; charset=utf-8').send(html);
}
