import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, scrollWidth, signIn, switchLanguage, TEXT, useBrowserSuite, unlabelledInputs, PHONE } from './harness';

const T = TEXT.vi;
const C = T.calendar;

/** Fills the `{{name}}` placeholders of a UI text. */
function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(params[key] ?? ''));
}

type Texts = typeof T;
type Kind = keyof Texts['calendar']['kinds'];
type Weekday = keyof Texts['calendar']['weekdayLong'];

/** The accessible name the calendar gives a day, as a screen reader announces it. */
function dayName(texts: Texts, weekday: Weekday, date: string, kind: Kind, name?: string, override = false): string {
  const params = { weekday: texts.calendar.weekdayLong[weekday], date, kind: texts.calendar.kinds[kind], name: name ?? '' };
  const label = name ? fill(texts.calendar.dayLabelNamed, params) : fill(texts.calendar.dayLabel, params);
  return override ? `${label} (${texts.calendar.overrideMark})` : label;
}

/** This year in Vietnam (UTC+7), the year the page opens on. */
const thisYear = new Date(Date.now() + 7 * 3_600_000).getUTCFullYear();

/** The abbreviations shown atop a month (each header's first line; its accessible name is the full weekday). */
async function weekdayHeaders(month: Locator): Promise<string[]> {
  return (await month.getByRole('columnheader').allInnerTexts()).map((text) => text.split('\n')[0] ?? '');
}

