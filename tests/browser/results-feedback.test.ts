import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openSignedIn, scrollWidth, TEXT, unlabelledInputs, useBrowserSuite, withParams, PHONE } from './harness';

const T = TEXT.vi;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1');
const EXE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(400, 0)]);

/** Calls the API as the page's signed-in person (session cookie and CSRF token); fails loudly. */
async function call(page: Page, url: string, method: 'GET' | 'POST', path: string, data?: unknown) {
  const me = (await (await page.request.get(`${url}/api/v1/auth/me`)).json()) as { csrfToken: string; user: { id: string } };
  const res = await page.request.fetch(`${url}${path}`, { method, data, headers: { 'x-csrf-token': me.csrfToken } });
  if (!res.ok()) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
  return { body: (await res.json()) as { dossier: { id: string; code: string; version: number } }, me };
}

describe('result upload and the feedback desk at phone width', () => {
  const suite = useBrowserSuite();

  it('the feedback page is in the unit leader’s menu, labelled and fits 360 px', async () => {
    const { context, page } = await openSignedIn(suite, 'lanhdao', PHONE);
    try {
      await page.getByRole('button', { name: T.a11y.toggleNavigation }).click();
      await page.getByRole('navigation', { name: T.a11y.mainNavigation }).getByRole('link', { name: T.nav.feedback }).click();
      await page.getByRole('heading', { level: 1, name: T.staffFeedback.title }).waitFor();
      await page.getByText(T.staffFeedback.empty).waitFor();
      // the filter lives in the address: the router applies it in a transition, so the radio turns
      // checked a moment after the click (Playwright's check() would test it at once)
      const overdue = page.getByRole('radio', { name: T.staffFeedback.filters.overdue });
      await overdue.click();
      await expect.poll(() => new URL(page.url()).searchParams.get('state')).toBe('overdue');
      await expect.poll(() => overdue.isChecked()).toBe(true);
      expect(await unlabelledInputs(page)).toEqual([]);
      expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    } finally {
      await context.close();
    }
  });

  it('the specialist uploads the result PDF on the dossier page; a file that is not a PDF is refused', async () => {
    const url = suite.server.url;
    const opened = await Promise.all(['motcua', 'lanhdao', 'chuyenvien'].map((u) => openSignedIn(suite, u, u === 'chuyenvien' ? PHONE : undefined)));
    const [motcua, lanhdao, chuyenvien] = opened.map((o) => o.page) as [Page, Page, Page];
    try {
      // a dossier brought to approval through the API (the one-stop walk is dossiers.test.ts)
      const intake = { procedureCode: '2.000488', applicant: { kind: 'citizen', idNumber: '031085012345', name: 'Nguyễn Văn An', address: 'Số 12 Lạch Tray, Hải Phòng', phone: '0912345678' }, channel: 'counter', returnMethod: 'online' };
      let d = (await call(motcua, url, 'POST', '/api/v1/dossiers', intake)).body.dossier;
      const step = async (page: Page, action: string, input: Record<string, unknown> = {}) => {
        d = (await call(page, url, 'POST', `/api/v1/dossiers/${d.code ?? d.id}/actions/${action}`, { version: d.version, input })).body.dossier;
      };
      const { csrfToken } = (await (await motcua.request.get(`${url}/api/v1/auth/me`)).json()) as { csrfToken: string };
      for (const componentId of ['1', '2']) {
        const scan = await motcua.request.post(`${url}/api/v1/dossiers/${d.id}/files`, { headers: { 'x-csrf-token': csrfToken }, multipart: { componentId, file: { name: 'scan.pdf', mimeType: 'application/pdf', buffer: PDF } } });
        expect(scan.status()).toBe(201);
      }
      await step(motcua, 'accept', { components: ['1', '2'] });
      await step(motcua, 'hand_over', { toUnit: '000.01.03.H26' });
      const specialistId = (await call(chuyenvien, url, 'GET', '/api/v1/auth/me')).me.user.id;
      await step(lanhdao, 'assign', { assigneeId: specialistId });
      await step(chuyenvien, 'submit_review');
      await step(lanhdao, 'approve');

      await chuyenvien.goto(`${url}/staff/dossiers/${d.code}`);
      const section = chuyenvien.getByRole('region', { name: T.resultDocs.title });
      await section.getByText(T.resultDocs.none).waitFor();
      const file = section.getByLabel(T.resultDocs.file);
      await file.setInputFiles({ name: 'ket-qua.pdf', mimeType: 'application/pdf', buffer: EXE });
      await section.getByRole('button', { name: T.resultDocs.submit }).click();
      await section.getByRole('alert').getByText('Kết quả giải quyết phải là tệp PDF (nội dung tệp không phải PDF).').waitFor();

      await file.setInputFiles({ name: 'Phiếu LLTP.pdf', mimeType: 'application/pdf', buffer: PDF });
      await section.getByRole('button', { name: T.resultDocs.submit }).click();
      await section.getByRole('status').getByText(withParams(T.resultDocs.done, { name: 'Phiếu LLTP.pdf' })).waitFor();
      const link = section.getByRole('link', { name: 'Phiếu LLTP.pdf' });
      const response = await chuyenvien.request.get(`${url}${await link.getAttribute('href')}`);
      expect(response.headers()['content-type']).toBe('application/pdf');
      expect((await response.body()).equals(PDF)).toBe(true);
      // a second upload may replace the first: the choice is labelled
      await section.getByRole('textbox', { name: T.resultDocs.replaces }).waitFor();
      expect(await unlabelledInputs(chuyenvien)).toEqual([]);
      expect(await scrollWidth(chuyenvien)).toBeLessThanOrEqual(PHONE.width);
    } finally {
      for (const o of opened) await o.context.close();
    }
  });
});
