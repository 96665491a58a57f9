/**
 * Issue 6's "done when": the whole life of one online dossier, the citizen's side in the browser at
 * phone size (360 × 740), the back office's steps through the staff API, and the back office's
 * dossier page at the end.
 */
import { readFileSync } from 'node:fs';
import { CRITERIA, CRITERION_LABELS, SCORE_LABELS } from '@core/feedback/criteria';
import { PAYMENT_STATUS_LABELS } from '@core/payment/state';
import { STATUS_LABELS } from '@core/dossier/status';
import type { APIRequestContext, BrowserContext, } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { formatMoney } from '../../web/src/lib/format';
import { vi as portalVi } from '../../web/src/features/portal/texts';
import { vi as submitVi } from '../../web/src/features/submit/texts';
import { checkPage, chooseFile, saved, stepHeading } from './citizen-kit';
import { DEMO_PASSWORD, openPage, openSignedIn, scrollWidth, TEXT, useBrowserSuite, withParams, PHONE } from './harness';

const P = portalVi;
const S = submitVi;
/**
 * Cấp Phiếu lý lịch tư pháp: full-process online, a fixed fee of 200.000 đồng, received at the city's
 * service centre (one-stop officer `motcua`) and handled by Sở Tư pháp's Phòng Hành chính tư pháp
 * (leader `lanhdao`, specialist `chuyenvien`). A fixed fee is due from submission (core/payment/due.ts),
 * so the applicant pays it online right after submitting, as on the national portal, and the dossier
 * never waits in awaiting_fee: nobody has to demand it.
 */
