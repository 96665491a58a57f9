/** Dates, money and sizes as people read them, shared by the portal and the back office. */
import type { Language } from '../i18n';

const LOCALES: Record<Language, string> = { vi: 'vi-VN', en: 'en-GB' };

/** An instant as dd/mm/yyyy hh:mm in Hải Phòng time, whatever the browser's zone; '—' when absent. */
export function formatWhen(iso: string | null | undefined, language: Language): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(LOCALES[language], {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'Asia/Ho_Chi_Minh',
  }).format(new Date(iso));
}

/** Whole đồng as "150.000 ₫" (Vietnamese grouping in both languages: the amount on the receipt). */
export function formatMoney(amount: number): string {
  return new Intl.NumberFormat('vi-VN', { style: 'currency', currency: 'VND', maximumFractionDigits: 0 }).format(amount);
}

/** A file size as "35 KB" or "1,2 MB". */
export function formatSize(bytes: number, language: Language): string {
  const number = new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: 1 });
  if (bytes < 1024 * 1024) return `${number.format(Math.max(1, Math.round(bytes / 1024)))} KB`;
  return `${number.format(bytes / (1024 * 1024))} MB`;
}
