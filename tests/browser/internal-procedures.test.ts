import { describe, expect, it } from 'vitest';
import { DEMO_INTERNAL_PROCEDURES } from '../../server/seed/internal-procedures';
import { en as EN, vi as L } from '../../web/src/features/internal-procedures/texts';
import { axeViolations, callApi, openSignedIn, PHONE, scrollWidth, switchLanguage, useBrowserSuite, withParams } from './harness';

describe('internal procedures page', () => {
  const suite = useBrowserSuite();

  it('the Office sees the city summary against the target and a procedure’s cost step by step, before and after, at 360 px', async () => {
    const { page, context } = await openSignedIn(suite, 'kiemsoat', PHONE);
    try {
      const units = (await callApi(page, 'GET', '/api/v1/units')).json.units as { id: string; code: string }[];
      const tuphap = units.find((u) => u.code === '000.00.03.H26')!.id;
      const { owner: _owner, ...tp } = DEMO_INTERNAL_PROCEDURES[0]!;
      const created = await callApi(page, 'POST', '/api/v1/internal-procedures', { ...tp, ownerUnitId: tuphap });
      expect(created.status).toBe(201);
      const id = created.json.procedure.id as string;
      const finding = { verdict: 'amend', text: 'Thời gian thẩm định dài' };
      const reviewed = await callApi(page, 'POST', `/api/v1/internal-procedures/${id}/reviews`, { necessity: { verdict: 'keep', text: 'Cần thiết' }, reasonableness: finding, legality: { verdict: 'keep', text: 'Hợp pháp' }, proposals: 'Tiếp nhận điện tử' });
      expect(reviewed.status).toBe(201);
      const after = { fees: 0, yearlyFrequency: 12, steps: tp.steps.map((s) => (s.order === 2 ? { ...s, time: 3, otherCosts: 50_000 } : s)) };
      const decided = await callApi(page, 'POST', `/api/v1/internal-procedures/${id}/reviews/${reviewed.json.reviews[0].id}/decision`, { number: '1520/QĐ-UBND', date: '2026-11-01', summary: 'Thông qua phương án đơn giản hóa', after });
      expect(decided.status).toBe(200);

      await page.goto(`${suite.server.url}/staff/reform/internal`);
      await page.getByRole('heading', { level: 1, name: L.title }).waitFor();
      await page.getByRole('heading', { name: L.summary }).waitFor();
      // 1 of 1 reviewed procedure simplified; 25 920 000 → 17 040 000 đồng a year (−34,26 %): target met
      expect(await page.getByText(L.targetMet).count()).toBeGreaterThan(0);
      expect(await page.getByText('25.920.000').count()).toBeGreaterThan(0);
      expect(await page.getByText('34,26 %').count()).toBeGreaterThan(0);
      expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
      expect(await axeViolations(page)).toEqual([]);

      await page.getByRole('link', { name: tp.name }).click();
      await page.getByRole('heading', { level: 1, name: `${tp.code} — ${tp.name}` }).waitFor();
      // both versions, each with its steps and sums
      const v1 = page.getByRole('region', { name: withParams(L.costTable, { n: 1 }) });
      const v2 = page.getByRole('region', { name: withParams(L.costTable, { n: 2 }) });
      await v1.waitFor();
      expect(await v1.getByRole('row', { name: /Nghiên cứu, thẩm định dự thảo/ }).textContent()).toContain('1.750.000');
      expect(await v2.getByRole('row', { name: /Nghiên cứu, thẩm định dự thảo/ }).textContent()).toContain('1.010.000');
      // the sums, readable at 360 px without scrolling the table
      await page.getByText(withParams(L.computation, { steps: '2.160.000', fees: '0', perRun: '2.160.000', n: 12, yearly: '25.920.000' }), { exact: true }).waitFor();
      await page.getByText(withParams(L.computation, { steps: '1.420.000', fees: '0', perRun: '1.420.000', n: 12, yearly: '17.040.000' }), { exact: true }).waitFor();
      await page.getByText(/cắt giảm 8\.880\.000 đồng/).waitFor();
      expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
      expect(await axeViolations(page)).toEqual([]);

      await switchLanguage(page, 'vi', 'en');
      await page.getByRole('heading', { name: EN.reviews }).waitFor();
    } finally {
      await context.close();
    }
  });
});
