-- Results, rating and feedback of the portal (issue 6; docs/portal.md). unit_id is the dossier's
-- receiving unit (the shard key every dossier table carries) or, for feedback, the unit it reaches.

-- Result documents uploaded by staff (PDF, content in the blob store). A later upload may replace
-- one: the old row stays, marked superseded, so what the applicant could download is kept.
CREATE TABLE dossier_results (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  dossier_id uuid NOT NULL REFERENCES dossiers(id),
  unit_id uuid NOT NULL REFERENCES units(id),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  mime text NOT NULL CHECK (mime = 'application/pdf'),
  size integer NOT NULL CHECK (size > 0),
  filename text NOT NULL,
  uploaded_by text NOT NULL,
  uploaded_at timestamptz NOT NULL DEFAULT now(),
  superseded_at timestamptz,
  superseded_by uuid REFERENCES dossier_results(id),
  CHECK ((superseded_at IS NULL) = (superseded_by IS NULL))
);
CREATE INDEX dossier_results_dossier_idx ON dossier_results (dossier_id, uploaded_at DESC);

-- Every download of a result by an applicant on the portal: who, for whom, when.
CREATE TABLE dossier_result_downloads (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  result_id uuid NOT NULL REFERENCES dossier_results(id),
  dossier_id uuid NOT NULL REFERENCES dossiers(id),
  unit_id uuid NOT NULL REFERENCES units(id),
  citizen_id uuid NOT NULL REFERENCES citizens(id),
  -- the tax code of the organisation the person acted for; null = for themselves
  acting_for text,
  ip text,
  downloaded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX dossier_result_downloads_dossier_idx ON dossier_result_downloads (dossier_id, downloaded_at);

-- The applicant's evaluation (Decree 61/2018 art. 31): one row per dossier (the key makes a second
-- rating impossible), one column per criterion scored 2 / 1 / 0, so a unit's mean per criterion is
-- an AVG and "any criterion rated 0" is `lowest = 0`.
CREATE TABLE dossier_ratings (
  dossier_id uuid PRIMARY KEY REFERENCES dossiers(id),
  unit_id uuid NOT NULL REFERENCES units(id),
  handling_unit_id uuid NOT NULL REFERENCES units(id),
  citizen_id uuid NOT NULL REFERENCES citizens(id),
  return_time smallint NOT NULL CHECK (return_time BETWEEN 0 AND 2),
  agencies_contacted smallint NOT NULL CHECK (agencies_contacted BETWEEN 0 AND 2),
  contact_count smallint NOT NULL CHECK (contact_count BETWEEN 0 AND 2),
  publicity smallint NOT NULL CHECK (publicity BETWEEN 0 AND 2),
  attitude smallint NOT NULL CHECK (attitude BETWEEN 0 AND 2),
  legality_cost smallint NOT NULL CHECK (legality_cost BETWEEN 0 AND 2),
  feedback_handling smallint NOT NULL CHECK (feedback_handling BETWEEN 0 AND 2),
  online_service smallint NOT NULL CHECK (online_service BETWEEN 0 AND 2),
  other smallint NOT NULL CHECK (other BETWEEN 0 AND 2),
  lowest smallint GENERATED ALWAYS AS (LEAST(return_time, agencies_contacted, contact_count, publicity, attitude, legality_cost, feedback_handling, online_service, other)) STORED,
  comment text,
  rated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX dossier_ratings_unit_idx ON dossier_ratings (unit_id, rated_at);
CREATE INDEX dossier_ratings_handling_unit_idx ON dossier_ratings (handling_unit_id, rated_at);

-- Feedback (phản ánh, kiến nghị) from the portal, with the instant its answer is due on the unit's
-- legal clock. The applicant (a person, or the organisation they act for) owns it, as a dossier.
CREATE TABLE feedback (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  unit_id uuid NOT NULL REFERENCES units(id),
  dossier_id uuid REFERENCES dossiers(id),
  kind text NOT NULL CHECK (kind IN ('phan_anh', 'kien_nghi')),
  citizen_id uuid NOT NULL REFERENCES citizens(id),
  applicant_kind text NOT NULL CHECK (applicant_kind IN ('citizen', 'organisation')),
  applicant_id_number text NOT NULL,
  applicant_name text NOT NULL,
  subject text NOT NULL,
  content text NOT NULL,
  submitted_at timestamptz NOT NULL,
  due_at timestamptz NOT NULL,
  answer text,
  answered_at timestamptz,
  answered_by text,
  CHECK ((answer IS NULL) = (answered_at IS NULL) AND (answer IS NULL) = (answered_by IS NULL))
);
CREATE INDEX feedback_unit_idx ON feedback (unit_id, due_at);
CREATE INDEX feedback_open_due_idx ON feedback (due_at) WHERE answered_at IS NULL;
CREATE INDEX feedback_applicant_idx ON feedback (applicant_id_number, submitted_at DESC);
CREATE INDEX feedback_dossier_idx ON feedback (dossier_id) WHERE dossier_id IS NOT NULL;
