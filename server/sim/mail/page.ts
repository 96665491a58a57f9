/** Server-rendered HTML of the simulated mailbox (/sim/mail): a list, one message, the simulated SMS. */
import type { SimMailRow, SimSmsRow } from '../../db/tables/notifications';
import { escapeHtml as e } from '../../features/notifications/render';
import { shortDateTime } from '../../forms/format';

const STYLE = `
body{margin:0;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1a1a1a;background:#f6f7f9}
header{background:#7a1f1f;color:#fff;padding:12px 16px}
header h1{margin:0;font-size:20px;letter-spacing:.5px}
header p{margin:4px 0 0;font-size:13px}
main{max-width:960px;margin:0 auto;padding:12px 16px}
nav a{margin-right:16px}
a{color:#0b4f9c}
a:focus{outline:3px solid #f0b400;outline-offset:2px}
ul.list{list-style:none;margin:0;padding:0}
ul.list li{background:#fff;border:1px solid #d8dbe0;border-radius:6px;margin:8px 0;padding:10px 12px}
.meta{color:#555;font-size:13px;overflow-wrap:anywhere}
pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#fff;border:1px solid #d8dbe0;border-radius:6px;padding:12px;font-family:inherit}
dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 12px;background:#fff;border:1px solid #d8dbe0;border-radius:6px;padding:12px}
dt{font-weight:600}dd{margin:0;overflow-wrap:anywhere}
iframe{width:100%;min-height:420px;border:1px solid #d8dbe0;border-radius:6px;background:#fff}
`;

const time = (d: Date) => shortDateTime(d.getTime());

/** The page frame, labelled as a simulator on every page. */
function frame(title: string, body: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${e(title)} — HỘP THƯ MÔ PHỎNG</title><style>${STYLE}</style></head><body>
<header><h1>HỘP THƯ MÔ PHỎNG</h1><p>Môi trường mô phỏng: thư điện tử và tin nhắn SMS của hệ thống được giữ lại ở đây, không gửi ra ngoài.</p></header>
<main><nav aria-label="Hộp thư mô phỏng"><a href="/sim/mail">Thư điện tử</a><a href="/sim/mail/sms">Tin nhắn SMS</a></nav>${body}</main></body></html>`;
}

/** The list of received e-mails, newest first. */
export function mailListPage(rows: readonly Pick<SimMailRow, 'id' | 'received_at' | 'recipients' | 'subject'>[]): string {
  const items = rows
    .map((r) => `<li><a href="/sim/mail/${e(r.id)}">${e(r.subject || '(không có tiêu đề)')}</a><div class="meta">Đến: ${e(r.recipients)} · ${e(time(r.received_at))}</div></li>`)
    .join('');
  return frame('Thư điện tử', `<h2>Thư điện tử (${rows.length})</h2>${rows.length === 0 ? '<p>Chưa có thư nào.</p>' : `<ul class="list">${items}</ul>`}`);
}

/** One e-mail: envelope, the text part, and the HTML part in a sandboxed frame (no scripts, no same-origin). */
export function mailMessagePage(m: SimMailRow): string {
  const html = m.html_body ? `<h3>Bản HTML</h3><iframe title="Bản HTML của thư" sandbox="" srcdoc="${e(m.html_body)}"></iframe>` : '';
  return frame(
    m.subject || 'Thư',
    `<h2>${e(m.subject || '(không có tiêu đề)')}</h2>
<dl><dt>Từ</dt><dd>${e(m.mail_from ?? '')}</dd><dt>Đến</dt><dd>${e(m.recipients)}</dd><dt>Nhận lúc</dt><dd>${e(time(m.received_at))}</dd><dt>Message-ID</dt><dd>${e(m.message_id ?? '')}</dd><dt>Kích thước</dt><dd>${m.size} byte</dd></dl>
<h3>Nội dung</h3><pre>${e(m.text_body ?? '')}</pre>${html}
<p><a href="/sim/mail">← Danh sách thư</a></p>`,
  );
}

/** The simulated SMS, newest first (full numbers: this is the simulated handset). */
export function smsListPage(rows: readonly SimSmsRow[]): string {
  const items = rows.map((r) => `<li><div class="meta">Đến: ${e(r.phone)} · ${e(time(r.created_at))}</div><div>${e(r.body)}</div></li>`).join('');
  return frame('Tin nhắn SMS', `<h2>Tin nhắn SMS (${rows.length})</h2>${rows.length === 0 ? '<p>Chưa có tin nhắn nào.</p>' : `<ul class="list">${items}</ul>`}`);
}

/** The page for a message that is not (or no longer) in the mailbox. */
export function notFoundPage(): string {
  return frame('Không tìm thấy', '<h2>Không tìm thấy thư</h2><p>Thư không có trong hộp thư mô phỏng (hộp thư chỉ giữ những thư mới nhất).</p><p><a href="/sim/mail">← Danh sách thư</a></p>');
}
