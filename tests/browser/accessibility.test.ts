import { describe, expect, it } from 'vitest';
import { openPage, signIn, TEXT, useBrowserSuite, unlabelledInputs } from './harness';

const T = TEXT.vi;

describe('accessibility basics', () => {
  const suite = useBrowserSuite();

  it('the first Tab reaches the skip link, which moves focus to the main content', async () => {
    const { context, page } = await openPage(suite.browser);
    try {
      await page.goto(suite.server.url);
      await page.getByRole('heading', { level: 1, name: T.home.title }).waitFor();
      await page.keyboard.press('Tab');
      const skip = page.getByRole('link', { name: T.a11y.skipToContent });
      await expect.poll(() => skip.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByRole('main').evaluate((el) => el === document.activeElement)).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('pages have one banner, one main and (in the workspace) a named navigation landmark', async () => {
    const { context, page } = await openPage(suite.browser);
    try {
      await page.goto(suite.server.url);
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await page.getByRole('banner').count()).toBe(1);
      expect(await page.getByRole('main').count()).toBe(1);

      await signIn(page, suite.server.url, 'admin');
      expect(await page.getByRole('banner').count()).toBe(1);
      expect(await page.getByRole('main').count()).toBe(1);
      expect(await page.getByRole('navigation', { name: T.a11y.mainNavigation }).count()).toBe(1);
    } finally {
      await context.close();
    }
  });

  it('every form field is labelled', async () => {
    const { context, page } = await openPage(suite.browser);
    try {
      await page.goto(suite.server.url);
      await page.getByRole('searchbox', { name: T.home.directorySearch }).waitFor();
      expect(await unlabelledInputs(page)).toEqual([]);

      await page.goto(`${suite.server.url}/login`);
      await page.getByRole('textbox', { name: T.auth.username, exact: true }).waitFor();
      expect(await unlabelledInputs(page)).toEqual([]);

      await signIn(page, suite.server.url, 'admin');
      await page.getByRole('navigation', { name: T.a11y.mainNavigation }).getByRole('link', { name: T.nav.users }).click();
      await page.getByRole('table').waitFor();
      expect(await unlabelledInputs(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a keyboard alone can sign in', async () => {
    const { context, page } = await openPage(suite.browser);
    try {
      await page.goto(`${suite.server.url}/login`);
      const username = page.getByRole('textbox', { name: T.auth.username, exact: true });
      await username.waitFor();
      // Tab from the top of the page (skip link, home link, language…) until the username field has focus.
      const focused = () => username.evaluate((el) => el === document.activeElement);
      for (let i = 0; i < 10 && !(await focused()); i++) await page.keyboard.press('Tab');
      expect(await focused()).toBe(true);
      await page.keyboard.type('motcua');
      await page.keyboard.press('Tab');
      await page.keyboard.type('demo123');
      await page.keyboard.press('Enter');
      await page.waitForURL(`${suite.server.url}/staff`);
      await page.getByRole('navigation', { name: T.a11y.mainNavigation }).getByRole('link', { name: T.nav.overview }).waitFor();
    } finally {
      await context.close();
    }
  });
});
