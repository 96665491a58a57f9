import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleProcedure } from '@core/catalogue/fixtures';
import { type Client, type TestApp, type TestResponse, createTestApp } from '../../../tests/support/app';
import { ENGINES } from '../../../tests/support/database';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

function upload(filename: string, content: Buffer | string) {
  const boundary = '----motcuaFormBoundary';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  return { payload: Buffer.concat([head, Buffer.from(content), Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const raw = (res: TestResponse) => (res as unknown as { rawPayload: Buffer }).rawPayload;

describe.each(ENGINES)('component form templates (%s)', (engine) => {
  let t: TestApp;
  let officer: Client;
  const send = (c: Client, name: string, content: Buffer | string) => c.request({ method: 'POST', url: '/api/v1/procedure-forms', ...upload(name, content) });

  beforeAll(async () => {
    t = await createTestApp(engine);
    officer = await t.login('kiemsoat');
  });
  afterAll(() => t.close());

  it('an officer uploads a form; anyone downloads it from the address put in the component', async () => {
    const res = await send(officer, 'Tờ khai đăng ký khai sinh.pdf', PDF);
    expect(res.statusCode).toBe(201);
    const form = res.json();
    expect(form).toMatchObject({ filename: 'Tờ khai đăng ký khai sinh.pdf', mediaType: 'application/pdf', size: PDF.length });
    expect(form.form).toMatch(/^\/api\/v1\/procedure-forms\/[0-9a-f]{64}\//);
    const p = sampleProcedure({ code: '1.033001', components: [{ name: 'Tờ khai', originals: 1, copies: 0, required: true, condition: null, form: form.form, documentType: null }] });
    expect((await officer.post('/api/v1/procedures', p)).statusCode).toBe(201);
    const page = (await t.app.inject({ method: 'GET', url: '/api/v1/procedures/1.033001' })).json().procedure;
    const download = await t.app.inject({ method: 'GET', url: page.procedure.components[0].form });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toContain("filename*=UTF-8''T%E1%BB%9D%20khai");
    expect(Buffer.compare(raw(download as unknown as TestResponse), PDF)).toBe(0);
    const again = await send(officer, 'khac-ten.pdf', PDF);
    expect(again.json().form).toBe(form.form);
    const events = await t.database.db.selectFrom('audit_events').select('action').where('entity_id', '=', form.sha256).execute();
    expect(events.map((e) => e.action)).toEqual(['procedure_form.uploaded']);
  });

  it('refuses a file that is not a document whatever its name, an empty file, and unregistered blobs', async () => {
    const fake = await send(officer, 'to-khai.pdf', 'MZ\x90\x00 not a pdf');
    expect(fake.statusCode).toBe(415);
    expect(fake.json().error.code).toBe('CATALOGUE_FORM_TYPE_NOT_ALLOWED');
    expect((await send(officer, 'empty.pdf', '')).json().error.code).toBe('UPLOAD_EMPTY');
    const unknown = await t.app.inject({ method: 'GET', url: `/api/v1/procedure-forms/${'a'.repeat(64)}/x.pdf` });
    expect(unknown.statusCode).toBe(404);
    const specialist = await t.login('chuyenvien');
    expect((await send(specialist, 'to-khai.pdf', PDF)).json().error.code).toBe('FORBIDDEN');
  });
});
