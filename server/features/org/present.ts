import type { Unit, UnitKind } from '@core/org/unit';
import type { UnitRow } from '../../db/schema';

/** The API shape of a unit row. */
export function presentUnit(row: UnitRow, today: string = new Date().toISOString().slice(0, 10)): Unit {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    shortName: row.short_name,
    kind: row.kind as UnitKind,
    parentId: row.parent_id,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    successorId: row.successor_id,
    active: row.valid_to === null || row.valid_to >= today,
  };
}
