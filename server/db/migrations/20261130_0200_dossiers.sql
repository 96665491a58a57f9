-- Electronic one-stop dossiers (issue 5). unit_id is the receiving one-stop unit: the shard key
-- every growing table of the feature carries. The lifecycle state (history, clock, hand-overs) is
-- the core's `Dossier` kept whole in `state`; the columns beside it are what queues, lists and
-- reports filter on, rewritten from the state on every action.

CREATE TABLE dossiers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  unit_id uuid NOT NULL REFERENCES units(id),
  handling_unit_id uuid NOT NULL REFERENCES units(id),
  -- given on accept; NULL while new (several NULLs never collide in a UNIQUE column)
  code text UNIQUE,
  procedure_id uuid NOT NULL REFERENCES procedures(id),
  procedure_version_id uuid NOT NULL REFERENCES procedure_versions(id),
  procedure_code text NOT NULL,
  applicant_kind text NOT NULL CHECK (applicant_kind IN ('citizen', 'organisation')),
  applicant_id_number text NOT NULL,
  applicant_name text NOT NULL,
  applicant_contact jsonb NOT NULL DEFAULT '{}',
  channel text NOT NULL CHECK (channel IN ('counter', 'online', 'postal')),
  return_method text NOT NULL CHECK (return_method IN ('counter', 'post', 'online')),
  status text NOT NULL,
  sync_code smallint NOT NULL CHECK (sync_code BETWEEN 1 AND 10),
  version integer NOT NULL CHECK (version > 0),
  submitted_at timestamptz NOT NULL,
  received_at timestamptz,
  due_at timestamptz,
  -- the instants after which the dossier is at risk (less than the at-risk share of its working time
  -- left) and overdue (past the due in working time): the due-soon and overdue queues
  at_risk_at timestamptz,
  overdue_at timestamptz,
  clock_running boolean NOT NULL DEFAULT false,
  finished_at timestamptz,
  assignee_id text,
  postal_tracking text,
  postal_delivered_at timestamptz,
  state jsonb NOT NULL,
  created_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX dossiers_unit_queue_idx ON dossiers (unit_id, status, submitted_at DESC);
CREATE INDEX dossiers_handling_queue_idx ON dossiers (handling_unit_id, status, submitted_at DESC);
CREATE INDEX dossiers_assignee_idx ON dossiers (assignee_id) WHERE finished_at IS NULL;
CREATE INDEX dossiers_open_due_idx ON dossiers (overdue_at) WHERE clock_running;
CREATE INDEX dossiers_procedure_idx ON dossiers (procedure_code, submitted_at DESC);

-- Gap-free per-unit per-day dossier numbers: the accepting transaction bumps the row (its lock
-- serialises concurrent intakes of one unit; a rollback gives the number back).
CREATE TABLE dossier_sequences (
  unit_id uuid NOT NULL REFERENCES units(id),
  day date NOT NULL,
  last_no integer NOT NULL CHECK (last_no > 0),
  PRIMARY KEY (unit_id, day)
);

CREATE TABLE dossier_files (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  dossier_id uuid NOT NULL REFERENCES dossiers(id),
  unit_id uuid NOT NULL REFERENCES units(id),
  component_id text NOT NULL,
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  mime text NOT NULL,
  size integer NOT NULL CHECK (size > 0),
  filename text NOT NULL,
  uploaded_by text NOT NULL,
  uploaded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX dossier_files_dossier_idx ON dossier_files (dossier_id, component_id);

-- At most one violation of each kind per dossier (core/dossier/violations.ts).
CREATE TABLE dossier_violations (
  dossier_id uuid NOT NULL REFERENCES dossiers(id),
  kind text NOT NULL,
  unit_id uuid NOT NULL REFERENCES units(id),
  at timestamptz NOT NULL,
  answerable_unit_code text NOT NULL,
  officer_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (dossier_id, kind)
);
CREATE INDEX dossier_violations_unit_idx ON dossier_violations (unit_id, at);
