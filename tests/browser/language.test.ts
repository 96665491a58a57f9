import { navigationFor } from '@core/access/navigation';
import { ROLE_PERMISSIONS } from '@core/access/permissions';
import { describe, expect, it } from 'vitest';
import { htmlLang, linkNames, openPage, signIn, switchLanguage, TEXT, useBrowserSuite } from './harness';

describe('Vietnamese by default, English on request', () => {
  const suite = useBrowserSuite();

  it('the home page opens in Vietnamese, switches to English, remembers it, and switches back', async () => {
    const { context, page } = await openPage(suite.browser);
    try {
      await page.goto(suite.server.url);
      await page.getByRole('heading', { level: 1, name: TEXT.vi.home.title }).waitFor();
      expect(await htmlLang(page)).toBe('vi');

      await switchLanguage(page, 'vi', 'en');
      await page.getByRole('heading', { level: 1, name: TEXT.en.home.title }).waitFor();
      await page.getByRole('heading', { level: 2, name: TEXT.en.home.directoryTitle }).waitFor();
      expect(await htmlLang(page)).toBe('en');

      await page.reload();
      await page.getByRole('heading', { level: 1, name: TEXT.en.home.title }).waitFor();
      expect(await htmlLang(page)).toBe('en');

      await switchLanguage(page, 'en', 'vi');
      await page.getByRole('heading', { level: 1, name: TEXT.vi.home.title }).waitFor();
      expect(await htmlLang(page)).toBe('vi');
    } finally {
      await context.close();
    }
  });

  it('the workspace navigation follows the language', async () => {
    const { context, page } = await openPage(suite.browser);
    try {
      await signIn(page, suite.server.url, 'admin');
      const nav = page.getByRole('navigation', { name: TEXT.vi.a11y.mainNavigation });
      expect(await linkNames(nav)).toContain(TEXT.vi.nav.organisation);

      await switchLanguage(page, 'vi', 'en');
      const navEn = page.getByRole('navigation', { name: TEXT.en.a11y.mainNavigation });
      await navEn.getByRole('link', { name: TEXT.en.nav.organisation }).waitFor();
      // exactly the administrator's entries, each in English
      expect(await linkNames(navEn)).toEqual(navigationFor(ROLE_PERMISSIONS.system_admin).map((item) => TEXT.en.nav[item.key as keyof typeof TEXT.en.nav]));

      await switchLanguage(page, 'en', 'vi');
      await nav.getByRole('link', { name: TEXT.vi.nav.organisation }).waitFor();
    } finally {
      await context.close();
    }
  });
});
