/** What a dossier takes from the procedure version it keeps: its deadline policy, checklist and names. */
import type { DeadlinePolicy } from '@core/calendar/deadline-events';
import type { ProcedureComponent } from '@core/dossier/context';
import { type ProcessingTimeLike, checklistFor, deadlinePolicyFor } from '@core/dossier/policy';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import { findVersionRules } from './queries';

/** The procedure rules a dossier is decided and printed against. */
export interface ProcedureRules {
  versionId: string;
  code: string;
  name: string;
  time: ProcessingTimeLike;
  policy: DeadlinePolicy;
  checklist: ProcedureComponent[];
  /** The checklist with how each component is kept, for Mẫu 01. */
  printable: { id: string; name: string; kind: string; count: number }[];
}

/** Loads the rules of a procedure version (immutable, so a dossier always sees the version it was submitted under). */
export async function loadRules(db: Kysely<DB> | Transaction<DB>, versionId: string): Promise<ProcedureRules> {
  const { version, components, steps } = await findVersionRules(db, versionId);
  const time: ProcessingTimeLike =
    version.processing_amount === null || version.processing_unit === null || version.processing_unit === 'immediate'
      ? { amount: 0, unit: 'immediate' }
      : { amount: Number(version.processing_amount), unit: version.processing_unit as ProcessingTimeLike['unit'] };
  const checklist = checklistFor(components);
  return {
    versionId,
    code: version.code,
    name: version.name,
    time,
    policy: deadlinePolicyFor(time, steps.map((s) => ({ name: s.name, time: Number(s.time) }))),
    checklist,
    printable: components.map((c, i) => ({
      id: checklist[i]!.id,
      name: c.name,
      kind: [c.originals > 0 ? `${c.originals} bản chính` : '', c.copies > 0 ? `${c.copies} bản sao` : ''].filter(Boolean).join(', '),
      count: Math.max(1, c.originals + c.copies),
    })),
  };
}

/**
 * Procedure versions never change once written, so each instance keeps the rules it has loaded
 * (bounded; the oldest entry goes first).
 */
export class RulesCache {
  private readonly entries = new Map<string, Promise<ProcedureRules>>();

  constructor(private readonly db: Kysely<DB>, private readonly maxEntries = 1000) {}

  /** The rules of a procedure version. */
  forVersion(versionId: string): Promise<ProcedureRules> {
    const hit = this.entries.get(versionId);
    if (hit) return hit;
    const loading = loadRules(this.db, versionId);
    loading.catch(() => this.entries.delete(versionId));
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(versionId, loading);
    return loading;
  }
}
