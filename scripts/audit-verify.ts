/** `npm run audit:verify`: recomputes every audit hash chain and reports the first broken link (exit code 1 if any). */
import { loadConfig } from '../server/config/config';
import { openDatabase } from '../server/db/database';
import { verifyAuditChains } from '../server/features/audit/verify';

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
const report = await verifyAuditChains(database.db);
await database.close();
if (report.ok) {
  console.log(`audit OK: ${report.events} events in ${report.chains} chains, every link verified`);
} else {
  const b = report.firstBroken;
  console.error(`audit BROKEN: chain ${b?.chainKey} at seq ${b?.seq} (${b?.reason}); ${report.events} events verified before it`);
  process.exit(1);
}
