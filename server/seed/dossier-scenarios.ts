/**
 * The life stories of the demo dossiers, as data: each scenario is a list of workflow actions with
 * who takes them and when (a function of the dossier's clock, so the timing follows the legal due),
 * how often it occurs, and where its acceptance lies relative to the seed's instant. Finished stories
 * lie in the past; open ones are placed so that, at the seed's instant, they sit in the state the
 * scenario names (due soon, overdue, waiting for the applicant…).
 */
import { MINUTE_MS } from '@core/calendar/time';
import type { WorkingCalendar } from '@core/calendar/working-calendar';
import type { Action } from '@core/dossier/actions';
import type { Channel } from '@core/dossier/channel';
import { apologyDeadline, supplementDeadline } from '@core/dossier/deadline-rules';
import { handOverDueAt, plannedHandOverAt } from '@core/dossier/handover';
import type { Random } from './random';

/** Who takes a step: the receiving desk's officer, the handling unit's leader or signer, or the assigned specialist. */
export type Who = 'desk' | 'leader' | 'signer' | 'assignee';

/** What a step's timing may look at: the dossier's clock after the previous step, and the seed's instant. */
export interface TimingCtx {
  cal: WorkingCalendar;
  now: number;
  r: Random;
  /** The previous step's instant. */
  last: number;
  /** The planned first action at the desk. */
  anchor: number;
  channel: Channel;
  receivedAt: number | null;
  dueAt: number | null;
}

/** When a step happens, or null to leave it out. */
export type Timing = (c: TimingCtx) => number | null;

/** One action of a story; a left-out step leaves out the later steps with the same tag. */
export interface Step {
  action: Action;
  who: Who;
  at: Timing;
  tag?: string;
}

/** Where the first desk action lies: in the past with room for the story, at a share of the legal time before now, or a few working days before now. */
export type Placement = { kind: 'past'; legal: number; days: number } | { kind: 'age'; lo: number; hi: number } | { kind: 'recent'; lo: number; hi: number };

/** A scenario: its name, relative frequency, placement, steps and what a dossier needs to follow it. */
export interface Scenario {
  name: string;
  weight: number;
  place: Placement;
  steps: Step[];
  needs?: { channels?: readonly Channel[]; fee?: boolean; transfer?: boolean };
}

const p = (c: TimingCtx, ms: number) => c.cal.workingPosition(ms);
const at = (c: TimingCtx, position: number) => c.cal.instantAtPosition(Math.round(position / 1000) * 1000);
const between = (c: TimingCtx, from: number, to: number, lo: number, hi: number) => at(c, from + c.r.between(lo, hi) * (to - from));

/** The planned first desk action. */
const anchor: Timing = (c) => c.anchor;
/** Some working minutes after the previous step. */
const after =
  (lo: number, hi: number): Timing =>
  (c) =>
    at(c, p(c, c.last) + c.r.between(lo, hi) * MINUTE_MS);
/** Some working days after the previous step. */
const days =
  (lo: number, hi: number): Timing =>
  (c) =>
    at(c, p(c, c.last) + c.r.between(lo, hi) * c.cal.dayLengthMs);
/** A share of the working time left until `target` (a few minutes later when none is left). */
const toward = (target: (c: TimingCtx) => number | null, lo: number, hi: number): Timing => (c) => {
  const t = target(c);
  if (t === null || t <= c.last) return after(5, 30)(c);
  return between(c, p(c, c.last), p(c, t), lo, hi);
};
/** A share of the time left until the due in force. */
const toDue = (lo: number, hi: number) => toward((c) => c.dueAt, lo, hi);
/** A share of the time left until the seed's instant (open dossiers). */
const toNow = (lo: number, hi: number) => toward((c) => c.now, lo, hi);
/** Some working hours after the due in force. */
const pastDue =
  (lo: number, hi: number): Timing =>
  (c) => {
    const base = Math.max(p(c, c.dueAt ?? c.last), p(c, c.last));
    return at(c, base + c.r.between(lo, hi) * 60 * MINUTE_MS);
  };
/** The hand-over to the processing unit: within the hand-over rule, or after it. */
const handOver =
  (late: boolean): Timing =>
  (c) => {
    const due = p(c, handOverDueAt(c.cal, c.channel, c.receivedAt!));
    if (late) return at(c, due + c.r.between(30, 360) * MINUTE_MS);
    const from = Math.max(p(c, plannedHandOverAt(c.cal, c.channel, c.receivedAt!)), p(c, c.last) + 2 * MINUTE_MS);
    return from >= due ? at(c, due) : between(c, from, due, 0, 1);
  };
