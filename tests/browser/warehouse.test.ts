import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en, vi } from '../../web/src/features/warehouse/texts';
import { checkPage } from './citizen-kit';
import { openPage, openSignedIn, PHONE, scrollWidth, switchLanguage, TEXT, useBrowserSuite, withParams, axeViolations } from './harness';

/** Nguyễn Văn An of the identity simulator. */
const CITIZEN = 'Nguyễn Văn An';
/** A complete one-page PDF, as a scanner would produce one. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1');



describe('"Kho dữ liệu của tôi" at 360 px: empty, an own copy uploaded, sharing opened; accessible in both languages', () => {
  const suite = useBrowserSuite();
  let page: Page;
  let close: () => Promise<void>;

  beforeAll(async () => {
    const url = suite.server.url;
    const opened = await openPage(suite.browser, PHONE);
    page = opened.page;
    close = () => opened.context.close();
    await page.goto(`${url}/dang-nhap?returnTo=/kho-du-lieu`);
    await page.getByRole('link', { name: TEXT.vi.citizen.signInWithProvider }).click();
    await page.getByRole('button', { name: new RegExp(`^${CITIZEN}`) }).click();
    await page.waitForURL(`${url}/kho-du-lieu`);
  });
  afterAll(() => close?.());

  it('shows the empty warehouse, takes an own copy and lists it as self-provided, not verified', async () => {
    await page.getByRole('heading', { level: 1, name: vi.title, exact: true }).waitFor();
    await page.getByText(vi.empty).waitFor();
    await checkPage(page, 'empty warehouse');

    await page.getByLabel(vi.upload.type).selectOption({ label: 'Bằng tốt nghiệp' });
    await page.getByLabel(vi.upload.number).fill('B-0078812');
    await page.getByLabel(vi.upload.issuer).fill('Trường Đại học Hàng hải Việt Nam');
    await page.getByLabel(vi.upload.issuedOn).fill('2007-07-15');
    await page.locator('input[type=file]').setInputFiles({ name: 'bang-tot-nghiep.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByRole('button', { name: vi.upload.submit, exact: true }).click();
    await page.getByRole('status').filter({ hasText: vi.upload.done }).waitFor();

    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: 'Bằng tốt nghiệp' }) });
    await card.getByText(vi.selfProvided).waitFor();
    await expect.poll(() => card.getByText(withParams(vi.number, { number: 'B-0078812' }), { exact: false }).count()).toBe(1);
    await card.getByRole('button', { name: vi.sharing }).click();
    await card.getByRole('heading', { level: 4, name: vi.grantsTitle }).waitFor();
    await card.getByText(vi.noGrants).waitFor();
    await checkPage(page, 'warehouse with a document and its sharing open');
  });

  it('reads in English', async () => {
    await switchLanguage(page, 'vi', 'en');
    await page.getByRole('heading', { level: 1, name: en.title, exact: true }).waitFor();
    await page.getByText(en.selfProvided).waitFor();
    await checkPage(page, 'warehouse in English');
  });

  it('staff: the dossier page’s "Số hóa" panel digitises a component file with its metadata, then checks it against the original', async () => {
    const { context, page: staff } = await openSignedIn(suite, 'motcua', PHONE);
    try {
      const url = suite.server.url;
      const me = await (await staff.request.get(`${url}/api/v1/auth/me`)).json();
      const headers = { 'x-csrf-token': me.csrfToken };
      const created = await staff.request.post(`${url}/api/v1/dossiers`, {
        headers,
        data: { procedureCode: '2.000488', applicant: { kind: 'citizen', idNumber: '031085012345', name: 'Nguyễn Văn An', phone: '0912345678' }, channel: 'counter', returnMethod: 'counter' },
      });
      expect(created.status()).toBe(201);
      const id = (await created.json()).dossier.id;
      const file = { name: 'giay-khai-sinh.pdf', mimeType: 'application/pdf', buffer: PDF };
      expect((await staff.request.post(`${url}/api/v1/dossiers/${id}/files`, { headers, multipart: { componentId: '1', file } })).status()).toBe(201);
      await staff.goto(`${url}/staff/dossiers/${id}`);
      const panel = staff.getByRole('region', { name: vi.panel.title });
      await panel.getByText(vi.panel.none).waitFor();
      await panel.getByLabel(vi.upload.type).selectOption({ label: 'Giấy khai sinh' });
      await panel.getByLabel(vi.upload.number).fill('112/1985');
      await panel.getByLabel(vi.upload.issuer).fill('UBND phường Lạch Tray');
      await panel.getByLabel(vi.upload.issuedOn).fill('1985-04-20');
      await panel.getByRole('button', { name: vi.panel.submit, exact: true }).click();
      await panel.getByRole('heading', { level: 3, name: 'Giấy khai sinh' }).waitFor();
      await panel.getByText(vi.notVerified).waitFor();
      await panel.getByRole('button', { name: vi.panel.check }).click();
      // the checked copy says so (and, being now valid and verified, may also be offered for reuse below)
      await panel.getByText(vi.verified).first().waitFor();
      await expect.poll(() => panel.getByRole('button', { name: vi.panel.check }).count()).toBe(0);
      expect(await axeViolations(staff)).toEqual([]);
      expect(await scrollWidth(staff)).toBeLessThanOrEqual(PHONE.width);
    } finally {
      await context.close();
    }
  });
});
