/** SQL of reform plans, tasks, events and evidence. */
import { type Insertable, type Kysely, type Transaction, sql } from 'kysely';
import type { DB } from '../../db/schema';
import type { ReformEventRow, ReformEventsTable, ReformEvidenceRow, ReformPlanRow, ReformTaskRow, ReformTasksTable } from '../../db/tables/reform';

type Q = Kysely<DB> | Transaction<DB>;

/** A plan with its issuer's name. */
export type PlanRecord = ReformPlanRow & { issuer_name: string };

/** A task with what its views name: the plan's number, the lead unit's name, the supporting units. */
export type TaskRecord = ReformTaskRow & { plan_number: string; lead_name: string; supporters: { id: string; name: string }[] };

const unitName = sql<string>`coalesce(u.short_name, u.name)`;

/** Every plan, newest first. */
export async function listPlans(db: Q): Promise<PlanRecord[]> {
  return db.selectFrom('reform_plans as p').innerJoin('units as u', 'u.id', 'p.issuer_unit_id').selectAll('p').select(unitName.as('issuer_name')).orderBy('p.issued_on', 'desc').orderBy('p.number').execute();
}

/** One plan, or undefined. */
export async function findPlan(db: Q, id: string): Promise<PlanRecord | undefined> {
  return db.selectFrom('reform_plans as p').innerJoin('units as u', 'u.id', 'p.issuer_unit_id').selectAll('p').select(unitName.as('issuer_name')).where('p.id', '=', id).executeTakeFirst();
}

/** The plan numbered `number`, or undefined. */
export async function findPlanByNumber(db: Q, number: string): Promise<ReformPlanRow | undefined> {
  return db.selectFrom('reform_plans').selectAll().where('number', '=', number).executeTakeFirst();
}

/** Stores a plan unless its number is taken; undefined when it is. */
export async function insertPlanOnce(trx: Transaction<DB>, row: Insertable<DB['reform_plans']>): Promise<ReformPlanRow | undefined> {
  return trx.insertInto('reform_plans').values(row).onConflict((oc) => oc.column('number').doNothing()).returningAll().executeTakeFirst();
}

/** Locks the plan row (tasks are numbered per plan) and answers the next task number. */
export async function lockNextSeq(trx: Transaction<DB>, planId: string): Promise<number> {
  await trx.selectFrom('reform_plans').select('id').where('id', '=', planId).forUpdate().executeTakeFirstOrThrow();
  const r = await trx.selectFrom('reform_tasks').select((eb) => eb.fn.max('seq').as('seq')).where('plan_id', '=', planId).executeTakeFirst();
  return Number(r?.seq ?? 0) + 1;
}

/** Stores a task and its supporting units. */
export async function insertTask(trx: Transaction<DB>, row: Insertable<ReformTasksTable>, supporters: readonly string[]): Promise<ReformTaskRow> {
  const task = await trx.insertInto('reform_tasks').values(row).returningAll().executeTakeFirstOrThrow();
  if (supporters.length > 0) await trx.insertInto('reform_task_supporters').values(supporters.map((unit_id) => ({ task_id: task.id, unit_id }))).execute();
  return task;
}

/** Tasks with their names: of one plan, or one task, or all; optionally only those led or supported by `unitIds`, or led by `leadUnitIds`. */
export async function listTasks(db: Q, f: { planId?: string; taskId?: string; unitIds?: readonly string[]; leadUnitIds?: readonly string[] } = {}): Promise<TaskRecord[]> {
  if ((f.unitIds && f.unitIds.length === 0) || (f.leadUnitIds && f.leadUnitIds.length === 0)) return [];
  let q = db
    .selectFrom('reform_tasks as t')
    .innerJoin('reform_plans as p', 'p.id', 't.plan_id')
    .innerJoin('units as u', 'u.id', 't.lead_unit_id')
    .selectAll('t')
    .select(['p.number as plan_number', unitName.as('lead_name')]);
  if (f.planId) q = q.where('t.plan_id', '=', f.planId);
  if (f.taskId) q = q.where('t.id', '=', f.taskId);
  if (f.leadUnitIds) q = q.where('t.lead_unit_id', 'in', [...f.leadUnitIds]);
  if (f.unitIds) {
    const ids = [...f.unitIds];
    q = q.where((eb) => eb.or([eb('t.lead_unit_id', 'in', ids), eb.exists(eb.selectFrom('reform_task_supporters as s').select('s.task_id').whereRef('s.task_id', '=', 't.id').where('s.unit_id', 'in', ids))]));
  }
  const rows = await q.orderBy('p.issued_on', 'desc').orderBy('t.plan_id').orderBy('t.seq').execute();
  if (rows.length === 0) return [];
  const sup = await db
    .selectFrom('reform_task_supporters as s')
    .innerJoin('units as u', 'u.id', 's.unit_id')
    .select(['s.task_id', 's.unit_id as id', unitName.as('name')])
    .where('s.task_id', 'in', rows.map((r) => r.id))
    .orderBy('u.code')
    .execute();
  const byTask = new Map<string, { id: string; name: string }[]>();
  for (const s of sup) byTask.set(s.task_id, [...(byTask.get(s.task_id) ?? []), { id: s.id, name: s.name }]);
  return rows.map((r) => ({ ...r, supporters: byTask.get(r.id) ?? [] }));
}

