/** Test helpers of the reform feature: multipart bodies and progress reports. */
import type { Client, TestResponse } from '../../../tests/support/app';
import { multipart } from '../../../tests/support/multipart';

/** Posts a progress report with evidence files. */
export function postReport(client: Client, taskId: string, fields: Record<string, string>, files: { filename: string; bytes: Buffer }[] = []): Promise<TestResponse> {
  const body = multipart(fields, files.map((f) => ({ name: 'file', ...f })));
  return client.request({ method: 'POST', url: `/api/v1/reform/tasks/${taskId}/reports`, payload: body.payload, headers: body.headers });
}
