/** Reform commands: each change is one transaction with its audit event. */
import type { Kysely } from 'kysely';
import { AppError } from '@core/errors/app-error';
import type { DeadlineRule, Occurrence } from '@core/reform/deadline';
import { type EventKind, type TaskAction, allowedActions, taskStatus } from '@core/reform/state';
import type { DB } from '../../db/schema';
import type { ReformEventRow, ReformPlanRow, ReformTaskRow } from '../../db/tables/reform';
import type { AuditActor } from '../../http/actor';
import { appendAudit, appendAuditMany } from '../audit/append';
import { insertEvent, insertEvidence, insertPlanOnce, insertTask, listEvents, lockNextSeq, lockTask, setCancelled } from './queries';
import { eventsOf } from './present';

/** Who acts, on which database, at what instant (the injected clock). */
export interface Ctx {
  db: Kysely<DB>;
  actor: AuditActor & { id: string };
  requestId: string;
  now: number;
}

/** Creates a plan; REFORM_PLAN_NUMBER_TAKEN when its number exists (nothing changes). */
export async function createPlan(ctx: Ctx, p: { number: string; title: string; issuerUnitId: string; issuedOn: string; legalBasis: string }): Promise<ReformPlanRow> {
  return ctx.db.transaction().execute(async (trx) => {
    const plan = await insertPlanOnce(trx, { number: p.number, title: p.title, issuer_unit_id: p.issuerUnitId, issued_on: p.issuedOn, legal_basis: p.legalBasis, created_by: ctx.actor.id, created_at: new Date(ctx.now) });
    if (!plan) throw new AppError('REFORM_PLAN_NUMBER_TAKEN', { params: { number: p.number } });
    await appendAudit(trx, { actor: ctx.actor, action: 'reform.plan_created', entityType: 'reform_plan', entityId: plan.id, unitId: p.issuerUnitId, after: p, requestId: ctx.requestId });
    return plan;
  });
}

/** A task ready to be written: the deadline already checked against the plan (core/reform/deadline.ts). */
export interface NewTask {
  content: string;
  leadUnitId: string;
  supportingUnitIds: string[];
  deadline: DeadlineRule;
  occurrences: Occurrence[];
  expectedOutput: string;
  completionMeasure: string;
}

/** Adds tasks to a plan, numbered after its last, all or none, one audit event each. */
export async function createTasks(ctx: Ctx, plan: Pick<ReformPlanRow, 'id' | 'issuer_unit_id'>, tasks: readonly NewTask[], source: 'form' | 'import'): Promise<ReformTaskRow[]> {
  return ctx.db.transaction().execute(async (trx) => {
    let seq = await lockNextSeq(trx, plan.id);
    const saved: ReformTaskRow[] = [];
    for (const t of tasks) {
      const dues = t.occurrences.map((o) => o.due).sort();
      saved.push(
        await insertTask(
          trx,
          {
            plan_id: plan.id,
            seq: seq++,
            content: t.content,
            lead_unit_id: t.leadUnitId,
            deadline: JSON.stringify(t.deadline),
            occurrences: JSON.stringify(t.occurrences),
            first_due: dues[0]!,
            last_due: dues[dues.length - 1]!,
            expected_output: t.expectedOutput,
            completion_measure: t.completionMeasure,
            created_by: ctx.actor.id,
            created_at: new Date(ctx.now),
          },
          t.supportingUnitIds,
        ),
      );
    }
    await appendAuditMany(
      trx,
      saved.map((s, i) => ({ actor: ctx.actor, action: 'reform.task_created', entityType: 'reform_task', entityId: s.id, unitId: tasks[i]!.leadUnitId, after: { planId: plan.id, seq: s.seq, source, deadline: tasks[i]!.deadline, supporting: tasks[i]!.supportingUnitIds }, requestId: ctx.requestId })),
    );
    return saved;
  });
}

