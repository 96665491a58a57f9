import type { ProcedureDetail, ProcedureSummary } from '@core/catalogue/api';
import { checkCompleteness } from '@core/catalogue/completeness';
import type { ProcedureInput } from '@core/catalogue/procedure';
import type { ProcedureVersionRow } from '../../db/tables/catalogue';
import type { SearchRow } from './search-queries';

/** The API shape of a search hit. */
export function presentSummary(r: SearchRow): ProcedureSummary {
  return {
    code: r.code,
    name: r.name,
    field: { code: r.field_code, name: r.field_name },
    level: r.level as ProcedureSummary['level'],
    onlineLevel: r.online_level as ProcedureSummary['onlineLevel'],
    processingTime: r.processing_amount === null ? null : { amount: Number(r.processing_amount), unit: r.processing_unit as NonNullable<ProcedureSummary['processingTime']>['unit'] },
    responsibleUnit: { code: r.unit_code, name: r.unit_name },
  };
}

/** The procedure page of one version, with the names of the units it mentions. */
export function presentDetail(p: ProcedureInput, v: ProcedureVersionRow, status: string, unitName: (code: string) => string | undefined): ProcedureDetail {
  const codes = new Set([p.responsibleUnit, ...p.implementingUnits, ...p.receivingUnits, ...p.steps.map((s) => s.unit).filter((u): u is string => u !== null)]);
  const unitNames: Record<string, string> = {};
  for (const c of codes) unitNames[c] = unitName(c) ?? c;
  const { complete, missing } = checkCompleteness(p);
  return {
    procedure: p,
    versionId: v.id,
    version: v.version,
    status: status as ProcedureDetail['status'],
    complete,
    missing,
    unitNames,
    createdAt: v.created_at.toISOString(),
    createdBy: v.created_by,
  };
}
