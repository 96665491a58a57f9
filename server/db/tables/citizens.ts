import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateString = string;

export interface CitizensTable {
  id: Generated<string>;
  issuer: string;
  subject: string;
  id_number: string;
  full_name: string;
  birth_date: DateString | null;
  email: string | null;
  phone: string | null;
  address: string | null;
  level: 'basic' | 'verified';
  created_at: Timestamp;
  updated_at: Timestamp;
  last_login_at: Date | null;
}

export interface CitizenRepresentationsTable {
  citizen_id: string;
  tax_code: string;
  organisation_name: string;
}

export interface CitizenSessionsTable {
  token_hash: string;
  citizen_id: string;
  csrf_token: string;
  acting_for: string | null;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Date;
  ip: string | null;
  user_agent: string | null;
}

/** Tables of the citizens migration (portal identities and sessions). */
export interface CitizenTables {
  citizens: CitizensTable;
  citizen_representations: CitizenRepresentationsTable;
  citizen_sessions: CitizenSessionsTable;
}
