import { navigationFor } from '@core/access/navigation';
import { ROLE_PERMISSIONS } from '@core/access/permissions';
import type { Role } from '@core/access/roles';
import { describe, expect, it } from 'vitest';
import { linkNames, openPage, signIn, TEXT, useBrowserSuite } from './harness';

/** The demo accounts of the issue and the role each one holds. */
const DEMO_ROLES: Record<string, Role> = {
  admin: 'system_admin',
  kiemsoat: 'control_officer',
  chutich: 'city_leader',
  giamdoc: 'agency_head',
  lanhdao: 'unit_leader',
  chuyenvien: 'specialist',
  motcua: 'onestop_officer',
  'motcua.xa': 'onestop_officer',
};

const ALL_LABELS = Object.values(TEXT.vi.nav);
const label = (key: string) => TEXT.vi.nav[key as keyof typeof TEXT.vi.nav];

describe('every demo role sees exactly its own navigation', () => {
  const suite = useBrowserSuite();

  it.each(Object.entries(DEMO_ROLES))('%s (%s)', async (username, role) => {
    const expected = navigationFor(ROLE_PERMISSIONS[role]).map((item) => label(item.key));
    const { context, page } = await openPage(suite.browser);
    try {
      await signIn(page, suite.server.url, username);
      const nav = page.getByRole('navigation', { name: TEXT.vi.a11y.mainNavigation });
      expect(await linkNames(nav)).toEqual(expected);
      for (const absent of ALL_LABELS.filter((name) => !expected.includes(name))) {
        expect(await nav.getByRole('link', { name: absent, exact: true }).count()).toBe(0);
      }

      // The header names the unit the server says this person works in.
      const me = (await (await page.request.get(`${suite.server.url}/api/v1/auth/me`)).json()) as { user: { fullName: string; unitName: string } };
      const banner = page.getByRole('banner');
      await banner.getByText(me.user.unitName, { exact: false }).first().waitFor();
      await page.getByRole('heading', { level: 1, name: TEXT.vi.overview.greeting.replace('{{name}}', me.user.fullName) }).waitFor();
    } finally {
      await context.close();
    }
  });

  it('a page outside the role is refused even when typed into the address bar', async () => {
    const { context, page } = await openPage(suite.browser);
    try {
      await signIn(page, suite.server.url, 'chuyenvien');
      await page.goto(`${suite.server.url}/staff/audit`);
      await page.getByRole('heading', { level: 1, name: TEXT.vi.staff.forbiddenTitle }).waitFor();
      expect(await page.getByRole('table').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
