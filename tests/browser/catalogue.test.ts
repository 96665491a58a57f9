import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, scrollWidth, signIn, switchLanguage, TEXT, useBrowserSuite, PHONE } from './harness';

const T = TEXT.vi;
const C = T.catalogue;
const A = T.catalogueAdmin;

/** Fills the `{{name}}` placeholders of a UI text. */
function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(params[key] ?? ''));
}

/** Searches the public catalogue from its page as a citizen would: type, then press the button. */
async function search(page: Page, words: string): Promise<void> {
  await page.getByRole('searchbox', { name: C.search }).fill(words);
  await page.getByRole('button', { name: C.submit, exact: true }).click();
}

describe('public procedure catalogue', () => {
  const suite = useBrowserSuite();

  it('a guest finds "Đăng ký khai sinh" from a misspelt query without diacritics and reads its page', async () => {
    const { context, page } = await openPage(suite.browser);
    try {
      await page.goto(suite.server.url);
      await page.getByRole('link', { name: C.homeLink }).click();
      await page.getByRole('heading', { level: 1, name: C.title }).waitFor();

      await search(page, 'khai sihn');
      await page.getByText(/^Tìm thấy \d+ thủ tục$/).waitFor();
      const results = page.getByRole('region', { name: C.results });
      const hit = results.getByRole('link', { name: 'Đăng ký khai sinh', exact: true });
      // Best match first (once the answer to this query replaced the unfiltered list).
      await expect.poll(() => results.getByRole('listitem').first().getByRole('link').textContent()).toBe('Đăng ký khai sinh');
      await hit.click();

      await page.getByRole('heading', { level: 1, name: 'Đăng ký khai sinh' }).waitFor();
      const components = page.getByRole('region', { name: C.components });
      await components.getByText('Tờ khai đăng ký khai sinh', { exact: true }).waitFor();
      await components.getByText('Giấy chứng sinh', { exact: true }).waitFor();
      const overview = page.getByRole('region', { name: C.overview });
      await overview.getByText(C.time, { exact: true }).waitFor();
      await overview.getByText(C.timeValue.immediate, { exact: true }).waitFor();
      await page.getByRole('region', { name: C.where }).getByText('Bộ phận Một cửa phường Hồng Bàng').waitFor();
      await page.getByRole('link', { name: fill(C.version, { version: 1 }) }).waitFor();

      // The page's address works on its own too: shared, bookmarked or reloaded (the code's dot is no file extension).
      const address = page.url();
      expect(address).toMatch(/\/thu-tuc\/1\.001193$/);
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Đăng ký khai sinh' }).waitFor();
    } finally {
      await context.close();
    }
  });

  it('filters narrow the results', async () => {
    const { context, page } = await openPage(suite.browser);
    try {
      await page.goto(`${suite.server.url}/thu-tuc?q=khai+sinh&online=full`);
      const results = page.getByRole('region', { name: C.results });
      await results.getByRole('link', { name: 'Đăng ký khai sinh', exact: true }).waitFor();
      expect(await results.getByText(C.onlineBadge.partial, { exact: true }).count()).toBe(0);

      await page.getByRole('textbox', { name: C.online }).click();
      await page.getByRole('option', { name: C.onlineLevels.partial }).click();
      await results.getByRole('link', { name: 'Đăng ký lại khai sinh', exact: true }).waitFor();
      expect(await results.getByText(C.onlineBadge.full, { exact: true }).count()).toBe(0);
      expect(new URL(page.url()).searchParams.get('online')).toBe('partial');
    } finally {
      await context.close();
    }
  });

  it('the catalogue reads in English on request', async () => {
    const E = TEXT.en.catalogue;
    const { context, page } = await openPage(suite.browser);
    try {
      await page.goto(`${suite.server.url}/thu-tuc`);
      await page.getByRole('heading', { level: 1, name: C.title }).waitFor();
      await switchLanguage(page, 'vi', 'en');
      await page.getByRole('heading', { level: 1, name: E.title }).waitFor();
      await page.getByRole('searchbox', { name: E.search }).fill('dang ky khai sinh');
      await page.getByRole('button', { name: E.submit, exact: true }).click();
      const results = page.getByRole('region', { name: E.results });
      await results.getByRole('link', { name: 'Đăng ký khai sinh', exact: true }).click();
      await page.getByRole('region', { name: E.components }).getByText(E.required).first().waitFor();
      await page.getByRole('region', { name: E.overview }).getByText(E.timeValue.immediate, { exact: true }).waitFor();
    } finally {
      await context.close();
    }
  });

  it('the search and procedure pages fit a 360 px phone', async () => {
    const { context, page } = await openPage(suite.browser, PHONE);
    try {
      await page.goto(`${suite.server.url}/thu-tuc`);
      await search(page, 'dang ky khai sinh');
      await page.getByRole('region', { name: C.results }).getByRole('link', { name: 'Đăng ký khai sinh', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Đăng ký khai sinh' }).waitFor();
      await page.getByRole('region', { name: C.components }).waitFor();
      expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
      await page.goBack();
      await page.getByRole('region', { name: C.results }).getByRole('link', { name: 'Đăng ký khai sinh', exact: true }).waitFor();
      expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    } finally {
      await context.close();
    }
  });

  it('the control officer checks an import file and sees its error rows, nothing written', async () => {
    const { context, page } = await openPage(suite.browser);
    try {
      await signIn(page, suite.server.url, 'kiemsoat');
      const nav = page.getByRole('navigation', { name: T.a11y.mainNavigation });
      await nav.getByRole('link', { name: T.nav.publication }).waitFor();
      await nav.getByRole('link', { name: T.nav.catalogue }).click();
      await page.getByRole('heading', { level: 1, name: A.title }).waitFor();
      await page.getByRole('link', { name: A.template }).waitFor();
      await page.getByRole('link', { name: A.exportXlsx }).waitFor();

      const file = [
        {
          code: '1.999001',
          name: 'Thủ tục thử nghiệm',
          field: { code: 'HOTICH', name: 'Hộ tịch' },
          level: 'commune',
          responsibleUnit: '000.00.03.H26',
          processingTime: { amount: 1, unit: 'working_days' },
          onlineLevel: 'full',
        },
        { code: 'ABC', name: '', level: 'commune', onlineLevel: 'full' },
      ];
      await page.getByLabel(A.file).setInputFiles({ name: 'thu-tuc.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
      expect(await page.getByRole('checkbox', { name: A.dryRun }).isChecked()).toBe(true);
      await page.getByRole('button', { name: A.submitDryRun }).click();

      const table = page.getByRole('table', { name: A.errorsCaption });
      await table.waitFor();
      await table.getByRole('cell', { name: 'PROCEDURE_CODE_INVALID', exact: true }).waitFor();
      await table.getByRole('cell', { name: 'PROCEDURE_NAME_REQUIRED', exact: true }).waitFor();
      for (const header of [A.row, A.fieldName, A.errorCode, A.message]) await table.getByRole('columnheader', { name: header, exact: true }).waitFor();
      expect(await table.getByRole('cell', { name: '2', exact: true }).count()).toBeGreaterThan(0);

      // A dry run writes nothing: the valid row is not in the public catalogue.
      const found = (await (await page.request.get(`${suite.server.url}/api/v1/procedures?q=1.999001`)).json()) as { total: number };
      expect(found.total).toBe(0);

      await nav.getByRole('link', { name: T.nav.publication }).click();
      await page.getByRole('heading', { level: 1, name: T.publication.title }).waitFor();
      await page.getByRole('heading', { level: 2, name: T.publication.ratesTitle }).waitFor();
    } finally {
      await context.close();
    }
  });

  it('a specialist has no catalogue entry and the page refuses them', async () => {
    const { context, page } = await openPage(suite.browser);
    try {
      await signIn(page, suite.server.url, 'chuyenvien');
      const nav = page.getByRole('navigation', { name: T.a11y.mainNavigation });
      await nav.getByRole('link', { name: T.nav.overview }).waitFor();
      expect(await nav.getByRole('link', { name: T.nav.catalogue, exact: true }).count()).toBe(0);
      expect(await nav.getByRole('link', { name: T.nav.publication, exact: true }).count()).toBe(0);
      await page.goto(`${suite.server.url}/staff/catalogue`);
      await page.getByRole('heading', { level: 1, name: T.staff.forbiddenTitle }).waitFor();
    } finally {
      await context.close();
    }
  });
});
