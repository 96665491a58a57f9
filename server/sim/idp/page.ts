import { maskCccd } from '@core/identity/mask';
import type { SimIdentity } from './identities';

/** The label every simulator page carries, so nobody mistakes it for the national identity service. */
export const SIM_LABEL = 'MÔ PHỎNG — không phải VNeID';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

// Phone first (360 px): one column, full-width 48 px targets, visible focus, AA contrast.
const STYLE = `
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;font-size:1rem;line-height:1.5;color:#1a1a1a;background:#f4f5f7}
.sim{margin:0;padding:.75rem 1rem;background:#8a1c00;color:#fff;font-weight:700;text-align:center;letter-spacing:.02em}
.sim small{display:block;font-weight:400}
main{max-width:34rem;margin:0 auto;padding:1rem}
h1{font-size:1.375rem;line-height:1.3;margin:.5rem 0 1rem}
p{margin:0 0 1rem}
ul{list-style:none;margin:0 0 1rem;padding:0}
li{margin:0 0 .75rem}
button,.link{display:block;width:100%;min-height:48px;padding:.75rem 1rem;font:inherit;text-align:left;border-radius:8px;cursor:pointer}
.who{background:#fff;color:#1a1a1a;border:2px solid #1b4f9c}
.who:hover{background:#e8f0fc}
.name{display:block;font-weight:700;font-size:1.0625rem}
.meta{display:block;color:#3d3d3d;font-size:.9375rem}
.cancel{background:#fff;color:#8a1c00;border:2px solid #8a1c00;text-align:center}
.link{background:#1b4f9c;color:#fff;text-align:center;text-decoration:none;border:0}
button:focus-visible,.link:focus-visible{outline:3px solid #f5a300;outline-offset:2px}
`;

/** A whole simulator page: Vietnamese, labelled as a simulator at the top, usable at 360 px without script. */
export function simPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${esc(title)} — ${esc(SIM_LABEL)}</title>
<style>${STYLE}</style>
</head>
<body>
<p class="sim" role="note">${esc(SIM_LABEL)}<small>Nhà cung cấp định danh giả lập dùng để thử nghiệm. Các danh tính dưới đây không phải người thật.</small></p>
<main>
${body}
</main>
</body>
</html>`;
}

const LEVEL_TEXT = { verified: 'Mức 2 — đã xác thực', basic: 'Mức 1 — cơ bản' } as const;

/** The sign-in page: one button per demo identity (masked CCCD, level, organisations), and a cancel button. */
export function pickerPage(opts: { action: string; abortAction: string; identities: readonly SimIdentity[] }): string {
  const items = opts.identities
    .map((who) => {
      const orgs = who.organisations.map((o) => `<span class="meta">Đại diện: ${esc(o.name)} (MST ${esc(o.taxCode)})</span>`).join('');
      return `<li><button class="who" type="submit" name="sub" value="${esc(who.sub)}">
<span class="name">${esc(who.fullName)}</span>
<span class="meta">CCCD ${esc(maskCccd(who.idNumber))} · ${LEVEL_TEXT[who.level]}</span>${orgs}
</button></li>`;
    })
    .join('\n');
  return simPage(
    'Đăng nhập',
    `<h1 id="title">Chọn danh tính để đăng nhập Cổng Dịch vụ công</h1>
<p>Đây là trang thay thế VNeID khi chạy thử. Chọn một người để đăng nhập với danh tính đó.</p>
<form method="post" action="${esc(opts.action)}" aria-labelledby="title">
<ul>
${items}
</ul>
</form>
<form method="post" action="${esc(opts.abortAction)}">
<button class="cancel" type="submit">Hủy đăng nhập</button>
</form>`,
  );
}

/** A message page (an expired or unknown sign-in, a provider error), with a way back to the portal. */
export function messagePage(title: string, message: string, back = '/'): string {
  return simPage(title, `<h1>${esc(title)}</h1>\n<p>${esc(message)}</p>\n<a class="link" href="${esc(back)}">Về Cổng Dịch vụ công</a>`);
}
