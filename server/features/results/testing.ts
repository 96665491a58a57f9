/** Test helpers of results, rating and feedback: a dossier of a portal citizen driven to where a test needs it. */
import type { Client, TestResponse } from '../../../tests/support/app';
import { PDF, act, intakeFor, uploadMany } from '../../../tests/support/dossiers';

/** Sở Tư pháp's judicial-records division, where the demo LLTP procedure is handled. */
export const HCTP = '000.01.03.H26';

/** The demo staff who move a dossier through its life. */
export interface Staff {
  motcua: Client;
  chuyenvien: Client;
  lanhdao: Client;
}

/** How far to drive a dossier. */
export type Point = 'accepted' | 'approved' | 'issued' | 'returned';

/** A dossier's view as the staff API answers it. */
export interface DossierRef {
  id: string;
  code: string;
  version: number;
}

/** Uploads one result document as multipart (optionally replacing `supersedes`). */
export function uploadResult(client: Client, ref: string, bytes: Buffer, opts: { filename?: string; supersedes?: string; contentType?: string } = {}): Promise<TestResponse> {
  const boundary = `----motcua${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  if (opts.supersedes) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="supersedes"\r\n\r\n${opts.supersedes}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${opts.filename ?? 'ket-qua.pdf'}"\r\nContent-Type: ${opts.contentType ?? 'application/pdf'}\r\n\r\n`), bytes, Buffer.from(`\r\n--${boundary}--\r\n`));
  return client.request({ method: 'POST', url: `/api/v1/dossiers/${ref}/results`, payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
}

/**
 * A counter dossier of LLTP for the applicant `idNumber` (a simulator identity, so the portal knows
 * it as theirs), result returned `returnMethod`, driven to `point`. `issued` and `returned` upload a
 * result PDF first when the return is online.
 */
export async function dossierAt(s: Staff, point: Point, opts: { idNumber?: string; returnMethod?: 'online' | 'counter' | 'post' } = {}): Promise<DossierRef> {
  const returnMethod = opts.returnMethod ?? 'online';
  const created = await s.motcua.post('/api/v1/dossiers', { ...intakeFor(undefined, opts.idNumber ?? '031085012345'), returnMethod });
  if (created.statusCode !== 201) throw new Error(`intake: ${created.body}`);
  let d = created.json().dossier;
  const files = await uploadMany(s.motcua, d.id, [
    { componentId: '1', bytes: PDF },
    { componentId: '2', bytes: PDF },
  ]);
  if (files.statusCode !== 201) throw new Error(`files: ${files.body}`);
  const step = async (client: Client, action: string, input: Record<string, unknown> = {}) => {
    const res = await act(client, d.code ?? d.id, action, d.version, input);
    if (res.statusCode !== 200) throw new Error(`${action}: ${res.body}`);
    d = res.json().dossier;
  };
  await step(s.motcua, 'accept', { components: ['1', '2'] });
  if (point === 'accepted') return d;
  await step(s.motcua, 'hand_over', { toUnit: HCTP });
  await step(s.lanhdao, 'assign', { assigneeId: s.chuyenvien.me.user.id });
  await step(s.chuyenvien, 'submit_review');
  await step(s.lanhdao, 'approve');
  if (point === 'approved') return d;
  if (returnMethod === 'online') {
    const up = await uploadResult(s.chuyenvien, d.code, PDF);
    if (up.statusCode !== 201) throw new Error(`result: ${up.body}`);
  }
  await step(s.chuyenvien, 'issue_result', { number: '12/LLTP', eResult: returnMethod === 'online' });
  if (point === 'issued') return d;
  await step(s.motcua, 'return_result', returnMethod === 'online' ? { method: 'online' } : returnMethod === 'post' ? { trackingNumber: 'EMS123' } : { collectedBy: 'Nguyễn Văn An' });
  return d;
}
