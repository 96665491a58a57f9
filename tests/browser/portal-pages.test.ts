import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en as portalEn } from '../../web/src/features/portal/texts-en';
import { vi as portalVi } from '../../web/src/features/portal/texts';
import { en as submitEn, vi as submitVi } from '../../web/src/features/submit/texts';
import { checkPage } from './citizen-kit';
import { htmlLang, openPage, switchLanguage, TEXT, useBrowserSuite, withParams, PHONE } from './harness';

/**
 * The citizen portal's quality bar (issue 6) on every portal page: at 360 × 740, signed out and
 * signed in as a citizen, in Vietnamese and in English, the page has no WCAG 2.1 A/AA violation
 * (axe-core), every input has a name, and nothing scrolls sideways.
 */

/** Nguyễn Văn An of the identity simulator (verified level). */
const CITIZEN = 'Nguyễn Văn An';
/** A full-process online procedure of the demo catalogue (a copy of a civil-status extract). */
const PROCEDURE = { code: '2.000635', name: 'Cấp bản sao trích lục hộ tịch' };
/** Another one, whose open draft the drafts list and the wizard show. */
const DRAFT_PROCEDURE = '1.001193';

type Lang = 'vi' | 'en';
const PORTAL = { vi: portalVi, en: portalEn };
const SUBMIT = { vi: submitVi, en: submitEn };

/** A complete, small PDF, as a scanner would produce one. */
function pdf(): Buffer {
  return Buffer.from(`%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%${'x'.repeat(200)}\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`, 'latin1');
}

/** Waits for the page's h1 (exactly `title`) and until nothing is loading any more (no spinner left). */
async function settled(page: Page, title: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: title, exact: true }).waitFor();
  await expect.poll(() => page.locator('.mantine-Loader-root').count()).toBe(0);
}


/** A portal page: its address, its h1 in a language, and whether it needs a citizen's session. */
interface PortalPage {
  path: string;
  title: (lang: Lang) => string;
  citizenOnly: boolean;
  /** Where a signed-in citizen lands, and its h1, when not on `path` itself. */
  signedIn?: { landsOn: RegExp; title: (lang: Lang) => string };
}

