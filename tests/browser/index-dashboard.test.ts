import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WEB_DIST } from '../../server/http/web-client';
import { intakeFor } from '../support/dossiers';
import { en as PE, vi as P } from '../../web/src/features/index/public-texts';
import { en as DE, vi as D } from '../../web/src/features/index/texts';
import { axeViolations, openPage, openSignedIn, PHONE, scrollWidth, switchLanguage, TEXT, useBrowserSuite, withParams } from './harness';


const CITY = 'Ủy ban nhân dân thành phố Hải Phòng';
const TUPHAP = 'Sở Tư pháp';

describe('the index dashboard and the public index page', () => {
  const suite = useBrowserSuite();

  /** Receives one dossier at the city service centre through the API, as the one-stop officer would. */
  async function receiveDossier(): Promise<string> {
    const { context } = await openPage(suite.browser);
    try {
      const login = await context.request.post(`${suite.server.url}/api/v1/auth/login`, { data: { username: 'motcua', password: 'demo123' } });
      const headers = { 'x-csrf-token': (await login.json()).csrfToken as string };
      const created = await context.request.post(`${suite.server.url}/api/v1/dossiers`, { data: intakeFor(), headers });
      expect(created.status()).toBe(201);
      const dossier = (await created.json()).dossier as { id: string; version: number };
      const accepted = await context.request.post(`${suite.server.url}/api/v1/dossiers/${dossier.id}/actions/accept`, { data: { version: dossier.version, input: { components: ['1', '2'] } }, headers });
      expect(accepted.status(), await accepted.text()).toBe(200);
      return (await accepted.json()).dossier.code as string;
    } finally {
      await context.close();
    }
  }

  it('a city leader opens the dashboard from the menu, sees the ranking and follows a figure to the dossiers it counted', async () => {
    const code = await receiveDossier();
    const { context, page } = await openSignedIn(suite, 'chutich');
    try {
      await page.getByRole('navigation', { name: TEXT.vi.a11y.mainNavigation }).getByRole('link', { name: TEXT.vi.nav.index }).click();
      await page.getByRole('heading', { level: 1, name: D.title }).waitFor();
      const ranking = page.getByRole('region', { name: P.ranking.title, exact: true });
      await ranking.getByRole('rowheader', { name: TUPHAP }).waitFor();
      await ranking.getByRole('rowheader', { name: withParams(P.ranking.whole, { name: CITY }) }).waitFor();
      // sorting by a group keeps every unit and marks the column
      await ranking.getByRole('button', { name: /^TDGQ/ }).click();
      expect(await ranking.getByRole('columnheader', { name: /^TDGQ/ }).getAttribute('aria-sort')).toBe('descending');
      // the heat table and the city rule are there, with words beside the colours
      await page.getByRole('region', { name: D.heat.title, exact: true }).getByText(D.heat.bands.full).waitFor();
      await page.getByRole('region', { name: D.rules.title, exact: true }).getByRole('rowheader', { name: TUPHAP }).waitFor();

      // the monthly trend: an ECharts line (drawn as SVG) with the same figures as a table of month links
      const trend = page.getByRole('region', { name: withParams(D.trend.title, { year: 2026, name: CITY }), exact: true });
      await trend.getByRole('img').locator('svg path').first().waitFor({ state: 'attached' });
      expect(await trend.getByRole('link', { includeHidden: true }).count()).toBeGreaterThan(0);
      expect(await axeViolations(page, 'main')).toEqual([]);

      // the city's detail (the default): CLGQ.3's denominator is the dossiers received in the period
      const detail = page.getByRole('region', { name: withParams(D.detail.title, { name: CITY }), exact: true });
      await detail.getByRole('link', { name: new RegExp(`^CLGQ\\.3 ${P.indicators['CLGQ.3']}, ${P.unit.denominator}: 1$`) }).click();
      await page.getByRole('heading', { level: 1, name: withParams(D.drill.title, { code: 'CLGQ.3', name: P.indicators['CLGQ.3'] }) }).waitFor();
      await page.getByRole('status').getByText(withParams(D.drill.total, { count: 1 })).waitFor();
      await page.getByRole('rowheader').getByRole('link', { name: code }).waitFor();
      expect(page.url()).toContain('part=denominator');
      // the other part of the same indicator: no counter dossier is an online dossier
      await page.getByText(D.drill.numerator, { exact: true }).click();
      await page.getByRole('status').getByText(withParams(D.drill.total, { count: 0 })).waitFor();
      expect(await axeViolations(page, 'main')).toEqual([]);
      // and in English
      await switchLanguage(page, 'vi', 'en');
      await page.getByRole('heading', { level: 1, name: withParams(DE.drill.title, { code: 'CLGQ.3', name: PE.indicators['CLGQ.3'] }) }).waitFor();
      await page.getByRole('status').getByText(withParams(DE.drill.total, { count: 0 })).waitFor();
    } finally {
      await context.close();
    }
  });

  it('a city leader sets a target on a phone and sees it against the actual figure', async () => {
    const { context, page } = await openSignedIn(suite, 'chutich', PHONE);
    try {
      await page.goto(`${suite.server.url}/staff/index`);
      const targets = page.getByRole('region', { name: new RegExp(`^${D.targets.title.split('{{')[0]}`) });
      await targets.getByText(D.targets.noneSet).waitFor();
      await targets.getByRole('button', { name: D.targets.edit }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel(D.targets.totalLabel).fill('99');
      await dialog.getByRole('button', { name: D.targets.save }).click();
      await targets.getByText(D.targets.saved).waitFor();
      const row = targets.getByRole('row', { name: new RegExp(D.targets.totalName) });
      await row.getByText('99,00').waitFor();
      await row.getByText(D.targets.missed).waitFor();
      expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    } finally {
      await context.close();
    }
  });

  it('a division’s leader sees their own division by default and may not set targets', async () => {
    const { context, page } = await openSignedIn(suite, 'lanhdao');
    try {
      await page.goto(`${suite.server.url}/staff/index`);
      const detail = page.getByRole('region', { name: withParams(D.detail.title, { name: 'Phòng Hành chính tư pháp' }), exact: true });
      await detail.getByRole('heading', { name: P.unit.groupsTitle }).waitFor();
      await page.getByRole('region', { name: P.ranking.title, exact: true }).getByText(P.ranking.empty).waitFor();
      const targets = page.getByRole('region', { name: new RegExp(`^${D.targets.title.split('{{')[0]}`) });
      await targets.getByText(D.targets.noneSet).waitFor();
      expect(await targets.getByRole('button', { name: D.targets.edit }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('/chi-so works without signing in at 360 px, with no accessibility violations, in Vietnamese and English', async () => {
    const { context, page } = await openPage(suite.browser, PHONE);
    try {
      await page.goto(`${suite.server.url}/chi-so`);
      await page.getByRole('heading', { level: 1, name: P.title }).waitFor();
      const ranking = page.getByRole('region', { name: P.ranking.title, exact: true });
      await ranking.getByRole('rowheader', { name: TUPHAP }).waitFor();
      expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
      expect(await axeViolations(page)).toEqual([]);

      // a unit's page: its groups and indicators, and the city rule
      await ranking.getByRole('link', { name: TUPHAP, exact: true }).click();
      await page.getByRole('heading', { level: 2, name: TUPHAP }).waitFor();
      await page.getByRole('heading', { name: P.unit.groupsTitle }).waitFor();
      await page.getByRole('rowheader', { name: new RegExp(`^TDGQ\\.1 ${P.indicators['TDGQ.1']}`) }).waitFor();
      expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
      expect(await axeViolations(page)).toEqual([]);

      // the unit's address opens directly too (a shared link, a reload)
      expect(new URL(page.url()).pathname).toBe('/chi-so/000.00.03.H26');
      await page.reload();
      await page.getByRole('heading', { level: 2, name: TUPHAP }).waitFor();

      await switchLanguage(page, 'vi', 'en');
      await page.getByRole('heading', { level: 1, name: PE.title }).waitFor();
      await page.getByRole('heading', { name: PE.unit.groupsTitle }).waitFor();
      await page.getByRole('link', { name: PE.unit.back }).click();
      await page.getByRole('region', { name: PE.ranking.title, exact: true }).getByRole('rowheader', { name: TUPHAP }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the public page’s chunks hold no back-office code, no schema library and no chart library', () => {
    const manifest = JSON.parse(readFileSync(path.join(WEB_DIST, '.vite', 'manifest.json'), 'utf8')) as Record<string, { file: string; imports?: string[] }>;
    const modules = JSON.parse(readFileSync(path.join(WEB_DIST, '.vite', 'modules.json'), 'utf8')) as Record<string, string[]>;
    const reached = new Set<string>();
    const visit = (key: string) => {
      const chunk = manifest[key];
      if (!chunk || reached.has(chunk.file)) return;
      reached.add(chunk.file);
      for (const next of chunk.imports ?? []) visit(next);
    };
    visit('src/features/index/PublicIndexPage.tsx');
    expect(reached.size).toBeGreaterThan(1);
    const loaded = [...reached].flatMap((file) => modules[file] ?? []);
    const forbidden = loaded.filter(
      (id) =>
        /^web\/src\/features\/(dossiers|users|audit|calendar|publication|feedback)\//.test(id) ||
        /^web\/src\/features\/index\/(DashboardPage|DrillPage|HeatTable|TrendChart|TargetsPanel|CityRulesTable|queries|texts)\./.test(id) ||
        /^web\/src\/features\/(shell\/(StaffRoutes|StaffLayout|StaffNav)|auth\/(RequireStaff|RequirePermission|LoginPage|LogoutPage))/.test(id) ||
        /node_modules\/(zod|echarts|recharts|chart\.js|d3)/.test(id),
    );
    expect(forbidden).toEqual([]);
  });
});
