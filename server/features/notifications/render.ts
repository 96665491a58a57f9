/** Turns a composed message into what is sent: subject, plain text, simple HTML (every value escaped) and the SMS. */
import type { NotificationEvent } from './enqueue';
import { type Message, type NotificationData, type NotificationFacts, type NotificationLocale, composeMessage } from './templates';

/** A notification ready for the channels. */
export interface RenderedNotification {
  subject: string;
  text: string;
  html: string;
  sms: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** The plain-text body. */
function toText(m: Message): string {
  const blocks = [m.greeting, m.intro];
  if (m.items.length > 0) blocks.push(m.items.map((i, n) => `${n + 1}. ${i}`).join('\n'));
  if (m.facts.length > 0) blocks.push(m.facts.map(([k, v]) => `${k}: ${v}`).join('\n'));
  blocks.push(...m.outro, `--\n${m.footer.join('\n')}`);
  return `${blocks.join('\n\n')}\n`;
}

/** The HTML body: one column, system fonts, readable on a phone; no images or external resources. */
function toHtml(m: Message, locale: NotificationLocale): string {
  const e = escapeHtml;
  const facts = m.facts.map(([k, v]) => `<tr><th scope="row" style="text-align:left;padding:4px 12px 4px 0;vertical-align:top;font-weight:600">${e(k)}</th><td style="padding:4px 0">${e(v)}</td></tr>`).join('');
  return [
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${e(m.subject)}</title></head>`,
    '<body style="margin:0;padding:16px;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1a1a1a;background:#fff">',
    `<p>${e(m.greeting)}</p>`,
    `<p>${e(m.intro)}</p>`,
    m.items.length > 0 ? `<ol>${m.items.map((i) => `<li>${e(i)}</li>`).join('')}</ol>` : '',
    facts ? `<table role="presentation" style="border-collapse:collapse;margin:8px 0 16px">${facts}</table>` : '',
    ...m.outro.map((o) => `<p>${e(o)}</p>`),
    `<hr style="border:0;border-top:1px solid #ccc"><p style="color:#555;font-size:13px">${m.footer.map(e).join('<br>')}</p>`,
    '</body></html>',
  ].join('');
}

/** The subject, text, HTML and SMS of an event for a dossier, in the applicant's locale. */
export function renderNotification(event: NotificationEvent, facts: NotificationFacts, data: NotificationData, locale: NotificationLocale, portalUrl: string): RenderedNotification {
  const m = composeMessage(event, facts, data, locale, portalUrl);
  return { subject: m.subject, text: toText(m), html: toHtml(m, locale), sms: m.sms };
}
