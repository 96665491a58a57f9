-- Catalogue, second step (20261130_0100 is already applied on some databases, so it stays as it is).
--
-- 1. A procedure and its first version are written in one transaction, each naming the other:
--    the procedure → current version key is checked at commit.
ALTER TABLE procedures DROP CONSTRAINT procedures_current_version_fk;
ALTER TABLE procedures ADD CONSTRAINT procedures_current_version_fk
  FOREIGN KEY (current_version_id) REFERENCES procedure_versions(id) DEFERRABLE INITIALLY DEFERRED;

-- 2. Search vocabulary: every folded word of every procedure name, so a misspelt query word can be
--    corrected against a few thousand short words (trigram nearest neighbours through GiST) instead
--    of comparing the query with every name. Words are only added; a stale word costs nothing.
CREATE TABLE procedure_words (
  word text PRIMARY KEY
);
CREATE INDEX procedure_words_trgm_idx ON procedure_words USING gist (word gist_trgm_ops);

INSERT INTO procedure_words (word)
  SELECT DISTINCT w FROM procedures, regexp_split_to_table(search_text, '[^a-z0-9]+') AS w WHERE w <> ''
  ON CONFLICT DO NOTHING;
