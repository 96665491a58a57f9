-- Procedure catalogue (issue 4): procedures with a stable identity by national code, immutable
-- versions (a dossier keeps the version it was submitted under), their units, components, fees and
-- workflow steps; the ministries' and the city's publication decisions. Every growing table carries
-- unit_id (the responsible department) as its shard key.

-- unaccent() is only STABLE (its dictionary could change); pinning the dictionary makes it safe to
-- use in a generated column and an index.
CREATE FUNCTION catalogue_fold(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;

CREATE TABLE procedures (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE CHECK (code ~ '^[0-9]\.[0-9]{6}$'),
  unit_id uuid NOT NULL REFERENCES units(id),
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'abolished')),
  current_version_id uuid,
  -- projection of the current version, for search and lists
  name text NOT NULL,
  field_code text NOT NULL,
  field_name text NOT NULL,
  level text NOT NULL CHECK (level IN ('province', 'district', 'commune')),
  online_level text NOT NULL CHECK (online_level IN ('full', 'partial', 'none')),
  processing_amount numeric,
  processing_unit text,
  complete boolean NOT NULL,
  search_text text GENERATED ALWAYS AS (catalogue_fold(name)) STORED,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX procedures_search_trgm_idx ON procedures USING gin (search_text gin_trgm_ops);
CREATE INDEX procedures_unit_idx ON procedures (unit_id);
CREATE INDEX procedures_field_idx ON procedures (field_code, level);

CREATE TABLE procedure_versions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  procedure_id uuid NOT NULL REFERENCES procedures(id),
  unit_id uuid NOT NULL REFERENCES units(id),
  version integer NOT NULL CHECK (version > 0),
  name text NOT NULL,
  field_code text NOT NULL,
  field_name text NOT NULL,
  level text NOT NULL CHECK (level IN ('province', 'district', 'commune')),
  applicants jsonb NOT NULL DEFAULT '[]',
  methods jsonb NOT NULL DEFAULT '[]',
  processing_amount numeric,
  processing_unit text CHECK (processing_unit IN ('working_days', 'working_hours', 'calendar_days', 'immediate')),
  financial_obligation boolean NOT NULL,
  conditions text,
  legal_basis text,
  result_name text,
  result_paper boolean,
  online_level text NOT NULL CHECK (online_level IN ('full', 'partial', 'none')),
  online_justification text,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by text,
  UNIQUE (procedure_id, version),
  CHECK ((processing_amount IS NULL) = (processing_unit IS NULL))
);
ALTER TABLE procedures ADD CONSTRAINT procedures_current_version_fk FOREIGN KEY (current_version_id) REFERENCES procedure_versions(id);

CREATE TABLE procedure_units (
  version_id uuid NOT NULL REFERENCES procedure_versions(id),
  role text NOT NULL CHECK (role IN ('implementing', 'receiving')),
  ord integer NOT NULL,
  target_unit_id uuid NOT NULL REFERENCES units(id),
  unit_id uuid NOT NULL REFERENCES units(id),
  PRIMARY KEY (version_id, role, ord)
);
CREATE INDEX procedure_units_target_idx ON procedure_units (target_unit_id);

CREATE TABLE procedure_components (
  version_id uuid NOT NULL REFERENCES procedure_versions(id),
  ord integer NOT NULL,
  unit_id uuid NOT NULL REFERENCES units(id),
  name text NOT NULL,
  originals integer NOT NULL CHECK (originals >= 0),
  copies integer NOT NULL CHECK (copies >= 0),
  required boolean NOT NULL,
  condition text,
  form text,
  document_type text,
  PRIMARY KEY (version_id, ord)
);

CREATE TABLE procedure_fees (
  version_id uuid NOT NULL REFERENCES procedure_versions(id),
  ord integer NOT NULL,
  unit_id uuid NOT NULL REFERENCES units(id),
  name text NOT NULL,
  amount bigint CHECK (amount >= 0),
  rule text,
  PRIMARY KEY (version_id, ord),
  CHECK (amount IS NOT NULL OR rule IS NOT NULL)
);

CREATE TABLE procedure_steps (
  version_id uuid NOT NULL REFERENCES procedure_versions(id),
  ord integer NOT NULL,
  unit_id uuid NOT NULL REFERENCES units(id),
  name text NOT NULL,
  role text NOT NULL,
  step_unit_id uuid REFERENCES units(id),
  time numeric NOT NULL CHECK (time >= 0),
  PRIMARY KEY (version_id, ord)
);

-- Publication decisions: a ministry's (publishing national procedures, with the effective date of the
-- underlying law) and the city's that follow them. unit_id = the department answerable for following up.
CREATE TABLE publication_decisions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('ministry', 'city')),
  number text NOT NULL,
  issuer text NOT NULL,
  title text,
  signed_on date NOT NULL,
  effective_on date,
  source_id uuid REFERENCES publication_decisions(id),
  publicised_on date,
  unit_id uuid NOT NULL REFERENCES units(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by text,
  UNIQUE (kind, number),
  CHECK (kind = 'ministry' OR effective_on IS NULL OR source_id IS NULL),
  CHECK (publicised_on IS NULL OR (kind = 'city' AND publicised_on >= signed_on))
);
CREATE INDEX publication_decisions_unit_idx ON publication_decisions (unit_id, kind);
CREATE INDEX publication_decisions_source_idx ON publication_decisions (source_id);

CREATE TABLE publication_items (
  decision_id uuid NOT NULL REFERENCES publication_decisions(id),
  ord integer NOT NULL,
  unit_id uuid NOT NULL REFERENCES units(id),
  procedure_code text NOT NULL CHECK (procedure_code ~ '^[0-9]\.[0-9]{6}$'),
  procedure_name text NOT NULL,
  change text NOT NULL CHECK (change IN ('added', 'amended', 'abolished')),
  PRIMARY KEY (decision_id, ord)
);
CREATE INDEX publication_items_code_idx ON publication_items (procedure_code);
