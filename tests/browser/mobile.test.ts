import { describe, expect, it } from 'vitest';
import { openPage, scrollWidth, signIn, switchLanguage, TEXT, useBrowserSuite, PHONE } from './harness';

const T = TEXT.vi;

describe('a 360 px phone', () => {
  const suite = useBrowserSuite();

  it('public pages fit the width in both languages', async () => {
    const { context, page } = await openPage(suite.browser, PHONE);
    try {
      await page.goto(suite.server.url);
      await page.getByRole('heading', { level: 2, name: T.home.directoryTitle }).waitFor();
      await page.getByRole('button', { name: /^Sở, ban, ngành/ }).waitFor();
      expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);

      await page.goto(`${suite.server.url}/login`);
      await page.getByRole('heading', { level: 1, name: T.auth.loginTitle }).waitFor();
      expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);

      await switchLanguage(page, 'vi', 'en');
      await page.getByRole('heading', { level: 1, name: TEXT.en.auth.loginTitle }).waitFor();
      expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    } finally {
      await context.close();
    }
  });

  it('the workspace uses a burger menu and every page fits the width', async () => {
    const { context, page } = await openPage(suite.browser, PHONE);
    try {
      await signIn(page, suite.server.url, 'admin');
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);

      const burger = page.getByRole('button', { name: T.a11y.toggleNavigation });
      const nav = page.getByRole('navigation', { name: T.a11y.mainNavigation });
      const pages = [
        { link: T.nav.organisation, heading: T.units.title, content: page.getByRole('list', { name: T.units.treeLabel }) },
        { link: T.nav.users, heading: T.users.title, content: page.getByRole('table') },
        { link: T.nav.audit, heading: T.audit.title, content: page.getByRole('table') },
        { link: T.nav.overview, heading: null, content: page.getByRole('heading', { level: 2, name: T.overview.roles }) },
      ];
      for (const target of pages) {
        expect(await burger.getAttribute('aria-expanded')).toBe('false');
        await burger.click();
        await expect.poll(() => burger.getAttribute('aria-expanded')).toBe('true');
        await nav.getByRole('link', { name: target.link }).click();
        // Choosing a page closes the menu again.
        await expect.poll(() => burger.getAttribute('aria-expanded')).toBe('false');
        if (target.heading) await page.getByRole('heading', { level: 1, name: target.heading }).waitFor();
        await target.content.waitFor();
        expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
      }
    } finally {
      await context.close();
    }
  });
});
