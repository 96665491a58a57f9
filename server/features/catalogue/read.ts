import type { Kysely, Transaction } from 'kysely';
import type { ProcedureInput } from '@core/catalogue/procedure';
import type { DB } from '../../db/schema';
import type { ProcedureRow, ProcedureVersionRow } from '../../db/tables/catalogue';
import { inputsFromRows } from './mapping';
import { findProcedureById, findVersionChildren, findVersions, unitDirectory } from './queries';

type Q = Kysely<DB> | Transaction<DB>;

/** Loads versions in their input form (the export shape), keyed by version id. */
export async function versionInputs(db: Q, versions: ProcedureVersionRow[], codeOfProcedure: Map<string, string>): Promise<Map<string, ProcedureInput>> {
  if (versions.length === 0) return new Map();
  const ids = versions.map((v) => v.id);
  const children = await findVersionChildren(db, ids);
  const dir = await unitDirectory(db);
  const codeById = new Map([...dir].map(([code, u]) => [u.id, code]));
  const procOf = new Map(versions.map((v) => [v.id, v.procedure_id]));
  return inputsFromRows((vid) => codeOfProcedure.get(procOf.get(vid)!)!, versions, children, (id) => codeById.get(id)!);
}

/** The current version of each procedure in input form, keyed by national code. */
export async function currentInputs(db: Q, procedures: readonly ProcedureRow[]): Promise<Map<string, ProcedureInput>> {
  const ids = procedures.map((p) => p.current_version_id).filter((x): x is string => x !== null);
  const versions = await findVersions(db, ids);
  const inputs = await versionInputs(db, versions, new Map(procedures.map((p) => [p.id, p.code])));
  const out = new Map<string, ProcedureInput>();
  for (const p of procedures) {
    const input = p.current_version_id ? inputs.get(p.current_version_id) : undefined;
    if (input) out.set(p.code, input);
  }
  return out;
}

/**
 * One version by id in input form, with its procedure's identity: what a dossier submitted under it
 * is checked against (components, fees, steps, time). Undefined when there is no such version.
 */
export async function loadVersion(db: Q, versionId: string): Promise<{ procedureId: string; code: string; version: number; procedure: ProcedureInput } | undefined> {
  const [v] = await findVersions(db, [versionId]);
  if (!v) return undefined;
  const owner = await findProcedureById(db, v.procedure_id);
  if (!owner) return undefined;
  const input = (await versionInputs(db, [v], new Map([[owner.id, owner.code]]))).get(v.id)!;
  return { procedureId: owner.id, code: owner.code, version: v.version, procedure: input };
}
