import type { OnlineLevel } from '@core/catalogue/procedure';
import type { TFunction } from 'i18next';
import i18n from '../../i18n';

/** A legal processing time in words ("5 ngày làm việc", "Giải quyết ngay"). */
export function formatProcessingTime(t: TFunction, time: { amount: number; unit: 'working_days' | 'working_hours' | 'calendar_days' | 'immediate' } | null): string {
  if (!time) return t('catalogue.noTime');
  // Half days are written the local way ("0,5 ngày" in Vietnamese).
  const amount = new Intl.NumberFormat(i18n.resolvedLanguage === 'en' ? 'en-GB' : 'vi-VN').format(time.amount);
  return t(`catalogue.timeValue.${time.unit}`, { count: time.amount, amount });
}

const VND = new Intl.NumberFormat('vi-VN', { style: 'currency', currency: 'VND', maximumFractionDigits: 0 });

/** An amount of money as written in Vietnam ("50.000 ₫"). */
export function formatVnd(amount: number): string {
  return VND.format(amount);
}

/** Badge colours with at least 4.5:1 contrast on white (outline badges). */
export const ONLINE_COLORS: Record<OnlineLevel, string> = { full: '#1b6b34', partial: 'blue.9', none: 'gray.8' };
