-- Inspection and accountability (issue 9, docs/accountability.md). Automatic violations stay where
-- the one-stop records them (dossier_violations, keyed by dossier and kind) and are referenced, never
-- copied; an inspector's manual violations and their evidence live here; the handlings of both —
-- reminder, criticism, disciplinary proposal, closure — are append-only rows naming exactly one of
-- them. The head's grading formula is one configuration row. Forward-only; the same SQL on PGlite and PostgreSQL.

CREATE TABLE accountability_violations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- the unit answerable, and the officer named; the unit is the shard key
  unit_id uuid NOT NULL REFERENCES units(id),
  officer_id uuid NOT NULL REFERENCES users(id),
  kind text NOT NULL CHECK (kind IN ('extra_documents', 'improper_conduct', 'procedure_breach', 'late_processing', 'other')),
  description text NOT NULL CHECK (length(description) BETWEEN 1 AND 5000),
  dossier_id uuid REFERENCES dossiers(id),
  occurred_at timestamptz NOT NULL,
  recorded_by text NOT NULL,
  recorded_by_name text,
  recorded_at timestamptz NOT NULL
);
CREATE INDEX accountability_violations_unit_idx ON accountability_violations (unit_id, occurred_at);

CREATE TABLE accountability_evidence (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  violation_id uuid NOT NULL REFERENCES accountability_violations(id),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  mime text NOT NULL CHECK (mime IN ('application/pdf', 'image/jpeg', 'image/png')),
  size integer NOT NULL CHECK (size > 0),
  filename text NOT NULL
);
CREATE INDEX accountability_evidence_violation_idx ON accountability_evidence (violation_id);

CREATE TABLE accountability_handlings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- the order handlings were written in
  n bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  violation_id uuid REFERENCES accountability_violations(id),
  dossier_id uuid,
  dossier_kind text,
  -- the answerable unit of the violation handled (its chain and the head's page)
  unit_id uuid NOT NULL REFERENCES units(id),
  kind text NOT NULL CHECK (kind IN ('reminder', 'criticism', 'disciplinary_proposal', 'closure')),
  note text NOT NULL CHECK (length(note) BETWEEN 1 AND 5000),
  at timestamptz NOT NULL,
  actor_id text NOT NULL,
  actor_name text,
  FOREIGN KEY (dossier_id, dossier_kind) REFERENCES dossier_violations (dossier_id, kind),
  -- exactly one violation: a manual one, or an automatic one by its key
  CHECK ((violation_id IS NOT NULL AND dossier_id IS NULL AND dossier_kind IS NULL) OR (violation_id IS NULL AND dossier_id IS NOT NULL AND dossier_kind IS NOT NULL))
);
CREATE INDEX accountability_handlings_unit_idx ON accountability_handlings (unit_id, at);
CREATE INDEX accountability_handlings_manual_idx ON accountability_handlings (violation_id) WHERE violation_id IS NOT NULL;
CREATE INDEX accountability_handlings_dossier_idx ON accountability_handlings (dossier_id, dossier_kind) WHERE dossier_id IS NOT NULL;
-- a violation is closed once
CREATE UNIQUE INDEX accountability_closure_manual_uq ON accountability_handlings (violation_id) WHERE kind = 'closure' AND violation_id IS NOT NULL;
CREATE UNIQUE INDEX accountability_closure_dossier_uq ON accountability_handlings (dossier_id, dossier_kind) WHERE kind = 'closure' AND dossier_id IS NOT NULL;

-- the automatic register is read by answerable unit and instant
CREATE INDEX dossier_violations_answerable_idx ON dossier_violations (answerable_unit_code, at);

CREATE TABLE accountability_formula (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  formula jsonb NOT NULL,
  updated_by text NOT NULL,
  updated_at timestamptz NOT NULL
);
