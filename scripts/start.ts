/**
 * `npm start`: builds the web client when it is missing or older than its sources, then starts
 * the server (embedded database by default). Progress is printed at each step.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

const built = path.resolve('web/dist/index.html');
const sources = [path.resolve('web/src'), path.resolve('core')];
const stale = !existsSync(built) || sources.some((s) => newestMtime(s) > statSync(built).mtimeMs);
if (stale) {
  process.stdout.write('[motcua] building the web client (first start only, a few seconds)\n');
  const r = spawnSync(process.execPath, [path.resolve('node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
// the PAYMENT SIMULATOR runs beside the app as its own process and stops with it (docs/portal.md, Payments)
const { loadConfig } = await import('../server/config/config');
let paymentSimulator: ChildProcess | null = null;
try {
  if (loadConfig().payment.simulator) {
    paymentSimulator = spawn(process.execPath, ['--import', 'tsx', path.resolve('server/sim/payment/main.ts')], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    process.once('exit', () => paymentSimulator?.kill());
  }
} catch {
  // a configuration error is reported by main() below
}
const { main } = await import('../server/main');
await main();
