-- Legacy import (issue 7): bulk digitisation of results still in force from a manifest and a folder
-- or ZIP of scans. A run is keyed by its manifest's content; each manifest row has one outcome,
-- written in the same transaction as the document it imported, so a killed run resumes where it
-- stopped and a row is never imported twice. Forward-only.

CREATE TABLE legacy_import_runs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  manifest_sha256 text NOT NULL CHECK (manifest_sha256 ~ '^[0-9a-f]{64}$'),
  manifest_name text NOT NULL,
  scans_source text NOT NULL,
  unit_id uuid REFERENCES units(id),
  started_by text NOT NULL,
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
-- at most one unfinished run per manifest: re-running the same manifest continues it
CREATE UNIQUE INDEX legacy_import_runs_open_idx ON legacy_import_runs (manifest_sha256) WHERE finished_at IS NULL;

CREATE TABLE legacy_import_rows (
  run_id uuid NOT NULL REFERENCES legacy_import_runs(id),
  row_number integer NOT NULL CHECK (row_number > 0),
  file text NOT NULL,
  status text NOT NULL CHECK (status IN ('imported', 'failed')),
  error_code text,
  error_detail text,
  document_id uuid UNIQUE REFERENCES documents(id),
  -- the document's natural identity, kept for imported rows
  holder_kind text,
  holder_id text,
  type_code text,
  number text,
  at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (run_id, row_number),
  CHECK ((status = 'imported') = (document_id IS NOT NULL)),
  CHECK ((status = 'failed') = (error_code IS NOT NULL)),
  CHECK (status <> 'imported' OR (holder_kind IS NOT NULL AND holder_id IS NOT NULL AND type_code IS NOT NULL AND number IS NOT NULL))
);
-- a legacy document (holder, type, number) is imported once, whatever the run
CREATE UNIQUE INDEX legacy_import_rows_identity_idx ON legacy_import_rows (holder_kind, holder_id, type_code, number) WHERE status = 'imported';
