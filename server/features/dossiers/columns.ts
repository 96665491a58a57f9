/** The filterable columns a dossier row keeps beside its lifecycle state, derived from that state. */
import type { DeadlineState } from '@core/calendar/deadline-events';
import type { WorkingCalendar } from '@core/calendar/working-calendar';
import type { Dossier } from '@core/dossier/dossier';
import { isFinished, STATUS_SYNC_CODES } from '@core/dossier/status';
import { DEFAULT_AT_RISK_SHARE } from '@core/dossier/timing';

const date = (ms: number | null) => (ms === null ? null : new Date(ms));

/** Status, clock and assignment columns of a dossier after an action at `now` (queues read these). */
export function stateColumns(d: Dossier, deadline: DeadlineState, calendar: WorkingCalendar, now: number, finishedBefore: Date | null) {
  const running = deadline.phase === 'running' && deadline.stoppedAt === null;
  const dueAt = deadline.dueAt;
  // timing.ts compares working positions strictly: a dossier turns at risk (overdue) only once working
  // time moves past the threshold (the due), so the instant is where counting resumes after it
  const after = (ms: number) => calendar.countingStart(ms);
  const atRiskAt = dueAt === null ? null : after(calendar.instantAtPosition(calendar.workingPosition(dueAt) - deadline.legalWorkingMs * DEFAULT_AT_RISK_SHARE));
  return {
    code: d.code,
    status: d.status,
    sync_code: STATUS_SYNC_CODES[d.status],
    version: d.version,
    received_at: date(d.receivedAt),
    due_at: date(dueAt),
    at_risk_at: date(atRiskAt),
    overdue_at: date(dueAt === null ? null : after(dueAt)),
    clock_running: running,
    finished_at: isFinished(d.status) ? (finishedBefore ?? new Date(now)) : null,
    assignee_id: d.assigneeId,
    state: JSON.stringify(d),
    updated_at: new Date(now),
  };
}
