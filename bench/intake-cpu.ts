/**
 * `npm run bench intake-cpu`: where the CPU of one counter intake goes, on PostgreSQL. The same load
 * as `npm run bench intake` (50 concurrent clients of one officer, each dossier one multipart
 * `POST /api/v1/dossiers` with 3 scans and the accept), measured as CPU time per dossier rather than
 * dossiers per second: the server's JavaScript thread, its other threads (file-system pool, garbage
 * collector, …), the client worker (the load generator, not the system under test), the database's
 * backends and the whole machine. On a shared machine CPU per dossier is far steadier than a rate.
 *
 * BENCH_CPU_DOSSIERS (default 1500) per round, BENCH_CPU_ROUNDS (default 3); BENCH_CPU_PROFILE=<file>
 * writes a V8 CPU profile (.cpuprofile) of the server thread over the last round; BENCH_CPU_PERF=<file>
 * records the whole machine with Linux `perf record -a -g` over the last round (kernel and native
 * frames of every process: the database, the file-system threads, the loopback network).
 * BENCH_CPU_HEAP=<file> writes a sampling heap profile (.heapprofile: where the server thread allocates)
 * over the last round. BENCH_CPU_VARIANTS=a,b (for A/B experiments): the rounds cycle through the variants, each round
 * setting `globalThis.BENCH_VARIANT` first, so that an experimental code path can be compared with
 * the current one under the same load; figures are given per variant.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { buildApp } from '../server/app';
import { loadConfig } from '../server/config/config';
import type { Database } from '../server/db/database';
import { migrate } from '../server/db/migrate';
import { DEMO_PASSWORD } from '../server/seed/demo-org';
import { seedDemo } from '../server/seed/demo';
import { loadAverage, machineCpuMs, processCpuMs, processesCpuMs, threadCpuMs } from './lib/cpu';
import { runLoad } from './lib/load';
import { withScratchPostgres } from './lib/support';

const CLIENTS = 50;
const PROCEDURE = '2.000505';
const intake = { procedureCode: PROCEDURE, applicant: { kind: 'citizen', idNumber: '031090123456', name: 'Nguyễn Văn An', address: 'Số 1 Lê Chân, Hải Phòng', phone: '0912345678' }, channel: 'counter', returnMethod: 'counter' };
const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

/** The database's processes that work for this benchmark: its backends and the WAL writer. */
async function databasePids(database: Database): Promise<number[]> {
  const r = await sql<{ pid: number }>`SELECT pid FROM pg_stat_activity WHERE datname = current_database() OR backend_type = 'walwriter'`.execute(database.db);
  return r.rows.map((row) => row.pid);
}

export default async function (): Promise<Record<string, number>> {
  const total = Number(process.env.BENCH_CPU_DOSSIERS ?? 1500);
  const rounds = Number(process.env.BENCH_CPU_ROUNDS ?? 3);
  const profile = process.env.BENCH_CPU_PROFILE;
  const perfFile = process.env.BENCH_CPU_PERF;
  const heapFile = process.env.BENCH_CPU_HEAP;
  const variants = (process.env.BENCH_CPU_VARIANTS ?? '').split(',').filter(Boolean);
  const variantOf = (r: number) => (variants.length > 0 ? variants[r % variants.length]! : '');
  const global = globalThis as { BENCH_VARIANT?: string };
  return withScratchPostgres(async (database) => {
    await migrate(database.db);
    await seedDemo(database.db);
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-')), SESSION_SECRET: 'bench-secret-bench-secret-bench-secret-0123', LOG_LEVEL: 'silent', LOGIN_RATE_LIMIT: '10000' });
    const app = await buildApp({ config, database, version: 'bench' }, { webDist: path.join(os.tmpdir(), 'no-web-client') });
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    const figures: Record<string, number> = { clients: CLIENTS, dossiers_per_round: total };
    try {
      const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'motcua', password: DEMO_PASSWORD }) });
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
      const csrf = (await login.json()).csrfToken as string;
      const job = { base, headers: { cookie, 'x-csrf-token': csrf }, clients: CLIENTS, flow: 'counter' as const, intake, components: ['1', '2', '3'] };
      // warm-up: JIT, plans, pool connections (each variant's code path)
      for (const v of variants.length > 0 ? variants : ['']) {
        global.BENCH_VARIANT = v;
        await runLoad({ ...job, total: 300 });
      }
      const rows: { variant: string; figures: Record<string, number> }[] = [];
      for (let r = 0; r < rounds; r++) {
        global.BENCH_VARIANT = variantOf(r);
        const pids = await databasePids(database);
        const last = r === rounds - 1;
        const session = (profile || heapFile) && last ? new Session() : null;
        if (session) {
          session.connect();
          if (profile) {
            await session.post('Profiler.enable');
            await session.post('Profiler.setSamplingInterval', { interval: 200 });
          }
          if (heapFile) await session.post('HeapProfiler.enable');
        }
        let before: { main: number; proc: number; db: Map<number, number>; machine: number; load: number } | undefined;
        let perf: ChildProcess | undefined;
        const done = await runLoad({ ...job, total }, () => {
          if (session && profile) void session.post('Profiler.start');
          // every allocation is sampled (about one per 32 KB), including those collected since
          if (session && heapFile) void session.post('HeapProfiler.startSampling', { samplingInterval: 32768, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
          if (perfFile && r === rounds - 1) perf = spawn('perf', ['record', '-a', '-g', '-q', '-o', perfFile], { stdio: 'ignore' });
          before = { main: threadCpuMs(process.pid), proc: processCpuMs(), db: processesCpuMs(pids), machine: machineCpuMs(), load: loadAverage() };
        });
        const after = { main: threadCpuMs(process.pid), proc: processCpuMs(), db: processesCpuMs(pids), machine: machineCpuMs() };
        if (perf) {
          const exited = new Promise((resolve) => perf!.once('exit', resolve));
          perf.kill('SIGINT');
          await exited;
        }
        if (session) {
          if (profile) writeFileSync(profile, JSON.stringify((await session.post('Profiler.stop')).profile));
          if (heapFile) writeFileSync(heapFile, JSON.stringify((await session.post('HeapProfiler.stopSampling')).profile));
          session.disconnect();
        }
        const b = before!;
        let dbMs = 0;
        for (const [pid, ms] of after.db) dbMs += ms - (b.db.get(pid) ?? 0);
        const per = (ms: number) => round(ms / total, 3);
        const main = after.main - b.main;
        const others = after.proc - b.proc - main - done.cpuMs;
        rows.push({
          variant: variantOf(r),
          figures: {
            dossiers_per_s: round(total / done.seconds, 1),
            server_thread_ms: per(main),
            server_other_threads_ms: per(others),
            client_worker_ms: per(done.cpuMs),
            postgres_ms: per(dbMs),
            machine_ms: per(after.machine - b.machine),
            server_thread_busy: round(main / (done.seconds * 1000), 2),
            load_average: b.load,
          },
        });
        console.log(`round ${r + 1}${variantOf(r) ? ` (${variantOf(r)})` : ''}:`, JSON.stringify(rows.at(-1)!.figures));
      }
      for (const v of variants.length > 0 ? variants : ['']) {
        const mine = rows.filter((x) => x.variant === v).map((x) => x.figures);
        const median = (k: string) => {
          const sorted = mine.map((x) => x[k]!).sort((a, b) => a - b);
          return sorted[Math.floor(sorted.length / 2)]!;
        };
        for (const k of Object.keys(mine[0]!)) figures[`${v ? `${v}_` : ''}median_${k}`] = median(k);
      }
      return figures;
    } finally {
      await app.close();
    }
  });
}
