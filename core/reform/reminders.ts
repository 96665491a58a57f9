/**
 * Reminders of reform tasks: before a period's deadline to the lead unit's staff, and once it is
 * overdue, escalating to the head of the unit. Pure: which reminders are due at `now`, and their text.
 */
import type { Role } from '../access/roles';
import { localDay, parseDate } from '../calendar/time';
import type { TaskStatus } from './state';

/** How many days before a due date the reminder goes out. */
export const REMIND_DAYS_BEFORE = 3;

export type ReminderKind = 'due_soon' | 'overdue';

/** Who is told: before the deadline the unit's people; once overdue, the heads as well (the directive makes them answer for it). */
export const REMINDER_ROLES = {
  due_soon: ['agency_head', 'unit_leader', 'specialist'],
  overdue: ['agency_head', 'unit_leader', 'specialist', 'city_leader'],
} as const satisfies Record<ReminderKind, readonly Role[]>;

/** The reminders a task owes at `now`: one per open period due within the warning days, one per overdue period. */
export function remindersDue(status: TaskStatus, now: number, daysBefore = REMIND_DAYS_BEFORE): { period: string; due: string; kind: ReminderKind }[] {
  const today = localDay(now);
  const out: { period: string; due: string; kind: ReminderKind }[] = [];
  for (const o of status.occurrences) {
    if (o.state === 'overdue' && !o.awaitingAcceptance) out.push({ period: o.period, due: o.due, kind: 'overdue' });
    else if (o.phase === 'open' && parseDate(o.due) - today <= daysBefore && parseDate(o.due) >= today) out.push({ period: o.period, due: o.due, kind: 'due_soon' });
  }
  return out;
}

/** The reminder's subject and text, in Vietnamese (staff mail). */
export function reminderText(r: { kind: ReminderKind; planNumber: string; content: string; unitName: string; due: string; period: string; url: string }): { subject: string; text: string } {
  const due = `${r.due.slice(8, 10)}/${r.due.slice(5, 7)}/${r.due.slice(0, 4)}`;
  const period = r.period === 'once' ? '' : ` (kỳ ${r.period})`;
  const subject = r.kind === 'overdue' ? `[Quá hạn] Nhiệm vụ CCHC của ${r.unitName} đã quá hạn ${due}` : `[Sắp đến hạn] Nhiệm vụ CCHC của ${r.unitName} đến hạn ngày ${due}`;
  const lead = r.kind === 'overdue' ? `Nhiệm vụ sau đã quá thời hạn ${due}${period} mà chưa hoàn thành. Đề nghị Thủ trưởng đơn vị chỉ đạo hoàn thành ngay và báo cáo Văn phòng UBND thành phố.` : `Nhiệm vụ sau sẽ đến hạn ngày ${due}${period}. Đề nghị đơn vị hoàn thành và báo cáo đúng hạn.`;
  return { subject, text: `${lead}\n\nKế hoạch: ${r.planNumber}\nNhiệm vụ: ${r.content}\nCơ quan chủ trì: ${r.unitName}\n\nXem và báo cáo: ${r.url}\n` };
}
