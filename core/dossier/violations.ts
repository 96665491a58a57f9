/**
 * Violations a dossier's history can show, each naming the unit and officer answerable. Detection
 * is a pure function of the dossier and an instant, so a nightly sweep and each action agree; a
 * dossier has at most one violation of each kind, which makes the kind a natural storage key.
 */
import { classifyDeadline, foldDeadline } from '../calendar/deadline';
import type { DeadlinePolicy } from '../calendar/deadline-events';
import type { WorkingCalendar } from '../calendar/working-calendar';
import type { Action } from './actions';
import type { Dossier, HistoryEntry } from './dossier';
import { DEFAULT_HANDOVER_RULE, type HandOverRule, handOverDueAt } from './handover';

/** Every kind of violation. */
export const VIOLATION_KINDS = ['late_handover', 'late_without_apology', 'repeated_supplement', 'late_return'] as const;
/** A violation kind. */
export type ViolationKind = (typeof VIOLATION_KINDS)[number];

/** Vietnamese and English labels of the kinds. */
export const VIOLATION_LABELS = {
  late_handover: { vi: 'Chuyển hồ sơ đến cơ quan giải quyết muộn', en: 'Late hand-over to the processing unit' },
  late_without_apology: { vi: 'Giải quyết quá hạn không có văn bản xin lỗi', en: 'Late without an apology' },
  repeated_supplement: { vi: 'Yêu cầu bổ sung hồ sơ quá một lần', en: 'Supplement requested more than once' },
  late_return: { vi: 'Trả kết quả muộn', en: 'Late return of the result' },
} as const satisfies Record<ViolationKind, { vi: string; en: string }>;

/** One violation: what, when it happened, and who answers for it. */
export interface Violation {
  kind: ViolationKind;
  at: number;
  unitCode: string;
  officerId: string | null;
}

/** What detection needs besides the dossier. */
export interface ViolationContext {
  calendar: WorkingCalendar;
  policy: DeadlinePolicy;
  handOverRule?: HandOverRule;
}

const entries = (d: Dossier, action: Action): HistoryEntry[] => d.history.filter((h) => h.action === action);

function lateHandOver(d: Dossier, ctx: ViolationContext, asOf: number): Violation | null {
  if (d.receivedAt === null) return null;
  const due = handOverDueAt(ctx.calendar, d.channel, d.receivedAt, ctx.handOverRule ?? DEFAULT_HANDOVER_RULE);
  const [done] = entries(d, 'hand_over');
  if (done) return done.at > due ? { kind: 'late_handover', at: done.at, unitCode: done.unitCode, officerId: done.actorId } : null;
  // still waiting at the desk past the due: the officer who accepted it answers
  if (d.status !== 'accepted' || asOf <= due) return null;
  const [accepted] = entries(d, 'accept');
  return { kind: 'late_handover', at: due, unitCode: d.receivingUnitCode, officerId: accepted?.actorId ?? null };
}

function repeatedSupplement(d: Dossier): Violation | null {
  const second = entries(d, 'request_supplement_processing')[1];
  return second ? { kind: 'repeated_supplement', at: second.at, unitCode: second.unitCode, officerId: second.actorId } : null;
}

/** Every violation the dossier shows as of `asOf` (open dossiers past their due count as late). */
export function detectViolations(d: Dossier, ctx: ViolationContext, asOf: number): Violation[] {
  const out: (Violation | null)[] = [lateHandOver(d, ctx, asOf), repeatedSupplement(d)];
  if (d.clock.length > 0) {
    const state = foldDeadline(ctx.calendar, ctx.policy, d.clock);
    const cls = classifyDeadline(ctx.calendar, state, asOf);
    if (cls.status === 'late' && state.redate === null && state.dueAt !== null) {
      // the assigned specialist answers; failing one, whoever last acted before the due
      const last = d.history.findLast((h) => h.at <= state.dueAt!);
      out.push({ kind: 'late_without_apology', at: state.dueAt, unitCode: d.unitCode, officerId: d.assigneeId ?? last?.actorId ?? null });
    }
    // a result issued in time but handed to the applicant after the due is the one-stop unit's delay
    const [ret] = entries(d, 'return_result');
    if (ret && d.result && state.dueAt !== null && d.result.issuedAt <= state.dueAt && ret.at > state.dueAt) {
      out.push({ kind: 'late_return', at: ret.at, unitCode: ret.unitCode, officerId: ret.actorId });
    }
  }
  return out.filter((v): v is Violation => v !== null);
}
