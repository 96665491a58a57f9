/**
 * When the one-stop unit must hand a dossier to the processing unit (Decree 61/2018 art. 19,
 * kept in Decree 118/2025): a paper dossier goes the same working day, or at the start of the next
 * working day when received after 15:00; an online dossier moves electronically the same day.
 */
import type { WorkingCalendar } from '../calendar/working-calendar';
import { dayStartMs, localDay, MINUTE_MS } from '../calendar/time';
import { type Channel, isPaperChannel } from './channel';

/** The hand-over rule; configuration with the legal defaults. */
export interface HandOverRule {
  /** Paper received after this local time (minutes after midnight) goes the next working day. */
  cutoffMinutes: number;
  /** How long into the next working day the hand-over may take before it is late (working minutes). */
  nextDayGraceMinutes: number;
}

/** 15:00 cut-off; "start of the next working day" taken as its first working hour. */
export const DEFAULT_HANDOVER_RULE: HandOverRule = { cutoffMinutes: 15 * 60, nextDayGraceMinutes: 60 };

/** True when a paper dossier received at `at` must wait for the next working day. */
function goesNextDay(cal: WorkingCalendar, at: number, rule: HandOverRule): boolean {
  const day = localDay(at);
  return !cal.isWorkingDay(day) || at - dayStartMs(day) >= rule.cutoffMinutes * MINUTE_MS || at >= cal.endOfWorkingDay(day);
}

/** The earliest instant the hand-over is expected: now, or the start of the next working day after the cut-off. */
export function plannedHandOverAt(cal: WorkingCalendar, channel: Channel, receivedAt: number, rule = DEFAULT_HANDOVER_RULE): number {
  if (!isPaperChannel(channel) || !goesNextDay(cal, receivedAt, rule)) return receivedAt;
  return cal.countingStart(dayStartMs(cal.nextWorkingDay(localDay(receivedAt) + 1)));
}

/** The instant after which the hand-over is late: end of the same working day, or the next day's grace. */
export function handOverDueAt(cal: WorkingCalendar, channel: Channel, receivedAt: number, rule = DEFAULT_HANDOVER_RULE): number {
  if (isPaperChannel(channel) && goesNextDay(cal, receivedAt, rule)) {
    return cal.addWorking(plannedHandOverAt(cal, channel, receivedAt, rule), rule.nextDayGraceMinutes * MINUTE_MS);
  }
  // online, or paper before the cut-off: by the close of the working day counting starts on
  return cal.endOfWorkingDay(localDay(cal.countingStart(receivedAt)));
}
