import { describe, expect, it } from 'vitest';
import { DEFAULT_GRADE_FORMULA } from '../../core/accountability/grade';
import { HANDLING_LABELS, MANUAL_VIOLATION_LABELS } from '../../core/accountability/violations';
import { scanPdf } from '../../server/seed/scans';
import { vi as L } from '../../web/src/features/accountability/texts';
import { axeViolations, callApi, openSignedIn, PHONE, scrollWidth, useBrowserSuite, withParams } from './harness';
import { testClock } from '../support/clock';

// the accountability routes answer at this injected instant, never the machine's clock
const clock = testClock('2026-06-15T10:00:00+07:00');
const HCTP = '000.01.03.H26';
const OFFICER = 'Vũ Thị Chuyên';

describe('the head’s accountability page', () => {
  const suite = useBrowserSuite({ now: () => clock.now });

  it('an inspector records a violation with evidence at 360 px; the head sees it under the officer, handles it, and the grade shows the penalty step by step', async () => {
    const inspector = await openSignedIn(suite, 'kiemsoat', PHONE);
    const page = inspector.page;
    // one point per violation and no cap, so that this violation moves the grade whatever the demo data holds
    const formula = { ...DEFAULT_GRADE_FORMULA, violationPenalty: 1, maxViolationPenalty: 1000 };
    expect((await callApi(page, 'PUT', '/api/v1/accountability/formula', formula)).status).toBe(200);
    const before = (await callApi(page, 'GET', `/api/v1/accountability/grade?unit=${HCTP}&year=2026`)).json;

    await page.goto(`${suite.server.url}/staff/head?unit=${HCTP}&year=2026`);
    await page.getByRole('heading', { level: 1, name: L.title }).waitFor();
    await page.getByRole('heading', { name: L.grade.title }).waitFor();
    await page.getByRole('button', { name: L.record.button }).click();
    const dialog = page.getByRole('dialog', { name: L.record.title });
    await dialog.getByRole('textbox', { name: L.record.officer }).fill('Vũ Thị');
    await page.getByRole('option', { name: new RegExp(`^${OFFICER}`) }).click();
    await dialog.getByRole('textbox', { name: L.record.kind }).click();
    await page.getByRole('option', { name: MANUAL_VIOLATION_LABELS.extra_documents.vi }).click();
    await dialog.getByLabel(L.record.description).fill('Yêu cầu công dân nộp thêm bản sao sổ hộ khẩu');
    await dialog.getByLabel(L.record.occurredAt).fill('2026-06-10T09:00');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), dialog.getByLabel(L.record.files).click()]);
    await chooser.setFiles({ name: 'bien-ban-kiem-tra.pdf', mimeType: 'application/pdf', buffer: scanPdf('Bien ban', ['Kiem tra cong vu']) });
    await dialog.getByRole('button', { name: L.record.submit }).click();
    await page.getByRole('status').getByText(L.record.done).waitFor();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    expect(await axeViolations(page, 'main')).toEqual([]);

    const after = (await callApi(page, 'GET', `/api/v1/accountability/grade?unit=${HCTP}&year=2026`)).json;
    expect(after.inputs.manualViolations).toBe(before.inputs.manualViolations + 1);
    expect(after.result.penalty.points).toBe(before.result.penalty.points + 1);
    expect(after.result.raw).toBeCloseTo(before.result.raw - 1, 2);

    // the head of the division: the violation under its officer, a reminder, and the penalty step of the grade
    const head = await openSignedIn(suite, 'lanhdao');
    const hp = head.page;
    await hp.goto(`${suite.server.url}/staff/head?year=2026`);
    await hp.getByRole('heading', { level: 1, name: L.title }).waitFor();
    await hp.getByRole('heading', { level: 3, name: OFFICER }).waitFor();
    await hp.getByText(withParams(L.grade.penalty, { count: after.inputs.violations, per: '1', cap: '1.000' })).waitFor();
    await hp.getByRole('button', { name: `${L.handle.button}: ${MANUAL_VIOLATION_LABELS.extra_documents.vi}, ${OFFICER}` }).click();
    const handle = hp.getByRole('dialog', { name: L.handle.title });
    await handle.getByRole('textbox', { name: L.handle.kind }).click();
    await hp.getByRole('option', { name: HANDLING_LABELS.reminder.vi }).click();
    await handle.getByLabel(L.handle.note).fill('Nhắc nhở chuyên viên không yêu cầu giấy tờ ngoài quy định');
    await handle.getByRole('button', { name: L.handle.submit }).click();
    await hp.getByRole('status').getByText(L.handle.done).waitFor();
    await hp.getByRole('region', { name: L.done.title }).getByText('Nhắc nhở chuyên viên không yêu cầu giấy tờ ngoài quy định').waitFor();
    expect(await axeViolations(hp, 'main')).toEqual([]);
  });
});
