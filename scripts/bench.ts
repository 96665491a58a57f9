/**
 * `npm run bench <name>`: runs bench/<name>.ts, prints its figures and writes them to
 * bench-results/<name>.json. Benchmarks live here, never as timed assertions in tests.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// a benchmark's own flags (`--sizes 1000000`) and their values are not names
const names = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--'));
const available = readdirSync(path.resolve('bench'))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.replace(/\.ts$/, ''));
if (names.length === 0) {
  console.log(`Usage: npm run bench <name> [...]\nAvailable: ${available.join(', ')}`);
  process.exit(2);
}
for (const name of names) {
  if (!available.includes(name)) {
    console.error(`Unknown benchmark "${name}". Available: ${available.join(', ')}`);
    process.exit(2);
  }
  const mod = (await import(path.resolve('bench', `${name}.ts`))) as { default: () => Promise<Record<string, unknown>> };
  console.log(`# bench ${name}`);
  const figures = await mod.default();
  const result = { name, at: new Date().toISOString(), node: process.version, cpu: os.cpus()[0]?.model, figures };
  for (const [k, v] of Object.entries(figures)) console.log(`${k}: ${typeof v === 'number' ? v.toLocaleString('en-US') : JSON.stringify(v)}`);
  mkdirSync('bench-results', { recursive: true });
  const file = path.join('bench-results', `${name}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`written to ${file}`);
}
