/** Helpers for dossier API tests: a valid intake body, documents and multipart uploads. */
import type { Client, TestResponse } from './app';

/** A procedure of Sở Tư pháp received at the city service centre: 10 working days, 2 required components. */
export const LLTP_PROCEDURE = '2.000488';
/** A commune procedure (birth-parent recognition, 3 working days, 2 required components) received at the ward one-stop desks, e.g. `motcua.xa`'s. */
export const WARD_PROCEDURE = '1.001022';
/** A valid CCCD (Hải Phòng, male, born 1990). */
export const VALID_CCCD = '031090123456';

/** A counter intake body for a citizen. */
export function intakeFor(procedureCode = LLTP_PROCEDURE, idNumber = VALID_CCCD) {
  return {
    procedureCode,
    applicant: { kind: 'citizen', idNumber, name: 'Nguyễn Văn An', address: 'Số 1 Lê Chân, Hải Phòng', phone: '0912345678' },
    channel: 'counter',
    returnMethod: 'counter',
  };
}

/** A small complete PDF. */
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1');
/** Windows executable bytes (what an `.exe` renamed `.pdf` contains). */
export const EXE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00', 'latin1'), Buffer.alloc(200, 0), Buffer.from('PE\x00\x00', 'latin1'), Buffer.alloc(200, 0)]);

/** Uploads files as one multipart request to `url`, each preceded by its `componentId`. */
export function postFiles(client: Client, url: string, files: readonly { componentId: string; bytes: Buffer; filename?: string }[]): Promise<TestResponse> {
  const boundary = `----motcua${Math.random().toString(16).slice(2)}`;
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

/** Uploads files to a dossier as one multipart request, each preceded by its componentId. */
export function uploadMany(client: Client, ref: string, files: readonly { componentId: string; bytes: Buffer; filename?: string }[]): Promise<TestResponse> {
  return postFiles(client, `/api/v1/dossiers/${ref}/files`, files);
}

/** Uploads one file for a component. */
export function upload(client: Client, ref: string, componentId: string, bytes: Buffer, filename = 'scan.pdf'): Promise<TestResponse> {
  return uploadMany(client, ref, [{ componentId, bytes, filename }]);
}

/** Performs an action with the version the client saw; returns the response. */
export function act(client: Client, ref: string, action: string, version: number, input: Record<string, unknown> = {}): Promise<TestResponse> {
  return client.post(`/api/v1/dossiers/${ref}/actions/${action}`, { version, input });
}
