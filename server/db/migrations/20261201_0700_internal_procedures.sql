-- Internal administrative procedures between state agencies (issue 9, Plan 242 / Decision 1085/QĐ-TTg,
-- docs/internal-procedures.md): a register of procedures with versioned steps (the registered one and
-- each simplified one are kept), reviews (rà soát) of a version with their findings and the yearly
-- compliance cost computed when reviewed, and the decision that may adopt a simplified version.
-- Forward-only; the same SQL on PGlite and PostgreSQL.

CREATE TABLE internal_procedures (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 40),
  name text NOT NULL,
  field text NOT NULL,
  owner_unit_id uuid NOT NULL REFERENCES units(id),
  legal_basis text NOT NULL DEFAULT '',
  current_version integer NOT NULL DEFAULT 1 CHECK (current_version > 0),
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX internal_procedures_unit_idx ON internal_procedures (owner_unit_id);

CREATE TABLE internal_procedure_versions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  procedure_id uuid NOT NULL REFERENCES internal_procedures(id),
  version integer NOT NULL CHECK (version > 0),
  kind text NOT NULL CHECK (kind IN ('registered', 'simplified')),
  -- [{order, name, actor, time, unit: hours|working_days, hourlyCost: đồng|null, otherCosts: đồng}]
  steps jsonb NOT NULL,
  fees bigint NOT NULL CHECK (fees >= 0),
  yearly_frequency integer NOT NULL CHECK (yearly_frequency > 0),
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (procedure_id, version)
);

CREATE TABLE internal_procedure_reviews (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  procedure_id uuid NOT NULL REFERENCES internal_procedures(id),
  -- the "before" version reviewed
  before_version integer NOT NULL,
  necessity_verdict text NOT NULL CHECK (necessity_verdict IN ('keep', 'amend', 'abolish')),
  necessity_text text NOT NULL,
  reasonableness_verdict text NOT NULL CHECK (reasonableness_verdict IN ('keep', 'amend', 'abolish')),
  reasonableness_text text NOT NULL,
  legality_verdict text NOT NULL CHECK (legality_verdict IN ('keep', 'amend', 'abolish')),
  legality_text text NOT NULL,
  proposals text NOT NULL DEFAULT '',
  -- yearly compliance cost of the reviewed version (đồng), frozen when reviewed
  cost_before bigint NOT NULL CHECK (cost_before >= 0),
  reviewed_by text NOT NULL,
  reviewed_at timestamptz NOT NULL,
  decision_number text,
  decision_date date,
  decision_summary text,
  -- the simplified version the decision adopted; null when it kept the procedure as is
  after_version integer,
  cost_after bigint CHECK (cost_after >= 0),
  decided_at timestamptz,
  CHECK ((decision_number IS NULL) = (decided_at IS NULL)),
  CHECK ((after_version IS NULL) = (cost_after IS NULL)),
  FOREIGN KEY (procedure_id, before_version) REFERENCES internal_procedure_versions (procedure_id, version)
);
CREATE INDEX internal_procedure_reviews_proc_idx ON internal_procedure_reviews (procedure_id, reviewed_at);