describe('every portal page at 360 px: accessible (axe, WCAG 2.1 AA), labelled, no horizontal scroll', () => {
  const suite = useBrowserSuite();
  const contexts: BrowserContext[] = [];
  /** A dossier the citizen submitted online, and the lookup secret its submission answered. */
  const dossier = { code: '', secret: '' };
  let draftId = '';
  let citizen: Page;

  /** Every page of the portal, in the order a visitor meets them. */
  function portalPages(): PortalPage[] {
    return [
      { path: '/', title: (l) => TEXT[l].home.title, citizenOnly: false },
      { path: '/thu-tuc', title: (l) => TEXT[l].catalogue.title, citizenOnly: false },
      { path: `/thu-tuc/${PROCEDURE.code}`, title: () => PROCEDURE.name, citizenOnly: false },
      // Starting an application resumes the open draft of the procedure (or starts one) in the wizard.
      { path: `/nop-ho-so/${PROCEDURE.code}`, title: (l) => SUBMIT[l].wizard.title, citizenOnly: true, signedIn: { landsOn: /^\/ban-nhap\/[0-9a-f-]{36}$/, title: (l) => SUBMIT[l].wizard.title } },
      // Signed in, the sign-in page goes on to the person's dossiers.
      { path: '/dang-nhap', title: (l) => PORTAL[l].signIn.title, citizenOnly: false, signedIn: { landsOn: /^\/ho-so-cua-toi$/, title: (l) => PORTAL[l].list.title } },
      { path: '/tra-cuu', title: (l) => PORTAL[l].lookup.title, citizenOnly: false },
      { path: '/ho-so-cua-toi', title: (l) => PORTAL[l].list.title, citizenOnly: true },
      { path: '/ban-nhap', title: (l) => SUBMIT[l].drafts.title, citizenOnly: true },
      { path: `/ban-nhap/${draftId}`, title: (l) => SUBMIT[l].wizard.title, citizenOnly: true },
      { path: `/ho-so/${dossier.code}`, title: (l) => withParams(PORTAL[l].dossier.title, { code: dossier.code }), citizenOnly: true },
      { path: '/phan-anh', title: (l) => PORTAL[l].feedback.title, citizenOnly: true },
    ];
  }

  /** The public lookup opened from a receipt's QR code (`/tra-cuu/<code>`), the secret typed, the dossier shown. */
  async function lookUp(page: Page, lang: Lang): Promise<void> {
    const texts = PORTAL[lang];
    await page.goto(`${suite.server.url}/tra-cuu/${dossier.code}`);
    await settled(page, texts.lookup.title);
    expect(await page.getByRole('textbox', { name: texts.lookup.code }).inputValue()).toBe(dossier.code);
    await page.getByRole('textbox', { name: texts.lookup.secret }).fill(dossier.secret);
    await page.getByRole('button', { name: texts.lookup.submit, exact: true }).click();
    await page.getByRole('heading', { level: 2, name: withParams(texts.dossier.title, { code: dossier.code }) }).waitFor();
    await expect.poll(() => page.locator('.mantine-Loader-root').count()).toBe(0);
    await page.getByText(PROCEDURE.name, { exact: true }).waitFor();
  }

  beforeAll(async () => {
    const url = suite.server.url;
    const { context, page } = await openPage(suite.browser, PHONE);
    contexts.push(context);
    citizen = page;
    // Signs in as a person would: the portal's sign-in page, then the identity simulator's picker.
    await page.goto(`${url}/dang-nhap?returnTo=/ho-so-cua-toi`);
    await page.getByRole('link', { name: TEXT.vi.citizen.signInWithProvider }).click();
    await page.getByRole('button', { name: new RegExp(`^${CITIZEN}`) }).click();
    await page.waitForURL(`${url}/ho-so-cua-toi`);

    // A dossier submitted online, through the API with the browser's session (cookie and CSRF token).
    const { csrfToken } = (await (await page.request.get(`${url}/api/v1/portal/me`)).json()) as { csrfToken: string };
    const headers = { 'x-csrf-token': csrfToken };
    type Draft = { id: string; version: number; data: Record<string, unknown>; checklist: { id: string; kind: string }[]; procedure: { receivingUnits: { code: string }[] } };
    const created = await page.request.post(`${url}/api/v1/portal/drafts`, { headers, data: { procedureCode: PROCEDURE.code } });
    expect(created.status()).toBe(201);
    const draft = (await created.json()) as Draft;
    for (const item of draft.checklist.filter((c) => c.kind === 'required')) {
      const file = { name: 'ban-quet.pdf', mimeType: 'application/pdf', buffer: pdf() };
      expect((await page.request.post(`${url}/api/v1/portal/drafts/${draft.id}/files`, { headers, multipart: { componentId: item.id, file } })).status()).toBe(201);
    }
    const data = {
      ...draft.data,
      receivingUnitCode: draft.procedure.receivingUnits[0]?.code ?? null,
      returnMethod: 'online',
      contact: { phone: '0912345678', email: null, address: null, representative: null },
    };
    expect((await page.request.put(`${url}/api/v1/portal/drafts/${draft.id}`, { headers, data: { version: draft.version, data } })).status()).toBe(200);
    const submitted = await page.request.post(`${url}/api/v1/portal/drafts/${draft.id}/submit`, { headers });
    expect(submitted.status()).toBe(201);
    Object.assign(dossier, (await submitted.json()) as { code: string; secret: string });
    // And an open draft of another procedure, for the drafts list and the wizard.
    const open = await page.request.post(`${url}/api/v1/portal/drafts`, { headers, data: { procedureCode: DRAFT_PROCEDURE } });
    expect(open.status()).toBe(201);
    draftId = ((await open.json()) as { id: string }).id;
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
  });

  it('signed out: the public pages, and the citizen-only pages sending to the sign-in page', async () => {
    const { context, page } = await openPage(suite.browser, PHONE);
    contexts.push(context);
    for (const { path, title, citizenOnly } of portalPages()) {
      await page.goto(`${suite.server.url}${path}`);
      if (citizenOnly) {
        await page.waitForURL((u) => u.pathname === '/dang-nhap');
        await settled(page, PORTAL.vi.signIn.title);
        expect(new URL(page.url()).searchParams.get('returnTo'), path).toBe(path);
      } else {
        await settled(page, title('vi'));
        expect(new URL(page.url()).pathname, path).toBe(path);
      }
      await checkPage(page, `signed out: ${path}`);
    }
    // The header offers the citizen's sign-in, named by its visible text.
    await page.goto(suite.server.url);
    await page.getByRole('banner').getByRole('link', { name: TEXT.vi.citizen.signIn, exact: true }).waitFor();
    await lookUp(page, 'vi');
    await checkPage(page, 'signed out: lookup result');
  });

  it('signed in as a citizen: every page, the lookup result included', async () => {
    const page = citizen;
    for (const { path, title, signedIn } of portalPages()) {
      await page.goto(`${suite.server.url}${path}`);
      await settled(page, (signedIn?.title ?? title)('vi'));
      if (signedIn) expect(new URL(page.url()).pathname, path).toMatch(signedIn.landsOn);
      else expect(new URL(page.url()).pathname, path).toBe(path);
      await checkPage(page, `signed in: ${path}`);
    }
    // The header's account link says whose account it is (its visible text, on wider screens, is part of that name).
    await page.getByRole('banner').getByRole('link', { name: withParams(TEXT.vi.citizen.account, { name: CITIZEN }), exact: true }).waitFor();
    await lookUp(page, 'vi');
    await checkPage(page, 'signed in: lookup result');
  });

  it('in English, through the header’s language switch: the home page, the lookup, the dossiers, a dossier, the wizard', async () => {
    const { context, page } = await openPage(suite.browser, PHONE);
    contexts.push(context);
    await page.goto(suite.server.url);
    await settled(page, TEXT.vi.home.title);
    await switchLanguage(page, 'vi', 'en');
    await settled(page, TEXT.en.home.title);
    expect(await htmlLang(page)).toBe('en');
    await checkPage(page, 'English, signed out: /');
    await lookUp(page, 'en');
    await checkPage(page, 'English, signed out: lookup result');

    // The citizen's session, in English too (the choice is the browser's, kept across pages).
    const person = citizen;
    await person.goto(suite.server.url);
    await settled(person, TEXT.vi.home.title);
    await switchLanguage(person, 'vi', 'en');
    await settled(person, TEXT.en.home.title);
    const english = portalPages().filter((p) => ['/ho-so-cua-toi', `/ho-so/${dossier.code}`, `/ban-nhap/${draftId}`, '/phan-anh'].includes(p.path));
    expect(english).toHaveLength(4);
    for (const { path, title } of english) {
      await person.goto(`${suite.server.url}${path}`);
      await settled(person, title('en'));
      expect(await htmlLang(person)).toBe('en');
      await checkPage(person, `English, signed in: ${path}`);
    }
  });
});
