-- The electronic data warehouse (Kho quản lý dữ liệu điện tử của tổ chức, cá nhân): every digitised
-- document and e-result of a holder (a person by CCCD, an organisation by tax code), with its
-- provenance, version chain, the holder's grants and a log of every access attempt. Forward-only.

CREATE TABLE documents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  holder_kind text NOT NULL CHECK (holder_kind IN ('citizen', 'organisation')),
  holder_id text NOT NULL,
  holder_name text,
  type_code text NOT NULL,
  number text NOT NULL,
  issuer text NOT NULL,
  issued_on date NOT NULL,
  expires_on date,
  source text NOT NULL CHECK (source IN ('digitised', 'self_provided', 'e_result')),
  -- provenance: where the copy was made (null for a copy the holder provided)
  dossier_id uuid REFERENCES dossiers(id),
  unit_id uuid REFERENCES units(id),
  component_id text,
  result_id uuid REFERENCES dossier_results(id),
  -- who made the copy: a staff user id, or the citizen id for a self-provided copy
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- an officer checked the copy against the original (never for self-provided copies)
  checked_by text,
  checked_at timestamptz,
  -- version chain: a newer document of the same holder and type replaces this one
  supersedes uuid REFERENCES documents(id),
  superseded_by uuid REFERENCES documents(id),
  revoked_at timestamptz,
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  mime text NOT NULL,
  size integer NOT NULL CHECK (size > 0),
  pages integer,
  width integer,
  height integer,
  filename text NOT NULL,
  CHECK (expires_on IS NULL OR expires_on >= issued_on),
  CHECK (source <> 'self_provided' OR checked_at IS NULL),
  CHECK ((checked_by IS NULL) = (checked_at IS NULL))
);
CREATE INDEX documents_holder_idx ON documents (holder_kind, holder_id, type_code);
CREATE INDEX documents_dossier_idx ON documents (dossier_id) WHERE dossier_id IS NOT NULL;

-- Every attempt to read a document, allowed or not: who (staff, citizen, system, partner), why, when.
CREATE TABLE document_access_log (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  document_id uuid NOT NULL REFERENCES documents(id),
  actor_kind text NOT NULL CHECK (actor_kind IN ('staff', 'citizen', 'system', 'partner')),
  actor_id text,
  actor_name text,
  -- the staff member's unit, or the tax code a citizen acted for
  unit_id uuid REFERENCES units(id),
  acting_for text,
  action text NOT NULL,
  purpose text,
  allowed boolean NOT NULL,
  reason text,
  ip text,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX document_access_log_document_idx ON document_access_log (document_id, at);

-- The holder lets an agency (a unit and its sub-tree) read a document that needs consent.
CREATE TABLE document_grants (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  document_id uuid NOT NULL REFERENCES documents(id),
  unit_id uuid NOT NULL REFERENCES units(id),
  granted_by text NOT NULL,
  granted_at timestamptz NOT NULL DEFAULT now(),
  withdrawn_at timestamptz
);
CREATE UNIQUE INDEX document_grants_open_idx ON document_grants (document_id, unit_id) WHERE withdrawn_at IS NULL;

-- A component of a dossier answered by a warehouse document: the link, never a copy.
CREATE TABLE dossier_document_reuse (
  dossier_id uuid NOT NULL REFERENCES dossiers(id),
  component_id text NOT NULL,
  document_id uuid NOT NULL REFERENCES documents(id),
  linked_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (dossier_id, component_id, document_id)
);

-- Other systems that may fetch a holder's documents through the sharing API (keyed by the SHA-256
-- of their key); each is operated by a unit, and a holder's grant to that unit is its consent.
CREATE TABLE sharing_clients (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  unit_id uuid NOT NULL REFERENCES units(id),
  key_hash text NOT NULL UNIQUE CHECK (key_hash ~ '^[0-9a-f]{64}$'),
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);
