/** Helpers of the portal's API tests: multipart uploads to any URL, and a draft made ready to submit. */
import { expect } from 'vitest';
import type { Client, TestResponse } from '../../../tests/support/app';
import { PDF, postFiles } from '../../../tests/support/dossiers';


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
