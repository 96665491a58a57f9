import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp } from '../../../tests/support/app';
import { ENGINES } from '../../../tests/support/database';
import { EXE, PDF, WARD_PROCEDURE, act, intakeFor } from '../../../tests/support/dossiers';
import { LocalBlobStore } from '../../blobs/local-store';
import { verifyAuditChains } from '../audit/verify';
import { procedureForIntake } from './commands';

/** A distinct complete PDF. */
const pdfNo = (n: number) => Buffer.concat([PDF.subarray(0, 9), Buffer.from(`% ${n}\n`), PDF.subarray(9)]);

/** The counter screen's one request: intake fields, files after their component ids, optionally the accept. */
function counter(client: Client, opts: { intake?: unknown; rawIntake?: string; files?: { componentId: string; bytes: Buffer }[]; accept?: unknown }) {
  const boundary = `----counter${Math.random().toString(16).slice(2)}`;
  const field = (name: string, value: string) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  const body = Buffer.concat([
    field('intake', opts.rawIntake ?? JSON.stringify(opts.intake ?? intakeFor())),
    ...(opts.accept === undefined ? [] : [field('accept', JSON.stringify(opts.accept))]),
    ...(opts.files ?? []).flatMap((f) => [
      field('componentId', f.componentId),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="scan.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
      f.bytes,
      Buffer.from('\r\n'),
    ]),
    Buffer.from(`--${boundary}--\r\n`),
  ]);
  return client.request({ method: 'POST', url: '/api/v1/dossiers', payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
}

describe.each(ENGINES)('counter intake in one request (%s)', (engine) => {
  let t: TestApp;
  let motcua: Client;
  let motcuaXa: Client;
  const blobDir = mkdtempSync(path.join(os.tmpdir(), 'motcua-counter-blobs-'));
  const count = async (table: 'dossiers' | 'dossier_files' | 'audit_events') => Number((await t.database.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  const eventsOf = async (id: string) => (await t.database.db.selectFrom('audit_events').select('action').where('entity_id', '=', id).orderBy('seq').execute()).map((e) => e.action);

  beforeAll(async () => {
    t = await createTestApp(engine, { env: { BLOB_DIR: blobDir } });
    [motcua, motcuaXa] = await Promise.all(['motcua', 'motcua.xa'].map((u) => t.login(u)));
  });
  afterAll(() => t.close());

  it('registers, attaches the scans and accepts: numbered, receipt issued, one audit event per step, chain intact', async () => {
    const res = await counter(motcua, { files: [{ componentId: '1', bytes: pdfNo(1) }, { componentId: '2', bytes: pdfNo(2) }], accept: { components: ['1', '2'] } });
    expect(res.statusCode, res.body).toBe(201);
    const { dossier, forms } = res.json();
    expect(forms).toEqual(['mau_01']);
    expect(dossier).toMatchObject({ status: 'accepted', syncCode: 2, version: 2, receivingUnitCode: '000.00.30.H26', procedureCode: '2.000488', channel: 'counter' });
    expect(dossier.code).toMatch(/^000\.00\.30\.H26-\d{6}-\d{4}$/);
    expect(dossier.files.map((f: { componentId: string }) => f.componentId).sort()).toEqual(['1', '2']);
    expect(dossier.forms).toContain('mau_01');
    expect(dossier.availableActions).toContain('hand_over');
    expect(await eventsOf(dossier.id)).toEqual(['dossier.created', 'dossier.files_attached', 'dossier.accept']);
    const page = (await motcua.get(`/api/v1/dossiers/${dossier.code}`)).json().dossier;
    expect(page).toMatchObject({ id: dossier.id, code: dossier.code, version: 2, files: dossier.files, dueAt: dossier.dueAt });
    const receipt = await motcua.get(`/api/v1/dossiers/${dossier.code}/forms/mau_01.pdf`);
    expect([receipt.statusCode, receipt.body.slice(0, 5)]).toEqual([200, '%PDF-']);
    expect((await verifyAuditChains(t.database.db)).ok).toBe(true);
    // the applicant hears of the receipt, as after an accept action: one notify job in the same commit
    const jobs = await t.database.db.selectFrom('jobs').select('payload').where('kind', '=', 'notify').execute();
    const received = jobs.map((j) => (typeof j.payload === 'string' ? JSON.parse(j.payload) : j.payload)).filter((p) => p.dossierId === dossier.id);
    expect(received).toEqual([expect.objectContaining({ event: 'received', data: expect.objectContaining({ code: dossier.code }) })]);
  });

  it('without the accept: a new dossier with its scans, accepted afterwards as an action', async () => {
    const res = await counter(motcua, { files: [{ componentId: '1', bytes: pdfNo(3) }] });
    expect(res.statusCode, res.body).toBe(201);
    const { dossier, forms } = res.json();
    expect([dossier.status, dossier.code, forms, dossier.files.length]).toEqual(['new', null, [], 1]);
    const accepted = await act(motcua, dossier.id, 'accept', 1, { components: ['1', '2'] });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(await eventsOf(dossier.id)).toEqual(['dossier.created', 'dossier.files_attached', 'dossier.accept']);
    const bare = await counter(motcua, {});
    expect([bare.statusCode, bare.json().dossier.files]).toEqual([201, []]);
    expect(await eventsOf(bare.json().dossier.id)).toEqual(['dossier.created']);
  });

  it('refused requests write nothing and keep no file', async () => {
    const before = [await count('dossiers'), await count('dossier_files'), await count('audit_events')];
    const kept = async (bytes: Buffer) => new LocalBlobStore(blobDir).has(createHash('sha256').update(bytes).digest('hex'));
    const missing = await counter(motcua, { files: [{ componentId: '1', bytes: pdfNo(10) }], accept: { components: ['1'] } });
    expect([missing.statusCode, missing.json().error.code]).toEqual([400, 'DOSSIER_COMPONENTS_MISSING']);
    expect(await kept(pdfNo(10))).toBe(false);
    const unknown = await counter(motcua, { files: [{ componentId: '9', bytes: pdfNo(11) }], accept: { components: ['1', '2'] } });
    expect(unknown.json().error.code).toBe('DOSSIER_COMPONENT_UNKNOWN');
    const exe = await counter(motcua, { files: [{ componentId: '1', bytes: pdfNo(12) }, { componentId: '2', bytes: EXE }], accept: { components: ['1', '2'] } });
    expect([exe.statusCode, exe.json().error.code]).toEqual([415, 'UPLOAD_TYPE_NOT_ALLOWED']);
    expect(await kept(pdfNo(12))).toBe(false);
    const elsewhere = await counter(motcuaXa, { files: [{ componentId: '1', bytes: pdfNo(13) }], accept: { components: ['1', '2'] } });
    expect([elsewhere.statusCode, elsewhere.json().error.code]).toEqual([400, 'DOSSIER_PROCEDURE_NOT_RECEIVED_HERE']);
    const cccd = await counter(motcua, { intake: intakeFor(undefined, '999012345678') });
    expect([cccd.statusCode, cccd.json().error.code, cccd.json().error.fields[0].field]).toEqual([400, 'IDENTITY_CCCD_INVALID', 'intake.applicant.idNumber']);
    expect((await counter(motcua, { rawIntake: '{not json' })).json().error.code).toBe('MALFORMED_JSON');
    expect((await counter(motcua, { intake: { ...intakeFor(), channel: 'fax' } })).json().error.code).toBe('VALIDATION_FAILED');
    expect((await counter(motcua, { accept: { components: 'all' } })).json().error.code).toBe('VALIDATION_FAILED');
    expect([await count('dossiers'), await count('dossier_files'), await count('audit_events')]).toEqual(before);
  });

  it('concurrent intakes of one unit: distinct gap-free codes, a refused one fails alone, the chain stays whole', async () => {
    const n = 30;
    const results = await Promise.all(
      Array.from({ length: n }, (_, i) => counter(motcuaXa, { intake: intakeFor(WARD_PROCEDURE), files: [{ componentId: '1', bytes: pdfNo(100 + i) }], accept: { components: i % 10 === 3 ? ['1'] : ['1', '2'] } })),
    );
    const refused = results.filter((r) => r.statusCode !== 201);
    expect(refused.map((r) => r.json().error.code)).toEqual(['DOSSIER_COMPONENTS_MISSING', 'DOSSIER_COMPONENTS_MISSING', 'DOSSIER_COMPONENTS_MISSING']);
    const codes = results.filter((r) => r.statusCode === 201).map((r) => r.json().dossier.code as string);
    expect(new Set(codes).size).toBe(n - 3);
    const byDay = new Map<string, number[]>();
    for (const c of codes) {
      const [, day, no] = c.split(/-(?=\d)/);
      byDay.set(day!, [...(byDay.get(day!) ?? []), Number(no)]);
    }
    for (const numbers of byDay.values()) expect(numbers.sort((a, b) => a - b)).toEqual(numbers.map((_, i) => i + 1));
    expect((await verifyAuditChains(t.database.db)).ok).toBe(true);
  });

  it('the unit must receive the procedure: listed receiving units, else the implementing units and the units inside them', async () => {
    const unit = async (code: string) => (await t.database.db.selectFrom('units').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
    const [centre, ward, division] = await Promise.all(['000.00.30.H26', '000.52.01.H26', '000.01.03.H26'].map(unit));
    const db = t.database.db;
    expect((await procedureForIntake(db, '2.000488', centre!)).unitCode).toBe('000.00.30.H26');
    await expect(procedureForIntake(db, '2.000488', ward!)).rejects.toMatchObject({ code: 'DOSSIER_PROCEDURE_NOT_RECEIVED_HERE' });
    await expect(procedureForIntake(db, WARD_PROCEDURE, centre!)).rejects.toMatchObject({ code: 'DOSSIER_PROCEDURE_NOT_RECEIVED_HERE' });
    expect((await procedureForIntake(db, WARD_PROCEDURE, ward!)).procedure.code).toBe(WARD_PROCEDURE);
    await expect(procedureForIntake(db, '9.999999', centre!)).rejects.toMatchObject({ code: 'DOSSIER_PROCEDURE_UNKNOWN' });
    // a version listing no receiving unit: the implementing department (Sở Tư pháp) receives, and so
    // does its division; the service centre no longer does
    await sql`DELETE FROM procedure_units WHERE role = 'receiving' AND version_id = (SELECT current_version_id FROM procedures WHERE code = '2.000488')`.execute(db);
    expect((await procedureForIntake(db, '2.000488', division!)).unitCode).toBe('000.01.03.H26');
    await expect(procedureForIntake(db, '2.000488', centre!)).rejects.toMatchObject({ code: 'DOSSIER_PROCEDURE_NOT_RECEIVED_HERE' });
  });
});