/** The events of the given tasks, in the order they were written. */
export async function listEvents(db: Q, taskIds: readonly string[]): Promise<(ReformEventRow & { unit_name: string })[]> {
  if (taskIds.length === 0) return [];
  return db
    .selectFrom('reform_events as e')
    .innerJoin('units as u', 'u.id', 'e.unit_id')
    .selectAll('e')
    .select(unitName.as('unit_name'))
    .where('e.task_id', 'in', [...taskIds])
    .orderBy('e.n')
    .execute();
}

/** Locks a task row for the duration of the transaction (its events are decided one at a time). */
export async function lockTask(trx: Transaction<DB>, id: string): Promise<ReformTaskRow | undefined> {
  return trx.selectFrom('reform_tasks').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Appends an event. */
export async function insertEvent(trx: Transaction<DB>, row: Insertable<ReformEventsTable>): Promise<ReformEventRow> {
  return trx.insertInto('reform_events').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Records the evidence files of an event. */
export async function insertEvidence(trx: Transaction<DB>, eventId: string, files: readonly { sha256: string; mime: string; size: number; filename: string }[]): Promise<void> {
  if (files.length > 0) await trx.insertInto('reform_evidence').values(files.map((f) => ({ event_id: eventId, ...f }))).execute();
}

/** The evidence of the given events. */
export async function listEvidence(db: Q, eventIds: readonly string[]): Promise<ReformEvidenceRow[]> {
  if (eventIds.length === 0) return [];
  return db.selectFrom('reform_evidence').selectAll().where('event_id', 'in', [...eventIds]).orderBy('filename').execute();
}

/** One evidence file of a task, or undefined. */
export async function findEvidence(db: Q, taskId: string, id: string): Promise<ReformEvidenceRow | undefined> {
  return db.selectFrom('reform_evidence as v').innerJoin('reform_events as e', 'e.id', 'v.event_id').selectAll('v').where('v.id', '=', id).where('e.task_id', '=', taskId).executeTakeFirst();
}

/** Marks a task cancelled. */
export async function setCancelled(trx: Transaction<DB>, id: string, at: Date, reason: string): Promise<void> {
  await trx.updateTable('reform_tasks').set({ cancelled_at: at, cancel_reason: reason }).where('id', '=', id).execute();
}

/** Active units (code, names), for resolving the units an import names. */
export async function activeUnits(db: Q): Promise<{ id: string; code: string; name: string; short_name: string | null }[]> {
  return db.selectFrom('units').select(['id', 'code', 'name', 'short_name']).where('valid_to', 'is', null).execute();
}

/** Active staff with an e-mail address, a row per role assignment (the reminders' recipients). */
export async function activeStaffRolesWithEmail(db: Kysely<DB>) {
  return db
    .selectFrom('users as u')
    .innerJoin('user_roles as r', 'r.user_id', 'u.id')
    .select(['u.id', 'u.email', 'r.role', 'r.unit_id', 'r.include_subtree'])
    .where('u.active', '=', true)
    .where('u.email', 'is not', null)
    .execute();
}

/** Records a reminder unless it was already sent (task, period, kind); false when it was. */
export async function insertReminderOnce(trx: Transaction<DB>, r: { taskId: string; period: string; kind: 'due_soon' | 'overdue'; unitId: string; recipients: number; at: Date }): Promise<boolean> {
  const row = await trx
    .insertInto('reform_reminders')
    .values({ task_id: r.taskId, period: r.period, kind: r.kind, unit_id: r.unitId, recipients: r.recipients, sent_at: r.at })
    .onConflict((oc) => oc.columns(['task_id', 'period', 'kind']).doNothing())
    .returning('task_id')
    .executeTakeFirst();
  return row !== undefined;
}
