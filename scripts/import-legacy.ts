/**
 * `npm run import:legacy -- --manifest <file.csv|xlsx> --scans <dir|file.zip> [--unit <code>] [--resume <runId>]`:
 * bulk digitisation of legacy results still in force (docs/warehouse.md, "Legacy import"). Each row
 * is all or nothing; re-running the same manifest continues the unfinished run. The failed rows are
 * written to `<manifest>.errors.csv` next to the manifest. Exit code 1 when some row failed.
 * Test hook: LEGACY_IMPORT_ROW_DELAY_MS slows each row; LEGACY_IMPORT_TRACE=1 prints each outcome.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import cliProgress from 'cli-progress';
import { blobStoreFrom } from '../server/blobs/open';
import { loadConfig } from '../server/config/config';
import { openDatabase } from '../server/db/database';
import { migrate } from '../server/db/migrate';
import { errorReportCsv, failedRows, runLegacyImport } from '../server/features/legacy-import/run';

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const manifest = opt('manifest');
const scans = opt('scans');
if (!manifest || !scans) {
  console.error('Usage: npm run import:legacy -- --manifest <file.csv|file.xlsx> --scans <dir|file.zip> [--unit <code>] [--resume <runId>]');
  process.exit(2);
}

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
const trace = process.env.LEGACY_IMPORT_TRACE === '1';
const bar = new cliProgress.SingleBar({ format: 'Nhập hồ sơ cũ |{bar}| {value}/{total} — lỗi {failed}', hideCursor: true, noTTYOutput: false }, cliProgress.Presets.shades_classic);
let exitCode = 0;
try {
  await migrate(database.db);
  const unitCode = opt('unit');
  let unitId: string | null = null;
  if (unitCode) {
    const unit = await database.db.selectFrom('units').select('id').where('code', '=', unitCode).executeTakeFirst();
    if (!unit) throw new Error(`Không có đơn vị / no unit ${unitCode}`);
    unitId = unit.id;
  }
  const who = `cli:${os.userInfo().username}`;
  let failed = 0;
  let started = false;
  const summary = await runLegacyImport({
    db: database.db,
    blobs: blobStoreFrom(config),
    actor: { kind: 'system', id: who, name: who },
    requestId: `cli-legacy-${Date.now()}`,
    manifest: path.resolve(manifest),
    scans: path.resolve(scans),
    unitId,
    resumeRunId: opt('resume'),
    rowDelayMs: Number(process.env.LEGACY_IMPORT_ROW_DELAY_MS ?? 0) || undefined,
    onProgress: (done, total, last) => {
      if (last.status === 'failed') failed++;
      if (trace) console.error(`row ${last.rowNumber} ${last.status}${last.errorCode ? ` ${last.errorCode}` : ''}`);
      if (!started) {
        bar.start(total, 0, { failed });
        started = true;
      }
      bar.update(done, { failed });
    },
  });
  bar.stop();
  const errors = await failedRows(database.db, summary.runId);
  const report = path.join(path.dirname(path.resolve(manifest)), `${path.basename(manifest).replace(/\.(csv|xlsx)$/i, '')}.errors.csv`);
  writeFileSync(report, errorReportCsv(errors));
  console.log(
    `${summary.resumed ? 'Tiếp tục' : 'Bắt đầu'} lượt ${summary.runId}: ${summary.total} dòng — nhập ${summary.imported}, lỗi ${summary.failed}, đã xử lý trước ${summary.skipped}. Báo cáo lỗi: ${report}`,
  );
  for (const e of errors.slice(0, 50)) console.log(`  dòng ${e.row_number}\t${e.file}\t${e.error_code}\t${e.error_detail ?? ''}`);
  if (errors.length > 50) console.log(`  … và ${errors.length - 50} lỗi khác`);
  if (errors.length > 0) exitCode = 1;
} catch (err) {
  bar.stop();
  console.error(err instanceof Error ? err.message : err);
  exitCode = 1;
} finally {
  await database.close();
}
process.exit(exitCode);
