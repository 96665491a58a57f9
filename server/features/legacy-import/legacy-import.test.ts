import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, ENGINES } from '../../../tests/support/database';
import { LocalBlobStore } from '../../blobs/local-store';
import { type Database, openDatabase } from '../../db/database';
import { migrate } from '../../db/migrate';
import { PDF_PAGE } from '../warehouse/testing';
import { fieldOfHeader, readManifest } from './manifest';
import { type LegacyErrorCode, runLegacyImport } from './run';
import type { LegacyImportTables } from './tables';

const HEADER = ['Tệp', 'Mã loại', 'Số', 'Cơ quan cấp', 'Ngày cấp', 'Ngày hết hạn', 'Loại chủ thể', 'Số định danh', 'Họ tên'];
/** A valid CCCD per index: province 001, born 1990. */
const cccd = (i: number) => `00109${String(i).padStart(7, '0')}`;
/** A distinct complete one-page PDF per index. */
const pdf = (i: number) => Buffer.concat([PDF_PAGE.subarray(0, 9), Buffer.from(`%row ${i}\n`, 'latin1'), PDF_PAGE.subarray(9)]);

type Expected = { row: number; code: LegacyErrorCode | 'imported' };

/** 40 rows: 30 good, then missing files, bad CCCDs, duplicates, corrupt PDFs, an unknown type and a missing expiry. */
function fixture(dir: string, goodRows = 30) {
  const rows: string[][] = [];
  const files = new Map<string, Buffer>();
  const expected: Expected[] = [];
  const add = (cells: string[], code: Expected['code'], bytes?: Buffer) => {
    rows.push(cells);
    if (bytes) files.set(cells[0]!, bytes);
    expected.push({ row: rows.length + 1, code });
  };
  for (let i = 1; i <= goodRows; i++) add([`scans/gks-${i}.pdf`, 'GKS', `${i}/2001`, 'UBND phường Bến Nghé', '15/03/2001', '', 'cá nhân', cccd(i), `Nguyễn Văn ${i}`], 'imported', pdf(i));
  add(['scans/khong-co-1.pdf', 'GKS', '901/2001', 'UBND phường Bến Nghé', '2001-03-15', '', 'citizen', cccd(901), 'Trần Thị A'], 'missing_file');
  add(['scans/khong-co-2.pdf', 'GKS', '902/2001', 'UBND phường Bến Nghé', '2001-03-15', '', 'citizen', cccd(902), 'Trần Thị B'], 'missing_file');
  add(['scans/sai-cccd-1.pdf', 'GKS', '903/2001', 'UBND phường Bến Nghé', '2001-03-15', '', 'citizen', '999090000903', 'Lê C'], 'bad_holder_number', pdf(903));
  add(['scans/sai-cccd-2.pdf', 'GKS', '904/2001', 'UBND phường Bến Nghé', '2001-03-15', '', 'citizen', '12345', 'Lê D'], 'bad_holder_number', pdf(904));
  add(['scans/trung-1.pdf', 'GKS', '1/2001', 'UBND phường Bến Nghé', '15/03/2001', '', 'cá nhân', cccd(1), 'Nguyễn Văn 1'], 'duplicate', pdf(905));
  add(['scans/trung-2.pdf', 'GKS', '2/2001', 'UBND phường Bến Nghé', '15/03/2001', '', 'cá nhân', cccd(2), 'Nguyễn Văn 2'], 'duplicate', pdf(906));
  add(['scans/hong-1.pdf', 'GKS', '907/2001', 'UBND phường Bến Nghé', '2001-03-15', '', 'citizen', cccd(907), 'Phạm E'], 'unreadable_scan', pdf(907).subarray(0, 60));
  add(['scans/hong-2.pdf', 'GKS', '908/2001', 'UBND phường Bến Nghé', '2001-03-15', '', 'citizen', cccd(908), 'Phạm F'], 'unreadable_scan', Buffer.from('MZ not a pdf at all'));
  add(['scans/loai-la.pdf', 'XYZ', '909/2001', 'UBND phường Bến Nghé', '2001-03-15', '', 'citizen', cccd(909), 'Võ G'], 'unknown_type', pdf(909));
  add(['scans/thieu-han.pdf', 'GPLX', '910/2001', 'Sở GTVT', '2001-03-15', '', 'citizen', cccd(910), 'Võ H'], 'invalid_metadata', pdf(910));
  const csv = `\uFEFF${[HEADER, ...rows].map((r) => r.map((c) => `"${c}"`).join(',')).join('\r\n')}\r\n`;
  const manifest = path.join(dir, 'manifest.csv');
  writeFileSync(manifest, csv);
  const scans = path.join(dir, 'scan-folder');
  for (const [name, bytes] of files) {
    mkdirSync(path.dirname(path.join(scans, name)), { recursive: true });
    writeFileSync(path.join(scans, name), bytes);
  }
  return { manifest, scans, rows, files, expected };
}

