import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { en, vi } from '../../web/src/features/verify/texts';
import { axeViolations, openPage, openSignedIn, PHONE, scrollWidth, switchLanguage, unlabelledInputs, useBrowserSuite } from './harness';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1');

/** Calls the API as the page's signed-in person (session cookie and CSRF token); fails loudly. */
async function call(page: Page, url: string, method: 'GET' | 'POST', path: string, data?: unknown) {
  const me = (await (await page.request.get(`${url}/api/v1/auth/me`)).json()) as { csrfToken: string; user: { id: string } };
  const res = await page.request.fetch(`${url}${path}`, { method, data, headers: { 'x-csrf-token': me.csrfToken } });
  if (!res.ok()) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
  return { body: (await res.json()) as { dossier: { id: string; code: string; version: number } }, me, csrfToken: me.csrfToken };
}

describe('public verification of e-results at phone width', () => {
  const suite = useBrowserSuite();

  it('the QR address shows a valid e-result; an unsigned file is refused with the reason; accessible at 360 px, in both languages', async () => {
    const url = suite.server.url;
    const opened = await Promise.all(['motcua', 'lanhdao', 'chuyenvien'].map((u) => openSignedIn(suite, u)));
    const [motcua, lanhdao, chuyenvien] = opened.map((o) => o.page) as [Page, Page, Page];
    const visitor = await openPage(suite.browser, PHONE);
    try {
      // a dossier brought to an uploaded result through the API: the upload issues the signed e-result
      const intake = { procedureCode: '2.000488', applicant: { kind: 'citizen', idNumber: '031085012345', name: 'Nguyễn Văn An', address: 'Số 12 Lạch Tray, Hải Phòng', phone: '0912345678' }, channel: 'counter', returnMethod: 'online' };
      let d = (await call(motcua, url, 'POST', '/api/v1/dossiers', intake)).body.dossier;
      const step = async (page: Page, action: string, input: Record<string, unknown> = {}) => {
        d = (await call(page, url, 'POST', `/api/v1/dossiers/${d.code ?? d.id}/actions/${action}`, { version: d.version, input })).body.dossier;
      };
      const { csrfToken } = await call(motcua, url, 'GET', '/api/v1/auth/me');
      for (const componentId of ['1', '2']) {
        const scan = await motcua.request.post(`${url}/api/v1/dossiers/${d.id}/files`, { headers: { 'x-csrf-token': csrfToken }, multipart: { componentId, file: { name: 'scan.pdf', mimeType: 'application/pdf', buffer: PDF } } });
        expect(scan.status()).toBe(201);
      }
      await step(motcua, 'accept', { components: ['1', '2'] });
      await step(motcua, 'hand_over', { toUnit: '000.01.03.H26' });
      const specialist = await call(chuyenvien, url, 'GET', '/api/v1/auth/me');
      await step(lanhdao, 'assign', { assigneeId: specialist.me.user.id });
      await step(chuyenvien, 'submit_review');
      await step(lanhdao, 'approve');
      const up = await chuyenvien.request.post(`${url}/api/v1/dossiers/${d.code}/results`, { headers: { 'x-csrf-token': specialist.csrfToken }, multipart: { file: { name: 'ket-qua.pdf', mimeType: 'application/pdf', buffer: PDF } } });
      expect(up.status()).toBe(201);
      const code = `${d.code}-KQ1`;

      const page = visitor.page;
      await page.goto(`${url}/xac-minh/${code}`);
      await page.getByRole('heading', { level: 1, name: vi.title }).waitFor();
      await page.getByText(vi.statusText.valid).waitFor();
      await page.getByText(vi.status.valid, { exact: true }).waitFor();
      await page.getByText('N***** V** A*').waitFor();
      expect(await unlabelledInputs(page)).toEqual([]);
      expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
      expect(await axeViolations(page)).toEqual([]);

      // a PDF without a signature: a clear answer
      await page.getByLabel(vi.file).setInputFiles({ name: 'ban-sao.pdf', mimeType: 'application/pdf', buffer: PDF });
      await page.getByRole('button', { name: vi.checkFile }).click();
      await page.getByText(vi.problem.no_signature).waitFor();
      expect(await axeViolations(page)).toEqual([]);

      // an unknown code, in English
      await switchLanguage(page, 'vi', 'en');
      await page.getByRole('textbox', { name: en.code }).fill('000.01.03.H26-261201-9999-KQ1');
      await page.getByRole('button', { name: en.check, exact: true }).click();
      await page.getByText(en.statusText.unknown).waitFor();
      expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await visitor.context.close();
      for (const o of opened) await o.context.close();
    }
  });
});
