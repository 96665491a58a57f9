import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startTestServer, type TestServer } from '../support/server';
import { en } from '../../web/src/i18n/en';
import { vi as viTexts } from '../../web/src/i18n/vi';

/** The UI texts, so tests find elements by the same accessible names users see. */
export const TEXT = { vi: viTexts, en };

export const DEMO_PASSWORD = 'demo123';

/** The phone every page must fit: 360 px wide (a cheap Android phone). */
export const PHONE = { width: 360, height: 740 };

/**
 * Starts Debian's Chromium. `launch()` gives the browser a fresh temporary user-data-dir of its own
 * (Playwright refuses `--user-data-dir` in args), removed again on close.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** A new isolated context (own cookies and localStorage) and page, desktop-sized unless told otherwise. */
export async function openPage(browser: Browser, viewport = { width: 1280, height: 800 }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const page = await context.newPage();
  return { context, page };
}

/** Fills and submits the login form in Vietnamese, the default language. */
export async function submitLogin(page: Page, baseUrl: string, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByRole('textbox', { name: TEXT.vi.auth.username, exact: true }).fill(username);
  await page.getByRole('textbox', { name: TEXT.vi.auth.password, exact: true }).fill(password);
  await page.getByRole('button', { name: TEXT.vi.auth.submit, exact: true }).click();
}

/** Signs in and waits for the workspace overview. */
export async function signIn(page: Page, baseUrl: string, username: string): Promise<void> {
  await submitLogin(page, baseUrl, username);
  await page.waitForURL(`${baseUrl}/staff`);
  await page.getByRole('navigation', { name: TEXT.vi.a11y.mainNavigation }).waitFor();
}

/** The text of every link in a landmark, in order, once the landmark is shown. */
export async function linkNames(region: Locator): Promise<string[]> {
  await region.getByRole('link').first().waitFor();
  return region.getByRole('link').allInnerTexts();
}

/** Presses the header's language switch, named in the other language ("English", "Tiếng Việt"). */
export async function switchLanguage(page: Page, from: 'vi' | 'en', to: 'vi' | 'en'): Promise<void> {
  await page.getByRole('banner').getByRole('button', { name: TEXT[from].lang[to], exact: true }).click();
}

/** The document language, as announced to screen readers. */
export function htmlLang(page: Page): Promise<string> {
  return page.evaluate(() => document.documentElement.lang);
}

/** Width of the page's content; more than the viewport means a horizontal scroll bar. */
export function scrollWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

/** The running system and browser of one test file. */
export interface BrowserSuite {
  server: TestServer;
  browser: Browser;
}

/**
 * Starts a fresh seeded server and Chromium before the file's tests and stops both after them.
 * The returned object is filled in by `beforeAll`; read its fields inside tests only.
 */
export function useBrowserSuite(opts: { now?: () => number } = {}): BrowserSuite {
  const suite = {} as BrowserSuite;
  beforeAll(async () => {
    [suite.server, suite.browser] = await Promise.all([startTestServer(opts), launchBrowser()]);
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  return suite;
}

/** Inputs that a screen reader would announce without a name (no label, aria-label or aria-labelledby). */
export function unlabelledInputs(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('input, select, textarea')]
      .filter((el) => (el as HTMLInputElement).type !== 'hidden')
      .filter((el) => !((el as HTMLInputElement).labels?.length || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby')))
      .map((el) => el.outerHTML),
  );
}

/** A UI text with its `{{name}}` placeholders filled, as i18next renders it. */
export function withParams(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(params[key] ?? ''));
}

/** A new context and page signed in as a demo user (desktop-sized unless told otherwise). */
export async function openSignedIn(suite: BrowserSuite, username: string, viewport?: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page }> {
  const opened = await openPage(suite.browser, viewport);
  await signIn(opened.page, suite.server.url, username);
  return opened;
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** The WCAG 2.1 A and AA rules of axe-core (the portal's quality bar). */
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Runs axe-core's WCAG 2.1 A/AA rules on the page as it is now (or only inside the element
 * `include` selects) and lists each violation with the elements concerned; an empty list is a pass.
 * axe is evaluated through the DevTools protocol, so the page's Content-Security-Policy does not
 * stand in the way and the page itself ships nothing.
 */
export async function axeViolations(page: Page, include?: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(
    async ({ tags, include }) => {
      const axe = (window as unknown as { axe: { run(context: object, options: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
      const result = await axe.run(include ? { include: [[include]] } : document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
    },
    { tags: WCAG_21_AA, include: include ?? null },
  );
  return violations.map((v) => `${v.id} (${v.impact ?? 'n/a'}): ${v.help} — ${v.targets.slice(0, 5).join(' | ')}`);
}

/** Calls the API from a signed-in page, with the session's CSRF token: what the page's own code would send. */
// biome-ignore lint/suspicious/noExplicitAny: API answers are inspected freely in tests
export async function callApi(page: Page, method: string, url: string, body?: unknown): Promise<{ status: number; json: any }> {
  return page.evaluate(
    async ({ method, url, body }) => {
      const me = await (await fetch('/api/v1/auth/me')).json();
      const res = await fetch(url, { method, headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken }, body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: res.status, json: await res.json() };
    },
    { method, url, body },
  );
}
