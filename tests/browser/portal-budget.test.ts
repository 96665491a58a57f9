import { readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { parsePicker } from '../../server/features/citizens/test-agent';
import { WEB_DIST } from '../../server/http/web-client';
import { vi as portalVi } from '../../web/src/features/portal/texts';
import { openPage, signIn, TEXT, useBrowserSuite, PHONE } from './harness';

/**
 * The portal's JavaScript budget (issue 6): a citizen's first page loads at most 150 KB of
 * compressed JavaScript, and no portal page loads the back office's code or a chart library.
 * Every script a page receives is recorded and measured gzipped (level 9, as the build's `.gz`
 * files); the brotli size (what browsers accepting `br` receive) is printed beside it. Which source
 * modules a chunk holds comes from the build's `web/dist/.vite/modules.json`.
 */

const BUDGET = 150 * 1024;

/**
 * Source modules of the staff workspace: its features, its routes, frame, guards and sign-in, and its
 * texts. One module in a staff folder is shared with the portal and allowed: `units/queries.ts`
 * (the home page's public unit directory reads the same list).
 */
const BACK_OFFICE: readonly RegExp[] = [
  /^web\/src\/features\/(dossiers|units|users|audit|calendar|publication|feedback)\//,
  /^web\/src\/features\/shell\/(StaffRoutes|StaffLayout|StaffNav|UserMenu|OverviewPage)\.tsx$/,
  /^web\/src\/features\/auth\/(RequireStaff|RequirePermission|LoginPage|LogoutPage)\.tsx$/,
  /^web\/src\/features\/catalogue\/CatalogueImportPage\.tsx$/,
  /^core\/access\/navigation\.ts$/,
  /^web\/src\/i18n\/staff\.ts$/,
  /staff-texts|\?staff$/,
];
const SHARED = new Set(['web/src/features/units/queries.ts']);
/** Chart libraries (none is a dependency today; one added for the back office must stay there). */
const CHARTS = /node_modules\/(@mantine\/charts|recharts|chart\.js|react-chartjs-2|echarts|apexcharts|highcharts|victory[\w-]*|d3|d3-[\w-]+)\//;

/** The portal's pages and the pieces they load on demand (web/src/App.tsx and the portal's lazy parts). */
const PORTAL_SOURCES = [
  'src/features/home/HomePage.tsx',
  'src/features/catalogue/SearchPage.tsx',
  'src/features/catalogue/ProcedurePage.tsx',
  'src/features/catalogue/VersionsPage.tsx',
  'src/features/submit/StartPage.tsx',
  'src/features/submit/DraftsPage.tsx',
  'src/features/submit/WizardPage.tsx',
  'src/features/portal/SignInPage.tsx',
  'src/features/portal/LookupPage.tsx',
  'src/features/portal/PortalArea.tsx',
  'src/features/portal/MyDossiersPage.tsx',
  'src/features/portal/DossierPage.tsx',
  'src/features/portal/FeedbackPage.tsx',
  'src/features/portal/ActingForSwitch.tsx',
  'src/features/portal/RatingForm.tsx',
  'src/features/portal/texts-en.ts',
];

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
}

function readBuild(name: string): unknown {
  return JSON.parse(readFileSync(path.join(WEB_DIST, '.vite', name), 'utf8'));
}

/** Source modules of each chunk of the build, by file name (`assets/x.js`). */
const chunkModules = () => readBuild('modules.json') as Record<string, string[]>;
const manifest = () => readBuild('manifest.json') as Record<string, ManifestChunk>;

/** The build's entry chunk (index.html's script). */
function entryChunk(): string {
  const entry = Object.values(manifest()).find((item) => item.isEntry);
  if (!entry) throw new Error('no entry chunk in the build manifest');
  return entry.file;
}

/** The staff modules and chart libraries among a chunk's source modules. */
function forbidden(chunk: string): string[] {
  const sources = chunkModules()[chunk];
  if (!sources) return [`${chunk} is not a chunk of this build`];
  return sources.filter((id) => (!SHARED.has(id) && BACK_OFFICE.some((pattern) => pattern.test(id))) || CHARTS.test(id));
}

interface Script {
  chunk: string;
  gzip: number;
  brotli: number;
}

/** Records every JavaScript file the page receives, with its compressed sizes. */
function recordScripts(page: Page): () => Promise<Script[]> {
  const pending: Promise<Script>[] = [];
  page.on('response', (response) => {
    const { pathname } = new URL(response.url());
    if (response.request().resourceType() !== 'script' && !pathname.endsWith('.js')) return;
    pending.push(
      response.body().then((body) => ({
        chunk: pathname.replace(/^\//, ''),
        gzip: gzipSync(body, { level: constants.Z_BEST_COMPRESSION }).length,
        brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } }).length,
      })),
    );
  });
  return () => Promise.all(pending);
}

