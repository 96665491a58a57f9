/** Helpers of the portal's API tests: multipart uploads to any URL, and a draft made ready to submit. */
import { expect } from 'vitest';
import type { Client, TestResponse } from '../../../tests/support/app';
import { PDF } from '../../../tests/support/dossiers';

/** Uploads files as one multipart request to `url`, each preceded by its `componentId`. */
export function postFiles(client: Client, url: string, files: readonly { componentId: string; bytes: Buffer; filename?: string }[]): Promise<TestResponse> {
  const boundary = `----portal${Math.random().toString(16).slice(2)}`;
  const body = Buffer.concat([
    ...files.flatMap((f) => [
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="componentId"\r\n\r\n${f.componentId}\r\n`),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.filename ?? 'scan.pdf'}"\r\nContent-Type: application/pdf\r\n\r\n`),
      f.bytes,
      Buffer.from('\r\n'),
    ]),
    Buffer.from(`--${boundary}--\r\n`),
  ]);
  return client.request({ method: 'POST', url, payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
}

// biome-ignore lint/suspicious/noExplicitAny: API answers are inspected freely in tests
type Json = any;

/** Starts a draft (201 expected). */
export async function startDraft(client: Client, procedureCode: string, extra: Record<string, unknown> = {}): Promise<Json> {
  const res = await client.post('/api/v1/portal/drafts', { procedureCode, ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** Autosaves a draft's data over what it holds (200 expected). */
export async function saveDraft(client: Client, draft: Json, data: Record<string, unknown>): Promise<Json> {
  const res = await client.request({ method: 'PUT', url: `/api/v1/portal/drafts/${draft.id}`, payload: { version: draft.version, data: { ...draft.data, ...data } } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** A draft with a return method and a PDF for each required component: ready to submit. */
export async function readyDraft(client: Client, procedureCode: string, data: Record<string, unknown> = {}): Promise<Json> {
  const draft = await saveDraft(client, await startDraft(client, procedureCode), { returnMethod: 'online', ...data });
  const needed = draft.checklist.filter((c: Json) => c.kind === 'required').map((c: Json) => ({ componentId: c.id, bytes: PDF, filename: `tp-${c.id}.pdf` }));
  const res = await postFiles(client, `/api/v1/portal/drafts/${draft.id}/files`, needed);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** Submits a draft; answers the response. */
export function submit(client: Client, draftId: string): Promise<TestResponse> {
  return client.post(`/api/v1/portal/drafts/${draftId}/submit`);
}
