/** Browser-test steps of the citizen's side shared by the portal's tests: page checks at phone width and the submission wizard. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { vi as submitVi } from '../../web/src/features/submit/texts';
import { axeViolations, PHONE, scrollWidth, unlabelledInputs, withParams } from './harness';

const S = submitVi;

/** A citizen page is accessible (axe, WCAG 2.1 AA, nothing excluded), has every input labelled and no horizontal scroll at 360 px. */
export async function checkPage(page: Page, what: string): Promise<void> {
  expect(await axeViolations(page), what).toEqual([]);
  expect(await unlabelledInputs(page), what).toEqual([]);
  expect(await scrollWidth(page), what).toBeLessThanOrEqual(PHONE.width);
}

/** The heading of a wizard step ("Bước 2/4: Thành phần hồ sơ"). */
export function stepHeading(page: Page, number: number, step: keyof typeof S.steps) {
  return page.getByRole('heading', { level: 2, name: withParams(S.steps.heading, { number, total: 4, name: S.steps[step] }) });
}

/** Waits until autosave says everything typed is on the server. */
export async function saved(page: Page): Promise<void> {
  await page.getByRole('status').filter({ hasText: new RegExp(`^${S.save.savedAt.replace('{{time}}', '\\d{2}:\\d{2}')}$`) }).waitFor();
}

/** Picks a file for a component through the browser's file chooser, as a person would. */
export async function chooseFile(page: Page, button: string, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: button, exact: true }).click();
  await (await chooser).setFiles(file);
}
