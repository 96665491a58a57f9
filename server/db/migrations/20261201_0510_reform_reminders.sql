-- Reminders of reform tasks (issue 9, docs/reform.md): one row per task, period and kind, written in
-- the transaction that decides to remind, so a reminder is sent at most once whatever the number of
-- instances running the job. Forward-only.

CREATE TABLE reform_reminders (
  task_id uuid NOT NULL REFERENCES reform_tasks(id),
  period text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('due_soon', 'overdue')),
  unit_id uuid NOT NULL REFERENCES units(id),
  recipients integer NOT NULL CHECK (recipients >= 0),
  sent_at timestamptz NOT NULL,
  PRIMARY KEY (task_id, period, kind)
);
