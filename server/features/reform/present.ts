/** JSON views of reform plans, tasks, events and boards (core/reform/api.ts), judged at an injected instant. */
import { formatInstant } from '@core/calendar/time';
import type { AttentionView, BoardView, EventView, OccurrenceView, PlanView, TaskView } from '@core/reform/api';
import { type BoardCounts, attentionReason, compareAttention, countStates, countedOccurrences, yearTrend } from '@core/reform/board';
import type { DeadlineRule, Occurrence } from '@core/reform/deadline';
import { type OccurrenceStatus, type TaskEvent, type TaskStatus, taskStatus } from '@core/reform/state';
import type { ReformEventRow, ReformEvidenceRow } from '../../db/tables/reform';
import type { PlanRecord, TaskRecord } from './queries';

const iso = (ms: number) => formatInstant(ms);

/** The state-relevant view of event rows. */
export function eventsOf(rows: readonly Pick<ReformEventRow, 'kind' | 'period' | 'at'>[]): TaskEvent[] {
  return rows.map((r) => ({ kind: r.kind, period: r.period, at: r.at.getTime() }));
}

/** A task record with its status at `now`. */
export interface JudgedTask {
  task: TaskRecord;
  status: TaskStatus;
}

/** Judges each task at `now` from its events. */
export function judgeTasks(tasks: readonly TaskRecord[], events: readonly ReformEventRow[], now: number): JudgedTask[] {
  const byTask = new Map<string, ReformEventRow[]>();
  for (const e of events) byTask.set(e.task_id, [...(byTask.get(e.task_id) ?? []), e]);
  return tasks.map((task) => ({ task, status: taskStatus(task.occurrences as Occurrence[], eventsOf(byTask.get(task.id) ?? []), now) }));
}

function presentOccurrence(o: OccurrenceStatus): OccurrenceView {
  return { period: o.period, due: o.due, state: o.state, phase: o.phase, reports: o.reports, completedAt: o.completedAt === null ? null : iso(o.completedAt), awaitingAcceptance: o.awaitingAcceptance, returned: o.returned };
}

/** A task as staff see it. */
export function presentTask({ task: t, status }: JudgedTask): TaskView {
  return {
    id: t.id,
    planId: t.plan_id,
    planNumber: t.plan_number,
    seq: t.seq,
    content: t.content,
    lead: { id: t.lead_unit_id, name: t.lead_name },
    supporting: t.supporters,
    deadline: t.deadline as DeadlineRule,
    occurrences: status.occurrences.map(presentOccurrence),
    current: status.current?.period ?? null,
    state: status.state,
    expectedOutput: t.expected_output,
    completionMeasure: t.completion_measure,
    cancelledAt: t.cancelled_at ? iso(t.cancelled_at.getTime()) : null,
    cancelReason: t.cancel_reason,
  };
}

/** The counted work of judged tasks, for the board's counts. */
function counted(judged: readonly JudgedTask[], now: number) {
  return judged.flatMap((j) => countedOccurrences(j.status, now).map((o) => ({ j, o })));
}

/** Counts and rates of judged tasks at `now`. */
export function countsOf(judged: readonly JudgedTask[], now: number): BoardCounts {
  return countStates(counted(judged, now).map(({ o }) => o));
}

/** A plan with the counts of its tasks. */
export function presentPlan(p: PlanRecord, judged: readonly JudgedTask[], now: number): PlanView {
  return { id: p.id, number: p.number, title: p.title, issuer: { id: p.issuer_unit_id, name: p.issuer_name }, issuedOn: p.issued_on, legalBasis: p.legal_basis, counts: countsOf(judged, now) };
}

/** An event with its evidence. */
export function presentEvent(e: ReformEventRow & { unit_name: string }, evidence: readonly ReformEvidenceRow[]): EventView {
  return {
    id: e.id,
    kind: e.kind,
    period: e.period,
    at: iso(e.at.getTime()),
    unit: { id: e.unit_id, name: e.unit_name },
    actorName: e.actor_name,
    note: e.note,
    progress: e.progress,
    evidence: evidence.filter((v) => v.event_id === e.id).map((v) => ({ id: v.id, filename: v.filename, mime: v.mime, size: v.size })),
  };
}

/**
 * The board of judged tasks at `now`: totals, one row per lead unit (most overdue first) and the
 * attention list. Work is counted against its lead unit, which answers for it.
 */
export function buildBoard(judged: readonly JudgedTask[], now: number, scope: { id: string; name: string } | null): BoardView {
  const items = counted(judged, now);
  const byUnit = new Map<string, { unit: { id: string; name: string }; items: OccurrenceStatus[] }>();
  const attention: AttentionView[] = [];
  for (const { j, o } of items) {
    const key = j.task.lead_unit_id;
    if (!byUnit.has(key)) byUnit.set(key, { unit: { id: key, name: j.task.lead_name }, items: [] });
    byUnit.get(key)!.items.push(o);
    const reason = attentionReason(o, now);
    if (reason) attention.push({ taskId: j.task.id, planNumber: j.task.plan_number, content: j.task.content, lead: { id: key, name: j.task.lead_name }, period: o.period, due: o.due, state: o.state, reason });
  }
  const units = [...byUnit.values()].map((u) => ({ unit: u.unit, counts: countStates(u.items) })).sort((a, b) => b.counts.overdue - a.counts.overdue || b.counts.completed_late - a.counts.completed_late || a.unit.name.localeCompare(b.unit.name, 'vi'));
  return { asOf: iso(now), scope, totals: countStates(items.map(({ o }) => o)), units, attention: attention.sort(compareAttention), trend: yearTrend(items.map(({ o }) => o), now) };
}
