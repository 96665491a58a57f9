import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { PDF_PAGE } from '../../server/features/warehouse/testing';
import { vi as L } from '../../web/src/features/legacy-import/texts';
import { axeViolations, openSignedIn, PHONE, scrollWidth, TEXT, useBrowserSuite, withParams } from './harness';

const HEADER = ['Tệp', 'Mã loại', 'Số', 'Cơ quan cấp', 'Ngày cấp', 'Ngày hết hạn', 'Loại chủ thể', 'Số định danh', 'Họ tên'];
const cccd = (i: number) => `00109${String(i).padStart(7, '0')}`;
const pdf = (i: number) => Buffer.concat([PDF_PAGE.subarray(0, 9), Buffer.from(`%ui ${i}\n`, 'latin1'), PDF_PAGE.subarray(9)]);

describe('legacy import page', () => {
  const suite = useBrowserSuite();

  it('an officer uploads a manifest and a ZIP at 360 px, follows the run to its end and gets the error report', async () => {
    const rows = [1, 2].map((i) => [`gks-${i}.pdf`, 'GKS', `${i}/1998`, 'UBND phường Bến Nghé', '15/03/1998', '', 'cá nhân', cccd(700 + i), `Nguyễn Văn ${i}`]);
    rows.push(['khong-co.pdf', 'GKS', '3/1998', 'UBND phường Bến Nghé', '15/03/1998', '', 'cá nhân', cccd(703), 'Trần Thị Ba']);
    const manifest = Buffer.from(`\uFEFF${[HEADER, ...rows].map((r) => r.map((c) => `"${c}"`).join(',')).join('\r\n')}\r\n`);
    const zip = new JSZip();
    for (const i of [1, 2]) zip.file(`gks-${i}.pdf`, pdf(i));
    const scans = await zip.generateAsync({ type: 'nodebuffer' });

    const { context, page } = await openSignedIn(suite, 'motcua', PHONE);
    try {
      await page.goto(`${suite.server.url}/staff/legacy-import`);
      await page.getByRole('heading', { level: 1, name: L.title }).waitFor();
      await page.getByRole('button', { name: L.submit }).click();
      await page.getByText(L.required).first().waitFor();

      await page.getByLabel(L.manifest).setInputFiles({ name: 'danh-sach.csv', mimeType: 'text/csv', buffer: manifest });
      await page.getByLabel(L.scans).setInputFiles({ name: 'ban-quet.zip', mimeType: 'application/zip', buffer: scans });
      await page.getByRole('button', { name: L.submit }).click();

      const status = page.getByRole('status');
      await status.getByText(withParams(L.counts, { done: 3, total: 3, imported: 2, failed: 1 }), { exact: false }).waitFor();
      await status.getByText(L.statuses.finished, { exact: false }).waitFor();
      const report = status.getByRole('link', { name: L.errorReport });
      expect(await report.getAttribute('href')).toMatch(/^\/api\/v1\/legacy-imports\/[0-9a-f-]{36}\/errors\.csv$/);
      const csv = await (await page.request.get(`${suite.server.url}${await report.getAttribute('href')}`)).text();
      expect(csv).toContain('"khong-co.pdf","missing_file"');

      await page.getByRole('listitem').getByText('danh-sach.csv', { exact: true }).waitFor();
      expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
      expect(await axeViolations(page, 'main')).toEqual([]);
      expect(TEXT.vi.nav.legacyImport).toBe('Nhập hồ sơ cũ');
    } finally {
      await context.close();
    }
  });
});
