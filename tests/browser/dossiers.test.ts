import { ACTION_LABELS, type Action, FORM_TITLES, type FormCode } from '@core/dossier/actions';
import { CHANNEL_LABELS } from '@core/dossier/channel';
import { QUEUE_LABELS } from '@core/dossier/queues';
import { STATUS_LABELS } from '@core/dossier/status';
import { ERRORS } from '@core/errors/catalogue';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { openSignedIn, scrollWidth, switchLanguage, TEXT, unlabelledInputs, useBrowserSuite, withParams, PHONE } from './harness';

const T = TEXT.vi;
const D = T.dossiers;
/** The procedure of the API walk (server/features/dossiers/walk.test.ts): Sở Tư pháp's, received at the city service centre, 2 required components. */
const PROCEDURE = 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam (2.000488)';
const COMPONENTS = ['Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp', 'Bản chụp giấy tờ tùy thân'];
/** A small complete PDF, as a scanner would produce one. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1');

const label = (action: Action) => ACTION_LABELS[action].vi;
/** A message with its {{placeholders}} filled by anything. */
const template = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\{\\\{\w+\\\}\\\}/g, '.+'));
const formLink = (form: FormCode) => withParams(D.page.formLink, { number: form.slice(4), title: FORM_TITLES[form].vi });

/** Opens the dossier page afresh (what the person sees now, with the current version). */
async function openDossier(page: Page, url: string, code: string): Promise<void> {
  await page.goto(`${url}/staff/dossiers/${code}`);
  await page.getByRole('heading', { level: 1, name: withParams(D.page.title, { code }) }).waitFor();
}

/** Narrows the list shown to one dossier by its code (the demo seed fills the queues too) and opens it. */
async function openFromList(page: Page, code: string): Promise<void> {
  await page.getByRole('searchbox', { name: D.list.search }).fill(code);
  await page.getByRole('button', { name: D.list.submit, exact: true }).click();
  await page.getByText(withParams(D.list.count, { count: 1 })).waitFor();
  await page.getByRole('link', { name: code }).click();
  await page.getByRole('heading', { level: 1, name: withParams(D.page.title, { code }) }).waitFor();
}

/** Opens an action's dialog from the page's action buttons, lets `fill` complete it, and sends it. */
async function act(page: Page, action: Action, fill?: (dialog: ReturnType<Page['getByRole']>) => Promise<void>): Promise<void> {
  await page.getByRole('region', { name: D.page.actions }).getByRole('button', { name: label(action), exact: true }).click();
  const dialog = page.getByRole('dialog', { name: label(action) });
  await dialog.waitFor();
  if (fill) await fill(dialog);
  await dialog.getByRole('button', { name: label(action), exact: true }).click();
}

/** Waits for the page to say the action was done. */
async function done(page: Page, action: Action): Promise<void> {
  await page.getByRole('status').getByText(withParams(D.page.done, { action: label(action) })).waitFor();
}

/** Fetches a form link as the signed-in person and checks it is a PDF. */
async function expectPdf(page: Page, url: string, form: FormCode): Promise<void> {
  const href = await page.getByRole('link', { name: formLink(form) }).first().getAttribute('href');
  expect(href, form).toMatch(new RegExp(`/forms/${form}\\.pdf$`));
  const response = await page.request.get(`${url}${href}`);
  expect(response.status(), form).toBe(200);
  expect(response.headers()['content-type'], form).toBe('application/pdf');
  expect((await response.body()).subarray(0, 5).toString('latin1'), form).toBe('%PDF-');
}

/** The paths of the POST requests a page sends to the dossiers API from now on. */
function postsOf(page: Page): string[] {
  const sent: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (request.method() === 'POST' && path.startsWith('/api/v1/dossiers')) sent.push(path);
  });
  return sent;
}

