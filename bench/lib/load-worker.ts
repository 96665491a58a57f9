/**
 * The clients of the intake benchmark, in a worker thread of their own (as real clients are other
 * processes, their work stays off the server's event loop): `clients` concurrent keep-alive
 * connections of one signed-in officer, `total` dossiers, each through the counter screen (one
 * multipart request) or through intake, upload and accept (three requests). Posts back the elapsed
 * seconds, the codes given and the CPU this thread used while sending.
 *
 * This is the load generator, not the system under test, and it shares the machine's 2 cores with
 * the server: every request body (each dossier with its own 3 distinct scans) is built before the
 * clock starts, so that sending costs the server as little of the CPU as a client can.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { parentPort } from 'node:worker_threads';
import { ownThreadCpuMs } from './cpu';
import type { LoadJob } from './load';

const BOUNDARY = `----bench${randomBytes(8).toString('hex')}`;
const MULTIPART = `multipart/form-data; boundary=${BOUNDARY}`;

/** A small, distinct, complete PDF. */
const pdf = () => Buffer.from(`%PDF-1.4\n% ${randomBytes(512).toString('hex')}\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`, 'latin1');

/** A multipart body: text fields first, then each file (a fresh PDF) after its componentId. */
function multipart(fields: [string, string][], components: readonly string[]): Buffer {
  return Buffer.concat([
    ...fields.map(([name, value]) => Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)),
    ...components.flatMap((componentId) => [
      Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="componentId"\r\n\r\n${componentId}\r\n--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="scan.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
      pdf(),
      Buffer.from('\r\n'),
    ]),
    Buffer.from(`--${BOUNDARY}--\r\n`),
  ]);
}

/** POSTs a body and answers the JSON answer; a non-2xx answer fails the run. */
function post(job: LoadJob, agent: http.Agent, path: string, body: Buffer, type: string): Promise<{ dossier: { id: string; code: string } }> {
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

/** Runs one job: every body built first (the clock not yet started), then `total` dossiers over `clients` keep-alive connections. */
async function run(job: LoadJob) {
  // the counter screen's one request per dossier, or the intake and accept JSON (the same for every
  // dossier) and one upload body per dossier
  const counterBodies: Buffer[] = [];
  const uploadBodies: Buffer[] = [];
  for (let i = 0; i < job.total; i++) {
    if (job.flow === 'counter') {
      counterBodies.push(
        multipart(
          [
            ['intake', JSON.stringify(job.intake)],
            ['accept', JSON.stringify({ components: job.components })],
          ],
          job.components,
        ),
      );
    } else uploadBodies.push(multipart([], job.components));
  }
  const intakeJson = Buffer.from(JSON.stringify(job.intake));
  const acceptJson = Buffer.from(JSON.stringify({ version: 1, input: { components: job.components } }));
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.clients });

  /** Dossier `i`, as the job's flow sends it; answers its code. */
  const dossier = async (i: number): Promise<string> => {
    if (job.flow === 'counter') return (await post(job, agent, '/api/v1/dossiers', counterBodies[i]!, MULTIPART)).dossier.code;
    const { dossier: created } = await post(job, agent, '/api/v1/dossiers', intakeJson, 'application/json');
    await post(job, agent, `/api/v1/dossiers/${created.id}/files`, uploadBodies[i]!, MULTIPART);
    return (await post(job, agent, `/api/v1/dossiers/${created.id}/actions/accept`, acceptJson, 'application/json')).dossier.code;
  };

  const codes: string[] = [];
  let next = 0;
  parentPort!.postMessage({ started: true });
  const t0 = performance.now();
  const cpu0 = ownThreadCpuMs();
  try {
    await Promise.all(
      Array.from({ length: job.clients }, async () => {
        while (next < job.total) codes.push(await dossier(next++));
      }),
    );
  } finally {
    agent.destroy();
  }
  const seconds = (performance.now() - t0) / 1000;
  return { seconds, codes, cpuMs: ownThreadCpuMs() - cpu0 };
}

parentPort!.on('message', (job: LoadJob) => {
  run(job).then(
    (result) => parentPort!.postMessage(result),
    (err: unknown) => parentPort!.postMessage({ error: String(err instanceof Error ? err.message : err) }),
  );
});
