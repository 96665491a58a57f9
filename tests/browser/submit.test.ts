import { ERRORS } from '@core/errors/catalogue';
import type { DraftData } from '@core/portal/api';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { reapply } from '../../web/src/features/submit/merge';
import { en as submitEn, vi as submitVi } from '../../web/src/features/submit/texts';
import { checkPage, chooseFile, saved, stepHeading } from './citizen-kit';
import { DEMO_PASSWORD, openPage, switchLanguage, TEXT, useBrowserSuite, withParams, PHONE } from './harness';

const S = submitVi;
/** A full-process online procedure of the demo catalogue, received by every commune's one-stop desk: two required components and one conditional. */
const PROCEDURE = { code: '1.001193', name: 'Đăng ký khai sinh' };
const FORM = 'Tờ khai đăng ký khai sinh';
const BIRTH = 'Giấy chứng sinh';
const PROXY = 'Văn bản ủy quyền (trường hợp ủy quyền)';
/** A full-process procedure with one component, whose catalogue entry the test edits (a new version). */
const CHANGED = { code: '2.000635', name: 'Cấp bản sao trích lục hộ tịch' };
/** A partly-online procedure: marrying needs both people in person, for the reason the catalogue gives. */
const PARTIAL = { code: '1.000894', reason: 'Người yêu cầu phải có mặt để ký vào Sổ hộ tịch và nhận kết quả theo quy định của Luật Hộ tịch.' };
/** Nguyễn Văn An of the identity simulator (verified level). */
const CITIZEN = { name: 'Nguyễn Văn An', idNumber: '031085012345', phone: '0912345678', email: 'an.nguyen@example.vn' };

/** A complete PDF of about `size` bytes, as a scanner would produce one. */
function pdf(size = 400): Buffer {
  const head = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1');
  const tail = Buffer.from('trailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1');
  const padding = Math.max(0, size - head.length - tail.length - 2);
  return Buffer.concat([head, Buffer.from(`%${'x'.repeat(padding)}\n`, 'latin1'), tail]);
}

/** Every leaf of a nested text tree, as "a.b.c" → text. */
function leaves(tree: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [k, v] of leaves(value as object, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}


/** Signs in through the identity-provider simulator from the portal's sign-in page and lands where it was sent back to. */
async function signInCitizen(page: Page, name: string): Promise<void> {
  await page.waitForURL(/\/dang-nhap\?/);
  await page.getByRole('link', { name: TEXT.vi.citizen.signInWithProvider }).or(page.getByRole('button', { name: TEXT.vi.citizen.signInWithProvider })).click();
  await page.getByRole('button', { name: new RegExp(`^${name}`) }).click();
}

/** The citizen's API as the browser's session, for checks the page cannot show (CSRF token from `me`). */
async function citizenApi(page: Page, url: string) {
  const me = (await (await page.request.get(`${url}/api/v1/portal/me`)).json()) as { csrfToken: string };
  const headers = { 'x-csrf-token': me.csrfToken };
  return {
    get: async (path: string) => (await page.request.get(`${url}${path}`)).json(),
    post: (path: string) => page.request.post(`${url}${path}`, { headers }),
  };
}

describe('the online submission wizard: texts and merging', () => {
  it('Vietnamese and English texts have the same keys and placeholders, none empty', () => {
    const vi = leaves(submitVi);
    const en = leaves(submitEn);
    expect([...en.keys()].sort()).toEqual([...vi.keys()].sort());
    const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const [key, text] of vi) {
      expect(text.trim(), key).not.toBe('');
      expect(placeholders(en.get(key) ?? ''), key).toEqual(placeholders(text));
    }
  });

  it('a stale autosave keeps what another device saved and puts this form’s own changes back on top', () => {
    const base: DraftData = {
      contact: { phone: '0912345678', email: null, address: 'Lạch Tray', representative: null },
      receivingUnitCode: null,
      returnMethod: null,
      postAddress: null,
      fields: { purpose: 'A' },
      conditions: { '3': { applies: true, note: null } },
      notes: null,
    };
    const server: DraftData = { ...base, contact: { ...base.contact, email: 'khac@example.vn' }, returnMethod: 'counter', fields: { purpose: 'B' } };
    const local: DraftData = { ...base, contact: { ...base.contact, phone: '0987654321' }, returnMethod: 'online', conditions: {} };
    expect(reapply(server, base, local)).toEqual({
      ...base,
      contact: { phone: '0987654321', email: 'khac@example.vn', address: 'Lạch Tray', representative: null },
      returnMethod: 'online',
      fields: { purpose: 'B' },
      conditions: {},
    });
    // Nothing changed here: the newer draft is taken as it is.
    expect(reapply(server, base, base)).toEqual(server);
  });
});

