/**
 * The rows of the control slip (Mẫu 05) from a dossier's hand-overs: who gave, who received, when,
 * the step's due and whether the step ended before, on or after it.
 */
import { localDay } from '../calendar/time';
import type { Dossier, HandOver } from './dossier';
import type { STEP_OUTCOMES } from './forms';

/** How a step ended against its due. */
export type StepOutcome = (typeof STEP_OUTCOMES)[number];

/** Early = handed over on a day before the due's day; on time = by the due instant; late = after it. */
export function handOverOutcome(h: Pick<HandOver, 'at' | 'stepDueAt'>): StepOutcome | null {
  if (h.stepDueAt === null) return null;
  if (h.at > h.stepDueAt) return 'late';
  return localDay(h.at) < localDay(h.stepDueAt) ? 'early' : 'on_time';
}

/** Names of people and units, as the server resolves them. */
export interface Names {
  person: (id: string) => string;
  unit: (code: string) => string;
}

/** The Mẫu 05 rows of a dossier, in hand-over order. */
export function controlSlipRows(d: Pick<Dossier, 'handovers'>, names: Names) {
  return d.handovers.map((h) => ({
    giver: names.person(h.giverId),
    receiver: h.receiverId ? names.person(h.receiverId) : h.receiverUnit ? names.unit(h.receiverUnit) : '',
    at: h.at,
    stepDueAt: h.stepDueAt,
    outcome: handOverOutcome(h),
  }));
}
