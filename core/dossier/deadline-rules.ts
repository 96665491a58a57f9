/**
 * The two time limits of the lifecycle that are not the due date itself, as functions of the
 * working calendar, so the UI can show "until when" and `decide` can refuse after it.
 */
import { localDay } from '../calendar/time';
import type { WorkingCalendar } from '../calendar/working-calendar';

/** Working days after receipt within which processing may still ask for a supplement. */
export const SUPPLEMENT_WINDOW_WORKING_DAYS = 3;
/** Working days before the due date by which an apology must be issued. */
export const APOLOGY_NOTICE_WORKING_DAYS = 1;

/** The last instant processing may request a supplement: 3 working days of the unit's calendar after receipt. */
export function supplementDeadline(cal: WorkingCalendar, receivedAt: number): number {
  return cal.addWorking(cal.countingStart(receivedAt), SUPPLEMENT_WINDOW_WORKING_DAYS * cal.dayLengthMs);
}

/**
 * The last instant an apology may be issued: the close of the working day that comes
 * APOLOGY_NOTICE_WORKING_DAYS working days before the due date ("chậm nhất 01 ngày trước ngày hết hạn").
 */
export function apologyDeadline(cal: WorkingCalendar, dueAt: number): number {
  let day = localDay(dueAt);
  for (let n = 0; n < APOLOGY_NOTICE_WORKING_DAYS; n++) {
    day -= 1;
    // runs of days off last a couple of weeks at most (Tết), so walking back day by day is cheap
    while (!cal.isWorkingDay(day)) day -= 1;
  }
  return cal.endOfWorkingDay(day);
}