const tables = (d: Database) => d.db.withTables<LegacyImportTables>();
const actor = { kind: 'system' as const, id: 'cli:test', name: 'cli:test' };

describe('legacy manifest', () => {
  it('maps Vietnamese and English headers to fields', () => {
    expect(HEADER.map(fieldOfHeader)).toEqual(['file', 'typeCode', 'number', 'issuer', 'issuedOn', 'expiresOn', 'holderKind', 'holderId', 'holderName']);
    expect(fieldOfHeader('Holder ID')).toBe('holderId');
    expect(fieldOfHeader('bogus')).toBeUndefined();
  });

  it('streams .xlsx rows with their sheet row numbers, dates as YYYY-MM-DD', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'motcua-legacy-x-'));
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('DS');
    ws.addRow(HEADER);
    ws.addRow(['a.pdf', 'GKS', '1', 'UBND', new Date(Date.UTC(2001, 2, 15)), null, 'cá nhân', cccd(1), 'A']);
    ws.addRow([]);
    ws.addRow(['b.pdf', 'GKS', '2', 'UBND', '15/03/2001', null, 'cá nhân', cccd(2), 'B']);
    const file = path.join(dir, 'm.xlsx');
    await wb.xlsx.writeFile(file);
    const rows = [];
    for await (const r of readManifest(file)) rows.push(r);
    expect(rows.map((r) => [r.rowNumber, r.cells.file, r.cells.issuedOn])).toEqual([
      [2, 'a.pdf', '2001-03-15'],
      [4, 'b.pdf', '15/03/2001'],
    ]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a manifest without the required columns', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'motcua-legacy-h-'));
    writeFileSync(path.join(dir, 'm.csv'), 'foo,bar\n1,2\n');
    await expect(async () => {
      for await (const _ of readManifest(path.join(dir, 'm.csv'))) void _;
    }).rejects.toThrow(/missing column/);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe.each(ENGINES)('legacy import (%s)', (engine) => {
  let database: Database;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'motcua-legacy-'));
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports the good rows of a 40-row manifest and records why each bad row failed; the same manifest again imports nothing twice', async () => {
    const f = fixture(dir);
    const blobs = new LocalBlobStore(path.join(dir, 'blobs'));
    const before = (await database.db.selectFrom('documents').select('id').execute()).length;
    const first = await runLegacyImport({ db: database.db, blobs, actor, requestId: 't1', manifest: f.manifest, scans: f.scans });
    expect(first).toMatchObject({ total: 40, imported: 30, failed: 10, skipped: 0, resumed: false });
    const outcomes = await tables(database).selectFrom('legacy_import_rows').selectAll().where('run_id', '=', first.runId).orderBy('row_number').execute();
    expect(outcomes.map((o) => ({ row: o.row_number, code: o.status === 'imported' ? 'imported' : o.error_code }))).toEqual(f.expected);
    const docs = await database.db.selectFrom('documents').selectAll().where('created_by', '=', 'cli:test').execute();
    expect(docs).toHaveLength(30);
    expect(docs.every((d) => d.source === 'digitised' && d.checked_at === null && d.mime === 'application/pdf' && d.pages === 1)).toBe(true);
    expect(new Set(outcomes.filter((o) => o.document_id).map((o) => o.document_id))).toEqual(new Set(docs.map((d) => d.id)));
    const audit = await database.db.selectFrom('audit_events').select('entity_id').where('action', '=', 'warehouse.legacy_imported').execute();
    expect(new Set(audit.map((a) => a.entity_id))).toEqual(new Set(docs.map((d) => d.id)));
    expect(await blobs.has(docs[0]!.sha256)).toBe(true);

    // the run is finished: the same manifest starts a new run, whose good rows are all duplicates now
    const again = await runLegacyImport({ db: database.db, blobs, actor, requestId: 't2', manifest: f.manifest, scans: f.scans });
    expect(again).toMatchObject({ imported: 0, resumed: false });
    expect(again.runId).not.toBe(first.runId);
    expect((await database.db.selectFrom('documents').select('id').execute()).length).toBe(before + 30);
  });

  it('reads the scans from a ZIP, entry by entry', async () => {
    const zdir = path.join(dir, 'zip');
    mkdirSync(zdir);
    const rows = [HEADER, ['a/x.pdf', 'GCNDKDN', 'DN-1', 'Sở KHĐT', '2010-01-02', '', 'tổ chức', '0100109106', 'Công ty A'], ['a/missing.pdf', 'GKS', 'Z-2', 'UBND', '2010-01-02', '', '', cccd(777), 'B']];
    // a blank line between rows still counts: row numbers are the file's line numbers
    writeFileSync(path.join(zdir, 'm.csv'), `${rows[0]!.join(',')}\n${rows[1]!.join(',')}\n\n${rows[2]!.join(',')}\n`);
    const zip = new JSZip();
    zip.file('a/x.pdf', pdf(5000));
    writeFileSync(path.join(zdir, 'scans.zip'), await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    const blobs = new LocalBlobStore(path.join(dir, 'blobs'));
    const summary = await runLegacyImport({ db: database.db, blobs, actor, requestId: 't3', manifest: path.join(zdir, 'm.csv'), scans: path.join(zdir, 'scans.zip') });
    expect(summary).toMatchObject({ imported: 1, failed: 1 });
    const doc = await database.db.selectFrom('documents').selectAll().where('number', '=', 'DN-1').executeTakeFirstOrThrow();
    expect(doc).toMatchObject({ holder_kind: 'organisation', holder_id: '0100109106', type_code: 'GCNDKDN' });
    const failed = await tables(database).selectFrom('legacy_import_rows').select(['row_number', 'error_code']).where('run_id', '=', summary.runId).where('status', '=', 'failed').execute();
    expect(failed).toEqual([{ row_number: 4, error_code: 'missing_file' }]);
  });
});

