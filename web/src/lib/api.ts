import i18n, { currentLanguage } from '../i18n';

/** An error answered by the API (or a network failure, code `NETWORK_ERROR`); `message` is ready to show. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, unknown>,
    readonly requestId?: string,
    /** The whole error answer, for the few that carry more than the error (e.g. an import report). */
    readonly body?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Anything with a zod-like `parse`, to check a response against the shared schema. */
export interface Parser<T> {
  parse(data: unknown): T;
}

interface ErrorBody {
  error?: { code?: string; message?: string; fields?: Record<string, unknown>; requestId?: string };
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
let csrfToken: string | null = null;
let portalCsrfToken: string | null = null;
/** The citizen portal's routes: their session (and CSRF token) is not the staff one. */
const PORTAL_API = '/api/v1/portal/';

/** Remembers the session's CSRF token (from `Me`); sent on every state-changing request. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/**
 * Remembers the portal session's CSRF token (from the citizen's `me`); sent on state-changing
 * requests to `/api/v1/portal/…`. A browser may hold a staff and a citizen session at once.
 */
export function setPortalCsrfToken(token: string | null): void {
  portalCsrfToken = token;
}

async function request<T>(method: string, path: string, body?: unknown, parser?: Parser<T>): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': currentLanguage() };
  // A FormData body (file upload) sets its own multipart Content-Type with the boundary.
  const form = body instanceof FormData;
  if (body !== undefined && !form) headers['Content-Type'] = 'application/json';
  const token = path.startsWith(PORTAL_API) ? (portalCsrfToken ?? csrfToken) : csrfToken;
  if (STATE_CHANGING.has(method) && token) headers['X-CSRF-Token'] = token;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : form ? body : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', i18n.t('errors.network'));
  }
  if (response.status === 204) return undefined as T;
  const data: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = (data as ErrorBody | undefined)?.error;
    throw new ApiError(
      response.status,
      error?.code ?? `HTTP_${response.status}`,
      error?.message ?? i18n.t('errors.unexpected'),
      error?.fields,
      error?.requestId,
      data,
    );
  }
  if (!parser) return data as T;
  try {
    return parser.parse(data);
  } catch (cause) {
    console.error(`Response of ${method} ${path} does not match its schema`, cause);
    throw new ApiError(response.status, 'RESPONSE_INVALID', i18n.t('errors.unexpected'));
  }
}

/** The JSON API client: adds the UI language, the CSRF token and same-origin cookies. */
export const api = {
  get: <T>(path: string, parser?: Parser<T>) => request<T>('GET', path, undefined, parser),
  post: <T>(path: string, body?: unknown, parser?: Parser<T>) => request<T>('POST', path, body, parser),
  put: <T>(path: string, body?: unknown, parser?: Parser<T>) => request<T>('PUT', path, body, parser),
  delete: <T>(path: string, parser?: Parser<T>) => request<T>('DELETE', path, undefined, parser),
  /** Sends a multipart form (file upload); same headers as the JSON calls except Content-Type. */
  upload: <T>(path: string, form: FormData, parser?: Parser<T>) => request<T>('POST', path, form, parser),
};
