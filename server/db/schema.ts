import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { AccountabilityTables } from './tables/accountability';
import type { CalendarTables } from './tables/calendar';
import type { CatalogueTables } from './tables/catalogue';
import type { CitizenTables } from './tables/citizens';
import type { DossierTables } from './tables/dossiers';
import type { EresultTables } from './tables/eresults';
import type { IndexTargetTables } from './tables/index-targets';
import type { IndexTables } from './tables/index';
import type { InternalProcedureTables } from './tables/internal-procedures';
import type { JobTables } from './tables/jobs';
import type { NationalTables } from './tables/national';
import type { NotificationTables } from './tables/notifications';
import type { PaymentTables } from './tables/payments';
import type { PortalTables } from './tables/portal';
import type { ReformTables } from './tables/reform';
import type { ResultsFeedbackTables } from './tables/results-feedback';
import type { WarehouseTables } from './tables/warehouse';

/** Column that the database fills by default. */
export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** DATE columns are returned as `YYYY-MM-DD` strings on both engines (see database.ts parsers). */
export type DateString = string;
export type Json = ColumnType<unknown, string | null, string | null>;

export interface UnitsTable {
  id: Generated<string>;
  code: string;
  name: string;
  short_name: string | null;
  kind: string;
  parent_id: string | null;
  valid_from: DateString;
  valid_to: DateString | null;
  successor_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UnitNamesTable {
  unit_id: string;
  valid_from: DateString;
  valid_to: DateString | null;
  name: string;
  short_name: string | null;
  reason: string | null;
}

export interface UsersTable {
  id: Generated<string>;
  username: string;
  full_name: string;
  email: string | null;
  unit_id: string;
  password_hash: string;
  active: Generated<boolean>;
  is_demo: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: Date | null;
  last_login_at: Date | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UserRolesTable {
  user_id: string;
  role: string;
  unit_id: string;
  include_subtree: boolean;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Date;
  ip: string | null;
  user_agent: string | null;
}

export interface AuditChainsTable {
  chain_key: string;
  last_seq: number;
  last_hash: string;
}

export interface AuditEventsTable {
  chain_key: string;
  seq: number;
  occurred_at: Date;
  actor_kind: string;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  unit_id: string | null;
  before: Json;
  after: Json;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

export interface SchemaMigrationsTable {
  version: string;
  checksum: string;
  applied_at: Timestamp;
}

/** Tables of the foundation migration. */
export interface FoundationTables {
  units: UnitsTable;
  unit_names: UnitNamesTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  sessions: SessionsTable;
  audit_chains: AuditChainsTable;
  audit_events: AuditEventsTable;
  schema_migrations: SchemaMigrationsTable;
}

export type UnitRow = Selectable<UnitsTable>;
export type UserRow = Selectable<UsersTable>;
export type AuditEventRow = Selectable<AuditEventsTable>;
export type NewAuditEvent = Insertable<AuditEventsTable>;

/** The whole schema as Kysely sees it: one interface of tables per feature (server/db/tables/). */
export interface DB extends AccountabilityTables, InternalProcedureTables, FoundationTables, CalendarTables, CatalogueTables, JobTables, DossierTables, CitizenTables, ResultsFeedbackTables, NotificationTables, PortalTables, PaymentTables, EresultTables, WarehouseTables, IndexTables, IndexTargetTables, NationalTables, ReformTables {}
