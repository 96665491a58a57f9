/** Vietnamese wording of instants and labels on the forms; every instant is printed in Vietnamese time (UTC+7). */
import { HOUR_MS, localDay, MINUTE_MS, VN_OFFSET_MS, DAY_MS, ymdFromDay } from '@core/calendar/time';

const pad = (n: number) => String(n).padStart(2, '0');

/** The Gregorian date and time of day of an instant in Vietnam. */
function parts(ms: number): { y: number; m: number; d: number; h: number; min: number } {
  const [y, m, d] = ymdFromDay(localDay(ms));
  const tod = (ms + VN_OFFSET_MS) % DAY_MS;
  return { y, m, d, h: Math.floor(tod / HOUR_MS), min: Math.floor((tod % HOUR_MS) / MINUTE_MS) };
}

/**
 * `ngày 02 tháng 3 năm 2026`: days below 10 and the months January and February take a leading
 * zero, as the rules on the format of administrative documents (Decree 30/2020) require.
 */
export function viDate(ms: number): string {
  const { y, m, d } = parts(ms);
  return `ngày ${pad(d)} tháng ${m <= 2 ? pad(m) : m} năm ${y}`;
}

/** `Ngày 02 tháng 3 năm 2026`, to open a sentence. */
export function viDateSentence(ms: number): string {
  return `N${viDate(ms).slice(1)}`;
}

/** `09 giờ 15 phút, ngày 02 tháng 3 năm 2026`. */
export function viDateTime(ms: number): string {
  const { h, min } = parts(ms);
  return `${pad(h)} giờ ${pad(min)} phút, ${viDate(ms)}`;
}

/** `02/03/2026 09:15`, for table cells. */
export function shortDateTime(ms: number | null): string {
  if (ms === null) return '';
  const { y, m, d, h, min } = parts(ms);
  return `${pad(d)}/${pad(m)}/${y} ${pad(h)}:${pad(min)}`;
}

/** `02/03/2026`, for table cells. */
export function shortDate(ms: number | null): string {
  return ms === null ? '' : shortDateTime(ms).slice(0, 10);
}

/** The date line under the motto: `Hải Phòng, ngày 02 tháng 3 năm 2026`. */
export function placeAndDate(place: string, ms: number): string {
  return `${place}, ${viDate(ms)}`;
}
