/**
 * The procedure version a draft is pinned to, as the portal needs it: what the draft page shows,
 * the components for the checklist, the units receiving it online. Versions never change once
 * written, so each instance keeps what it has loaded (bounded); only the standing (superseded,
 * withdrawn) is read fresh every time.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DraftProcedure } from '@core/portal/api';
import type { ComponentSpec, Standing } from '@core/portal/checklist';
import { procedureStanding } from '@core/portal/checklist';
import type { ProcedureComponent } from '@core/dossier/context';
import { checklistFor } from '@core/dossier/policy';
import type { DB } from '../../db/schema';
import { findDraftVersion, findProcedureStanding } from './queries';

/** A version's immutable facts. */
export interface DraftVersion {
  /** The draft page's procedure block, without the standing. */
  procedure: Omit<DraftProcedure, 'standing'>;
  components: ComponentSpec[];
  /** The checklist ids and names uploads are checked against (the dossier's own checklist). */
  checklist: ProcedureComponent[];
  /** Units receiving the procedure online: the version's receiving units, else its implementing units. */
  units: { id: string; code: string; name: string }[];
  applicants: string[];
}

/** Loads a version's facts (throws when the version does not exist: drafts reference it). */
export async function loadDraftVersion(db: Kysely<DB> | Transaction<DB>, versionId: string): Promise<DraftVersion> {
  const found = await findDraftVersion(db, versionId);
  if (!found) throw new Error(`procedure version ${versionId} not found`);
  const { version: v, components, fees, units } = found;
  const receiving = units.filter((u) => u.role === 'receiving');
  const chosen = (receiving.length > 0 ? receiving : units.filter((u) => u.role === 'implementing')).map((u) => ({ id: u.id, code: u.code, name: u.name }));
  const specs: ComponentSpec[] = components.map((c) => ({ name: c.name, originals: c.originals, copies: c.copies, required: c.required, condition: c.condition, form: c.form, documentType: c.document_type ?? null }));
  return {
    procedure: {
      code: v.code,
      name: v.name,
      versionId: v.id,
      version: v.version,
      onlineLevel: v.online_level as DraftProcedure['onlineLevel'],
      identityLevel: v.identity_level as DraftProcedure['identityLevel'],
      presence: v.online_level === 'partial' ? { reason: v.online_justification ?? '' } : null,
      processingTime:
        v.processing_amount === null || v.processing_unit === null ? null : { amount: Number(v.processing_amount), unit: v.processing_unit as NonNullable<DraftProcedure['processingTime']>['unit'] },
      fees: fees.map((f) => ({ name: f.name, amount: f.amount === null ? null : Number(f.amount), rule: f.rule })),
      result: v.result_name === null ? null : { name: v.result_name, paper: v.result_paper ?? true },
      receivingUnits: chosen.map((u) => ({ code: u.code, name: u.name })),
    },
    components: specs,
    checklist: checklistFor(specs),
    units: chosen,
    applicants: (v.applicants as string[] | null) ?? [],
  };
}

/** Where a draft's pinned version stands now. */
export async function standingOf(db: Kysely<DB> | Transaction<DB>, procedureId: string, versionId: string): Promise<Standing> {
  const s = await findProcedureStanding(db, procedureId);
  if (!s || s.current_version_id === null) return 'withdrawn';
  return procedureStanding({ pinnedVersionId: versionId, currentVersionId: s.current_version_id, procedureStatus: s.status, currentOnlineLevel: s.online_level ?? 'none' });
}

/** Each instance's bounded cache of loaded versions. */
export class DraftVersionCache {
  private readonly entries = new Map<string, Promise<DraftVersion>>();

  constructor(private readonly db: Kysely<DB>, private readonly maxEntries = 500) {}

  /** The facts of a version. */
  get(versionId: string): Promise<DraftVersion> {
    const hit = this.entries.get(versionId);
    if (hit) return hit;
    const loading = loadDraftVersion(this.db, versionId);
    loading.catch(() => this.entries.delete(versionId));
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(versionId, loading);
    return loading;
  }
}
