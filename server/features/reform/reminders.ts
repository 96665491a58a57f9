/**
 * The reminder job of reform tasks: judges every task at `now`, records each reminder owed
 * (`reform_reminders`, once per task, period and kind) with its audit event in one transaction, then
 * mails the lead unit's staff through the mail adapter — and, once overdue, its heads. A reminder is
 * recorded before it is sent, so a crash between the two loses that mail rather than repeating it to
 * every instance (at most once; the board still shows the task).
 */
import type { Kysely } from 'kysely';
import { canActOnUnit, type RoleAssignment } from '@core/access/permissions';
import type { Role } from '@core/access/roles';
import { REMINDER_ROLES, remindersDue, reminderText } from '@core/reform/reminders';
import type { MailSender } from '../../adapters/mail/mail-sender';
import type { DB } from '../../db/schema';
import { SYSTEM_ACTOR } from '../../http/actor';
import type { JobHandler } from '../../jobs/runner';
import { appendAudit } from '../audit/append';
import { unitAncestorIds } from '../org/queries';
import { judgeTasks } from './present';
import { activeStaffRolesWithEmail, insertReminderOnce, listEvents, listTasks } from './queries';

/** The job kind, and how often it runs (a reminder goes out within this of becoming due). */
export const REFORM_REMINDER_JOB = 'reform.reminders';
export const REFORM_REMINDER_EVERY_MS = 60 * 60_000;

export interface ReminderDeps {
  mail: MailSender | null;
  /** The address of the web client, for the link to the task. */
  publicUrl: string;
  now?: () => number;
  log?: { warn(obj: object, msg: string): void };
}

/** Active staff with an e-mail address and their role assignments. */
async function staffWithEmail(db: Kysely<DB>): Promise<{ email: string; roles: RoleAssignment[] }[]> {
  const rows = await activeStaffRolesWithEmail(db);
  const byUser = new Map<string, { email: string; roles: RoleAssignment[] }>();
  for (const r of rows) {
    const u = byUser.get(r.id) ?? { email: r.email!, roles: [] };
    u.roles.push({ role: r.role as Role, unitId: r.unit_id, includeSubtree: r.include_subtree });
    byUser.set(r.id, u);
  }
  return [...byUser.values()];
}

/** Records and sends the reminders owed at `now`; answers how many were recorded and how many mails went out. */
export async function sendReformReminders(db: Kysely<DB>, deps: ReminderDeps): Promise<{ reminders: number; mails: number }> {
  const now = (deps.now ?? Date.now)();
  const tasks = (await listTasks(db)).filter((t) => t.cancelled_at === null);
  const judged = judgeTasks(tasks, await listEvents(db, tasks.map((t) => t.id)), now);
  const staff = await staffWithEmail(db);
  let reminders = 0;
  let mails = 0;
  for (const { task, status } of judged) {
    const owed = remindersDue(status, now);
    if (owed.length === 0) continue;
    const path = await unitAncestorIds(db, task.lead_unit_id);
    for (const r of owed) {
      const roles = REMINDER_ROLES[r.kind] as readonly Role[];
      const to = staff.filter((s) => canActOnUnit(s.roles.filter((a) => roles.includes(a.role)), 'reform.view', path)).map((s) => s.email);
      const recorded = await db.transaction().execute(async (trx) => {
        if (!(await insertReminderOnce(trx, { taskId: task.id, period: r.period, kind: r.kind, unitId: task.lead_unit_id, recipients: to.length, at: new Date(now) }))) return false;
        await appendAudit(trx, { actor: SYSTEM_ACTOR, action: 'reform.reminded', entityType: 'reform_task', entityId: task.id, unitId: task.lead_unit_id, after: { period: r.period, kind: r.kind, due: r.due, recipients: to.length, at: new Date(now).toISOString() }, requestId: REFORM_REMINDER_JOB });
        return true;
      });
      if (!recorded) continue;
      reminders++;
      if (!deps.mail) continue;
      const { subject, text } = reminderText({ kind: r.kind, planNumber: task.plan_number, content: task.content, unitName: task.lead_name, due: r.due, period: r.period, url: `${deps.publicUrl}/staff/reform/tasks/${task.id}` });
      for (const address of to) {
        try {
          await deps.mail.send({ to: address, subject, text, html: `<pre style="font-family:inherit;white-space:pre-wrap">${text.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!)}</pre>`, messageId: `<reform-${task.id}-${r.period}-${r.kind}@motcua>` });
          mails++;
        } catch (err) {
          deps.log?.warn({ err, task: task.id, kind: r.kind }, 'reform reminder not delivered');
        }
      }
    }
  }
  return { reminders, mails };
}

/** The job handler (register under REFORM_REMINDER_JOB, recurring every REFORM_REMINDER_EVERY_MS). */
export function reformReminderHandler(deps: ReminderDeps): JobHandler {
  return async (_payload, ctx) => {
    await sendReformReminders(ctx.db, deps);
  };
}