/** Opens `url`, waits for its h1 and for the network to fall quiet, and answers the scripts it loaded. */
async function measure(page: Page, url: string, title: string): Promise<Script[]> {
  const scripts = recordScripts(page);
  await page.goto(url);
  await page.getByRole('heading', { level: 1, name: title, exact: true }).waitFor();
  await page.waitForLoadState('networkidle');
  return scripts();
}

/**
 * Prints the figures and checks: the entry chunk was measured, no back-office or chart code and, for
 * a page a citizen may open first (`budget`), within the budget.
 */
function check(scripts: Script[], what: string, budget: boolean): void {
  const gzip = scripts.reduce((sum, s) => sum + s.gzip, 0);
  const brotli = scripts.reduce((sum, s) => sum + s.brotli, 0);
  const largest = [...scripts].sort((a, b) => b.gzip - a.gzip).map((s) => `  ${String(s.gzip).padStart(7)}  ${s.chunk}`);
  console.log(`${what}: ${scripts.length} scripts, ${gzip} bytes gzipped (${(gzip / 1024).toFixed(1)} KB of ${BUDGET / 1024} KB), ${brotli} bytes brotli\n${largest.join('\n')}`);
  expect(scripts.map((s) => s.chunk), what).toContain(entryChunk());
  for (const { chunk } of scripts) expect(forbidden(chunk), `${what}: ${chunk}`).toEqual([]);
  if (budget) expect(gzip, `${what}: gzipped JavaScript`).toBeLessThanOrEqual(BUDGET);
}

describe('the portal’s JavaScript budget', () => {
  const suite = useBrowserSuite();
  const contexts: BrowserContext[] = [];

  afterAll(async () => {
    for (const context of contexts) await context.close();
  });

  async function freshPage(): Promise<{ context: BrowserContext; page: Page }> {
    const opened = await openPage(suite.browser, PHONE);
    contexts.push(opened.context);
    return opened;
  }

  it('the first page (/) loads at most 150 KB of compressed JavaScript, none of it the back office’s', async () => {
    const { page } = await freshPage();
    check(await measure(page, suite.server.url, TEXT.vi.home.title), 'first page /', true);
  });

  it('the public lookup opened directly (/tra-cuu) stays within the budget, without back-office code', async () => {
    const { page } = await freshPage();
    check(await measure(page, `${suite.server.url}/tra-cuu`, portalVi.lookup.title), '/tra-cuu', true);
  });

  // Behind sign-in, so never the first page: the figure is printed, and no back-office code is allowed.
  it('a signed-in citizen’s dossiers opened directly (/ho-so-cua-toi) load no back-office code', async () => {
    const { context, page } = await freshPage();
    // The portal session through the identity simulator, in the context's cookie jar (no page loaded).
    const toPicker = await context.request.get(`${suite.server.url}/api/v1/portal/auth/login?returnTo=%2Fho-so-cua-toi`);
    expect(toPicker.status()).toBe(200);
    const { action, subs } = parsePicker(await toPicker.text());
    expect((await context.request.post(new URL(action, toPicker.url()).href, { form: { sub: subs[0] ?? '' } })).ok()).toBe(true);
    expect((await context.request.get(`${suite.server.url}/api/v1/portal/me`)).status()).toBe(200);

    check(await measure(page, `${suite.server.url}/ho-so-cua-toi`, portalVi.list.title), '/ho-so-cua-toi (signed in)', false);
  });

  it('no portal page, nor what it loads on demand, statically imports a chunk holding back-office code or a chart library', () => {
    const chunks = manifest();
    const reached = new Set<string>();
    const visit = (key: string) => {
      const chunk = chunks[key];
      if (!chunk || reached.has(chunk.file)) return;
      reached.add(chunk.file);
      for (const next of chunk.imports ?? []) visit(next);
    };
    const entryKey = Object.keys(chunks).find((key) => chunks[key]?.isEntry) ?? '';
    for (const source of [entryKey, ...PORTAL_SOURCES]) {
      expect(chunks[source], source).toBeDefined();
      visit(source);
    }
    expect(Object.fromEntries([...reached].map((chunk) => [chunk, forbidden(chunk)]).filter(([, bad]) => bad.length > 0))).toEqual({});
  });

  it('the staff workspace loads its routes and pages in chunks of its own', async () => {
    const { page } = await openPage(suite.browser);
    contexts.push(page.context());
    const scripts = recordScripts(page);
    await signIn(page, suite.server.url, 'admin');
    // the overview page is a lazy chunk of its own: wait until it has rendered
    await page.getByRole('heading', { level: 1, name: new RegExp(`^${TEXT.vi.overview.greeting.split('{{')[0]}`) }).waitFor();
    await page.waitForLoadState('networkidle');
    const loaded = (await scripts()).flatMap((s) => chunkModules()[s.chunk] ?? []);
    expect(loaded).toContain('web/src/features/shell/StaffRoutes.tsx');
    expect(loaded).toContain('web/src/features/shell/OverviewPage.tsx');
    expect(chunkModules()[entryChunk()]).not.toContain('web/src/features/shell/StaffRoutes.tsx');
  });
});
