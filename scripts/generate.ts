/**
 * `npm run generate -- --dossiers N [--database-url URL] [--seed S] [--batch-size B] [--bulk]`: adds a realistic
 * synthetic history of N dossiers over the last 3 years to the configured database (or URL) for the
 * units and procedures it holds, then checks the index against a rebuild (docs/index.md, "Generator
 * and benchmark"). An empty database is first migrated and demo-seeded as `npm start` does.
 * --bulk (PostgreSQL superuser): the rows skip the triggers that keep the index live, and the
 * rebuild at the end recomputes it — about 10× faster for millions of rows; the index is stale meanwhile.
 */
import cliProgress from 'cli-progress';
import { loadConfig } from '../server/config/config';
import { openDatabase } from '../server/db/database';
import { generateHistory, historyShares } from '../server/features/index/generate';
import { rebuildIndex } from '../server/features/index/rebuild';
import { initialiseDatabase } from '../server/main';

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const dossiers = Number(opt('dossiers'));
const seed = opt('seed') === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(opt('seed'));
const batchSize = opt('batch-size') === undefined ? undefined : Number(opt('batch-size'));
if (!Number.isInteger(dossiers) || dossiers < 1 || !Number.isInteger(seed) || (batchSize !== undefined && (!Number.isInteger(batchSize) || batchSize < 1))) {
  console.error('Usage: npm run generate -- --dossiers N [--database-url postgres://…] [--seed S] [--batch-size B] [--bulk]');
  process.exit(2);
}

const bulk = args.includes('--bulk');
const url = opt('database-url');
const config = loadConfig(url ? { ...process.env, DATABASE_URL: url } : process.env);
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
const say = (m: string) => console.log(`[generate] ${m}`);
let exitCode = 0;
try {
  await initialiseDatabase(database, config, say);
  say(`${dossiers.toLocaleString('en-US')} history dossiers, seed ${seed} (${database.engine}${bulk ? ', bulk: index triggers off until the rebuild' : ''})`);
  const bar = new cliProgress.SingleBar(
    { format: 'Sinh lịch sử hồ sơ |{bar}| {percentage}% {value}/{total} — {eta_formatted}', hideCursor: true, noTTYOutput: true, notTTYSchedule: 5000 },
    cliProgress.Presets.shades_classic,
  );
  bar.start(dossiers, 0);
  const report = await generateHistory(database.db, { dossiers, seed, batchSize, bulk, onProgress: (done) => bar.update(done) });
  bar.stop();
  say(`batch ${report.batch}: ${report.dossiers.toLocaleString('en-US')} dossiers over ${report.pairs} unit × procedure pairs, ${report.from} … ${report.to}, in ${(report.ms / 1000).toFixed(1)} s (${Math.round(report.dossiers / (report.ms / 1000)).toLocaleString('en-US')} / s)`);
  const shares = await historyShares(database.db, report.batch);
  const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
  say(
    `shares: online ${pct(shares.onlineFirstYear)} → ${pct(shares.onlineLastYear)}, paid online ${pct(shares.paidOnlineFirstYear)} → ${pct(shares.paidOnlineLastYear)}, ` +
      `late ${pct(shares.late)}, open ${pct(shares.open)} (overdue ${pct(shares.openOverdue)}), supplemented ${pct(shares.supplemented)}, e-result ${pct(shares.eResult)}, ` +
      `digitised ${pct(shares.digitised)}, reused ${pct(shares.reused)}, synced ${pct(shares.synced)}, complaint ${pct(shares.complaint)}, rated ${pct(shares.rated)} (a 0: ${pct(shares.ratedZero)})`,
  );
  say(bulk ? 'rebuilding the index from the dossiers (npm run index:rebuild)' : 'checking the index against a rebuild from the dossiers (npm run index:rebuild)');
  const rebuilt = await rebuildIndex(database.db, { onStep: (s) => say(`  rebuild: ${s}`) });
  say(`index: ${rebuilt.facts.toLocaleString('en-US')} facts, ${rebuilt.counts.toLocaleString('en-US')} count rows, ${rebuilt.differences} differences${rebuilt.replaced ? ' (replaced)' : ''}, in ${(rebuilt.ms / 1000).toFixed(1)} s`);
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  exitCode = 1;
} finally {
  await database.close();
}
process.exit(exitCode);