/** The CLI is started, killed and restarted several times (tsx start-up, embedded database): a roomy ceiling, not a timing check. */
const CLI_TIMEOUT = 240_000;

describe('npm run import:legacy survives a kill', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'motcua-legacy-kill-'));
  const { DATABASE_URL: _omit, ...env } = process.env;
  const cli = (extraEnv: Record<string, string>, f: { manifest: string; scans: string }) =>
    // node itself with tsx's loader, not the tsx wrapper: the wrapper runs the script in a child process,
    // which a SIGKILL of the wrapper would leave running (an orphan still writing the database)
    spawn(process.execPath, ['--import', 'tsx', 'scripts/import-legacy.ts', '--manifest', f.manifest, '--scans', f.scans], {
      env: { ...env, DATA_DIR: path.join(dir, 'data'), LOG_LEVEL: 'silent', NODE_ENV: 'development', LEGACY_IMPORT_TRACE: '1', ...extraEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  afterAll(() => rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }));

  it(
    'killed half-way (SIGKILL), re-run with the same manifest: every good row imported exactly once, nothing partial',
    async () => {
      const f = fixture(dir);
      const d0 = await openDatabase({ dataDir: path.join(dir, 'data') });
      await migrate(d0.db);
      await d0.close();

      // slow rows; kill once at least 8 rows have an outcome
      const child = cli({ LEGACY_IMPORT_ROW_DELAY_MS: '150' }, f);
      let outcomes = 0;
      let stderr = '';
      await new Promise<void>((resolve, reject) => {
        child.stderr.on('data', (c: Buffer) => {
          stderr += c.toString();
          outcomes = (stderr.match(/^row \d+ /gm) ?? []).length;
          if (outcomes >= 8 && child.exitCode === null && !child.killed) child.kill('SIGKILL');
        });
        child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`exited ${code} before the kill: ${stderr}`))));
      });
      expect(outcomes).toBeGreaterThanOrEqual(8);
      expect(outcomes).toBeLessThan(40);

      const second = cli({}, f);
      let out = '';
      second.stdout.on('data', (c: Buffer) => {
        out += c.toString();
      });
      const code = await new Promise<number | null>((resolve) => second.on('exit', (c) => resolve(c)));
      expect(code).toBe(1); // some rows fail by design
      expect(out).toMatch(/Tiếp tục/);
      // the rows done before the kill are skipped, not redone
      expect(Number(/đã xử lý trước (\d+)/.exec(out)?.[1])).toBeGreaterThanOrEqual(8);

      const d = await openDatabase({ dataDir: path.join(dir, 'data') });
      try {
        const runs = await d.db.withTables<LegacyImportTables>().selectFrom('legacy_import_runs').selectAll().execute();
        expect(runs).toHaveLength(1);
        expect(runs[0]!.finished_at).not.toBeNull();
        const rows = await d.db.withTables<LegacyImportTables>().selectFrom('legacy_import_rows').selectAll().orderBy('row_number').execute();
        expect(rows.map((r) => ({ row: r.row_number, code: r.status === 'imported' ? 'imported' : r.error_code }))).toEqual(f.expected);
        const docs = await d.db.selectFrom('documents').select(['id', 'holder_id', 'number']).execute();
        expect(docs).toHaveLength(30);
        // exactly once: one document per good row, every document has its outcome and vice versa
        expect(new Set(docs.map((x) => `${x.holder_id}/${x.number}`)).size).toBe(30);
        expect(new Set(rows.filter((r) => r.document_id).map((r) => r.document_id))).toEqual(new Set(docs.map((x) => x.id)));
        const report = readFileSync(path.join(dir, 'manifest.errors.csv'), 'utf8');
        expect(report.trim().split('\r\n')).toHaveLength(11);
        expect(report).toMatch(/"missing_file"/);
      } finally {
        await d.close();
      }
    },
    CLI_TIMEOUT,
  );
});
