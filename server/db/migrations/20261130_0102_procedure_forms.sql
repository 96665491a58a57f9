-- Form templates (tờ khai, mẫu đơn) of procedure components. The bytes live in the blob store under
-- their SHA-256; this table is the list of blobs that are public forms — the blob store also holds
-- citizens' documents, which are never served by this route. unit_id: the uploader's unit (shard key).
CREATE TABLE procedure_forms (
  sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  filename text NOT NULL CHECK (length(filename) BETWEEN 1 AND 200),
  media_type text NOT NULL,
  size bigint NOT NULL CHECK (size > 0),
  unit_id uuid NOT NULL REFERENCES units(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by text
);
CREATE INDEX procedure_forms_unit_idx ON procedure_forms (unit_id);
