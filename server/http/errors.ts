import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, type ErrorBody, type FieldIssue } from '@core/errors/app-error';
import { ERRORS, type ErrorCode, type Locale, errorMessage } from '@core/errors/catalogue';
import { localeOf } from './locale';

const zodLocales = { vi: z.locales.vi(), en: z.locales.en() };

/** Fastify's own error codes that have a code of ours. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_FAILED',
};

/** Sends an AppError in the caller's language. */
export function sendAppError(req: FastifyRequest, reply: FastifyReply, err: AppError): FastifyReply {
  const locale = localeOf(req);
  const body: ErrorBody = {
    error: { code: err.code, message: errorMessage(err.code, locale, err.params), requestId: req.id },
  };
  if (err.fields.length > 0) body.error.fields = err.fields;
  return reply.code(err.status).type('application/json').send(body);
}

interface ValidationEntry {
  keyword: string;
  instancePath: string;
  message: string;
  params: Record<string, unknown>;
}

/** A schema may name one of our error codes as an issue's message; such issues speak our language. */
const ownCode = (message: string): ErrorCode | undefined => (message in ERRORS ? (message as ErrorCode) : undefined);

/** Rebuilds each zod issue and renders it with zod's own Vietnamese or English locale. */
function fieldIssues(entries: ValidationEntry[], context: string, locale: Locale): FieldIssue[] {
  return entries.map((v) => {
    const path = v.instancePath.split('/').filter(Boolean);
    const field = [context, ...path].filter(Boolean).join('.') || context || '(body)';
    const own = ownCode(v.message);
    if (own) return { field, code: own, message: errorMessage(own, locale) };
    const issue = { ...v.params, code: v.keyword, path };
    const message = zodLocales[locale].localeError(issue as never);
    return { field, code: v.keyword, message: typeof message === 'string' ? message : (message?.message ?? v.keyword) };
  });
}

/** Turns every thrown error into our JSON error body with a stable code; never leaks internals. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, req, reply) => {
    if (error instanceof AppError) return sendAppError(req, reply, error);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const context = error.validationContext === 'body' ? '' : (error.validationContext ?? '');
      const fields = fieldIssues(error.validation as unknown as ValidationEntry[], context, localeOf(req));
      // When every problem is one of our own codes, the first one is the answer's code (e.g. CALENDAR_AMOUNT_INVALID).
      const own = fields.map((f) => ownCode(f.code));
      const code = own.every(Boolean) ? (own[0] as ErrorCode) : 'VALIDATION_FAILED';
      return sendAppError(req, reply, new AppError(code, { fields }));
    }
    const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (mapped) return sendAppError(req, reply, new AppError(mapped));
    if (error.statusCode === 429) return sendAppError(req, reply, new AppError('RATE_LIMITED'));
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return sendAppError(req, reply, new AppError('VALIDATION_FAILED', { message: error.message }));
    }
    req.log.error({ err: error }, 'unhandled error');
    return sendAppError(req, reply, new AppError('INTERNAL_ERROR'));
  });
}
