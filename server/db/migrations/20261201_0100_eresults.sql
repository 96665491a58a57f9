-- Signed e-results and their public verification (issue 7; docs/results.md). An e-result is the
-- signed PDF the system makes of a result document (dossier_results): its code is
-- `<dossier code>-KQ<n>`, n counted per dossier from 1.
CREATE TABLE eresults (
  code text PRIMARY KEY,
  dossier_id uuid NOT NULL REFERENCES dossiers(id),
  seq integer NOT NULL CHECK (seq > 0),
  result_id uuid NOT NULL UNIQUE REFERENCES dossier_results(id),
  -- the dossier's receiving unit (the shard key every dossier table carries)
  unit_id uuid NOT NULL REFERENCES units(id),
  -- the signing unit: the dossier's handling unit
  issuer_unit_id uuid NOT NULL REFERENCES units(id),
  -- SHA-256 of the signed file as delivered, and of the uploaded document it carries
  sha256 text NOT NULL UNIQUE CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  source_sha256 text NOT NULL CHECK (source_sha256 ~ '^[0-9a-f]{64}$'),
  size integer NOT NULL CHECK (size > 0),
  cert_serial text NOT NULL,
  document_type text NOT NULL,
  holder_masked text NOT NULL,
  issued_at timestamptz NOT NULL,
  issued_by text NOT NULL,
  supersedes text REFERENCES eresults(code),
  superseded_by text REFERENCES eresults(code),
  superseded_at timestamptz,
  revoked_at timestamptz,
  revoked_by text,
  revoked_reason text,
  UNIQUE (dossier_id, seq),
  CHECK ((superseded_at IS NULL) = (superseded_by IS NULL)),
  CHECK ((revoked_at IS NULL) = (revoked_reason IS NULL))
);
CREATE INDEX eresults_dossier_idx ON eresults (dossier_id, seq);

-- Every public verification attempt, by code or by file: what was asked, the answer, the address.
-- No personal data: the answer's status and problem only.
CREATE TABLE eresult_verifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('code', 'file')),
  code text,
  sha256 text,
  status text NOT NULL,
  problem text,
  ip text,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX eresult_verifications_at_idx ON eresult_verifications (at);
