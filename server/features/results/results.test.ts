import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp } from '../../../tests/support/app';
import { ENGINES } from '../../../tests/support/database';
import { EXE, PDF, act } from '../../../tests/support/dossiers';
import { type Staff, dossierAt, uploadResult } from './testing';

/** A complete PNG (1×1): a real image, but not a PDF. */
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082', 'hex');
const AN = '031085012345';
const BINH = '031192004567';

describe.each(ENGINES)('result documents (%s)', (engine) => {
  let t: TestApp;
  let s: Staff;
  let xa: Client;
  let an: Client;
  let binh: Client;

  beforeAll(async () => {
    t = await createTestApp(engine);
    const [motcua, chuyenvien, lanhdao, motcuaXa] = await Promise.all(['motcua', 'chuyenvien', 'lanhdao', 'motcua.xa'].map((u) => t.login(u)));
    s = { motcua: motcua!, chuyenvien: chuyenvien!, lanhdao: lanhdao! };
    xa = motcuaXa!;
    an = await t.loginCitizen(AN);
    binh = await t.loginCitizen(BINH);
  });
  afterAll(() => t.close());

  const resultRows = (dossierId: string) => t.database.db.selectFrom('dossier_results').selectAll().where('dossier_id', '=', dossierId).execute();

  it('refuses anything that is not a PDF by its content, whatever its name, and keeps nothing', async () => {
    const d = await dossierAt(s, 'approved');
    const exe = await uploadResult(s.chuyenvien, d.code, EXE, { filename: 'ket-qua.pdf' });
    expect(exe.statusCode, exe.body).toBe(415);
    expect(exe.json().error.code).toBe('RESULT_FILE_NOT_PDF');
    expect(exe.json().error.message).toContain('PDF');
    const png = await uploadResult(s.chuyenvien, d.code, PNG, { filename: 'ket-qua.pdf' });
    expect(png.json().error.code).toBe('RESULT_FILE_NOT_PDF');
    const truncated = await uploadResult(s.chuyenvien, d.code, PDF.subarray(0, 30));
    expect(truncated.json().error.code).toBe('UPLOAD_CORRUPT');
    expect(await resultRows(d.id)).toEqual([]);
    const audit = await t.database.db.selectFrom('audit_events').select('action').where('entity_id', '=', d.id).where('action', '=', 'dossier.result_uploaded').execute();
    expect(audit).toEqual([]);

    // a PDF is a PDF even when named otherwise
    const ok = await uploadResult(s.chuyenvien, d.code, PDF, { filename: 'Kết quả.png' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().file).toMatchObject({ filename: 'Kết quả.png', size: PDF.length, supersededAt: null, uploadedBy: s.chuyenvien.me.user.id });
    expect(await resultRows(d.id)).toHaveLength(1);
  });

  it('answers in English when asked', async () => {
    const d = await dossierAt(s, 'approved');
    const boundary = '----motcuaen';
    const body = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n`), EXE, Buffer.from(`\r\n--${boundary}--\r\n`)]);
    const res = await s.chuyenvien.request({ method: 'POST', url: `/api/v1/dossiers/${d.code}/results`, payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'accept-language': 'en' } });
    expect(res.json().error).toMatchObject({ code: 'RESULT_FILE_NOT_PDF', message: 'The result must be a PDF file (the file content is not a PDF).' });
    const empty = await s.chuyenvien.request({ method: 'POST', url: `/api/v1/dossiers/${d.code}/results`, payload: Buffer.from(`--${boundary}--\r\n`), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
    expect(empty.json().error.code).toBe('RESULT_FILE_REQUIRED');
  });

  it('only those who may issue the result upload it, inside their unit, between approval and return', async () => {
    const d = await dossierAt(s, 'approved');
    expect((await uploadResult(s.motcua, d.code, PDF)).json().error.code).toBe('DOSSIER_ROLE_NOT_ALLOWED');
    expect((await uploadResult(xa, d.code, PDF)).json().error.code).toBe('FORBIDDEN_OUTSIDE_UNIT');
    const early = await dossierAt(s, 'accepted');
    // the specialist cannot even see a dossier still at the service centre
    expect((await uploadResult(s.chuyenvien, early.code, PDF)).json().error.code).toBe('FORBIDDEN_OUTSIDE_UNIT');
    const returned = await dossierAt(s, 'returned');
    const late = await uploadResult(s.chuyenvien, returned.code, PDF);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('RESULT_UPLOAD_NOT_ALLOWED');
    const list = (await s.chuyenvien.get(`/api/v1/dossiers/${returned.code}/results`)).json();
    expect(list.canUpload).toBe(false);
    expect(list.files).toHaveLength(1);
    expect(list.people).toEqual({ [s.chuyenvien.me.user.id]: s.chuyenvien.me.user.fullName });
    expect((await s.chuyenvien.get(`/api/v1/dossiers/${d.code}/results`)).json().canUpload).toBe(true);
    expect((await s.motcua.get(`/api/v1/dossiers/${d.code}/results`)).json().canUpload).toBe(false);
    expect((await xa.get(`/api/v1/dossiers/${d.code}/results`)).json().error.code).toBe('FORBIDDEN_OUTSIDE_UNIT');
  });

  it('an online return needs a result document; uploading one after the issue tells the applicant', async () => {
    let d = await dossierAt(s, 'approved');
    const issued = await act(s.chuyenvien, d.code, 'issue_result', d.version, { eResult: true });
    expect(issued.statusCode, issued.body).toBe(200);
    d = issued.json().dossier;
    const refused = await act(s.motcua, d.code, 'return_result', d.version, { method: 'online' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('RESULT_FILE_MISSING_FOR_ONLINE_RETURN');
    expect((await s.motcua.get(`/api/v1/dossiers/${d.code}`)).json().dossier).toMatchObject({ status: 'processed', version: d.version });
    // the workflow's own answers come first: a counter return needs who collected it, not a file
    expect((await act(s.motcua, d.code, 'return_result', d.version, { method: 'counter' })).json().error.code).toBe('DOSSIER_RETURN_DETAILS_REQUIRED');
    expect((await act(s.chuyenvien, d.code, 'return_result', d.version, { method: 'online' })).json().error.code).toBe('DOSSIER_ROLE_NOT_ALLOWED');

    const up = await uploadResult(s.chuyenvien, d.code, PDF);
    expect(up.statusCode, up.body).toBe(201);
    const jobs = await t.database.db.selectFrom('jobs').select('payload').where('kind', '=', 'notify').execute();
    expect(jobs.map((j) => j.payload)).toContainEqual(expect.objectContaining({ event: 'result_ready', dossierId: d.id }));
    const returned = await act(s.motcua, d.code, 'return_result', d.version, { method: 'online' });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json().dossier.status).toBe('returned');
  });

  it('the applicant downloads the result only once issued online, and every download is logged', async () => {
    const d = await dossierAt(s, 'approved');
    const up = await uploadResult(s.chuyenvien, d.code, PDF, { filename: 'Phiếu LLTP.pdf' });
    const fileId = up.json().file.id as string;
    expect((await an.get(`/api/v1/portal/dossiers/${d.code}/results`)).json()).toEqual({ available: false, files: [] });
    const early = await an.get(`/api/v1/portal/dossiers/${d.code}/results/${fileId}`);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('RESULT_NOT_AVAILABLE');

    const issued = await act(s.chuyenvien, d.code, 'issue_result', d.version, { eResult: true });
    expect(issued.statusCode, issued.body).toBe(200);
    const list = (await an.get(`/api/v1/portal/dossiers/${d.code}/results`)).json();
    expect(list).toMatchObject({ available: true, files: [{ id: fileId, filename: 'Phiếu LLTP.pdf', size: PDF.length }] });
    const pdf = await an.get(`/api/v1/portal/dossiers/${d.code}/results/${fileId}`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    // the applicant receives the signed e-result made of the upload (docs/results.md)
    const eresult = await t.database.db.selectFrom('eresults').selectAll().where('result_id', '=', fileId).executeTakeFirstOrThrow();
    expect(pdf.headers['content-disposition']).toContain(`filename="${eresult.code}.pdf"`);
    const received = (pdf as unknown as { rawPayload: Buffer }).rawPayload;
    expect(received.length).toBe(eresult.size);
    expect(received.subarray(0, 5).toString()).toBe('%PDF-');
    expect(received.toString('latin1')).toContain('/ByteRange');
    await an.get(`/api/v1/portal/dossiers/${d.code}/results/${fileId}`);
    const log = await t.database.db.selectFrom('dossier_result_downloads').innerJoin('citizens', 'citizens.id', 'dossier_result_downloads.citizen_id').select(['result_id', 'citizens.id_number', 'downloaded_at']).where('dossier_id', '=', d.id).execute();
    expect(log).toHaveLength(2);
    expect(log[0]).toMatchObject({ result_id: fileId, id_number: AN });
    expect(log[0]!.downloaded_at).toBeInstanceOf(Date);

    // staff download it too (not logged as an applicant's)
    const staff = await s.motcua.get(`/api/v1/dossiers/${d.code}/results/${fileId}`);
    expect(staff.statusCode).toBe(200);
    expect(await t.database.db.selectFrom('dossier_result_downloads').select('id').where('dossier_id', '=', d.id).execute()).toHaveLength(2);
  });

  it('a result sent by post shows the applicant when it went and the postal item number', async () => {
    const d = await dossierAt(s, 'returned', { returnMethod: 'post' });
    const page = await an.get(`/api/v1/portal/dossiers/${d.code}`);
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json()).toMatchObject({ status: 'returned', returnMethod: 'post', returned: { method: 'post', trackingNumber: 'EMS123' } });
    // the result itself is not offered online: it went on paper
    expect((await an.get(`/api/v1/portal/dossiers/${d.code}/results`)).json()).toEqual({ available: false, files: [] });
  });

  it('another citizen gets 404 for the results of a dossier that is not theirs', async () => {
    const d = await dossierAt(s, 'issued');
    const fileId = (await s.chuyenvien.get(`/api/v1/dossiers/${d.code}/results`)).json().files[0].id as string;
    expect((await an.get(`/api/v1/portal/dossiers/${d.code}/results/${fileId}`)).statusCode).toBe(200);
    for (const url of [`/api/v1/portal/dossiers/${d.code}/results`, `/api/v1/portal/dossiers/${d.code}/results/${fileId}`, `/api/v1/portal/dossiers/${d.id}/results/${fileId}`]) {
      const res = await binh.get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    }
    // a file id of another dossier under one's own dossier is not found either
    const mine = await dossierAt(s, 'issued', { idNumber: BINH });
    expect((await binh.get(`/api/v1/portal/dossiers/${mine.code}/results/${fileId}`)).json().error.code).toBe('NOT_FOUND');
    expect((await binh.get(`/api/v1/portal/dossiers/${mine.code}/results`)).json().files).toHaveLength(1);
    expect(await t.database.db.selectFrom('dossier_result_downloads').select('id').where('dossier_id', '=', d.id).execute()).toHaveLength(1);
  });

  it('a replaced document stays for staff, marked superseded, and is no longer offered to the applicant', async () => {
    const d = await dossierAt(s, 'issued');
    const first = (await s.chuyenvien.get(`/api/v1/dossiers/${d.code}/results`)).json().files[0].id as string;
    expect((await uploadResult(s.chuyenvien, d.code, PDF, { supersedes: '00000000-0000-4000-8000-000000000000' })).json().error.code).toBe('RESULT_SUPERSEDED_UNKNOWN');
    expect(await resultRows(d.id)).toHaveLength(1);
    const second = await uploadResult(s.chuyenvien, d.code, Buffer.concat([PDF, Buffer.from('% v2\n%%EOF\n')]), { supersedes: first, filename: 'v2.pdf' });
    expect(second.statusCode, second.body).toBe(201);
    const files = (await s.chuyenvien.get(`/api/v1/dossiers/${d.code}/results`)).json().files;
    expect(files.map((f: { filename: string }) => f.filename)).toEqual(['v2.pdf', 'ket-qua.pdf']);
    expect(files[1]).toMatchObject({ id: first, supersededBy: second.json().file.id });
    expect((await an.get(`/api/v1/portal/dossiers/${d.code}/results`)).json().files.map((f: { id: string }) => f.id)).toEqual([second.json().file.id]);
    expect((await an.get(`/api/v1/portal/dossiers/${d.code}/results/${first}`)).json().error.code).toBe('NOT_FOUND');
    // replacing it again is refused: it is no longer current
    expect((await uploadResult(s.chuyenvien, d.code, PDF, { supersedes: first })).json().error.code).toBe('RESULT_SUPERSEDED_UNKNOWN');
  });

  it('a result returned at the counter or by post is never offered online', async () => {
    const d = await dossierAt(s, 'returned', { returnMethod: 'counter' });
    expect((await an.get(`/api/v1/portal/dossiers/${d.code}/results`)).json()).toEqual({ available: false, files: [] });
    expect((await an.get(`/api/v1/portal/dossiers/${d.code}/results/00000000-0000-4000-8000-000000000000`)).json().error.code).toBe('RESULT_NOT_AVAILABLE');
  });
});
