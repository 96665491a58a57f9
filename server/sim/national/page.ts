/** Server-rendered HTML of the NATIONAL PORTAL SIMULATOR (/sim/dvcqg): the dossier versions it received. */
import { CHANNELS, CHANNEL_LABELS } from '@core/dossier/channel';
import { STATUS_LABELS, statusFromSyncCode } from '@core/dossier/status';
import type { SimNationalDossierRow } from '../../db/tables/national';
import { escapeHtml as e } from '../../features/notifications/render';
import { shortDateTime } from '../../forms/format';

const STYLE = `
body{margin:0;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1a1a1a;background:#f6f7f9}
header{background:#7a1f1f;color:#fff;padding:12px 16px}
header h1{margin:0;font-size:20px;letter-spacing:.5px}
header p{margin:4px 0 0;font-size:13px}
main{max-width:1100px;margin:0 auto;padding:12px 16px}
a{color:#0b4f9c}
a:focus,input:focus,button:focus{outline:3px solid #f0b400;outline-offset:2px}
form{display:flex;flex-wrap:wrap;gap:8px;align-items:flex-end;margin:8px 0 12px}
label{display:flex;flex-direction:column;font-weight:600;font-size:14px}
input{font:inherit;padding:6px 8px;border:1px solid #6b7280;border-radius:4px;min-width:0;max-width:100%}
button{font:inherit;padding:6px 14px;border:0;border-radius:4px;background:#0b4f9c;color:#fff;cursor:pointer}
.scroll{overflow-x:auto;background:#fff;border:1px solid #d8dbe0;border-radius:6px}
table{border-collapse:collapse;width:100%;font-size:14px}
th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #e5e7eb;vertical-align:top;white-space:nowrap}
th{background:#eef0f3}
details summary{cursor:pointer;color:#0b4f9c}
pre{white-space:pre-wrap;margin:4px 0 0;font-size:12px}
`;

type Row = Pick<SimNationalDossierRow, 'id' | 'code' | 'version' | 'procedure_code' | 'agency_code' | 'channel' | 'status' | 'payload' | 'received_at'>;

const channelLabel = (code: number) => {
  const c = CHANNELS[code - 1];
  return c ? `${code} · ${CHANNEL_LABELS[c].vi}` : String(code);
};
const statusLabel = (code: number) => {
  const s = statusFromSyncCode(code);
  return s ? `${code} · ${STATUS_LABELS[s].vi}` : String(code);
};
const field = (payload: unknown, name: string) => {
  const v = payload && typeof payload === 'object' ? (payload as Record<string, unknown>)[name] : undefined;
  return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
};

/** The list of received dossier versions, newest first, with a filter by dossier code. */
export function nationalListPage(data: { rows: readonly Row[]; total: number; code: string | null }): string {
  const rows = data.rows
    .map(
      (r) => `<tr><td><a href="/sim/dvcqg?ma=${encodeURIComponent(r.code)}">${e(r.code)}</a></td><td>${r.version}</td><td>${e(r.procedure_code)}</td><td>${e(r.agency_code)}</td><td>${e(channelLabel(r.channel))}</td><td>${e(statusLabel(r.status))}</td><td>${e(field(r.payload, 'ChuHoSo'))}<br><span>${e(field(r.payload, 'MaDoiTuong'))}</span></td><td>${e(shortDateTime(r.received_at.getTime()))}</td><td><details><summary>Xem</summary><pre>${e(JSON.stringify(r.payload, null, 2))}</pre></details></td></tr>`,
    )
    .join('');
  const table = `<div class="scroll" role="region" aria-label="Hồ sơ đã nhận" tabindex="0"><table><thead><tr><th scope="col">Mã hồ sơ</th><th scope="col">Phiên bản</th><th scope="col">Mã TTHC</th><th scope="col">Mã cơ quan</th><th scope="col">Kênh thực hiện</th><th scope="col">Trạng thái</th><th scope="col">Chủ hồ sơ</th><th scope="col">Nhận lúc</th><th scope="col">Bản tin</th></tr></thead><tbody>${rows}</tbody></table></div>`;
  const heading = data.code ? `Hồ sơ ${e(data.code)}: ${data.rows.length} phiên bản` : `Hồ sơ đã nhận (${data.total} phiên bản; hiển thị ${data.rows.length} mới nhất)`;
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Hồ sơ đồng bộ — CỔNG DỊCH VỤ CÔNG QUỐC GIA MÔ PHỎNG</title><style>${STYLE}</style></head><body>
<header><h1>CỔNG DỊCH VỤ CÔNG QUỐC GIA MÔ PHỎNG</h1><p>Môi trường mô phỏng: các hồ sơ hệ thống một cửa đồng bộ lên Cổng Dịch vụ công quốc gia được lưu lại ở đây, không gửi đi đâu.</p></header>
<main><form method="get" action="/sim/dvcqg"><label for="ma">Mã hồ sơ<input id="ma" name="ma" value="${e(data.code ?? '')}" autocomplete="off"></label><button type="submit">Lọc</button>${data.code ? '<a href="/sim/dvcqg">Tất cả hồ sơ</a>' : ''}</form>
<h2>${heading}</h2>${data.rows.length === 0 ? '<p>Chưa nhận hồ sơ nào.</p>' : table}</main></body></html>`;
}