describe('the online submission wizard at 360 px', () => {
  const suite = useBrowserSuite();
  const contexts: BrowserContext[] = [];

  afterAll(async () => {
    for (const context of contexts) await context.close();
  });

  async function phonePage(): Promise<Page> {
    const { context, page } = await openPage(suite.browser, PHONE);
    contexts.push(context);
    return page;
  }

  it('a signed-in citizen applies online from the catalogue: uploads with progress, resumes after a reload, checks the answers, submits once', async () => {
    const url = suite.server.url;
    const page = await phonePage();

    // The procedure page offers online submission; the wizard asks to sign in first and comes back.
    await page.goto(`${url}/thu-tuc/${PROCEDURE.code}`);
    await page.getByRole('heading', { level: 1, name: PROCEDURE.name }).waitFor();
    await page.getByRole('link', { name: TEXT.vi.catalogue.applyOnline }).click();
    await signInCitizen(page, CITIZEN.name);
    await page.waitForURL(/\/ban-nhap\/[0-9a-f-]{36}$/);
    const draftUrl = page.url();

    // Step 1: the applicant from the identity, contact prefilled, the receiving desk to choose.
    await stepHeading(page, 1, 'nguoi-nop').waitFor();
    await page.getByText(CITIZEN.idNumber, { exact: true }).waitFor();
    expect(await page.getByRole('textbox', { name: S.applicant.phone }).inputValue()).toBe(CITIZEN.phone);
    expect(await page.getByRole('textbox', { name: S.applicant.email }).inputValue()).toBe(CITIZEN.email);
    const desks = page.getByRole('radiogroup', { name: S.applicant.receivingUnit }).getByRole('radio');
    expect(await desks.count()).toBeGreaterThan(1);
    await checkPage(page, 'step 1');
    await desks.first().check();
    await saved(page);
    await page.getByRole('button', { name: S.wizard.next, exact: true }).click();

    // Step 2: a wrong type is refused next to its component, by name here and by content on the server.
    await stepHeading(page, 2, 'thanh-phan').waitFor();
    await checkPage(page, 'step 2');
    const chooseForm = withParams(S.files.chooseLabel, { name: FORM });
    await chooseFile(page, chooseForm, { name: 'to-khai.txt', mimeType: 'text/plain', buffer: Buffer.from('không phải tệp quét') });
    await page.getByRole('alert').getByText(withParams(S.files.refused.type, { name: 'to-khai.txt' })).waitFor();
    const disguised = { name: 'to-khai.pdf', mimeType: 'application/pdf', buffer: Buffer.concat([Buffer.from('MZ', 'latin1'), Buffer.alloc(300)]) };
    await chooseFile(page, chooseForm, disguised);
    await page.getByRole('alert').getByText(withParams(S.files.failed, { name: 'to-khai.pdf', message: ERRORS.UPLOAD_TYPE_NOT_ALLOWED.vi })).waitFor();

    // A real scan, sent over a slow line: the progress bar moves between 0 and 100 %.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 200 * 1024 });
    await chooseFile(page, chooseForm, { name: 'to-khai.pdf', mimeType: 'application/pdf', buffer: pdf(600 * 1024) });
    const progress = page.getByRole('progressbar', { name: withParams(S.files.progress, { name: 'to-khai.pdf' }) });
    await expect.poll(async () => Number((await progress.getAttribute('aria-valuenow')) ?? 0)).toBeGreaterThan(0);
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await page.getByRole('list', { name: withParams(S.files.list, { name: FORM }) }).getByRole('link', { name: 'to-khai.pdf' }).waitFor();
    await page.getByText(withParams(S.files.uploaded, { name: 'to-khai.pdf' })).waitFor();
    await expect.poll(() => progress.count()).toBe(0);

    // A second file for the same component, then removed again.
    await chooseFile(page, withParams(S.files.addMoreLabel, { name: FORM }), { name: 'trang-2.pdf', mimeType: 'application/pdf', buffer: pdf() });
    await page.getByText(withParams(S.files.uploaded, { name: 'trang-2.pdf' })).waitFor();
    await page.getByRole('button', { name: withParams(S.files.removeLabel, { name: 'trang-2.pdf' }) }).click();
    await page.getByText(withParams(S.files.removed, { name: 'trang-2.pdf' })).waitFor();

    await chooseFile(page, withParams(S.files.chooseLabel, { name: BIRTH }), { name: 'giay-chung-sinh.pdf', mimeType: 'application/pdf', buffer: pdf() });
    await page.getByText(withParams(S.files.uploaded, { name: 'giay-chung-sinh.pdf' })).waitFor();
    // The conditional component: its case does not apply.
    const proxy = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: PROXY }) });
    await proxy.getByText(withParams(S.files.condition, { condition: 'Trong trường hợp được nêu tại tên thành phần' })).waitFor();
    await proxy.getByRole('radio', { name: S.files.appliesNo }).check();
    await saved(page);
    await checkPage(page, 'step 2 with files');

    // Reloading midway: the same step, the same files and answers, from the server.
    await page.reload();
    await stepHeading(page, 2, 'thanh-phan').waitFor();
    expect(page.url()).toBe(`${draftUrl}?buoc=thanh-phan`);
    await page.getByRole('link', { name: 'to-khai.pdf' }).waitFor();
    await page.getByRole('link', { name: 'giay-chung-sinh.pdf' }).waitFor();
    expect(await page.getByRole('link', { name: 'trang-2.pdf' }).count()).toBe(0);
    expect(await proxy.getByRole('radio', { name: S.files.appliesNo }).isChecked()).toBe(true);
    await page.getByRole('button', { name: S.wizard.next, exact: true }).click();

    // Step 3: the result online.
    await stepHeading(page, 3, 'nhan-ket-qua').waitFor();
    await page.getByRole('radio', { name: S.return.online }).check();
    await saved(page);
    await checkPage(page, 'step 3');
    await page.getByRole('button', { name: S.wizard.next, exact: true }).click();

    // Step 4: everything on one page with edit links, nothing missing.
    await stepHeading(page, 4, 'kiem-tra').waitFor();
    const section = (name: string) => page.getByRole('region', { name });
    await section(S.steps['nguoi-nop']).getByText(CITIZEN.name, { exact: true }).waitFor();
    await section(S.steps['thanh-phan']).getByText('to-khai.pdf', { exact: true }).waitFor();
    await section(S.steps['thanh-phan']).getByText(S.files.state.not_applicable, { exact: true }).waitFor();
    await section(S.steps['nhan-ket-qua']).getByText(S.return.online, { exact: true }).waitFor();
    for (const name of [S.steps['nguoi-nop'], S.steps['thanh-phan'], S.steps['nhan-ket-qua']]) {
      await section(name).getByRole('link', { name: withParams(S.review.editLabel, { section: name }) }).waitFor();
    }
    expect(await page.getByText(S.review.problems).count()).toBe(0);
    await checkPage(page, 'step 4');

    // A double click submits once: the button is disabled at the first click, the server is idempotent anyway.
    const citizen = await citizenApi(page, url);
    const before = ((await citizen.get('/api/v1/portal/dossiers')) as { total: number }).total;
    await page.getByRole('button', { name: S.review.submit }).dblclick();
    await page.getByRole('heading', { level: 1, name: S.done.title }).waitFor();
    const code = (await page.getByText(/^\d{3}\.\d{2}\.\d{2}\.H26-\d{6}-\d{4,6}$/).textContent()) ?? '';
    expect(code).not.toBe('');
    const secret = ((await page.getByRole('region', { name: S.done.secret }).getByText(/^[A-Z0-9]{4} [A-Z0-9]{4}$/).textContent()) ?? '').replace(' ', '');
    expect(secret).toHaveLength(8);
    await page.getByText(withParams(S.done.secretMailed, { email: CITIZEN.email })).waitFor();
    expect(await page.getByRole('link', { name: S.done.track }).getAttribute('href')).toBe(`/ho-so/${code}`);
    await checkPage(page, 'submitted');

    const dossiers = (await citizen.get('/api/v1/portal/dossiers')) as { total: number; items: { code: string; channel: string }[] };
    expect(dossiers.total).toBe(before + 1);
    expect(dossiers.items.filter((d) => d.code === code)).toEqual([expect.objectContaining({ channel: 'online' })]);
    // A retried submission answers the same dossier, and the secret shown opens the public lookup.
    const again = await citizen.post(`/api/v1/portal/drafts/${draftUrl.split('/').pop()}/submit`);
    expect(again.status()).toBe(200);
    expect(await again.json()).toMatchObject({ code, created: false, secret: null });
    expect((await page.request.get(`${url}/api/v1/track/${code}?secret=${secret}`)).status()).toBe(200);
    expect((await citizen.get('/api/v1/portal/drafts')) as { items: unknown[] }).toEqual({ items: [] });
  });

  it('a draft saved meanwhile on another device keeps both: the other device’s change and what was typed here', async () => {
    const url = suite.server.url;
    const first = await phonePage();
    await first.goto(`${url}/nop-ho-so/${PROCEDURE.code}`);
    await signInCitizen(first, 'Trần Thị Bình');
    await first.waitForURL(/\/ban-nhap\/[0-9a-f-]{36}$/);
    await stepHeading(first, 1, 'nguoi-nop').waitFor();
    // The same session in a second tab, opened on the same draft.
    const second = await first.context().newPage();
    await second.goto(first.url());
    await stepHeading(second, 1, 'nguoi-nop').waitFor();

    await first.getByRole('textbox', { name: S.applicant.address }).fill('Số 1 Hoàng Văn Thụ, Hải Phòng');
    await saved(first);
    await second.getByRole('textbox', { name: S.applicant.phone }).fill('0225 3822 000');
    await second.getByText(S.save.merged).waitFor();
    await saved(second);
    expect(await second.getByRole('textbox', { name: S.applicant.address }).inputValue()).toBe('Số 1 Hoàng Văn Thụ, Hải Phòng');
    expect(await second.getByRole('textbox', { name: S.applicant.phone }).inputValue()).toBe('0225 3822 000');

    // The drafts list (what another device sees) resumes the same draft with both changes.
    await first.goto(`${url}/ban-nhap`);
    await first.getByRole('link', { name: withParams(S.drafts.continueLabel, { name: PROCEDURE.name }) }).click();
    await stepHeading(first, 1, 'nguoi-nop').waitFor();
    expect(await first.getByRole('textbox', { name: S.applicant.address }).inputValue()).toBe('Số 1 Hoàng Văn Thụ, Hải Phòng');
    expect(await first.getByRole('textbox', { name: S.applicant.phone }).inputValue()).toBe('0225 3822 000');
  });

  it('a draft whose procedure changed shows the API’s message and starts again; a partly-online procedure says which step needs presence and why', async () => {
    const url = suite.server.url;
    const page = await phonePage();
    await page.goto(`${url}/nop-ho-so/${CHANGED.code}`);
    await signInCitizen(page, 'Lê Minh Châu');
    await page.waitForURL(/\/ban-nhap\/[0-9a-f-]{36}$/);
    const oldDraft = page.url();
    await page.getByRole('textbox', { name: S.applicant.address }).fill('Thôn 3, xã An Đồng');
    await saved(page);

    // Meanwhile the catalogue officer publishes a new version of the procedure.
    const staff = await (await suite.browser.newContext()).request;
    const login = await staff.post(`${url}/api/v1/auth/login`, { data: { username: 'admin', password: DEMO_PASSWORD } });
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const current = (await (await staff.get(`${url}/api/v1/procedures/${CHANGED.code}`)).json()) as { procedure: { procedure: { legalBasis: string | null } } };
    const edited = { ...current.procedure.procedure, legalBasis: `${current.procedure.procedure.legalBasis ?? ''}; Thông tư sửa đổi (thử nghiệm)` };
    expect((await staff.put(`${url}/api/v1/procedures/${CHANGED.code}`, { data: edited, headers: { 'x-csrf-token': csrfToken } })).status()).toBe(200);
    await staff.dispose();

    await page.reload();
    const notice = page.getByRole('alert').filter({ hasText: S.standing.supersededTitle });
    await notice.getByText(withParams(ERRORS.PORTAL_PROCEDURE_VERSION_SUPERSEDED.vi, { code: CHANGED.code })).waitFor();
    await checkPage(page, 'superseded draft');
    await notice.getByRole('button', { name: S.standing.restart }).click();
    await page.waitForURL((u) => /\/ban-nhap\/[0-9a-f-]{36}$/.test(u.pathname) && u.href !== oldDraft);
    await stepHeading(page, 1, 'nguoi-nop').waitFor();
    // What does not depend on the version came along; the new draft is on the current version.
    expect(await page.getByRole('textbox', { name: S.applicant.address }).inputValue()).toBe('Thôn 3, xã An Đồng');
    expect(await page.getByText(S.standing.supersededTitle).count()).toBe(0);
    await page.goto(`${url}/ban-nhap`);
    await page.getByText(S.drafts.standing.superseded).waitFor();
    await page.getByText(S.drafts.standing.current).waitFor();
    await checkPage(page, 'drafts list');

    // A partly-online procedure: which step needs the person, and why, before they start — in both languages.
    await page.goto(`${url}/nop-ho-so/${PARTIAL.code}`);
    await page.waitForURL(/\/ban-nhap\/[0-9a-f-]{36}$/);
    const presence = page.getByRole('alert').filter({ hasText: S.presence.title });
    await presence.getByText(withParams(S.presence.reason, { reason: PARTIAL.reason })).waitFor();
    await switchLanguage(page, 'vi', 'en');
    await page.getByRole('heading', { level: 2, name: withParams(submitEn.steps.heading, { number: 1, total: 4, name: submitEn.steps['nguoi-nop'] }) }).waitFor();
    await page.getByText(submitEn.presence.title).waitFor();
    await page.getByRole('textbox', { name: submitEn.applicant.phone }).waitFor();
    await checkPage(page, 'partial procedure in English');
  });
});
