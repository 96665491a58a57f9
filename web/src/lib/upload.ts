/** Uploads with progress, shared by the portal's submission wizard and the staff counter screen. */
import { currentLanguage } from '../i18n';
import i18n from '../i18n';
import { ApiError, type Parser } from './api';

/** What the server accepts (it checks again by content, never by name). */
export const ACCEPTED_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
/** The `accept` attribute of the file inputs. */
export const ACCEPT = 'application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png';
/** The server's limit per file (server/uploads/inspect.ts). */
export const MAX_BYTES = 20 * 1024 * 1024;

/** Why a chosen file is refused before sending it, or null when it may be sent. */
export function precheck(file: File): 'type' | 'size' | 'empty' | null {
  const byName = /\.(pdf|jpe?g|png)$/i.test(file.name);
  if (!byName && !(ACCEPTED_TYPES as readonly string[]).includes(file.type)) return 'type';
  if (file.size === 0) return 'empty';
  if (file.size > MAX_BYTES) return 'size';
  return null;
}

/** An upload in flight: its promise and a way to cancel it. */
export interface Upload<T> {
  done: Promise<T>;
  abort(): void;
}

interface ErrorBody {
  error?: { code?: string; message?: string; fields?: Record<string, unknown>; requestId?: string };
}

/**
 * Sends a multipart form with XMLHttpRequest, the one browser API that reports upload progress
 * (`fetch` does not), with the same headers and error shape as the JSON client (`lib/api.ts`).
 */
export function uploadWithProgress<T>(url: string, form: FormData, opts: { csrfToken: string | null; parser: Parser<T>; onProgress(fraction: number): void }): Upload<T> {
  const xhr = new XMLHttpRequest();
  const done = new Promise<T>((resolve, reject) => {
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.responseType = 'text';
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', currentLanguage());
    if (opts.csrfToken) xhr.setRequestHeader('X-CSRF-Token', opts.csrfToken);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) opts.onProgress(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK_ERROR', i18n.t('errors.network')));
    xhr.onabort = () => reject(new ApiError(0, 'ABORTED', i18n.t('errors.uploadCancelled')));
    xhr.onload = () => {
      let data: unknown;
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        data = undefined;
      }
      if (xhr.status < 200 || xhr.status >= 300) {
        const error = (data as ErrorBody | undefined)?.error;
        reject(new ApiError(xhr.status, error?.code ?? `HTTP_${xhr.status}`, error?.message ?? i18n.t('errors.unexpected'), error?.fields, error?.requestId, data));
        return;
      }
      try {
        resolve(opts.parser.parse(data));
      } catch (cause) {
        console.error(`Response of POST ${url} does not match its schema`, cause);
        reject(new ApiError(xhr.status, 'RESPONSE_INVALID', i18n.t('errors.unexpected')));
      }
    };
    xhr.send(form);
  });
  return { done, abort: () => xhr.abort() };
}
