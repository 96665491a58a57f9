import type { Insertable } from 'kysely';
import { checkCompleteness } from '@core/catalogue/completeness';
import type { ProcedureInput, TimeUnit } from '@core/catalogue/procedure';
import type { ProcedureVersionRow } from '../../db/tables/catalogue';
import type { VersionRows } from './queries';

/** Ids a new version is written under. */
export interface VersionIds {
  procedureId: string;
  versionId: string;
  version: number;
  createdBy: string | null;
}

type Children = Awaited<ReturnType<typeof import('./queries').findVersionChildren>>;

/** The projection columns of `procedures` for a version (search and lists read these). */
export function projectionOf(p: ProcedureInput, unitId: string, versionId: string) {
  return {
    unit_id: unitId,
    status: 'active',
    current_version_id: versionId,
    name: p.name,
    field_code: p.field.code,
    field_name: p.field.name,
    level: p.level,
    online_level: p.onlineLevel,
    processing_amount: p.processingTime?.amount ?? null,
    processing_unit: p.processingTime?.unit ?? null,
    complete: checkCompleteness(p).complete,
    updated_at: new Date(),
  };
}

/** Appends the rows of one version of `p` to `out`; unit codes are resolved through `unitId`. */
export function appendVersionRows(out: VersionRows, p: ProcedureInput, ids: VersionIds, unitId: (code: string) => string): void {
  const owner = unitId(p.responsibleUnit);
  const v = ids.versionId;
  out.versions.push({
    id: v,
    procedure_id: ids.procedureId,
    unit_id: owner,
    version: ids.version,
    name: p.name,
    field_code: p.field.code,
    field_name: p.field.name,
    level: p.level,
    applicants: JSON.stringify(p.applicants),
    methods: JSON.stringify(p.methods),
    processing_amount: p.processingTime?.amount ?? null,
    processing_unit: p.processingTime?.unit ?? null,
    financial_obligation: p.financialObligation,
    conditions: p.conditions,
    legal_basis: p.legalBasis,
    result_name: p.result?.name ?? null,
    result_paper: p.result?.paper ?? null,
    online_level: p.onlineLevel,
    online_justification: p.onlineJustification,
    identity_level: p.identityLevel,
    created_by: ids.createdBy,
  });
  const units = (role: 'implementing' | 'receiving', codes: string[]) =>
    codes.map((c, ord): Insertable<VersionRows['units'][number]> => ({ version_id: v, role, ord, target_unit_id: unitId(c), unit_id: owner }));
  out.units.push(...units('implementing', p.implementingUnits), ...units('receiving', p.receivingUnits));
  out.components.push(
    ...p.components.map((c, ord) => ({ version_id: v, ord, unit_id: owner, name: c.name, originals: c.originals, copies: c.copies, required: c.required, condition: c.condition, form: c.form, document_type: c.documentType })),
  );
  out.fees.push(...p.fees.map((f, ord) => ({ version_id: v, ord, unit_id: owner, name: f.name, amount: f.amount, rule: f.rule })));
  out.steps.push(...p.steps.map((s, ord) => ({ version_id: v, ord, unit_id: owner, name: s.name, role: s.role, step_unit_id: s.unit === null ? null : unitId(s.unit), time: s.time })));
}

/** An empty batch of rows. */
export function emptyVersionRows(): VersionRows {
  return { newProcedures: [], versions: [], units: [], components: [], fees: [], steps: [], updates: [] };
}

/** Rebuilds the input form of stored versions (the exact shape an export writes), keyed by version id. */
export function inputsFromRows(code: (versionId: string) => string, versions: ProcedureVersionRow[], children: Children, unitCode: (id: string) => string): Map<string, ProcedureInput> {
  const group = <T extends { version_id: string }>(rows: T[]) => {
    const m = new Map<string, T[]>();
    for (const r of rows) (m.get(r.version_id) ?? m.set(r.version_id, []).get(r.version_id)!).push(r);
    return m;
  };
  const units = group(children.units);
  const components = group(children.components);
  const fees = group(children.fees);
  const steps = group(children.steps);
  const out = new Map<string, ProcedureInput>();
  for (const v of versions) {
    const us = units.get(v.id) ?? [];
    out.set(v.id, {
      code: code(v.id),
      name: v.name,
      field: { code: v.field_code, name: v.field_name },
      level: v.level as ProcedureInput['level'],
      responsibleUnit: unitCode(v.unit_id),
      implementingUnits: us.filter((u) => u.role === 'implementing').map((u) => unitCode(u.target_unit_id)),
      receivingUnits: us.filter((u) => u.role === 'receiving').map((u) => unitCode(u.target_unit_id)),
      applicants: v.applicants as ProcedureInput['applicants'],
      methods: v.methods as ProcedureInput['methods'],
      processingTime: v.processing_amount === null ? null : { amount: Number(v.processing_amount), unit: v.processing_unit as TimeUnit },
      financialObligation: v.financial_obligation,
      fees: (fees.get(v.id) ?? []).map((f) => ({ name: f.name, amount: f.amount === null || f.amount === undefined ? null : Number(f.amount), rule: f.rule ?? null })),
      components: (components.get(v.id) ?? []).map((c) => ({
        name: c.name,
        originals: c.originals,
        copies: c.copies,
        required: c.required,
        condition: c.condition ?? null,
        form: c.form ?? null,
        documentType: c.document_type ?? null,
      })),
      steps: (steps.get(v.id) ?? []).map((s) => ({ name: s.name, role: s.role as ProcedureInput['steps'][number]['role'], unit: s.step_unit_id ? unitCode(s.step_unit_id) : null, time: Number(s.time) })),
      conditions: v.conditions,
      legalBasis: v.legal_basis,
      result: v.result_name === null ? null : { name: v.result_name, paper: v.result_paper ?? true },
      onlineLevel: v.online_level as ProcedureInput['onlineLevel'],
      onlineJustification: v.online_justification,
      identityLevel: v.identity_level as ProcedureInput['identityLevel'],
    });
  }
  return out;
}
