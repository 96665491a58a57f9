/**
 * `npm run import:procedures -- <file> [--dry-run] [--lang=en]`: imports a catalogue file (.json,
 * .xlsx or .csv) into the configured database with the same checks and report as
 * `POST /api/v1/procedures/import`: all or nothing, every error listed. Exit code 1 when rejected.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import cliProgress from 'cli-progress';
import { loadConfig } from '../server/config/config';
import { openDatabase } from '../server/db/database';
import { migrate } from '../server/db/migrate';
import { importFile } from '../server/features/catalogue/import';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
const dryRun = args.includes('--dry-run');
const locale = args.includes('--lang=en') ? 'en' : 'vi';
if (!file) {
  console.error('Usage: npm run import:procedures -- <file.json|file.xlsx|file.csv> [--dry-run] [--lang=en]');
  process.exit(2);
}

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
const labels = { read: 'Đọc tệp', validate: 'Kiểm tra', write: 'Ghi dữ liệu', done: 'Xong' } as const;
const bar = new cliProgress.SingleBar({ format: '{stage} |{bar}| {value}/{total}', hideCursor: true }, cliProgress.Presets.shades_classic);
let exitCode = 0;
try {
  await migrate(database.db);
  bar.start(1, 0, { stage: labels.read });
  const actor = { kind: 'system' as const, id: null, name: `cli:${os.userInfo().username}` };
  const report = await importFile(
    { db: database.db, actor, requestId: `cli-${Date.now()}` },
    { name: path.basename(file), data: readFileSync(file) },
    {
      dryRun,
      locale,
      onProgress: (stage, done, total) => {
        bar.setTotal(Math.max(total, 1));
        bar.update(done, { stage: labels[stage] });
      },
    },
  );
  bar.stop();
  console.log(`${dryRun ? 'Chạy thử (không ghi)' : report.written ? 'Đã ghi' : 'Không ghi'}: tạo mới ${report.created}, cập nhật ${report.updated}, không đổi ${report.unchanged}, lỗi ${report.errors.length}`);
  for (const e of report.errors.slice(0, 200)) console.log(`  dòng ${e.row}\t${e.field}\t${e.code}\t${e.message}`);
  if (report.errors.length > 200) console.log(`  … và ${report.errors.length - 200} lỗi khác`);
  if (report.errors.length > 0) exitCode = 1;
} catch (err) {
  bar.stop();
  console.error(err instanceof Error ? err.message : err);
  exitCode = 1;
} finally {
  await database.close();
}
process.exit(exitCode);
