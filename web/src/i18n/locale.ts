import { useTranslation } from 'react-i18next';
import type { Language } from './index';

/** The current language, re-rendering on change; for picking labels kept in `core/`. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return i18n.resolvedLanguage === 'en' ? 'en' : 'vi';
}

const LOCALES: Record<Language, string> = { vi: 'vi-VN', en: 'en-GB' };

/** Date and time as shown in Hải Phòng, whatever the browser's time zone. */
export function formatDateTime(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZone: 'Asia/Ho_Chi_Minh',
  }).format(new Date(iso));
}

/** A calendar date (YYYY-MM-DD) as dd/mm/yyyy, the convention in Vietnam (and in en-GB). */
export function formatDate(isoDate: string): string {
  const [year, month, day] = isoDate.slice(0, 10).split('-');
  return `${day}/${month}/${year}`;
}

/** Sorts by Vietnamese alphabetical order (Đ after D, tones respected). */
export const compareVietnamese = new Intl.Collator('vi').compare;