/** Inside a window that ends at `end` (and before now); null when the window has closed. */
const within = (end: (c: TimingCtx) => number, lo: number, hi: number): Timing => (c) => {
  const from = p(c, c.last) + 10 * MINUTE_MS;
  const to = Math.min(p(c, end(c)), p(c, c.now) - MINUTE_MS);
  return to <= from ? null : between(c, from, to, lo, hi);
};
/** Within the 3 working days after receipt when processing may still ask for a supplement. */
const supplementWindow = (lo = 0.1, hi = 0.9) => within((c) => supplementDeadline(c.cal, c.receivedAt!), lo, hi);
/** Before the close of the working day before the due (the apology's limit). */
const apologyWindow = (lo = 0.6, hi = 1) => within((c) => apologyDeadline(c.cal, c.dueAt!), lo, hi);

const step = (action: Action, who: Who, when: Timing, tag?: string): Step => ({ action, who, at: when, ...(tag ? { tag } : {}) });

/** Accept at the desk, hand over in time, the leader assigns a specialist. */
const INTAKE = [step('accept', 'desk', anchor), step('hand_over', 'desk', handOver(false)), step('assign', 'leader', after(15, 240))];
/** Review, signature, result and its return, each within the time left. */
const ON_TIME = [step('submit_review', 'assignee', toDue(0.3, 0.7)), step('approve', 'signer', toDue(0.1, 0.5)), step('issue_result', 'assignee', toDue(0.1, 0.6)), step('return_result', 'desk', toDue(0.05, 0.8))];
/** The same after the due: review late, then the rest within hours or days. */
const LATE = [step('submit_review', 'assignee', pastDue(2, 24)), step('approve', 'signer', after(60, 480)), step('issue_result', 'assignee', after(10, 240)), step('return_result', 'desk', after(30, 960))];
const supplementRound = (lo: number, hi: number, tag: string) => [step('request_supplement_processing', 'assignee', supplementWindow(lo, hi), tag), step('receive_supplement', 'desk', after(60, 300), tag)];

