-- Foundation: search extensions, organisation tree, staff identity, sessions, tamper-evident audit.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE units (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE,
  name text NOT NULL,
  short_name text,
  kind text NOT NULL CHECK (kind IN ('city_committee','city_office','department','service_centre','district','commune','onestop','division')),
  parent_id uuid REFERENCES units(id),
  valid_from date NOT NULL,
  valid_to date,
  successor_id uuid REFERENCES units(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_to IS NULL OR valid_to >= valid_from),
  CHECK (successor_id IS NULL OR successor_id <> id)
);
CREATE INDEX units_parent_idx ON units (parent_id);
CREATE INDEX units_successor_idx ON units (successor_id);

-- Every name a unit has carried, so that old documents and reports print the name of their day.
CREATE TABLE unit_names (
  unit_id uuid NOT NULL REFERENCES units(id),
  valid_from date NOT NULL,
  valid_to date,
  name text NOT NULL,
  short_name text,
  reason text,
  PRIMARY KEY (unit_id, valid_from)
);

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username text NOT NULL UNIQUE CHECK (username = lower(username)),
  full_name text NOT NULL,
  email text,
  unit_id uuid NOT NULL REFERENCES units(id),
  password_hash text NOT NULL,
  active boolean NOT NULL DEFAULT true,
  is_demo boolean NOT NULL DEFAULT false,
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  last_login_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX users_unit_idx ON users (unit_id);

CREATE TABLE user_roles (
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('system_admin','control_officer','city_leader','agency_head','unit_leader','specialist','onestop_officer')),
  unit_id uuid NOT NULL REFERENCES units(id),
  include_subtree boolean NOT NULL DEFAULT false,
  PRIMARY KEY (user_id, role, unit_id)
);

-- Server-side sessions; only the SHA-256 of the cookie token is stored.
CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  ip text,
  user_agent text
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);

-- Audit: one hash chain per chain key (a unit, or 'system'), so writes in different units never wait on each other.
CREATE TABLE audit_chains (
  chain_key text PRIMARY KEY,
  last_seq bigint NOT NULL,
  last_hash text NOT NULL
);

CREATE TABLE audit_events (
  chain_key text NOT NULL,
  seq bigint NOT NULL,
  occurred_at timestamptz NOT NULL,
  actor_kind text NOT NULL CHECK (actor_kind IN ('staff','citizen','system')),
  actor_id text,
  actor_name text,
  action text NOT NULL,
  entity_type text NOT NULL,
  entity_id text NOT NULL,
  unit_id uuid,
  before jsonb,
  after jsonb,
  request_id text,
  prev_hash text NOT NULL,
  hash text NOT NULL,
  PRIMARY KEY (chain_key, seq)
);
CREATE INDEX audit_events_entity_idx ON audit_events (entity_type, entity_id);
CREATE INDEX audit_events_time_idx ON audit_events (occurred_at);

CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = '42501';
END
$$;
CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
