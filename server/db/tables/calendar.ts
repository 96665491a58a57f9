import type { Generated } from 'kysely';
import type { DateString, Json, Timestamp } from '../schema';

export interface CalendarOverridesTable {
  date: DateString;
  working: boolean;
  name: string;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface CalendarRevisionTable {
  id: Generated<boolean>;
  revision: number;
}

export interface UnitWorkingHoursTable {
  unit_id: string;
  periods: Json;
  updated_at: Timestamp;
}

/** Tables of the legal clock. */
export interface CalendarTables {
  calendar_overrides: CalendarOverridesTable;
  calendar_revision: CalendarRevisionTable;
  unit_working_hours: UnitWorkingHoursTable;
}