describe('working calendar', () => {
  const suite = useBrowserSuite();

  it('a specialist sees the year with Tết 2027 marked as a holiday, and no edit controls', async () => {
    const { context, page } = await openPage(suite.browser);
    try {
      await signIn(page, suite.server.url, 'chuyenvien');
      await page.getByRole('navigation', { name: T.a11y.mainNavigation }).getByRole('link', { name: T.nav.calendar }).click();
      await page.getByRole('heading', { level: 1, name: C.title }).waitFor();

      // Opens on this year; the switcher moves a year at a time.
      await page.getByRole('heading', { level: 2, name: fill(C.year, { year: thisYear }), exact: true }).waitFor();
      await page.getByRole('button', { name: fill(C.nextYear, { year: thisYear + 1 }) }).click();
      await page.getByRole('heading', { level: 2, name: fill(C.year, { year: thisYear + 1 }), exact: true }).waitFor();
      await page.getByRole('button', { name: fill(C.previousYear, { year: thisYear }) }).click();
      await page.getByRole('heading', { level: 2, name: fill(C.year, { year: thisYear }), exact: true }).waitFor();

      await page.goto(`${suite.server.url}/staff/calendar?year=2027`);
      await page.getByRole('heading', { level: 2, name: fill(C.year, { year: 2027 }), exact: true }).waitFor();
      for (let m = 1; m <= 12; m++) await page.getByRole('heading', { level: 3, name: C.months[`m${m}` as keyof typeof C.months], exact: true }).waitFor();
      const february = page.getByRole('table', { name: C.months.m2, exact: true });
      expect(await weekdayHeaders(february)).toEqual(['T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'CN']);
      await february.getByRole('columnheader', { name: C.weekdayLong.mon, exact: true }).waitFor();

      // Tết 2027: Friday 5 February, five days, then two compensatory days for the weekend.
      const tet = dayName(T, 'fri', '05/02/2027', 'holiday', 'Tết Nguyên đán');
      await february.getByRole('cell', { name: tet, exact: true }).waitFor();
      await february.getByRole('cell', { name: dayName(T, 'wed', '10/02/2027', 'compensatory', 'Nghỉ bù Tết Nguyên đán'), exact: true }).waitFor();
      await february.getByRole('cell', { name: dayName(T, 'fri', '12/02/2027', 'workday'), exact: true }).waitFor();

      // The list under the grids names the runs of days.
      const list = page.getByRole('region', { name: fill(C.listTitle, { year: 2027 }) });
      await list.getByText('Tết Nguyên đán', { exact: true }).waitFor();
      await list.getByText(fill(C.range, { from: 'Thứ Sáu, 05/02/2027', to: 'Thứ Ba, 09/02/2027' })).waitFor();

      // Read-only: no day buttons, no grid, no import.
      expect(await page.getByRole('button', { name: tet }).count()).toBe(0);
      expect(await page.getByRole('grid').count()).toBe(0);
      expect(await page.getByRole('heading', { name: C.import.title }).count()).toBe(0);
      expect(await page.getByRole('button', { name: C.edit }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('an administrator makes a Saturday a working day with the keyboard, sees it marked, then removes it', async () => {
    const { context, page } = await openPage(suite.browser);
    try {
      await signIn(page, suite.server.url, 'admin');
      await page.goto(`${suite.server.url}/staff/calendar?year=2027`);
      const saturday = dayName(T, 'sat', '06/03/2027', 'weekend');
      const day = page.getByRole('button', { name: saturday, exact: true });
      await day.waitFor();
      expect(await unlabelledInputs(page)).toEqual([]);

      // Arrow keys move between days (one tab stop for the grid); Enter opens the dialog.
      await day.focus();
      await page.keyboard.press('ArrowRight');
      const focusedName = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
      await expect.poll(focusedName).toBe(dayName(T, 'sun', '07/03/2027', 'weekend'));
      await page.keyboard.press('PageDown');
      await expect.poll(focusedName).toBe(dayName(T, 'wed', '07/04/2027', 'workday'));
      await page.keyboard.press('PageUp');
      await page.keyboard.press('ArrowLeft');
      await expect.poll(focusedName).toBe(saturday);
      await page.keyboard.press('Enter');

      const dialog = page.getByRole('dialog', { name: fill(C.dialog.title, { date: 'Thứ Bảy, 06/03/2027' }) });
      await dialog.waitFor();
      expect(await dialog.getByRole('radio', { name: C.dialog.working }).isChecked()).toBe(true);
      // The reason is required.
      await dialog.getByRole('button', { name: C.dialog.save }).click();
      await dialog.getByText(C.dialog.reasonRequired).waitFor();
      const reason = 'Làm bù cho ngày nghỉ Tết theo Thông báo số 12/TB-UBND';
      await dialog.getByRole('textbox', { name: C.dialog.reason }).fill(reason);
      await dialog.getByRole('button', { name: C.dialog.save }).click();
      await dialog.waitFor({ state: 'hidden' });

      await page.getByRole('status').getByText(fill(C.dialog.saved, { date: 'Thứ Bảy, 06/03/2027' })).waitFor();
      const swappedName = dayName(T, 'sat', '06/03/2027', 'swapped_workday', reason, true);
      const swapped = page.getByRole('button', { name: swappedName, exact: true });
      await swapped.waitFor();
      // Focus went back to the day, which now announces its new status.
      await expect.poll(focusedName).toBe(swappedName);
      const list = page.getByRole('region', { name: fill(C.listTitle, { year: 2027 }) });
      await list.getByText(reason).waitFor();

      // Open it again (a click this time) and remove the override: the weekend is back.
      await swapped.click();
      await dialog.waitFor();
      expect(await dialog.getByRole('textbox', { name: C.dialog.reason }).inputValue()).toBe(reason);
      await dialog.getByRole('button', { name: C.dialog.remove }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByRole('status').getByText(fill(C.dialog.removed, { date: 'Thứ Bảy, 06/03/2027' })).waitFor();
      await day.waitFor();
      expect(await list.getByText(reason).count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('an administrator imports an official schedule from a CSV file and sees the server refuse a bad one', async () => {
    const { context, page } = await openPage(suite.browser);
    try {
      await signIn(page, suite.server.url, 'admin');
      await page.goto(`${suite.server.url}/staff/calendar?year=2027`);
      const form = page.getByRole('region', { name: C.import.title });
      const file = form.getByLabel(C.import.file);
      await file.waitFor();

      // Nothing chosen: a message, no request.
      await form.getByRole('button', { name: C.import.submit }).click();
      await form.getByText(C.import.fileRequired).waitFor();

      const csv = 'date,working,name\n2027-12-25,true,Làm bù\n2027-12-31,false,"Nghỉ cuối năm, theo thông báo"\n';
      await file.setInputFiles({ name: 'lich-2027.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await form.getByRole('button', { name: C.import.submit }).click();
      await form.getByRole('status').getByText(fill(C.import.done, { count: 2 })).waitFor();
      await page.getByRole('button', { name: dayName(T, 'fri', '31/12/2027', 'override_off', 'Nghỉ cuối năm, theo thông báo', true), exact: true }).waitFor();
      await page.getByRole('button', { name: dayName(T, 'sat', '25/12/2027', 'swapped_workday', 'Làm bù', true), exact: true }).waitFor();

      const bad = 'date,working,name\n2027-11-06,maybe,Sai\n';
      await file.setInputFiles({ name: 'sai.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
      await form.getByRole('button', { name: C.import.submit }).click();
      const alert = form.getByRole('alert');
      await alert.getByText(C.import.failed).waitFor();
      // The server's own (Vietnamese) message, with the line at fault.
      await alert.getByText(/không hợp lệ ở dòng 2/).waitFor();
    } finally {
      await context.close();
    }
  });

  it('the due-date calculator shows the due instant and the days it skipped, with reasons', async () => {
    const { context, page } = await openPage(suite.browser);
    try {
      await signIn(page, suite.server.url, 'motcua');
      await page.goto(`${suite.server.url}/staff/calendar?year=2027`);
      const panel = page.getByRole('region', { name: C.due.title });
      await panel.getByLabel(C.due.from).fill('2027-02-03T09:00');
      await panel.getByRole('textbox', { name: C.due.amount }).fill('0');
      await panel.getByRole('combobox', { name: C.due.unit }).selectOption({ label: C.due.units.working_days });
      await panel.getByRole('button', { name: C.due.submit }).click();
      await panel.getByText(C.due.amountInvalid).waitFor();

      await panel.getByRole('textbox', { name: C.due.amount }).fill('5');
      await panel.getByRole('button', { name: C.due.submit }).click();
      const result = panel.getByRole('status');
      // 5 working days from Wednesday 3 Feb 09:00 jump over Tết, its compensatory days and a weekend.
      await result.getByText(fill(C.due.dueAtValue, { time: '09:00', weekday: 'Thứ Tư', date: '17/02/2027' }), { exact: true }).waitFor();
      await result.getByText(fill(C.due.workingTimeValue, { hours: 40 })).waitFor();
      const skipped = result.getByRole('list', { name: fill(C.due.skipped, { count: 9 }) });
      await skipped.getByText(fill(C.range, { from: 'Thứ Sáu, 05/02/2027', to: 'Thứ Ba, 09/02/2027' })).waitFor();
      await skipped.getByText('Tết Nguyên đán', { exact: true }).waitFor();
      await skipped.getByText('Nghỉ bù Tết Nguyên đán', { exact: true }).waitFor();
      await skipped.getByText(fill(C.range, { from: 'Thứ Bảy, 13/02/2027', to: 'Chủ nhật, 14/02/2027' })).waitFor();
    } finally {
      await context.close();
    }
  });

  it('fits a 360 px phone in both languages, dialog included', async () => {
    const { context, page } = await openPage(suite.browser, PHONE);
    try {
      await signIn(page, suite.server.url, 'admin');
      await page.goto(`${suite.server.url}/staff/calendar?year=2027`);
      const tet = dayName(T, 'fri', '05/02/2027', 'holiday', 'Tết Nguyên đán');
      await page.getByRole('button', { name: tet, exact: true }).waitFor();
      expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);

      // The months stack into one column.
      const boxes = await Promise.all([C.months.m1, C.months.m2].map((name) => page.getByRole('grid', { name, exact: true }).boundingBox()));
      expect(boxes[1]?.y).toBeGreaterThan((boxes[0]?.y ?? 0) + (boxes[0]?.height ?? 0) - 1);

      await page.getByRole('button', { name: tet, exact: true }).click();
      await page.getByRole('dialog').waitFor();
      expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'hidden' });

      await switchLanguage(page, 'vi', 'en');
      const E = TEXT.en;
      await page.getByRole('heading', { level: 1, name: E.calendar.title }).waitFor();
      await page.getByRole('button', { name: dayName(E, 'fri', '05/02/2027', 'holiday', 'Tết Nguyên đán'), exact: true }).waitFor();
      expect(await weekdayHeaders(page.getByRole('grid', { name: E.calendar.months.m2, exact: true }))).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
      expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    } finally {
      await context.close();
    }
  });
});
