-- Online submission and tracking on the public portal (issue 6).

-- A procedure may require the verified identity level (VNeID level 2) for online submission.
ALTER TABLE procedure_versions ADD COLUMN identity_level text NOT NULL DEFAULT 'basic' CHECK (identity_level IN ('basic', 'verified'));

-- Drafts of online dossiers, kept on the server so they resume on another device. A draft belongs
-- to the applicant (a citizen's CCCD, or an organisation's tax code when a representative acts for
-- it), is pinned to the procedure version current when it was started, and becomes at most one
-- dossier: `dossier_id` is UNIQUE, set by the submitting transaction.
CREATE TABLE portal_drafts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  citizen_id uuid NOT NULL REFERENCES citizens(id),
  applicant_kind text NOT NULL CHECK (applicant_kind IN ('citizen', 'organisation')),
  applicant_id_number text NOT NULL,
  applicant_name text NOT NULL,
  procedure_id uuid NOT NULL REFERENCES procedures(id),
  procedure_version_id uuid NOT NULL REFERENCES procedure_versions(id),
  procedure_code text NOT NULL,
  data jsonb NOT NULL,
  version integer NOT NULL DEFAULT 1 CHECK (version > 0),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'submitted')),
  dossier_id uuid UNIQUE REFERENCES dossiers(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  submitted_at timestamptz,
  CHECK ((status = 'submitted') = (dossier_id IS NOT NULL))
);
CREATE INDEX portal_drafts_applicant_idx ON portal_drafts (applicant_kind, applicant_id_number, updated_at DESC);

-- Files uploaded to a draft (content-checked; bytes in the blob store). They become dossier files on submission.
CREATE TABLE portal_draft_files (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  draft_id uuid NOT NULL REFERENCES portal_drafts(id) ON DELETE CASCADE,
  component_id text NOT NULL,
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  mime text NOT NULL,
  size integer NOT NULL CHECK (size > 0),
  filename text NOT NULL,
  uploaded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX portal_draft_files_draft_idx ON portal_draft_files (draft_id, component_id);

-- One row per dossier submitted online: the draft it came from (UNIQUE: a retried submit finds it,
-- never a second dossier) and what the applicant filled in beyond the dossier's columns (free-text
-- fields, notes, answers on conditional components). unit_id is the receiving unit, the shard key
-- of the dossier tables.
CREATE TABLE portal_submissions (
  dossier_id uuid PRIMARY KEY REFERENCES dossiers(id),
  draft_id uuid NOT NULL UNIQUE REFERENCES portal_drafts(id),
  unit_id uuid NOT NULL REFERENCES units(id),
  citizen_id uuid NOT NULL REFERENCES citizens(id),
  data jsonb NOT NULL,
  submitted_at timestamptz NOT NULL
);

-- The public lookup secret of a dossier, kept only as a keyed hash (the secret is shown once, at
-- submission or when its applicant issues a new one). Any channel's dossier may have one.
CREATE TABLE dossier_lookup_secrets (
  dossier_id uuid PRIMARY KEY REFERENCES dossiers(id),
  unit_id uuid NOT NULL REFERENCES units(id),
  secret_hash text NOT NULL,
  issued_at timestamptz NOT NULL,
  issued_by uuid NOT NULL REFERENCES citizens(id)
);

-- A person's (or organisation's) own dossiers, whatever the channel.
CREATE INDEX dossiers_applicant_idx ON dossiers (applicant_kind, applicant_id_number, submitted_at DESC);
