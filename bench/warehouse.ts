/**
 * `npm run bench warehouse`: the legacy import (docs/warehouse.md, "Legacy import") on PGlite in
 * memory, with 200 KB PDF scans in a folder and in a ZIP: rows per second, and the process's peak
 * RSS after a run of N rows and of 4 N rows — streaming keeps it flat with the file count (PGlite
 * runs in this process, so its WebAssembly memory, which grows with the data, counts too).
 * Then the e-results (docs/results.md): N_ERESULTS pages rendered and signed with a unit key of a
 * generated CA, each signed PDF checked by the app's verifier — e-results per second.
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { LocalBlobStore } from '../server/blobs/local-store';
import { openDatabase } from '../server/db/database';
import { migrate } from '../server/db/migrate';
import { SigningAuthority } from '../server/features/eresults/ca';
import { renderEresult, signPdf } from '../server/features/eresults/pdf';
import { checkSignature } from '../server/features/eresults/signature';
import { runLegacyImport } from '../server/features/legacy-import/run';

const SCAN_BYTES = 200 * 1024;
const N = 250;
const N_ERESULTS = 200;

/** A complete one-page PDF of about 200 KB (an incompressible comment as padding). */
const PAD = randomBytes(SCAN_BYTES).toString('base64').slice(0, SCAN_BYTES).replace(/(.{76})/g, '%$1\n');
function scan(i: number): Buffer {
  const pad = PAD;
  return Buffer.from(`%PDF-1.4\n%${i}\n${pad}\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`, 'latin1');
}

/** A ZIP of the files of a folder, stored (method 0), written one file at a time. */
function writeStoredZip(file: string, folder: string) {
  const fd = openSync(file, 'w');
  const central: Buffer[] = [];
  let offset = 0;
  const names = readdirSync(folder);
  for (const name of names) {
    const data = readFileSync(path.join(folder, name));
    const n = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(n.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(n.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, n);
    for (const b of [local, n, data]) writeSync(fd, b);
    offset += 30 + n.length + data.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(names.length, 8);
  end.writeUInt16LE(names.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  writeSync(fd, dir);
  writeSync(fd, end);
  closeSync(fd);
}

const cccd = (i: number) => `00109${String(i).padStart(7, '0')}`;

async function prepare(dir: string, rows: number, offset: number, zip: boolean) {
  const folder = path.join(dir, 'scans');
  mkdirSync(folder, { recursive: true });
  const lines = ['Tệp,Mã loại,Số,Cơ quan cấp,Ngày cấp,Ngày hết hạn,Loại chủ thể,Số định danh,Họ tên'];
  for (let i = offset; i < offset + rows; i++) {
    const name = `s-${i}.pdf`;
    writeFileSync(path.join(folder, name), scan(i));
    lines.push(`${name},GKS,${i}/2001,UBND phường Bến Nghé,15/03/2001,,cá nhân,${cccd(i)},Nguyễn Văn ${i}`);
  }
  const manifest = path.join(dir, `m-${offset}.csv`);
  writeFileSync(manifest, `${lines.join('\n')}\n`);
  if (!zip) return { manifest, scans: folder };
  // the ZIP is written file by file from the folder (stored, no compression), so preparing it does not raise the peak
  const file = path.join(dir, `scans-${offset}.zip`);
  writeStoredZip(file, folder);
  rmSync(folder, { recursive: true, force: true });
  return { manifest, scans: file };
}

export default async function bench(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-legacy-'));
  const database = await openDatabase({ dataDir: null });
  await migrate(database.db);
  const blobs = new LocalBlobStore(path.join(dir, 'blobs'));
  const actor = { kind: 'system' as const, id: 'bench', name: 'bench' };
  const rssMb = () => Math.round(process.memoryUsage().rss / 1024 / 1024);
  // the peak so far (PGlite start-up and migrations): the import's own peak shows only where it exceeds it
  const figures: Record<string, unknown> = { scanKb: SCAN_BYTES / 1024, rssBeforeMb: rssMb(), peakRssBeforeMb: Math.round(process.resourceUsage().maxRSS / 1024) };
  try {
    let offset = 1;
    for (const [label, rows, zip] of [
      ['folder', N, false],
      ['folder', 4 * N, false],
      ['zip', 4 * N, true],
    ] as const) {
      const input = await prepare(path.join(dir, `${label}-${rows}`), rows, offset, zip);
      offset += rows;
      const t0 = performance.now();
      const summary = await runLegacyImport({ db: database.db, blobs, actor, requestId: 'bench', ...input });
      const seconds = (performance.now() - t0) / 1000;
      if (summary.imported !== rows) throw new Error(`bench: ${summary.imported} of ${rows} imported (${summary.failed} failed)`);
      figures[`${label}_${rows}_rowsPerSecond`] = Math.round(rows / seconds);
      figures[`${label}_${rows}_peakRssMb`] = Math.round(process.resourceUsage().maxRSS / 1024);
      figures[`${label}_${rows}_rssAfterMb`] = rssMb();
    }
    Object.assign(figures, await eresults(path.join(dir, 'ca')));
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}

/** Signing (render the e-result page + sign) and verification (the app's verifier) of N_ERESULTS e-results, each timed apart. */
async function eresults(caDir: string): Promise<Record<string, number>> {
  const ca = new SigningAuthority({ caDir, caP12: null, unitP12Dir: null, verifyRateLimit: 60 });
  const issuer = { code: '000.01.03.H26', name: 'Phòng Hành chính tư pháp' };
  const signer = ca.unit(issuer); // the CA and the unit key are made here, outside the timings
  const caCert = ca.authority().cert;
  const source = scan(0);
  const sha256 = createHash('sha256').update(source).digest('hex');
  const signed: Buffer[] = [];
  const t0 = performance.now();
  for (let i = 0; i < N_ERESULTS; i++) {
    const code = `B-${i}-KQ1`;
    const pdf = await renderEresult({
      code,
      verifyUrl: `http://localhost/xac-minh/${code}`,
      issuer,
      dossierCode: `B-${i}`,
      documentType: 'Phiếu lý lịch tư pháp',
      holderMasked: 'N***** V** A*',
      issuedAt: Date.now(),
      source: { sha256, filename: 'ket-qua.pdf', bytes: source },
      supersedes: null,
    });
    signed.push(await signPdf(pdf, signer, { reason: code, location: 'Hải Phòng', at: new Date() }));
  }
  const t1 = performance.now();
  for (const pdf of signed) {
    const check = checkSignature(pdf, caCert);
    if (!check.ok) throw new Error(`bench: the verifier refused a signed e-result (${check.problem})`);
  }
  const t2 = performance.now();
  const perSecond = (ms: number) => Math.round((N_ERESULTS / (ms / 1000)) * 10) / 10;
  return {
    eresults: N_ERESULTS,
    eresult_signing_perSecond: perSecond(t1 - t0),
    eresult_verification_perSecond: perSecond(t2 - t1),
    eresult_signPlusVerify_perSecond: perSecond(t2 - t0),
  };
}
