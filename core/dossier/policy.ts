/**
 * What a dossier takes from its procedure in the catalogue: the deadline policy (legal time and
 * each step's share of it) and the intake checklist. Structural input types keep this file
 * independent of the catalogue's own schema.
 */
import type { DeadlinePolicy } from '../calendar/deadline-events';
import type { DueUnit } from '../calendar/due';
import type { ProcedureComponent } from './context';

/** The catalogue's processing time (`immediate` = result on the spot). */
export interface ProcessingTimeLike {
  amount: number;
  unit: DueUnit | 'immediate';
}

/** A catalogue workflow step: its name and its share of the legal time, in the procedure's unit. */
export interface StepLike {
  name: string;
  time: number;
}

/**
 * The policy for a procedure. Step budgets follow the catalogue's step times in order; the
 * workflow moves one step per hand-over (`workflow.ts`). When a step has no time of its own, or
 * the procedure is immediate, only the dossier's whole clock is kept: step shares must be positive.
 */
export function deadlinePolicyFor(time: ProcessingTimeLike, steps: readonly StepLike[] = []): DeadlinePolicy {
  const legal = time.unit === 'immediate' ? { amount: 0, unit: 'working_days' as const } : { amount: time.amount, unit: time.unit };
  if (legal.amount === 0 || steps.length === 0 || steps.some((s) => !(s.time > 0))) return { legal };
  // step ids must be unique even when two steps share a name
  return { legal, steps: steps.map((s, i) => ({ step: `${i + 1}. ${s.name}`, share: s.time })) };
}

/** A catalogue component as the checklist needs it. */
export interface ComponentLike {
  name: string;
  required: boolean;
}

/** The intake checklist of a procedure: component ids are their 1-based positions in the catalogue, stable for one procedure version. */
export function checklistFor(components: readonly ComponentLike[]): ProcedureComponent[] {
  return components.map((c, i) => ({ id: String(i + 1), name: c.name, required: c.required }));
}
