-- Reform plans and tasks (issue 9, docs/reform.md): plans made of tasks with a deadline rule and its
-- occurrences resolved on the legal clock when the task is assigned; every report, completion mark,
-- acceptance, return and cancellation is an append-only event the task's state is derived from.
-- Forward-only; the same SQL on PGlite and PostgreSQL.

CREATE TABLE reform_plans (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number text NOT NULL UNIQUE CHECK (length(number) BETWEEN 1 AND 40),
  title text NOT NULL,
  issuer_unit_id uuid NOT NULL REFERENCES units(id),
  issued_on date NOT NULL,
  legal_basis text NOT NULL DEFAULT '',
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE reform_tasks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL REFERENCES reform_plans(id),
  seq integer NOT NULL CHECK (seq > 0),
  content text NOT NULL,
  lead_unit_id uuid NOT NULL REFERENCES units(id),
  -- the rule as given ({kind: date|monthly|quarterly|working_days, …}) and its occurrences [{period, due}]
  deadline jsonb NOT NULL,
  occurrences jsonb NOT NULL,
  first_due date NOT NULL,
  last_due date NOT NULL,
  expected_output text NOT NULL DEFAULT '',
  completion_measure text NOT NULL DEFAULT '',
  cancelled_at timestamptz,
  cancel_reason text,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (plan_id, seq),
  CHECK ((cancelled_at IS NULL) = (cancel_reason IS NULL))
);
CREATE INDEX reform_tasks_lead_idx ON reform_tasks (lead_unit_id);

CREATE TABLE reform_task_supporters (
  task_id uuid NOT NULL REFERENCES reform_tasks(id),
  unit_id uuid NOT NULL REFERENCES units(id),
  PRIMARY KEY (task_id, unit_id)
);
CREATE INDEX reform_task_supporters_unit_idx ON reform_task_supporters (unit_id);

CREATE TABLE reform_events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- the order events were written in: two events at one instant keep it
  n bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  task_id uuid NOT NULL REFERENCES reform_tasks(id),
  -- the unit acting: the reporting unit, the lead unit marking completion, the Office deciding
  unit_id uuid NOT NULL REFERENCES units(id),
  period text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('report', 'completion_marked', 'completion_accepted', 'completion_returned', 'cancelled')),
  at timestamptz NOT NULL,
  note text NOT NULL DEFAULT '',
  progress smallint CHECK (progress BETWEEN 0 AND 100),
  actor_id text,
  actor_name text
);
CREATE INDEX reform_events_task_idx ON reform_events (task_id, n);

CREATE TABLE reform_evidence (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  event_id uuid NOT NULL REFERENCES reform_events(id),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  mime text NOT NULL CHECK (mime IN ('application/pdf', 'image/jpeg', 'image/png')),
  size integer NOT NULL CHECK (size > 0),
  filename text NOT NULL
);
CREATE INDEX reform_evidence_event_idx ON reform_evidence (event_id);
