import { ERRORS } from '@core/errors/catalogue';
import { describe, expect, it } from 'vitest';
import { openPage, signIn, submitLogin, switchLanguage, TEXT, useBrowserSuite } from './harness';

const T = TEXT.vi;

describe('staff sign-in and sign-out', () => {
  const suite = useBrowserSuite();

  it('a wrong password shows the server’s message and stays on the login page', async () => {
    const { context, page } = await openPage(suite.browser);
    try {
      await submitLogin(page, suite.server.url, 'giamdoc', 'not-the-password');
      const alert = page.getByRole('alert').filter({ hasText: T.auth.loginFailed });
      await alert.getByText(ERRORS.AUTH_INVALID_CREDENTIALS.vi).waitFor();
      expect(new URL(page.url()).pathname).toBe('/login');
    } finally {
      await context.close();
    }
  });

  it('the error comes in English when the interface is in English', async () => {
    const { context, page } = await openPage(suite.browser);
    try {
      await page.goto(`${suite.server.url}/login`);
      await switchLanguage(page, 'vi', 'en');
      await page.getByRole('textbox', { name: TEXT.en.auth.username, exact: true }).fill('giamdoc');
      await page.getByRole('textbox', { name: TEXT.en.auth.password, exact: true }).fill('wrong-again');
      await page.getByRole('button', { name: TEXT.en.auth.submit, exact: true }).click();
      await page.getByRole('alert').getByText(ERRORS.AUTH_INVALID_CREDENTIALS.en).waitFor();
    } finally {
      await context.close();
    }
  });

  it('empty fields are flagged on the form without calling the server', async () => {
    const { context, page } = await openPage(suite.browser);
    try {
      await page.goto(`${suite.server.url}/login`);
      let loginCalls = 0;
      page.on('request', (request) => {
        if (request.url().endsWith('/api/v1/auth/login')) loginCalls++;
      });
      await page.getByRole('button', { name: T.auth.submit, exact: true }).click();
      const username = page.getByRole('textbox', { name: T.auth.username, exact: true });
      await expect.poll(() => username.getAttribute('aria-invalid')).toBe('true');
      expect(loginCalls).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('repeated failures lock the account and the lock-out message is shown', async () => {
    const { context, page } = await openPage(suite.browser);
    try {
      await page.goto(`${suite.server.url}/login`);
      await page.getByRole('textbox', { name: T.auth.username, exact: true }).fill('motcua.xa');
      await page.getByRole('textbox', { name: T.auth.password, exact: true }).fill('wrong-password');
      const lockedPrefix = ERRORS.AUTH_ACCOUNT_LOCKED.vi.split('{{')[0] as string;
      let status = 0;
      for (let attempt = 0; attempt < 15 && status !== 423; attempt++) {
        const answered = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login'));
        await page.getByRole('button', { name: T.auth.submit, exact: true }).click();
        status = (await answered).status();
      }
      expect(status).toBe(423);
      await page.getByRole('alert').getByText(lockedPrefix, { exact: false }).waitFor();

      // Locked means locked: even the right password is refused now.
      await page.getByRole('textbox', { name: T.auth.password, exact: true }).fill('demo123');
      const answered = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login'));
      await page.getByRole('button', { name: T.auth.submit, exact: true }).click();
      expect((await answered).status()).toBe(423);
    } finally {
      await context.close();
    }
  });

  it('the workspace sends strangers to the login page and back to where they were going', async () => {
    const { context, page } = await openPage(suite.browser);
    try {
      await page.goto(`${suite.server.url}/staff/units`);
      await page.waitForURL(`${suite.server.url}/login`);
      await page.getByText(T.auth.signInFirst).waitFor();
      await page.getByRole('textbox', { name: T.auth.username, exact: true }).fill('lanhdao');
      await page.getByRole('textbox', { name: T.auth.password, exact: true }).fill('demo123');
      await page.getByRole('button', { name: T.auth.submit, exact: true }).click();
      await page.waitForURL(`${suite.server.url}/staff/units`);
      await page.getByRole('heading', { level: 1, name: T.units.title }).waitFor();
    } finally {
      await context.close();
    }
  });

  it('signing out (a CSRF-protected POST) ends the session', async () => {
    const { context, page } = await openPage(suite.browser);
    try {
      await signIn(page, suite.server.url, 'kiemsoat');
      const loggedOut = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/logout'));
      await page.getByRole('button', { name: /^Tài khoản: / }).click();
      await page.getByRole('menuitem', { name: T.auth.logout }).click();
      expect((await loggedOut).status()).toBe(204);
      await page.waitForURL(`${suite.server.url}/`);
      await page.getByRole('banner').getByRole('link', { name: T.auth.submit }).waitFor();

      // The session cookie no longer opens the workspace.
      expect((await page.request.get(`${suite.server.url}/api/v1/auth/me`)).status()).toBe(401);
      await page.goto(`${suite.server.url}/staff`);
      await page.waitForURL(`${suite.server.url}/login`);
    } finally {
      await context.close();
    }
  });

  it('when the session is gone, the next request sends the user to sign in again', async () => {
    const { context, page } = await openPage(suite.browser);
    try {
      await signIn(page, suite.server.url, 'admin');
      await context.clearCookies();
      await page.getByRole('navigation', { name: T.a11y.mainNavigation }).getByRole('link', { name: T.nav.users }).click();
      await page.waitForURL(`${suite.server.url}/login`);
      await page.getByRole('heading', { level: 1, name: T.auth.loginTitle }).waitFor();
    } finally {
      await context.close();
    }
  });
});