const KIND_OF: Record<TaskAction, EventKind> = { report: 'report', complete: 'completion_marked', accept: 'completion_accepted', return: 'completion_returned' };

/** An action on a task's occurrence (the current one unless `period` names another). */
export interface TaskActionInput {
  action: TaskAction;
  period?: string;
  unitId: string;
  note: string;
  progress?: number | null;
  evidence?: { sha256: string; mime: string; size: number; filename: string }[];
}

/**
 * Records a report, a completion mark, an acceptance or a return, after checking on the task as it
 * stands at `ctx.now` (the row locked): REFORM_TASK_CANCELLED, REFORM_PERIOD_UNKNOWN or
 * REFORM_ACTION_NOT_ALLOWED change nothing.
 */
export async function actOnTask(ctx: Ctx, taskId: string, a: TaskActionInput): Promise<ReformEventRow> {
  return ctx.db.transaction().execute(async (trx) => {
    const task = await lockTask(trx, taskId);
    if (!task) throw new AppError('NOT_FOUND');
    const status = taskStatus(task.occurrences as Occurrence[], eventsOf(await listEvents(trx, [taskId])), ctx.now);
    if (status.state === 'cancelled') throw new AppError('REFORM_TASK_CANCELLED');
    const occ = a.period ? status.occurrences.find((o) => o.period === a.period) : status.current;
    if (!occ) {
      if (a.period) throw new AppError('REFORM_PERIOD_UNKNOWN', { params: { period: a.period } });
      throw new AppError('REFORM_ACTION_NOT_ALLOWED', { params: { period: '—' } });
    }
    if (!allowedActions(occ).includes(a.action)) throw new AppError('REFORM_ACTION_NOT_ALLOWED', { params: { period: occ.period } });
    const event = await insertEvent(trx, {
      task_id: taskId,
      unit_id: a.unitId,
      period: occ.period,
      kind: KIND_OF[a.action],
      at: new Date(ctx.now),
      note: a.note,
      progress: a.progress ?? null,
      actor_id: ctx.actor.id,
      actor_name: ctx.actor.name,
    });
    await insertEvidence(trx, event.id, a.evidence ?? []);
    await appendAudit(trx, {
      actor: ctx.actor,
      action: `reform.${event.kind}`,
      entityType: 'reform_task',
      entityId: taskId,
      unitId: task.lead_unit_id,
      before: { state: status.state, period: occ.period, phase: occ.phase },
      after: { eventId: event.id, at: event.at.toISOString(), unitId: a.unitId, note: a.note, progress: a.progress ?? null, evidence: (a.evidence ?? []).map((e) => e.sha256) },
      requestId: ctx.requestId,
    });
    return event;
  });
}

/** Cancels a task with its reason; REFORM_TASK_CANCELLED when it already is, REFORM_ACTION_NOT_ALLOWED when all its work is completed. */
export async function cancelTask(ctx: Ctx, taskId: string, unitId: string, reason: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const task = await lockTask(trx, taskId);
    if (!task) throw new AppError('NOT_FOUND');
    const status = taskStatus(task.occurrences as Occurrence[], eventsOf(await listEvents(trx, [taskId])), ctx.now);
    if (status.state === 'cancelled') throw new AppError('REFORM_TASK_CANCELLED');
    if (!status.current) throw new AppError('REFORM_ACTION_NOT_ALLOWED', { params: { period: '—' } });
    const at = new Date(ctx.now);
    await setCancelled(trx, taskId, at, reason);
    await insertEvent(trx, { task_id: taskId, unit_id: unitId, period: status.current.period, kind: 'cancelled', at, note: reason, progress: null, actor_id: ctx.actor.id, actor_name: ctx.actor.name });
    await appendAudit(trx, { actor: ctx.actor, action: 'reform.cancelled', entityType: 'reform_task', entityId: taskId, unitId: task.lead_unit_id, before: { state: status.state }, after: { reason, at: at.toISOString() }, requestId: ctx.requestId });
  });
}
