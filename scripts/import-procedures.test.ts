import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleProcedure } from '@core/catalogue/fixtures';
import { openDatabase } from '../server/db/database';
import { migrate } from '../server/db/migrate';
import { seedDemo } from '../server/seed/demo';

/**
 * The CLI end to end on an embedded database of its own (the import itself is tested on both
 * engines through the API; this checks the command: arguments, report, exit code, all or nothing).
 */
/** Each case starts the CLI two or three times (tsx start-up, embedded database open): a roomy ceiling, not a timing check. */
const CLI_TIMEOUT = 120_000;

describe('npm run import:procedures', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'motcua-cli-'));
  // The child uses the embedded database in `dir`, whatever database the suite itself runs on.
  const { DATABASE_URL: _omit, ...env } = process.env;
  const run = (...args: string[]) =>
    spawnSync(path.resolve('node_modules/.bin/tsx'), ['scripts/import-procedures.ts', ...args], {
      encoding: 'utf8',
      env: { ...env, DATA_DIR: dir, LOG_LEVEL: 'silent', NODE_ENV: 'development' },
    });
  const count = async () => {
    const d = await openDatabase({ dataDir: dir });
    const n = (await d.db.selectFrom('procedures').select('id').execute()).length;
    await d.close();
    return n;
  };

  beforeAll(async () => {
    const d = await openDatabase({ dataDir: dir });
    await migrate(d.db);
    await seedDemo(d.db);
    await d.close();
  }, CLI_TIMEOUT);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('imports a valid file and prints the report', async () => {
    const file = path.join(dir, 'ok.json');
    writeFileSync(file, JSON.stringify([sampleProcedure({ code: '1.044001', name: 'Thủ tục nhập bằng dòng lệnh' })]));
    const before = await count();
    const dry = run(file, '--dry-run');
    expect(dry.status, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('Chạy thử (không ghi): tạo mới 1, cập nhật 0, không đổi 0, lỗi 0');
    expect(await count()).toBe(before);
    const real = run(file);
    expect(real.status, real.stderr).toBe(0);
    expect(real.stdout).toContain('Đã ghi: tạo mới 1');
    expect(await count()).toBe(before + 1);
  }, CLI_TIMEOUT);

  it('lists every error with row, field and code, writes nothing and exits with 1', async () => {
    const file = path.join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify([sampleProcedure({ code: '1.044002' }), sampleProcedure({ code: '1.0440' }), sampleProcedure({ code: '1.044003', fees: [{ name: 'Phí', amount: -1, rule: null }] })]));
    const before = await count();
    const res = run(file, '--lang=en');
    expect(res.status).toBe(1);
    expect(res.stdout).toContain('lỗi 2');
    expect(res.stdout).toMatch(/dòng 2\tcode\tPROCEDURE_CODE_INVALID\tThe procedure code must look like N\.NNNNNN/);
    expect(res.stdout).toMatch(/dòng 3\tfees\.0\.amount\tPROCEDURE_FEE_NEGATIVE/);
    expect(await count()).toBe(before);
    expect(run().status).toBe(2);
  }, CLI_TIMEOUT);
});
