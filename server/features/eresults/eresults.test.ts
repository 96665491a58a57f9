import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp } from '../../../tests/support/app';
import { ENGINES } from '../../../tests/support/database';
import { PDF } from '../../../tests/support/dossiers';
import { type Staff, dossierAt, uploadResult } from '../results/testing';

const AN = '031085012345';

/** Sends a file for verification, as anyone (no session). */
function verifyFile(t: TestApp, bytes: Buffer, opts: { contentType?: string } = {}) {
  const boundary = '----motcuaverify';
  const payload = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="kq.pdf"\r\nContent-Type: ${opts.contentType ?? 'application/pdf'}\r\n\r\n`), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return t.app.inject({ method: 'POST', url: '/api/v1/verify', payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
}

describe.each(ENGINES)('signed e-results and public verification (%s)', (engine) => {
  let t: TestApp;
  let s: Staff;
  let xa: Client;
  let an: Client;

  beforeAll(async () => {
    t = await createTestApp(engine);
    const [motcua, chuyenvien, lanhdao, motcuaXa] = await Promise.all(['motcua', 'chuyenvien', 'lanhdao', 'motcua.xa'].map((u) => t.login(u)));
    s = { motcua: motcua!, chuyenvien: chuyenvien!, lanhdao: lanhdao! };
    xa = motcuaXa!;
    an = await t.loginCitizen(AN);
  });
  afterAll(() => t.close());

  /** The e-result's row and its signed file, as the applicant downloads it. */
  const blob = async (code: string) => {
    const row = await t.database.db.selectFrom('eresults').selectAll().where('code', '=', code).executeTakeFirstOrThrow();
    const dossierCode = code.slice(0, code.lastIndexOf('-KQ'));
    const res = await an.get(`/api/v1/portal/dossiers/${dossierCode}/results/${row.result_id}`);
    if (res.statusCode !== 200) throw new Error(`download: ${res.body}`);
    return { row, bytes: (res as unknown as { rawPayload: Buffer }).rawPayload };
  };
  const attempts = () => t.database.db.selectFrom('eresult_verifications').selectAll().orderBy('at').execute();

  it('a result issued in a dossier verifies by code and by file; the applicant downloads that signed file', async () => {
    const d = await dossierAt(s, 'issued');
    const list = (await s.chuyenvien.get(`/api/v1/dossiers/${d.code}/eresults`)).json();
    expect(list.items).toHaveLength(1);
    const code = list.items[0].code as string;
    expect(code).toBe(`${d.code}-KQ1`);
    expect(list.items[0].status).toBe('valid');

    const byCode = await t.app.inject({ method: 'GET', url: `/api/v1/verify/${code.toLowerCase()}` });
    expect(byCode.statusCode, byCode.body).toBe(200);
    const answer = byCode.json();
    expect(answer).toMatchObject({ code, status: 'valid', holder: expect.stringMatching(/^N\*+ /), supersedes: null, supersededBy: null, revokedAt: null });
    expect(answer.issuer.code).toBe('000.01.03.H26');
    expect(answer.documentType).toContain('Kết quả giải quyết');
    expect(JSON.stringify(answer)).not.toContain(AN);

    // the applicant's list names the e-result, whose page the portal links to
    const mine = (await an.get(`/api/v1/portal/dossiers/${d.code}/results`)).json();
    expect(mine.files).toEqual([expect.objectContaining({ eresultCode: code })]);

    const { row, bytes } = await blob(code);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(row.sha256);
    expect(answer.sha256).toBe(row.sha256);
    expect(row.source_sha256).toBe(createHash('sha256').update(PDF).digest('hex'));
    const file = await verifyFile(t, bytes);
    expect(file.statusCode, file.body).toBe(200);
    expect(file.json()).toMatchObject({ signatureValid: true, intact: true, problem: null, sha256: row.sha256, result: { code, status: 'valid' } });
    expect(file.json().signer.serial).toBe(row.cert_serial);

    // the QR and the printed code lead to the verification page
    expect(bytes.toString('latin1')).toContain('/ByteRange');
    const log = await attempts();
    expect(log.slice(-2).map((a) => [a.kind, a.code, a.status])).toEqual([
      ['code', code, 'valid'],
      ['file', code, 'valid'],
    ]);
    const audit = await t.database.db.selectFrom('audit_events').select(['action', 'after']).where('entity_id', '=', d.id).where('action', '=', 'eresult.issued').execute();
    expect(audit).toHaveLength(1);

  });

  it('a copy with one byte changed fails verification, says why, and the attempt is logged', async () => {
    const d = await dossierAt(s, 'issued');
    const code = `${d.code}-KQ1`;
    const { bytes } = await blob(code);
    const text = bytes.toString('latin1');
    // a byte of the signed content (the page's text stream) and one inside the signature itself
    const contentsAt = text.lastIndexOf('/Contents <') + 40;
    for (const at of [Math.floor(bytes.length / 3), contentsAt]) {
      const bad = Buffer.from(bytes);
      bad[at] = (bad[at] ?? 0) ^ 0x20;
      const before = (await attempts()).length;
      const res = await verifyFile(t, bad);
      expect(res.statusCode, res.body).toBe(200);
      const answer = res.json();
      expect(answer.intact).toBe(false);
      expect(answer.signatureValid).toBe(false);
      expect(['content_modified', 'signature_invalid']).toContain(answer.problem);
      expect(answer.result).toBeNull();
      const log = await attempts();
      expect(log).toHaveLength(before + 1);
      expect(log.at(-1)).toMatchObject({ kind: 'file', status: 'not_intact', problem: answer.problem });
    }
    // the untouched result is still valid
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/verify/${code}` })).json().status).toBe('valid');

    // not a PDF, no file: clear refusals, logged
    const exe = await verifyFile(t, Buffer.from('MZ\x90\x00 not a pdf at all'));
    expect(exe.statusCode).toBe(415);
    expect(exe.json().error.code).toBe('VERIFY_FILE_NOT_PDF');
    expect((await attempts()).at(-1)).toMatchObject({ kind: 'file', status: 'refused', problem: 'not_pdf' });
    const json = await t.app.inject({ method: 'POST', url: '/api/v1/verify', payload: { file: 'x' } });
    expect(json.statusCode).toBe(415);
    expect((await attempts()).at(-1)).toMatchObject({ kind: 'file', status: 'refused', problem: 'not_multipart' });
    const unsigned = await verifyFile(t, PDF);
    expect(unsigned.json()).toMatchObject({ signatureValid: false, intact: false, problem: 'no_signature', result: null });
  });

  it('a re-issued result supersedes the old one, both linked; the old file still verifies as superseded', async () => {
    const d = await dossierAt(s, 'issued');
    const first = (await s.chuyenvien.get(`/api/v1/dossiers/${d.code}/results`)).json().files[0].id as string;
    // kept by the applicant before the correction
    const kept = (await blob(`${d.code}-KQ1`)).bytes;
    const again = await uploadResult(s.chuyenvien, d.code, PDF, { filename: 'ket-qua-dinh-chinh.pdf', supersedes: first });
    expect(again.statusCode, again.body).toBe(201);
    const old = await t.app.inject({ method: 'GET', url: `/api/v1/verify/${d.code}-KQ1` });
    expect(old.json()).toMatchObject({ status: 'superseded', supersededBy: `${d.code}-KQ2` });
    const fresh = await t.app.inject({ method: 'GET', url: `/api/v1/verify/${d.code}-KQ2` });
    expect(fresh.json()).toMatchObject({ status: 'valid', supersedes: `${d.code}-KQ1` });
    const oldFile = await verifyFile(t, kept);
    expect(oldFile.json()).toMatchObject({ signatureValid: true, intact: true, result: { status: 'superseded', supersededBy: `${d.code}-KQ2` } });
  });

  it('only a leader of the handling unit revokes, with a reason; a revoked result verifies as revoked', async () => {
    const d = await dossierAt(s, 'issued');
    const code = `${d.code}-KQ1`;
    const body = { reason: 'Cấp nhầm người nhận' };
    expect((await s.chuyenvien.post(`/api/v1/eresults/${code}/revoke`, body)).json().error.code).toBe('ERESULT_REVOKE_NOT_ALLOWED');
    expect((await xa.post(`/api/v1/eresults/${code}/revoke`, body)).json().error.code).toBe('FORBIDDEN_OUTSIDE_UNIT');
    expect((await an.post(`/api/v1/eresults/${code}/revoke`, body)).statusCode).toBeGreaterThanOrEqual(401);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/verify/${code}` })).json().status).toBe('valid');

    const revoked = await s.lanhdao.post(`/api/v1/eresults/${code}/revoke`, body);
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json().eresult).toMatchObject({ code, status: 'revoked', revokedReason: body.reason });
    const again = await s.lanhdao.post(`/api/v1/eresults/${code}/revoke`, body);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('ERESULT_ALREADY_REVOKED');
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/verify/${code}` })).json()).toMatchObject({ status: 'revoked', revokedReason: body.reason });
    const file = await verifyFile(t, (await blob(code)).bytes);
    expect(file.json()).toMatchObject({ signatureValid: true, intact: true, result: { status: 'revoked' } });
    const audit = await t.database.db.selectFrom('audit_events').select('action').where('entity_id', '=', d.id).where('action', '=', 'eresult.revoked').execute();
    expect(audit).toHaveLength(1);
  });

  it('an unknown or malformed code answers unknown, and is logged', async () => {
    for (const code of ['000.01.03.H26-261201-9999-KQ1', 'không-phải-mã']) {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/verify/${encodeURIComponent(code)}` });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ status: 'unknown', issuer: null, holder: null, sha256: null });
      expect((await attempts()).at(-1)).toMatchObject({ kind: 'code', status: 'unknown' });
    }
  });
});