const PROCEDURE = { code: '2.000488', name: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam', fee: 200_000 };
const COMPONENTS = ['Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp', 'Bản chụp giấy tờ tùy thân'];
/** Phòng Hành chính tư pháp, Sở Tư pháp: where the centre hands the dossier over. */
const HANDLING_UNIT = '000.01.03.H26';
/** Nguyễn Văn An of the identity simulator (verified level). */
const CITIZEN = { name: 'Nguyễn Văn An', idNumber: '031085012345' };
const SUPPLEMENT_ITEM = 'Bản chụp giấy tờ tùy thân rõ nét, đủ hai mặt';

/** A complete PDF with a marker, so a download can be told from any other PDF. */
function pdf(marker: string): Buffer {
  return Buffer.from(`%PDF-1.4\n% ${marker}\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`, 'latin1');
}


interface DossierRef {
  code: string;
  version: number;
  status: string;
}

/** A staff member's API session (its own cookies), signed in with the demo password. */
interface Staff {
  id: string;
  request: APIRequestContext;
  csrf: string;
}

describe('the public service portal at 360 px, from sign-in to rating', () => {
  const suite = useBrowserSuite();
  const contexts: BrowserContext[] = [];

  afterAll(async () => {
    for (const context of contexts) await context.close();
  });

  async function staff(username: string): Promise<Staff> {
    const context = await suite.browser.newContext();
    contexts.push(context);
    const login = await context.request.post(`${suite.server.url}/api/v1/auth/login`, { data: { username, password: DEMO_PASSWORD } });
    expect(login.status(), username).toBe(200);
    const me = (await login.json()) as { csrfToken: string; user: { id: string } };
    return { id: me.user.id, request: context.request, csrf: me.csrfToken };
  }

  /** The dossier as staff see it now. */
  async function staffView(who: Staff, code: string): Promise<DossierRef> {
    const res = await who.request.get(`${suite.server.url}/api/v1/dossiers/${encodeURIComponent(code)}`);
    expect(res.status(), await res.text()).toBe(200);
    return ((await res.json()) as { dossier: DossierRef }).dossier;
  }

  /** Takes a workflow action on the version staff see now; answers the dossier after it. */
  async function act(who: Staff, code: string, action: string, input: Record<string, unknown> = {}): Promise<DossierRef> {
    const { version } = await staffView(who, code);
    const res = await who.request.post(`${suite.server.url}/api/v1/dossiers/${encodeURIComponent(code)}/actions/${action}`, { headers: { 'x-csrf-token': who.csrf }, data: { version, input } });
    expect(res.status(), `${action}: ${await res.text()}`).toBe(200);
    return ((await res.json()) as { dossier: DossierRef }).dossier;
  }

  it('a citizen applies online, pays, answers a supplement, downloads the result and rates it; the back office sees the online payment', async () => {
    const url = suite.server.url;
    const { context, page } = await openPage(suite.browser, PHONE);
    contexts.push(context);

    // The procedure page offers online submission; the portal asks to sign in first.
    await page.goto(`${url}/thu-tuc/${PROCEDURE.code}`);
    await page.getByRole('heading', { level: 1, name: PROCEDURE.name }).waitFor();
    await page.getByRole('link', { name: TEXT.vi.catalogue.applyOnline }).click();
    await page.waitForURL(/\/dang-nhap\?/);
    await page.getByRole('heading', { level: 1, name: P.signIn.title }).waitFor();
    await page.getByText(P.signIn.simulatorTitle).waitFor();
    await checkPage(page, 'sign-in page');

    // Through the identity-provider simulator's picker and back to the wizard, with a new draft.
    await page.getByRole('link', { name: TEXT.vi.citizen.signInWithProvider }).click();
    await page.waitForURL((u) => u.pathname.startsWith('/sim/idp'));
    expect(await scrollWidth(page), 'identity picker').toBeLessThanOrEqual(PHONE.width);
    await page.getByRole('button', { name: new RegExp(`^${CITIZEN.name}`) }).click();
    await page.waitForURL(/\/ban-nhap\/[0-9a-f-]{36}$/);

    // Step 1: the applicant from the identity; the centre is the only receiving desk.
    await stepHeading(page, 1, 'nguoi-nop').waitFor();
    await page.getByText(CITIZEN.idNumber, { exact: true }).waitFor();
    await checkPage(page, 'wizard step 1');
    await page.getByRole('button', { name: S.wizard.next, exact: true }).click();

    // Step 2: a scan for each component.
    await stepHeading(page, 2, 'thanh-phan').waitFor();
    await checkPage(page, 'wizard step 2');
    for (const [i, component] of COMPONENTS.entries()) {
      const name = `thanh-phan-${i + 1}.pdf`;
      await chooseFile(page, withParams(S.files.chooseLabel, { name: component }), { name, mimeType: 'application/pdf', buffer: pdf(name) });
      await page.getByText(withParams(S.files.uploaded, { name })).waitFor();
    }
    await checkPage(page, 'wizard step 2 with files');
    await page.getByRole('button', { name: S.wizard.next, exact: true }).click();

    // Step 3: the result online.
    await stepHeading(page, 3, 'nhan-ket-qua').waitFor();
    await page.getByRole('radio', { name: S.return.online }).check();
    await saved(page);
    await checkPage(page, 'wizard step 3');
    await page.getByRole('button', { name: S.wizard.next, exact: true }).click();

    // Step 4: nothing missing; submit.
    await stepHeading(page, 4, 'kiem-tra').waitFor();
    expect(await page.getByText(S.review.problems).count()).toBe(0);
    await checkPage(page, 'wizard step 4');
    await page.getByRole('button', { name: S.review.submit }).click();
    await page.getByRole('heading', { level: 1, name: S.done.title }).waitFor();
    const code = (await page.getByText(/^\d{3}\.\d{2}\.\d{2}\.H26-\d{6}-\d{4,6}$/).textContent()) ?? '';
    expect(code).toMatch(/^000\.00\.30\.H26-/);
    await checkPage(page, 'submitted');

    // The dossier in the applicant's list, then its page: new, the fixed fee outstanding.
    await page.getByRole('link', { name: S.done.myDossiers }).click();
    await page.getByRole('heading', { level: 1, name: P.list.title }).waitFor();
    await page.getByRole('link', { name: code, exact: true }).waitFor();
    await checkPage(page, 'my dossiers');
    await page.getByRole('link', { name: code, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: withParams(P.dossier.title, { code }) }).waitFor();
    const facts = page.getByRole('region', { name: P.dossier.facts });
    await facts.getByText(STATUS_LABELS.new.vi, { exact: true }).waitFor();
    const fees = page.getByRole('region', { name: P.payment.title });
    await fees.getByText(withParams(P.payment.outstanding, { amount: formatMoney(PROCEDURE.fee) })).waitFor();
    await checkPage(page, 'dossier page, fee due');

    // Paying through the payment simulator, then back on the dossier page once the platform confirms.
    await fees.getByRole('button', { name: withParams(P.payment.pay, { amount: formatMoney(PROCEDURE.fee) }) }).click();
    await page.waitForURL((u) => u.origin === new URL(suite.server.paymentSimulator.url).origin);
    await page.getByRole('heading', { level: 1, name: 'Xác nhận thanh toán' }).waitFor();
    expect(await scrollWidth(page), 'payment simulator').toBeLessThanOrEqual(PHONE.width);
    await page.getByRole('button', { name: 'Thanh toán', exact: true }).click();
    await page.waitForURL((u) => u.pathname === `/ho-so/${code}` && u.searchParams.has('payment'));
    await fees.getByRole('status').filter({ hasText: P.payment.paidTitle }).getByText(withParams(P.payment.paidText, { amount: formatMoney(PROCEDURE.fee) })).waitFor();
    await fees.getByText(withParams(P.payment.outstanding, { amount: formatMoney(0) })).waitFor();
    const receiptLink = fees.getByRole('link', { name: /^Tải biên lai điện tử BL/ });
    const receipt = await page.request.get(`${url}${await receiptLink.getAttribute('href')}`);
    expect(receipt.headers()['content-type']).toBe('application/pdf');
    await checkPage(page, 'dossier page, fee paid');

    // The back office: the centre accepts and hands over, the division's leader assigns, the specialist asks for a supplement.
    const [motcua, lanhdao, chuyenvien] = await Promise.all(['motcua', 'lanhdao', 'chuyenvien'].map(staff));
    expect(await act(motcua, code, 'accept', { components: ['1', '2'] })).toMatchObject({ code, status: 'accepted' });
    await act(motcua, code, 'hand_over', { toUnit: HANDLING_UNIT });
    await act(lanhdao, code, 'assign', { assigneeId: chuyenvien.id });
    expect(await act(chuyenvien, code, 'request_supplement_processing', { items: [SUPPLEMENT_ITEM] })).toMatchObject({ status: 'supplement_requested' });

    // The applicant's list flags the dossier as needing them; they answer on its page.
    await page.goto(`${url}/ho-so-cua-toi`);
    const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: code, exact: true }) });
    await card.getByText(P.list.actionNeeded, { exact: true }).waitFor();
    await card.getByText(STATUS_LABELS.supplement_requested.vi, { exact: true }).waitFor();
    await checkPage(page, 'my dossiers, supplement requested');
    await card.getByRole('link', { name: code, exact: true }).click();
    const todo = page.getByRole('region', { name: P.todo.title });
    const supplement = todo.getByRole('form', { name: P.supplement.title });
    await supplement.waitFor();
    await facts.getByText(STATUS_LABELS.supplement_requested.vi, { exact: true }).waitFor();
    await checkPage(page, 'dossier page, supplement requested');
    // Sending without a file is refused next to the item, nothing sent.
    await supplement.getByRole('button', { name: P.supplement.send }).click();
    await supplement.getByText(P.supplement.required).waitFor();
    await supplement.getByLabel(withParams(P.supplement.item, { index: 1, text: SUPPLEMENT_ITEM })).setInputFiles({ name: 'cccd-hai-mat.pdf', mimeType: 'application/pdf', buffer: pdf('cccd') });
    await supplement.getByRole('button', { name: P.supplement.send }).click();
    await todo.getByText(P.todo.supplementAnswered.split('{{when}}')[0] as string).waitFor();
    await page.getByRole('region', { name: P.dossier.documents }).getByRole('link', { name: 'cccd-hai-mat.pdf' }).waitFor();
    await checkPage(page, 'dossier page, supplement answered');

    // The back office receives it, approves, issues the e-result with its PDF and returns it online.
    await act(chuyenvien, code, 'receive_supplement');
    await act(chuyenvien, code, 'submit_review');
    await act(lanhdao, code, 'approve');
    const resultPdf = pdf('phieu-lltp');
    const upload = await chuyenvien.request.post(`${url}/api/v1/dossiers/${encodeURIComponent(code)}/results`, {
      headers: { 'x-csrf-token': chuyenvien.csrf },
      multipart: { file: { name: 'phieu-ly-lich-tu-phap.pdf', mimeType: 'application/pdf', buffer: resultPdf } },
    });
    expect(upload.status(), await upload.text()).toBe(201);
    await act(chuyenvien, code, 'issue_result', { eResult: true });
    expect(await act(motcua, code, 'return_result', { method: 'online' })).toMatchObject({ status: 'returned' });

    // The applicant sees the result returned online, downloads it and rates the service.
    await page.goto(`${url}/ho-so/${code}`);
    await facts.getByText(STATUS_LABELS.returned.vi, { exact: true }).waitFor();
    const results = page.getByRole('region', { name: P.results.title });
    const download = page.waitForEvent('download');
    await results.getByRole('link', { name: withParams(P.results.download, { name: 'phieu-ly-lich-tu-phap.pdf' }) }).click();
    const file = await download;
    // the applicant receives the signed e-result made of the upload (docs/results.md): it verifies
    expect(file.suggestedFilename()).toBe(`${code}-KQ1.pdf`);
    const received = readFileSync(await file.path());
    const verified = await page.request.post(`${url}/api/v1/verify`, { multipart: { file: { name: 'kq.pdf', mimeType: 'application/pdf', buffer: received } } });
    expect(await verified.json()).toMatchObject({ signatureValid: true, intact: true, result: { code: `${code}-KQ1`, status: 'valid' } });
    await results.getByRole('link', { name: withParams(P.results.verify, { code: `${code}-KQ1` }) }).waitFor();
    const rating = page.getByRole('region', { name: P.rating.title });
    await rating.getByRole('button', { name: P.rating.send }).waitFor();
    await checkPage(page, 'dossier page, result returned');
    for (const [i, criterion] of CRITERIA.entries()) {
      await rating
        .getByRole('radiogroup', { name: `${i + 1}. ${CRITERION_LABELS[criterion].vi}` })
        .getByRole('radio', { name: SCORE_LABELS[2].vi })
        .check();
    }
    await rating.getByRole('textbox', { name: P.rating.comment }).fill('Nhận kết quả trực tuyến nhanh, không phải đi lại.');
    await rating.getByRole('button', { name: P.rating.send }).click();
    await rating.getByRole('status').filter({ hasText: /^Cảm ơn bạn đã đánh giá/ }).waitFor();
    await rating.getByText(withParams(P.rating.yourComment, { comment: 'Nhận kết quả trực tuyến nhanh, không phải đi lại.' })).waitFor();
    await checkPage(page, 'dossier page, rated');

    // The back office sees the same dossier, returned, with the fee paid online.
    const officer = await openSignedIn(suite, 'motcua');
    contexts.push(officer.context);
    await officer.page.goto(`${url}/staff/dossiers/${code}`);
    await officer.page.getByRole('heading', { level: 1, name: withParams(TEXT.vi.dossiers.page.title, { code }) }).waitFor();
    const payments = officer.page.getByRole('region', { name: TEXT.vi.payments.title });
    const paid = payments.getByRole('listitem').filter({ hasText: TEXT.vi.payments.online });
    await paid.getByText(PAYMENT_STATUS_LABELS.paid.vi, { exact: true }).waitFor();
    await paid.getByText('200.000 đồng', { exact: true }).waitFor();
    await paid.getByText(/^Biên lai số BL/).waitFor();
    // one payment in all: the fee list's own items aside, every payment carries its status
    const statuses = new RegExp(Object.values(PAYMENT_STATUS_LABELS).map((l) => l.vi).join('|'));
    expect(await payments.getByRole('listitem').filter({ hasText: statuses }).count()).toBe(1);
    expect(await staffView(motcua, code)).toMatchObject({ code, status: 'returned' });
    const rated = (await (await motcua.request.get(`${url}/api/v1/dossiers/${encodeURIComponent(code)}/rating`)).json()) as { rating: { scores: Record<string, number> } | null };
    expect(Object.values(rated.rating?.scores ?? {})).toEqual(CRITERIA.map(() => 2));
  });
});
