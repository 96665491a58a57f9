/**
 * The clients of the intake benchmark, in a worker thread of their own (as real clients are other
 * processes, their work stays off the server's event loop): `clients` concurrent keep-alive
 * connections of one signed-in officer, `total` dossiers, each through the counter screen (one
 * multipart request) or through intake, upload and accept (three requests). Posts back the elapsed
 * seconds and the codes given.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import type { LoadJob } from './load';

const job = workerData as LoadJob;
const agent = new http.Agent({ keepAlive: true, maxSockets: job.clients });

/** A small, distinct, complete PDF. */
const pdf = () => Buffer.from(`%PDF-1.4\n% ${randomBytes(512).toString('hex')}\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`, 'latin1');

/** A multipart body: text fields first, then each file after its componentId. */
function multipart(fields: [string, string][], files: [string, Buffer][]) {
  const boundary = `----bench${randomBytes(8).toString('hex')}`;
  const body = Buffer.concat([
    ...fields.map(([name, value]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)),
    ...files.flatMap(([componentId, bytes]) => [
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="componentId"\r\n\r\n${componentId}\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="scan.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
      bytes,
      Buffer.from('\r\n'),
    ]),
    Buffer.from(`--${boundary}--\r\n`),
  ]);
  return { body, type: `multipart/form-data; boundary=${boundary}` };
}

/** POSTs a body and answers the JSON answer; a non-2xx answer fails the run. */
function post(path: string, body: Buffer, type: string): Promise<{ dossier: { id: string; code: string } }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${job.base}${path}`, { method: 'POST', agent, headers: { ...job.headers, 'content-type': type, 'content-length': body.length } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        if ((res.statusCode ?? 500) >= 300) reject(new Error(`${path} → ${res.statusCode} ${text.slice(0, 300)}`));
        else resolve(JSON.parse(text));
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

const json = (value: unknown) => Buffer.from(JSON.stringify(value));

/** One dossier, as the job's flow sends it; answers its code. */
async function dossier(): Promise<string> {
  const files = job.components.map((c): [string, Buffer] => [c, pdf()]);
  if (job.flow === 'counter') {
    const m = multipart(
      [
        ['intake', JSON.stringify(job.intake)],
        ['accept', JSON.stringify({ components: job.components })],
      ],
      files,
    );
    return (await post('/api/v1/dossiers', m.body, m.type)).dossier.code;
  }
  const { dossier: created } = await post('/api/v1/dossiers', json(job.intake), 'application/json');
  const m = multipart([], files);
  await post(`/api/v1/dossiers/${created.id}/files`, m.body, m.type);
  return (await post(`/api/v1/dossiers/${created.id}/actions/accept`, json({ version: 1, input: { components: job.components } }), 'application/json')).dossier.code;
}

async function main() {
  const codes: string[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: job.clients }, async () => {
      while (next < job.total) {
        next++;
        codes.push(await dossier());
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  agent.destroy();
  parentPort!.postMessage({ seconds, codes });
}

main().catch((err: unknown) => parentPort!.postMessage({ error: String(err instanceof Error ? err.message : err) }));