/** Every scenario; weights are dossiers per 400. */
export const SCENARIOS: Scenario[] = [
  // finished
  { name: 'on_time', weight: 150, place: { kind: 'past', legal: 1, days: 2 }, steps: [...INTAKE, ...ON_TIME] },
  { name: 'rework', weight: 12, place: { kind: 'past', legal: 1, days: 2 }, steps: [...INTAKE, step('submit_review', 'assignee', toDue(0.2, 0.4)), step('return_for_rework', 'signer', toDue(0.05, 0.2)), ...ON_TIME] },
  { name: 'fee', weight: 14, place: { kind: 'past', legal: 1, days: 6 }, needs: { fee: true }, steps: [...INTAKE, step('await_fee', 'assignee', toDue(0.1, 0.4)), step('fee_paid', 'desk', days(0.5, 3)), ...ON_TIME] },
  { name: 'transfer', weight: 5, place: { kind: 'past', legal: 1, days: 2 }, needs: { transfer: true }, steps: [...INTAKE, step('transfer_interagency', 'leader', toDue(0.05, 0.25)), step('assign', 'leader', after(30, 300)), ...ON_TIME] },
  { name: 'supplement', weight: 24, place: { kind: 'past', legal: 1, days: 9 }, steps: [...INTAKE, step('request_supplement_processing', 'assignee', supplementWindow(), 's'), step('receive_supplement', 'desk', days(0.5, 4), 's'), ...ON_TIME] },
  { name: 'intake_supplement', weight: 16, place: { kind: 'past', legal: 1, days: 7 }, steps: [step('request_supplement', 'desk', anchor), step('receive_supplement', 'desk', days(1, 4)), step('accept', 'desk', after(5, 30)), step('hand_over', 'desk', handOver(false)), step('assign', 'leader', after(15, 240)), ...ON_TIME] },
  { name: 'repeated_supplement', weight: 4, place: { kind: 'past', legal: 1, days: 8 }, steps: [...INTAKE, ...supplementRound(0, 0.2, 's1'), ...supplementRound(0.2, 0.9, 's2'), ...ON_TIME] },
  { name: 'late', weight: 22, place: { kind: 'past', legal: 1, days: 7 }, steps: [...INTAKE, ...LATE] },
  { name: 'late_handover', weight: 10, place: { kind: 'past', legal: 1, days: 3 }, steps: [step('accept', 'desk', anchor), step('hand_over', 'desk', handOver(true)), step('assign', 'leader', after(15, 240)), ...ON_TIME] },
  { name: 'apology_on_time', weight: 14, place: { kind: 'past', legal: 1, days: 8 }, steps: [...INTAKE, step('apologise', 'leader', apologyWindow()), ...ON_TIME] },
  { name: 'apology_still_late', weight: 6, place: { kind: 'past', legal: 1, days: 12 }, steps: [...INTAKE, step('apologise', 'leader', apologyWindow()), ...LATE] },
  { name: 'late_return', weight: 8, place: { kind: 'past', legal: 1, days: 8 }, steps: [...INTAKE, step('submit_review', 'assignee', toDue(0.3, 0.6)), step('approve', 'signer', toDue(0.1, 0.4)), step('issue_result', 'assignee', toDue(0.2, 0.6)), step('return_result', 'desk', pastDue(4, 24))] },
  { name: 'refused', weight: 14, place: { kind: 'past', legal: 0, days: 1 }, steps: [step('refuse', 'desk', anchor)] },
  { name: 'withdrawn_new', weight: 4, place: { kind: 'past', legal: 0, days: 1 }, needs: { channels: ['online'] }, steps: [step('withdraw', 'desk', anchor)] },
  { name: 'withdrawn_processing', weight: 5, place: { kind: 'past', legal: 1, days: 1 }, steps: [...INTAKE, step('withdraw', 'desk', toDue(0.2, 0.6))] },
  { name: 'stopped', weight: 4, place: { kind: 'past', legal: 1, days: 1 }, steps: [...INTAKE, step('stop', 'leader', toDue(0.2, 0.7))] },
  { name: 'stopped_no_supplement', weight: 3, place: { kind: 'past', legal: 0, days: 20 }, steps: [...INTAKE, step('request_supplement_processing', 'assignee', supplementWindow()), step('stop', 'leader', days(10, 15))] },
  // open at the seed's instant
  { name: 'new', weight: 12, place: { kind: 'recent', lo: 0.02, hi: 1.2 }, needs: { channels: ['online', 'postal'] }, steps: [] },
  { name: 'intake_supplement_open', weight: 5, place: { kind: 'recent', lo: 0.3, hi: 3 }, steps: [step('request_supplement', 'desk', anchor)] },
  { name: 'accepted_open', weight: 5, place: { kind: 'recent', lo: 0.02, hi: 0.3 }, steps: [step('accept', 'desk', anchor)] },
  { name: 'accepted_late_at_desk', weight: 2, place: { kind: 'recent', lo: 1.2, hi: 2.5 }, steps: [step('accept', 'desk', anchor)] },
  { name: 'handling_unassigned', weight: 5, place: { kind: 'age', lo: 0.03, hi: 0.12 }, steps: [step('accept', 'desk', anchor), step('hand_over', 'desk', handOver(false))] },
  { name: 'handling', weight: 16, place: { kind: 'age', lo: 0.1, hi: 0.6 }, steps: INTAKE },
  { name: 'review', weight: 6, place: { kind: 'age', lo: 0.35, hi: 0.7 }, steps: [...INTAKE, step('submit_review', 'assignee', toNow(0.5, 0.95))] },
  { name: 'approved', weight: 4, place: { kind: 'age', lo: 0.5, hi: 0.75 }, steps: [...INTAKE, step('submit_review', 'assignee', toNow(0.3, 0.6)), step('approve', 'signer', toNow(0.3, 0.9))] },
  { name: 'at_risk', weight: 10, place: { kind: 'age', lo: 0.82, hi: 0.96 }, steps: INTAKE },
  { name: 'overdue', weight: 8, place: { kind: 'age', lo: 1.05, hi: 1.6 }, steps: INTAKE },
  { name: 'apologised_open', weight: 4, place: { kind: 'age', lo: 0.92, hi: 1.1 }, steps: [...INTAKE, step('apologise', 'leader', apologyWindow(0.7, 1))] },
  { name: 'supplement_open', weight: 6, place: { kind: 'recent', lo: 1, hi: 2.5 }, steps: [...INTAKE, step('request_supplement_processing', 'assignee', supplementWindow(0.3, 1))] },
  { name: 'fee_open', weight: 5, place: { kind: 'age', lo: 0.3, hi: 0.7 }, needs: { fee: true }, steps: [...INTAKE, step('await_fee', 'assignee', toNow(0.4, 0.95))] },
  { name: 'processed_open', weight: 8, place: { kind: 'age', lo: 0.6, hi: 0.95 }, steps: [...INTAKE, step('submit_review', 'assignee', toNow(0.2, 0.5)), step('approve', 'signer', toNow(0.2, 0.5)), step('issue_result', 'assignee', toNow(0.3, 0.9))] },
];

/** How many dossiers of each scenario make `count`: proportional to the weights, at least one each. */
export function scenarioQuotas(count: number): Map<Scenario, number> {
  const total = SCENARIOS.reduce((s, x) => s + x.weight, 0);
  const quotas = new Map(SCENARIOS.map((s) => [s, Math.max(1, Math.round((s.weight / total) * count))]));
  const main = SCENARIOS[0]!;
  const sum = [...quotas.values()].reduce((a, b) => a + b, 0);
  quotas.set(main, Math.max(1, quotas.get(main)! + count - sum));
  return quotas;
}
