/** The PAYMENT SIMULATOR's payment page: server-rendered HTML, Vietnamese, no script, readable at 360 px. */
import { formatVnd } from '@core/payment/money';
import type { SimOrder } from './store';

const html = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** `14:05 30/11/2026`, Vietnamese time. */
function when(ms: number): string {
  const d = new Date(ms + 7 * 3_600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCHours())}:${p(d.getUTCMinutes())} ${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:#1a1a1a;background:#f3f5f7;line-height:1.5}
.banner{background:#7a1f00;color:#fff;padding:.6rem 1rem;text-align:center;font-size:.95rem}
main{max-width:32rem;margin:1rem auto;padding:0 .75rem}
.card{background:#fff;border:1px solid #c9d1d9;border-radius:8px;padding:1rem}
h1{font-size:1.35rem;margin:0 0 .75rem}
dl{margin:0 0 1rem}
dt{color:#4a5560;font-size:.9rem;margin-top:.6rem}
dd{margin:0;font-weight:600;overflow-wrap:anywhere}
.amount{font-size:1.5rem;color:#0b4f2e}
.actions{display:flex;flex-wrap:wrap;gap:.75rem}
button,a.button{font:inherit;font-weight:600;min-height:44px;padding:.6rem 1.25rem;border-radius:6px;cursor:pointer;border:2px solid #0b5cad;text-decoration:none;display:inline-flex;align-items:center}
button.pay{background:#0b5cad;color:#fff;flex:1 1 10rem;justify-content:center}
button.cancel{background:#fff;color:#0b5cad;flex:1 1 6rem;justify-content:center}
a.button{background:#0b5cad;color:#fff}
button:focus-visible,a:focus-visible{outline:3px solid #f0a000;outline-offset:2px}
.note{font-size:.9rem;color:#4a5560;margin-top:1rem}
.status{padding:.6rem .75rem;border-radius:6px;background:#eef6ee;border:1px solid #9cc59c;margin-bottom:1rem}
.status.bad{background:#fdf0ee;border-color:#d99b8f}
`;

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${html(title)} — Cổng thanh toán mô phỏng</title>
<style>${STYLE}</style>
</head>
<body>
<div class="banner" role="note"><strong>CỔNG THANH TOÁN MÔ PHỎNG</strong> — chỉ dùng để thử nghiệm, không có giao dịch tiền thật.</div>
<main>
<div class="card">
${body}
</div>
</main>
</body>
</html>`;
}

function facts(o: SimOrder, merchantName: string): string {
  return `<dl>
<dt>Đơn vị thụ hưởng</dt><dd>${html(merchantName)}</dd>
<dt>Nội dung thanh toán</dt><dd>${html(o.description)}</dd>
<dt>Mã đơn hàng</dt><dd translate="no">${html(o.orderId)}</dd>
<dt>Số tiền</dt><dd class="amount">${html(formatVnd(o.amount))}</dd>
<dt>Hạn thanh toán</dt><dd>${html(when(o.expiresAt))}</dd>
</dl>`;
}

/** The page of a pending order: what is paid, to whom, and the two buttons. */
export function payPage(o: SimOrder, merchantName: string, action: string): string {
  return layout(
    'Thanh toán',
    `<h1>Xác nhận thanh toán</h1>
${facts(o, merchantName)}
<form method="post" action="${html(action)}" class="actions">
<button type="submit" name="action" value="pay" class="pay">Thanh toán</button>
<button type="submit" name="action" value="cancel" class="cancel">Hủy</button>
</form>
<p class="note">Bấm “Thanh toán” để mô phỏng giao dịch thành công; cổng sẽ gửi thông báo có chữ ký đến đơn vị thụ hưởng và đưa bạn trở lại trang hồ sơ.</p>`,
  );
}

/** The page of an order that can no longer be paid (paid, cancelled, expired), with the way back. */
export function donePage(o: SimOrder, merchantName: string, status: 'paid' | 'cancelled' | 'expired', back: string): string {
  const text = { paid: 'Đơn hàng này đã được thanh toán.', cancelled: 'Đơn hàng này đã bị hủy.', expired: 'Đơn hàng này đã hết hạn thanh toán.' }[status];
  return layout(
    text,
    `<h1>${html(text)}</h1>
<p class="status${status === 'paid' ? '' : ' bad'}" role="status">${html(text)}</p>
${facts(o, merchantName)}
<a class="button" href="${html(back)}">Quay lại trang hồ sơ</a>`,
  );
}

/** The page of an unknown address. */
export function notFoundPage(): string {
  return layout('Không tìm thấy', '<h1>Không tìm thấy đơn hàng</h1><p>Địa chỉ thanh toán không đúng hoặc đã hết hiệu lực.</p>');
}
