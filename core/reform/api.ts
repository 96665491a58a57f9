/** API schemas of reform plans and tasks (zod 4), shared by the server and the web client. Issue messages are error codes. */
import { z } from 'zod';
import { isIsoDate } from '../calendar/time';
import { MAX_WORKING_DAYS } from './deadline';
import { ATTENTION_REASONS } from './board';
import { EVENT_KINDS, TASK_STATES } from './state';

const isoDate = z.string().refine(isIsoDate, { error: 'REFORM_DATE_INVALID' });
const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, { error: 'NOT_FOUND' });
const text = (max: number, code = 'REFORM_TEXT_REQUIRED') => z.string({ error: code }).trim().min(1, { error: code }).max(max, { error: code });

export const idParams = z.object({ id: uuid });

/** A plan: number (e.g. `259/KH-UBND`), title, issuer unit, date and legal basis. */
export const planBody = z.object({
  number: z.string().trim().regex(/^\d+[A-Za-z]?(\/[\p{L}\p{N}.-]+)*$/u, { error: 'REFORM_PLAN_NUMBER_INVALID' }).max(40, { error: 'REFORM_PLAN_NUMBER_INVALID' }),
  title: text(500),
  issuerUnitId: uuid,
  issuedOn: isoDate,
  legalBasis: z.string().trim().max(2000).default(''),
});
export type PlanBody = z.infer<typeof planBody>;

/** The deadline of a task as the API takes it (core/reform/deadline.ts). */
export const deadlineSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('date'), date: isoDate }),
    z.object({ kind: z.literal('monthly'), day: z.number().int().min(1).max(31), from: isoDate, to: isoDate }),
    z.object({ kind: z.literal('quarterly'), day: z.number().int().min(1).max(31), from: isoDate, to: isoDate }),
    z.object({ kind: z.literal('working_days'), days: z.number().int().min(1).max(MAX_WORKING_DAYS), start: isoDate }),
  ],
  { error: 'REFORM_DEADLINE_INVALID' },
);

export const taskBody = z.object({
  content: text(2000, 'REFORM_TASK_CONTENT_REQUIRED'),
  leadUnitId: uuid,
  supportingUnitIds: z.array(uuid).max(50).default([]),
  deadline: deadlineSchema,
  expectedOutput: z.string().trim().max(1000).default(''),
  completionMeasure: z.string().trim().max(1000).default(''),
});
export type TaskBody = z.infer<typeof taskBody>;

/** Marking completion, accepting it or returning it; `period` defaults to the task's current occurrence. */
export const completionBody = z.object({ period: z.string().max(10).optional(), note: z.string().trim().max(2000).default('') });
export const returnBody = z.object({ period: z.string().max(10).optional(), note: text(2000, 'REFORM_REASON_REQUIRED') });
export const cancelBody = z.object({ reason: text(2000, 'REFORM_REASON_REQUIRED') });

const unitRef = z.object({ id: z.string(), name: z.string() });
const counts = z.object({
  total: z.number(),
  not_started: z.number(),
  in_progress: z.number(),
  completed_on_time: z.number(),
  completed_late: z.number(),
  overdue: z.number(),
  cancelled: z.number(),
  awaitingAcceptance: z.number(),
  onTimeRate: z.number().nullable(),
  lateRate: z.number().nullable(),
  overdueRate: z.number().nullable(),
});

export const planView = z.object({ id: z.string(), number: z.string(), title: z.string(), issuer: unitRef, issuedOn: z.string(), legalBasis: z.string(), counts });
export type PlanView = z.infer<typeof planView>;
export const planList = z.object({ items: z.array(planView), asOf: z.string() });

const occurrenceView = z.object({
  period: z.string(),
  due: z.string(),
  state: z.enum(TASK_STATES),
  phase: z.enum(['open', 'awaiting_acceptance', 'completed', 'cancelled']),
  reports: z.number(),
  completedAt: z.string().nullable(),
  awaitingAcceptance: z.boolean(),
  returned: z.boolean(),
});
export type OccurrenceView = z.infer<typeof occurrenceView>;

export const taskView = z.object({
  id: z.string(),
  planId: z.string(),
  planNumber: z.string(),
  seq: z.number(),
  content: z.string(),
  lead: unitRef,
  supporting: z.array(unitRef),
  deadline: deadlineSchema,
  occurrences: z.array(occurrenceView),
  current: z.string().nullable(),
  state: z.enum(TASK_STATES),
  expectedOutput: z.string(),
  completionMeasure: z.string(),
  cancelledAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
});
export type TaskView = z.infer<typeof taskView>;

export const planDetail = z.object({ plan: planView, tasks: z.array(taskView), asOf: z.string() });
export type PlanDetail = z.infer<typeof planDetail>;

const evidenceView = z.object({ id: z.string(), filename: z.string(), mime: z.string(), size: z.number() });
export const eventView = z.object({
  id: z.string(),
  kind: z.enum(EVENT_KINDS),
  period: z.string(),
  at: z.string(),
  unit: unitRef,
  actorName: z.string().nullable(),
  note: z.string(),
  progress: z.number().nullable(),
  evidence: z.array(evidenceView),
});
export type EventView = z.infer<typeof eventView>;

export const taskDetail = z.object({
  task: taskView,
  events: z.array(eventView),
  /** What the caller may do now on the current occurrence. */
  may: z.object({ report: z.boolean(), complete: z.boolean(), accept: z.boolean(), cancel: z.boolean() }),
  asOf: z.string(),
});
export type TaskDetail = z.infer<typeof taskDetail>;

export const boardQuery = z.object({ unitId: uuid.optional(), planId: uuid.optional() });
export const attentionView = z.object({ taskId: z.string(), planNumber: z.string(), content: z.string(), lead: unitRef, period: z.string(), due: z.string(), state: z.enum(TASK_STATES), reason: z.enum(ATTENTION_REASONS) });
export type AttentionView = z.infer<typeof attentionView>;
export const boardView = z.object({
  asOf: z.string(),
  scope: unitRef.nullable(),
  totals: counts,
  units: z.array(z.object({ unit: unitRef, counts })),
  attention: z.array(attentionView),
  /** The current year, month by month: the work due that month by where it stands. */
  trend: z.array(z.object({ month: z.string(), completed_on_time: z.number(), completed_late: z.number(), overdue: z.number(), open: z.number() })),
});
export type BoardView = z.infer<typeof boardView>;

export const importIssueView = z.object({ row: z.number(), field: z.string(), code: z.string(), message: z.string() });
export const importResult = z.object({ dryRun: z.boolean(), rows: z.number(), created: z.number(), issues: z.array(importIssueView) });
export type ImportResult = z.infer<typeof importResult>;
