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

/** What a load job answers: the elapsed seconds, the codes given and the CPU the client thread used (ms). */
export interface LoadResult {
  seconds: number;
  codes: string[];
  cpuMs: number;
}

/**
 * The client worker (TypeScript loaded through tsx), started once and kept for every job of the
 * run: a fresh worker per job would compile its HTTP client again each time, on the same cores as the
 * server. Unreferenced between jobs, so it never keeps the process alive.
 */
let clients: Worker | undefined;

function clientWorker(): Worker {
  if (!clients) {
    const file = new URL('./load-worker.ts', import.meta.url).href;
    clients = new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(file)}); });`, { eval: true });
    clients.unref();
  }
  return clients;
}

/** Runs a load job in the client worker; answers the elapsed seconds, the codes given and the clients' CPU. `onStart` is called as the clock starts (bodies built). */
export function runLoad(job: LoadJob, onStart?: () => void): Promise<LoadResult> {
  const worker = clientWorker();
  worker.ref();
  return new Promise<LoadResult>((resolve, reject) => {
    const onMessage = (m: LoadResult | { error: string } | { started: true }) => {
      if ('started' in m) return onStart?.();
      done();
      if ('error' in m) reject(new Error(m.error));
      else resolve(m);
    };
    const onError = (err: unknown) => {
      done();
      clients = undefined;
      reject(err);
    };
    const done = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.unref();
    };
    worker.on('message', onMessage);
    worker.once('error', onError);
    worker.postMessage(job);
  });
}
