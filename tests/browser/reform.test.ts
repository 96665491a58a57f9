import { describe, expect, it } from 'vitest';
import { TASK_STATE_LABELS } from '../../core/reform/state';
import { scanPdf } from '../../server/seed/scans';
import { vi as L } from '../../web/src/features/reform/texts';
import { axeViolations, callApi, openSignedIn, PHONE, scrollWidth, TEXT, useBrowserSuite } from './harness';
import { testClock } from '../support/clock';

// the reform routes answer at this injected instant; the test moves it across deadlines
const clock = testClock('2026-02-02T09:00:00+07:00');

describe('reform pages', () => {
  const suite = useBrowserSuite({ now: () => clock.now });

  it('the city Office sees on-time, late and overdue tasks across units; a unit reports late at 360 px and it counts as late', async () => {
    const office = await openSignedIn(suite, 'kiemsoat');
    const units = (await callApi(office.page, 'GET', '/api/v1/units')).json.units as { id: string; code: string }[];
    const unit = (code: string) => units.find((u) => u.code === code)!.id;
    const [city, tuphap, noivu] = [unit('000.00.00.H26'), unit('000.00.03.H26'), unit('000.00.02.H26')];
    const plan = await callApi(office.page, 'POST', '/api/v1/reform/plans', { number: '259/KH-UBND', title: 'Kế hoạch cải cách hành chính năm 2026', issuerUnitId: city, issuedOn: '2026-01-15' });
    expect(plan.status).toBe(201);
    const planId = plan.json.plan.id;
    const task = async (content: string, lead: string, date: string) => (await callApi(office.page, 'POST', `/api/v1/reform/plans/${planId}/tasks`, { content, leadUnitId: lead, deadline: { kind: 'date', date } })).json.task.id as string;
    const late = await task('Rà soát, đơn giản hóa TTHC nội bộ', tuphap, '2026-03-31');
    const onTime = await task('Báo cáo số hóa kết quả giải quyết TTHC', tuphap, '2026-03-31');
    await task('Rà soát hoạt động Bộ phận Một cửa', noivu, '2026-03-20');

    const director = await openSignedIn(suite, 'giamdoc', PHONE);
    try {
      // on time: marked 30 March, accepted by the Office
      clock.set('2026-03-30T10:00:00+07:00');
      expect((await callApi(director.page, 'POST', `/api/v1/reform/tasks/${onTime}/complete`, { note: 'Xong' })).status).toBe(200);
      expect((await callApi(office.page, 'POST', `/api/v1/reform/tasks/${onTime}/accept`, {})).status).toBe(200);

      // 2 April: the director reports on the late task at 360 px with a PDF and marks it completed
      clock.set('2026-04-02T09:00:00+07:00');
      const page = director.page;
      await page.goto(`${suite.server.url}/staff/reform/tasks/${late}`);
      await page.getByRole('heading', { level: 1, name: 'Rà soát, đơn giản hóa TTHC nội bộ' }).waitFor();
      await page.getByText(TASK_STATE_LABELS.overdue.vi).first().waitFor();
      await page.getByRole('button', { name: L.sendReport }).click();
      await page.getByText(L.noteRequired).waitFor();
      await page.getByLabel(L.note).fill('Đã hoàn thành rà soát 20/20 thủ tục nội bộ');
      await page.getByLabel(L.progress).fill('100');
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByLabel(L.evidence).click()]);
      await chooser.setFiles({ name: 'bao-cao.pdf', mimeType: 'application/pdf', buffer: scanPdf('Bao cao', ['Ket qua ra soat']) });
      await page.getByRole('button', { name: L.sendReport }).click();
      await page.getByRole('link', { name: 'bao-cao.pdf' }).waitFor();
      await page.getByRole('button', { name: L.complete }).click();
      await page.getByText(L.awaitingBadge).waitFor();
      expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
      expect(await axeViolations(page, 'main')).toEqual([]);

      // the Office accepts on the task page
      clock.set('2026-04-03T09:00:00+07:00');
      await office.page.goto(`${suite.server.url}/staff/reform/tasks/${late}`);
      await office.page.getByRole('button', { name: L.accept }).click();
      await office.page.getByText(TASK_STATE_LABELS.completed_late.vi).first().waitFor();

      // the board: one on time, one late, one overdue, across two units
      await office.page.goto(`${suite.server.url}/staff/reform`);
      await office.page.getByRole('heading', { level: 1, name: L.title }).waitFor();
      const table = office.page.getByRole('table');
      const justice = table.getByRole('row', { name: /Sở Tư pháp|STP/ });
      await expect.poll(async () => (await justice.getByRole('cell').allTextContents()).slice(0, 4)).toEqual(['2', '1', '1', '0']);
      const home = table.getByRole('row', { name: /Sở Nội vụ|SNV/ });
      expect((await home.getByRole('cell').allTextContents()).slice(0, 4)).toEqual(['1', '0', '0', '1']);
      await office.page.getByRole('link', { name: 'Rà soát hoạt động Bộ phận Một cửa' }).waitFor();
      expect(await office.page.getByRole('link', { name: L.exportXlsx }).getAttribute('href')).toBe('/api/v1/reform/board.xlsx');
      expect(await axeViolations(office.page, 'main')).toEqual([]);
      await office.page.getByRole('tab', { name: L.tabs.plans }).click();
      await office.page.getByRole('link', { name: /259\/KH-UBND/ }).click();
      await office.page.getByRole('cell', { name: 'Rà soát, đơn giản hóa TTHC nội bộ' }).waitFor();
      expect(await axeViolations(office.page, 'main')).toEqual([]);
      expect(TEXT.vi.nav.reform).toBe('Nhiệm vụ cải cách hành chính');
    } finally {
      await director.context.close();
      await office.context.close();
    }
  });
});