describe('the electronic one-stop in the browser', () => {
  const suite = useBrowserSuite();
  const contexts: BrowserContext[] = [];
  /** The dossier the walk created, for the later checks. */
  let code = '';

  afterAll(async () => {
    for (const context of contexts) await context.close();
  });

  /** A page signed in as a demo user, kept for the whole walk. */
  async function signedIn(username: string, viewport?: { width: number; height: number }): Promise<Page> {
    const { context, page } = await openSignedIn(suite, username, viewport);
    contexts.push(context);
    return page;
  }

  it('walks one dossier from counter intake to return, with one supplement and one apology, and downloads its forms', async () => {
    const url = suite.server.url;

    // --- counter intake at the city service centre (motcua)
    const motcua = await signedIn('motcua');
    await motcua.getByRole('navigation', { name: T.a11y.mainNavigation }).getByRole('link', { name: T.nav.intake }).click();
    await motcua.getByRole('heading', { level: 1, name: D.intake.title }).waitFor();
    // picked by keyboard, as at a busy counter: the code finds it, arrow and Enter choose it
    const procedure = motcua.getByRole('textbox', { name: D.intake.procedure, exact: true });
    await procedure.fill('2.000488');
    await motcua.getByRole('option', { name: PROCEDURE }).waitFor();
    await procedure.press('ArrowDown');
    await procedure.press('Enter');
    await expect.poll(() => procedure.inputValue()).toBe(PROCEDURE);
    // the postal fields are labelled too
    const channel = motcua.getByRole('radiogroup', { name: D.intake.channel });
    await channel.getByRole('radio', { name: CHANNEL_LABELS.postal.vi }).check();
    await motcua.getByRole('textbox', { name: D.intake.trackingNumber }).waitFor();
    expect(await unlabelledInputs(motcua)).toEqual([]);
    await channel.getByRole('radio', { name: CHANNEL_LABELS.counter.vi }).check();

    // the counter sends one request per submission: no separate upload, no separate accept
    const sent = postsOf(motcua);

    // the checklist comes with the procedure: choosing a scan ticks its component
    const scan = (name: string) => motcua.getByLabel(withParams(D.intake.fileFor, { name }));
    const ticked = (name: string) => motcua.getByRole('checkbox', { name, exact: true }).isChecked();
    await scan(COMPONENTS[0]!).setInputFiles({ name: 'scan-1.pdf', mimeType: 'application/pdf', buffer: PDF });
    await expect.poll(() => ticked(COMPONENTS[0]!)).toBe(true);
    expect(await unlabelledInputs(motcua)).toEqual([]);

    // an invalid CCCD is refused next to its field, in Vietnamese, before anything is sent
    const cccd = motcua.getByRole('textbox', { name: D.intake.idNumber });
    const name = motcua.getByRole('textbox', { name: D.intake.citizenName });
    await cccd.fill('123456789012');
    await name.fill('Nguyễn Văn An');
    await motcua.getByRole('textbox', { name: D.intake.address }).fill('Số 1 Lê Chân, Hải Phòng');
    await motcua.getByRole('textbox', { name: D.intake.phone }).fill('0912345678');
    const accept = motcua.getByRole('button', { name: label('accept'), exact: true });
    const missing = motcua.getByText(template(D.intake.acceptMissing));
    expect(await missing.count()).toBe(1);
    await accept.click();
    await motcua.getByText(ERRORS.IDENTITY_CCCD_INVALID.vi).waitFor();
    expect(await cccd.getAttribute('aria-invalid')).toBe('true');
    // ...and so is accepting with a required component not ticked (the check's summary says so too)
    expect(await missing.count()).toBe(2);
    expect(sent).toEqual([]);
    await cccd.fill('031090123456');

    // a scan that is no PDF by its content: the server refuses the whole request and the form stays as it was
    await scan(COMPONENTS[1]!).setInputFiles({ name: 'scan-2.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ, not a scan') });
    await expect.poll(() => ticked(COMPONENTS[1]!)).toBe(true);
    await accept.click();
    await motcua.getByText(ERRORS.UPLOAD_TYPE_NOT_ALLOWED.vi).waitFor();
    expect(sent).toEqual(['/api/v1/dossiers']);
    expect([await procedure.inputValue(), await cccd.inputValue(), await name.inputValue()]).toEqual([PROCEDURE, '031090123456', 'Nguyễn Văn An']);
    for (const component of COMPONENTS) expect(await ticked(component)).toBe(true);
    expect(await scan(COMPONENTS[0]!).evaluate((input: HTMLInputElement) => input.files?.[0]?.name)).toBe('scan-1.pdf');

    // the right scan: one request registers the dossier, attaches both scans and accepts it, with its code and the receipt (Mẫu 01)
    await scan(COMPONENTS[1]!).setInputFiles({ name: 'scan-2.pdf', mimeType: 'application/pdf', buffer: PDF });
    await accept.click();
    const accepted = motcua.getByText(/^Đã tiếp nhận hồ sơ 000\.00\.30\.H26-\d{6}-\d{4}$/);
    await accepted.waitFor();
    code = ((await accepted.textContent()) ?? '').replace('Đã tiếp nhận hồ sơ ', '');
    expect(sent).toEqual(['/api/v1/dossiers', '/api/v1/dossiers']);
    expect(new URL(motcua.url()).searchParams.get('id')).toMatch(/^[0-9a-f-]{36}$/);
    await expectPdf(motcua, url, 'mau_01');

    // hand over to the division of Sở Tư pháp that processes it
    await motcua.getByRole('link', { name: D.intake.openDossier }).click();
    await motcua.getByRole('heading', { level: 1, name: withParams(D.page.title, { code }) }).waitFor();
    await act(motcua, 'hand_over', async (dialog) => {
      await dialog.getByRole('textbox', { name: D.fields.toUnit }).fill('hanh chinh tu phap');
      await motcua.getByRole('option', { name: 'Phòng Hành chính tư pháp (000.01.03.H26)' }).click();
    });
    await done(motcua, 'hand_over');
    await motcua.getByRole('region', { name: D.page.timing }).getByText(STATUS_LABELS.processing.vi).waitFor();

    // --- the unit leader assigns a specialist (from the staff list of the unit)
    const lanhdao = await signedIn('lanhdao');
    await lanhdao.getByRole('navigation', { name: T.a11y.mainNavigation }).getByRole('link', { name: T.nav.dossiers }).click();
    await openFromList(lanhdao, code);
    await lanhdao.getByRole('region', { name: D.page.actions }).getByRole('button', { name: label('assign'), exact: true }).click();
    const assign = lanhdao.getByRole('dialog', { name: label('assign') });
    await assign.getByRole('textbox', { name: D.fields.assigneeId }).click();
    await lanhdao.getByRole('option', { name: 'Vũ Thị Chuyên (chuyenvien)' }).click();
    expect(await unlabelledInputs(lanhdao)).toEqual([]);
    await assign.getByRole('button', { name: label('assign'), exact: true }).click();
    await done(lanhdao, 'assign');

    // --- the specialist finds it in "mine" and asks for a supplement (Mẫu 02)
    const chuyenvien = await signedIn('chuyenvien');
    await chuyenvien.goto(`${url}/staff/dossiers`);
    await chuyenvien.getByRole('tab', { name: QUEUE_LABELS.mine.vi }).click();
    await expect.poll(() => new URL(chuyenvien.url()).searchParams.get('queue')).toBe('mine');
    await openFromList(chuyenvien, code);
    // the dossier names the officers it mentions, though a specialist may not list staff
    await chuyenvien.getByRole('region', { name: D.page.history }).getByText('Đặng Văn Tiếp').first().waitFor();
    await chuyenvien.getByRole('region', { name: D.page.handovers }).getByRole('cell', { name: 'Đặng Văn Tiếp' }).first().waitFor();
    await act(chuyenvien, 'request_supplement_processing', async (dialog) => {
      // the last instant the request is allowed, not the rule
      await dialog.getByText(template(D.fieldHints.supplementBy)).waitFor();
      await dialog.getByRole('checkbox', { name: COMPONENTS[1] }).check();
      const other = dialog.getByRole('textbox', { name: D.fields.otherItems });
      await other.fill('Bản chụp CCCD rõ nét');
      await other.press('Enter');
    });
    await done(chuyenvien, 'request_supplement_processing');
    await chuyenvien.getByRole('region', { name: D.page.timing }).getByText(STATUS_LABELS.supplement_requested.vi).waitFor();

    // --- the applicant brings it back to the counter
    await motcua.goto(`${url}/staff/dossiers?queue=awaiting_applicant`);
    await openFromList(motcua, code);
    await act(motcua, 'receive_supplement');
    await done(motcua, 'receive_supplement');

    // the specialist has the page open while the leader apologises: their next action meets a newer version
    await openDossier(chuyenvien, url, code);

    // --- the leader apologises early, with a new date (Mẫu 04)
    await openDossier(lanhdao, url, code);
    await act(lanhdao, 'apologise', async (dialog) => {
      await dialog.getByRole('textbox', { name: D.fields.reason }).fill('Cần xác minh thêm thông tin với cơ quan công an');
      expect(await dialog.getByLabel(D.fields.newDueAt).inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
      await dialog.getByText(template(D.fieldHints.newDueAt)).waitFor();
    });
    await done(lanhdao, 'apologise');
    await lanhdao.getByRole('region', { name: D.page.timing }).getByText(D.page.redated).waitFor();

    // --- a stale page: the server refuses, the page says so and reloads; then it goes through
    await act(chuyenvien, 'submit_review');
    await chuyenvien.getByRole('status').getByText(D.page.staleText).waitFor();
    await chuyenvien.getByRole('region', { name: D.page.timing }).getByText(D.page.redated).waitFor();
    await act(chuyenvien, 'submit_review');
    await done(chuyenvien, 'submit_review');

    // --- the head of Sở Tư pháp signs
    const giamdoc = await signedIn('giamdoc');
    await openDossier(giamdoc, url, code);
    await act(giamdoc, 'approve');
    await done(giamdoc, 'approve');

    // --- the specialist issues the result
    await openDossier(chuyenvien, url, code);
    await act(chuyenvien, 'issue_result', async (dialog) => {
      await dialog.getByRole('textbox', { name: D.fields.resultNumber }).fill('125/LLTP');
    });
    await done(chuyenvien, 'issue_result');
    await chuyenvien.getByRole('region', { name: D.page.timing }).getByText(STATUS_LABELS.processed.vi).waitFor();

    // --- the counter returns it to the applicant
    await openDossier(motcua, url, code);
    await act(motcua, 'return_result', async (dialog) => {
      await dialog.getByRole('textbox', { name: D.fields.collectedBy }).fill('Nguyễn Văn An');
    });
    await done(motcua, 'return_result');
    await motcua.getByRole('region', { name: D.page.timing }).getByText(STATUS_LABELS.returned.vi).waitFor();
    await motcua.getByRole('region', { name: D.page.actions }).getByText(D.page.noActions).waitFor();

    // the whole history, the control slip and every form
    const history = motcua.getByRole('region', { name: D.page.history }).getByRole('listitem');
    const steps = ['accept', 'hand_over', 'assign', 'request_supplement_processing', 'receive_supplement', 'apologise', 'submit_review', 'approve', 'issue_result', 'return_result'] as const;
    expect(await history.count()).toBe(steps.length);
    for (const [i, action] of steps.entries()) await history.nth(i).getByText(label(action), { exact: true }).waitFor();
    expect(await motcua.getByRole('region', { name: D.page.handovers }).getByRole('row').count()).toBeGreaterThan(4);
    for (const form of ['mau_01', 'mau_02', 'mau_04', 'mau_05'] as const) await expectPdf(motcua, url, form);
    expect(await motcua.getByRole('link', { name: formLink('mau_03') }).count()).toBe(0);
    expect(await unlabelledInputs(motcua)).toEqual([]);
  }, 300_000);

  it('a refusal at the counter: the dossier is recorded with its scan, then refused as its own action (Mẫu 03)', async () => {
    const url = suite.server.url;
    const page = await signedIn('motcua');
    await page.goto(`${url}/staff/dossiers/new`);
    const sent = postsOf(page);
    const procedure = page.getByRole('textbox', { name: D.intake.procedure, exact: true });
    await procedure.fill('2.000488');
    await page.getByRole('option', { name: PROCEDURE }).click();
    await page.getByRole('textbox', { name: D.intake.idNumber }).fill('031090123456');
    await page.getByRole('textbox', { name: D.intake.citizenName }).fill('Trần Thị Bình');
    await page.getByLabel(withParams(D.intake.fileFor, { name: COMPONENTS[0]! })).setInputFiles({ name: 'to-khai.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByRole('radio', { name: label('refuse'), exact: true }).check();
    await page.getByText(withParams(D.intake.followUp, { action: label('refuse') })).waitFor();
    await page.getByRole('button', { name: D.intake.create }).click();

    // the recorded dossier: its scan and tick kept, the refusal chosen, its reason asked for
    const reason = page.getByRole('textbox', { name: D.fields.reason });
    await reason.waitFor();
    await page.getByText(withParams(D.intake.uploaded, { files: 'to-khai.pdf' })).waitFor();
    expect(await page.getByRole('checkbox', { name: COMPONENTS[0]!, exact: true }).isChecked()).toBe(true);
    expect(await page.getByRole('radio', { name: label('refuse'), exact: true }).isChecked()).toBe(true);
    await reason.fill('Hồ sơ không thuộc thẩm quyền tiếp nhận');
    await page.getByRole('button', { name: label('refuse'), exact: true }).click();
    await page.getByText(D.intake.doneRefused).waitFor();
    await expectPdf(page, url, 'mau_03');
    const id = new URL(page.url()).searchParams.get('id');
    expect(sent).toEqual(['/api/v1/dossiers', `/api/v1/dossiers/${id}/actions/refuse`]);
  });

  it('the list and the dossier page fit a 360 px phone, and read in English', async () => {
    expect(code, 'the walk created a dossier').not.toBe('');
    const page = await signedIn('motcua', PHONE);
    const url = suite.server.url;
    await page.goto(`${url}/staff/dossiers?q=${encodeURIComponent(code)}`);
    await page.getByRole('link', { name: code }).waitFor();
    await page.getByText(withParams(D.list.count, { count: 1 })).waitFor();
    expect(await unlabelledInputs(page)).toEqual([]);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);

    await page.getByRole('link', { name: code }).click();
    await page.getByRole('heading', { level: 1, name: withParams(D.page.title, { code }) }).waitFor();
    await page.getByRole('region', { name: D.page.handovers }).getByRole('table').waitFor();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);

    await page.goto(`${url}/staff/dossiers/new`);
    await page.getByRole('heading', { level: 2, name: D.intake.step1 }).waitFor();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);

    await openDossier(page, url, code);
    await switchLanguage(page, 'vi', 'en');
    await page.getByRole('heading', { level: 1, name: withParams(TEXT.en.dossiers.page.title, { code }) }).waitFor();
    await page.getByRole('region', { name: TEXT.en.dossiers.page.timing }).getByText(STATUS_LABELS.returned.en).waitFor();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
  });
});
