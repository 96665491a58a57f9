-- The legal clock: official calendar overrides and working hours per unit.
CREATE TABLE calendar_overrides (
  date date PRIMARY KEY,
  working boolean NOT NULL,
  name text NOT NULL,
  updated_by uuid REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Bumped in the same transaction as every override change, so each instance can tell when its
-- precomputed calendar tables are stale without keeping anything that matters in memory.
CREATE TABLE calendar_revision (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  revision bigint NOT NULL
);
INSERT INTO calendar_revision (id, revision) VALUES (true, 0);

-- Working periods of a unit (and, by inheritance, its sub-tree); units without a row use the default 08:00–12:00, 13:00–17:00.
CREATE TABLE unit_working_hours (
  unit_id uuid PRIMARY KEY REFERENCES units(id),
  periods jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
