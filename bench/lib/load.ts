import { Worker } from 'node:worker_threads';

/** What the client worker (`load-worker.ts`) runs. */
export interface LoadJob {
  /** The app's address, e.g. `http://127.0.0.1:41234`. */
  base: string;
  /** The signed-in officer's session cookie and CSRF token. */
  headers: Record<string, string>;
  clients: number;
  total: number;
  /** `counter`: one multipart request per dossier; `three`: intake, upload, accept. */
  flow: 'counter' | 'three';
  /** The intake body (JSON). */
  intake: unknown;
  /** The components uploaded and ticked on accept. */
  components: string[];
}

/** Runs a load job in a worker thread (TypeScript loaded through tsx); answers the elapsed seconds and the codes given. */
export function runLoad(job: LoadJob): Promise<{ seconds: number; codes: string[] }> {
  const file = new URL('./load-worker.ts', import.meta.url).href;
  const worker = new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(file)}); });`, { eval: true, workerData: job });
  return new Promise((resolve, reject) => {
    worker.once('message', (m: { seconds: number; codes: string[] } | { error: string }) => {
      void worker.terminate();
      if ('error' in m) reject(new Error(m.error));
      else resolve(m);
    });
    worker.once('error', reject);
  });
}
