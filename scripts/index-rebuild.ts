/**
 * `npm run index:rebuild [-- --check]`: recomputes the Decision 766 index's facts and counts from the
 * dossiers and everything they are derived from, compares them with the live figures and, unless
 * `--check`, replaces the live tables when they differ. Exit code 1 when they differed.
 */
import { loadConfig } from '../server/config/config';
import { openDatabase } from '../server/db/database';
import { migrate } from '../server/db/migrate';
import { rebuildIndex } from '../server/features/index/rebuild';

const checkOnly = process.argv.includes('--check');
const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
await migrate(database.db);
const report = await rebuildIndex(database.db, { checkOnly, onStep: (s) => process.stderr.write(`… ${s}\n`) });
await database.close();
const what = `${report.facts} facts, ${report.counts} count rows, ${(report.ms / 1000).toFixed(1)} s`;
if (report.differences === 0) {
  console.log(`index OK: the rebuild agrees exactly with the live figures (${what})`);
} else {
  console.error(`index DIFFERED: ${report.factDifferences} facts and ${report.countDifferences} count rows${report.replaced ? ' — replaced by the rebuild' : ' (check only, nothing changed)'} (${what})`);
  process.exit(1);
}
