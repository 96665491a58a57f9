-- Targets of the Decision 766 index (issue 8; docs/index.md, Dashboard): what a city leader or the
-- procedure-control office expects of a unit in a year, per indicator (a rate 0..1) or for the
-- total (points 0..100). One row per unit, year and code; a new value replaces the old one, and
-- every change is in the audit chain of the unit. Forward-only.
CREATE TABLE index_targets (
  unit_id uuid NOT NULL REFERENCES units(id),
  year smallint NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  -- an indicator code of core/index/config.ts (e.g. 'TDGQ.1') or 'total'
  code text NOT NULL CHECK (code = 'total' OR code ~ '^[A-Z]{4}\.[0-9]$'),
  target numeric(7, 4) NOT NULL CHECK (target >= 0 AND (code = 'total' AND target <= 100 OR code <> 'total' AND target <= 1)),
  set_by text NOT NULL,
  set_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (unit_id, year, code)
);
