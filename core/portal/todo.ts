/** "What you must do now": the applicant's to-do list, derived from the dossier's state. */
import { formatInstant } from '../calendar/time';
import type { Dossier } from '../dossier/dossier';
import { isFinished } from '../dossier/status';
import type { TodoItem } from './api';
import { openSupplementRequest, supplementComponentId } from './supplement';

/** What the to-do list needs besides the dossier. */
export interface TodoContext {
  /** The presence a `partial` procedure needs, null for full-process online. */
  presence: { reason: string } | null;
  /** The unit the result is collected from (the receiving one-stop unit). */
  unit: { code: string; name: string };
  /** When the applicant answered the open supplement request, if they did. */
  supplementAnsweredAt: number | null;
}

/** The applicant's to-do list, most urgent first; empty when the dossier only waits for the unit. */
export function applicantTodo(d: Dossier, x: TodoContext): TodoItem[] {
  const out: TodoItem[] = [];
  const request = openSupplementRequest(d);
  if (request && x.supplementAnsweredAt !== null) out.push({ kind: 'supplement_answered', answeredAt: formatInstant(x.supplementAnsweredAt) });
  else if (request) out.push({ kind: 'supplement', items: request.items.map((text, i) => ({ index: i + 1, text, componentId: supplementComponentId(i + 1) })), requestedAt: formatInstant(request.at) });
  if (d.status === 'awaiting_fee') {
    // the demand (amount, reason) where the dossier keeps it; the history's note on older states
    const asked = d.history.findLast((h) => h.action === 'await_fee');
    out.push({ kind: 'pay_fee', amount: d.feeDemand?.amount ?? null, reason: d.feeDemand?.reason ?? asked?.note ?? null });
  }
  if (d.status === 'processed') out.push({ kind: 'collect_result', method: d.returnMethod, unit: x.unit });
  if (d.status === 'returned') out.push({ kind: 'rate' });
  if (x.presence && !isFinished(d.status)) out.push({ kind: 'presence', reason: x.presence.reason });
  return out;
}
