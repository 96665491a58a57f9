import { setTimeout as sleep } from 'node:timers/promises';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, type TestResponse, createTestApp } from '../../../tests/support/app';
import { ENGINES } from '../../../tests/support/database';
import { PDF_PAGE } from '../warehouse/testing';
import type { LegacyImportTables } from './tables';

const HEADER = ['Tệp', 'Mã loại', 'Số', 'Cơ quan cấp', 'Ngày cấp', 'Ngày hết hạn', 'Loại chủ thể', 'Số định danh', 'Họ tên'];
const cccd = (i: number) => `00109${String(i).padStart(7, '0')}`;
const pdf = (i: number) => Buffer.concat([PDF_PAGE.subarray(0, 9), Buffer.from(`%api ${i}\n`, 'latin1'), PDF_PAGE.subarray(9)]);

/** 3 good rows, a missing scan (row 5) and a bad CCCD (row 6); the ZIP holds the scans. */
async function fixture() {
  const rows = [1, 2, 3].map((i) => [`scans/gks-${i}.pdf`, 'GKS', `${i}/1999`, 'UBND phường Bến Nghé', '15/03/1999', '', 'cá nhân', cccd(500 + i), `Nguyễn Văn ${i}`]);
  rows.push(['scans/khong-co.pdf', 'GKS', '4/1999', 'UBND phường Bến Nghé', '15/03/1999', '', 'cá nhân', cccd(504), 'Trần Thị Bốn']);
  rows.push(['scans/sai-cccd.pdf', 'GKS', '5/1999', 'UBND phường Bến Nghé', '15/03/1999', '', 'cá nhân', '12345', 'Lê Năm']);
  const manifest = Buffer.from(`\uFEFF${[HEADER, ...rows].map((r) => r.map((c) => `"${c}"`).join(',')).join('\r\n')}\r\n`);
  const zip = new JSZip();
  for (const i of [1, 2, 3]) zip.file(`scans/gks-${i}.pdf`, pdf(i));
  zip.file('scans/sai-cccd.pdf', pdf(5));
  return { manifest, zip: await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }) };
}

function uploadRun(client: Client, files: { manifest?: Buffer; manifestName?: string; zip?: Buffer }): Promise<TestResponse> {
  const boundary = `----legacy${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  if (files.manifest) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="manifest"; filename="${files.manifestName ?? 'danh-sach.csv'}"\r\nContent-Type: text/csv\r\n\r\n`), files.manifest, Buffer.from('\r\n'));
  if (files.zip) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="scans"; filename="ban-quet.zip"\r\nContent-Type: application/zip\r\n\r\n`), files.zip, Buffer.from('\r\n'));
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return client.request({ method: 'POST', url: '/api/v1/legacy-imports', payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
}

describe.each(ENGINES)('legacy import API (%s)', (engine) => {
  let t: TestApp;
  let motcua: Client;
  let xa: Client;
  let kiemsoat: Client;

  beforeAll(async () => {
    t = await createTestApp(engine);
    [motcua, xa, kiemsoat] = (await Promise.all(['motcua', 'motcua.xa', 'kiemsoat'].map((u) => t.login(u)))) as [Client, Client, Client];
  });
  afterAll(() => t.close());

  /** Polls the run until the background import has finished (bounded number of polls). */
  async function finished(runId: string) {
    for (let i = 0; i < 600; i++) {
      const res = await motcua.get(`/api/v1/legacy-imports/${runId}`);
      expect(res.statusCode, res.body).toBe(200);
      if (res.json().status !== 'running') return res.json();
      await sleep(25);
    }
    throw new Error(`run ${runId} did not finish`);
  }

  it('imports an uploaded manifest and ZIP in the background, reports progress and the failed rows, and resumes the same manifest', async () => {
    const f = await fixture();
    const started = await uploadRun(motcua, f);
    expect(started.statusCode, started.body).toBe(202);
    const { runId, resumed } = started.json();
    expect(resumed).toBe(false);
    const run = await finished(runId);
    expect(run).toMatchObject({ id: runId, status: 'finished', manifestName: 'danh-sach.csv', scansSource: 'ban-quet.zip', total: 5, done: 5, imported: 3, failed: 2, error: null });
    expect(run.finishedAt).not.toBeNull();
    const docs = await t.database.db.selectFrom('documents').select(['holder_id', 'source']).where('holder_id', 'in', [cccd(501), cccd(502), cccd(503)]).execute();
    expect(docs).toHaveLength(3);

    const report = await motcua.get(`/api/v1/legacy-imports/${runId}/errors.csv`);
    expect(report.statusCode).toBe(200);
    expect(report.headers['content-type']).toMatch(/^text\/csv/);
    const lines = report.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('row,file,error_code,error_detail');
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 3).join(','))).toEqual(['"5","scans/khong-co.pdf","missing_file"', '"6","scans/sai-cccd.pdf","bad_holder_number"']);

    const list = await motcua.get('/api/v1/legacy-imports');
    expect(list.statusCode).toBe(200);
    expect(list.json().runs.map((r: { id: string }) => r.id)).toContain(runId);

    // a run cut short (its failed rows not yet recorded): uploading the same manifest continues it
    const db = t.database.db.withTables<LegacyImportTables>();
    await db.updateTable('legacy_import_runs').set({ finished_at: null }).where('id', '=', runId).execute();
    await db.deleteFrom('legacy_import_rows').where('run_id', '=', runId).where('status', '=', 'failed').execute();
    expect((await motcua.get(`/api/v1/legacy-imports/${runId}`)).json()).toMatchObject({ status: 'interrupted', done: 3, total: null });
    const again = await uploadRun(motcua, f);
    expect(again.statusCode, again.body).toBe(202);
    expect(again.json()).toEqual({ runId, resumed: true });
    expect(await finished(runId)).toMatchObject({ status: 'finished', done: 5, imported: 3, failed: 2 });
    expect(await t.database.db.selectFrom('documents').select('id').where('holder_id', 'in', [cccd(501), cccd(502), cccd(503)]).execute()).toHaveLength(3);
  });

  it('refuses a missing or wrong file, another unit and a role without the warehouse permission', async () => {
    const f = await fixture();
    const noZip = await uploadRun(motcua, { manifest: f.manifest });
    expect(noZip.statusCode).toBe(400);
    expect(noZip.json().error.code).toBe('LEGACY_IMPORT_FILES_REQUIRED');
    const wrongType = await uploadRun(motcua, { manifest: f.manifest, manifestName: 'danh-sach.txt', zip: f.zip });
    expect(wrongType.json().error.code).toBe('LEGACY_IMPORT_FILES_REQUIRED');

    expect((await uploadRun(kiemsoat, f)).statusCode).toBe(403);
    expect((await kiemsoat.get('/api/v1/legacy-imports')).statusCode).toBe(403);

    const runs = (await motcua.get('/api/v1/legacy-imports')).json().runs as { id: string }[];
    expect(runs.length).toBeGreaterThan(0);
    const other = await xa.get(`/api/v1/legacy-imports/${runs[0]!.id}`);
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('FORBIDDEN_OUTSIDE_UNIT');
    expect((await xa.get(`/api/v1/legacy-imports/${runs[0]!.id}/errors.csv`)).statusCode).toBe(403);
    expect((await xa.get('/api/v1/legacy-imports')).json().runs).toEqual([]);
    expect((await motcua.get('/api/v1/legacy-imports/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });
});
