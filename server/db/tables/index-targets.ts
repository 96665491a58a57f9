import type { ColumnType, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** A unit's target for a year: an indicator's rate (0..1) or the total's points (code `total`). */
export interface IndexTargetsTable {
  unit_id: string;
  year: number;
  code: string;
  /** NUMERIC: a string or a number depending on the engine; read it with `Number()`. */
  target: ColumnType<string | number, number | string, number | string>;
  set_by: string;
  set_at: Timestamp;
}
export type IndexTargetRow = Selectable<IndexTargetsTable>;

/** Tables of the index targets migration (20261201_0410). */
export interface IndexTargetTables {
  index_targets: IndexTargetsTable;
}
