import { beforeAll, describe, expect, it } from 'vitest';
import { openPage, signIn, TEXT, useBrowserSuite } from './harness';

const T = TEXT.vi;

/** What someone typing on a keyboard without a Vietnamese input method would enter. */
function withoutDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

describe('public home and workspace pages', () => {
  const suite = useBrowserSuite();
  let units: { id: string; name: string; kind: string; active: boolean; successorId: string | null }[];

  beforeAll(async () => {
    units = ((await (await fetch(`${suite.server.url}/api/v1/units`)).json()) as { units: typeof units }).units;
  });

  it('the home page lists the real units and finds one typed without diacritics', async () => {
    const { context, page } = await openPage(suite.browser);
    try {
      await page.goto(suite.server.url);
      await page.getByRole('link', { name: T.home.staffLogin }).waitFor();
      const active = units.filter((u) => u.active);
      await page.getByText(T.home.unitCount.replace('{{count}}', String(active.length))).waitFor();

      const target = active.find((u) => u.kind === 'department') as (typeof units)[number];
      const other = active.find((u) => u.kind === 'commune') as (typeof units)[number];
      await page.getByRole('searchbox', { name: T.home.directorySearch }).fill(withoutDiacritics(target.name));
      const directory = page.getByRole('region', { name: T.home.directoryTitle });
      await directory.getByText(target.name, { exact: true }).waitFor();
      expect(await directory.getByText(other.name, { exact: true }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('the organisation tree marks a merged unit with its successor', async () => {
    const merged = units.find((u) => !u.active && u.successorId);
    expect(merged, 'the demo seed has a merged unit').toBeDefined();
    const successor = units.find((u) => u.id === merged?.successorId);
    const { context, page } = await openPage(suite.browser);
    try {
      await signIn(page, suite.server.url, 'chutich');
      await page.getByRole('navigation', { name: T.a11y.mainNavigation }).getByRole('link', { name: T.nav.organisation }).click();
      const tree = page.getByRole('list', { name: T.units.treeLabel });
      await tree.getByText(merged?.name ?? '', { exact: true }).waitFor();
      await tree.getByText(T.units.mergedInto.replace('{{name}}', successor?.name ?? '')).waitFor();
    } finally {
      await context.close();
    }
  });

  it('the users page lists accounts in a table', async () => {
    const { context, page } = await openPage(suite.browser);
    try {
      await signIn(page, suite.server.url, 'admin');
      const listed = (await (await page.request.get(`${suite.server.url}/api/v1/users`)).json()) as { users: { username: string; fullName: string }[] };
      const specialist = listed.users.find((u) => u.username === 'chuyenvien') as { fullName: string };
      await page.getByRole('navigation', { name: T.a11y.mainNavigation }).getByRole('link', { name: T.nav.users }).click();
      const table = page.getByRole('table');
      await expect.poll(() => table.getByRole('rowheader').count()).toBe(listed.users.length);
      await page.getByRole('searchbox', { name: T.users.filter }).fill('chuyenvien');
      await expect.poll(() => table.getByRole('rowheader').allInnerTexts()).toEqual([specialist.fullName]);
    } finally {
      await context.close();
    }
  });

  it('the audit log shows the sign-in and the integrity check passes', async () => {
    const { context, page } = await openPage(suite.browser);
    try {
      await signIn(page, suite.server.url, 'kiemsoat');
      await page.getByRole('navigation', { name: T.a11y.mainNavigation }).getByRole('link', { name: T.nav.audit }).click();
      await page.getByRole('table').getByRole('cell', { name: T.auditActions.auth.login }).first().waitFor();
      await page.getByRole('button', { name: T.audit.verify }).click();
      await page.getByRole('status').getByText(T.audit.verifyOk).waitFor();
    } finally {
      await context.close();
    }
  });
});
