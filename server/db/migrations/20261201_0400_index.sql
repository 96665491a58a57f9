-- The Decision 766 service-quality index (issue 8; docs/index.md). Three layers, all in the database:
--   index_fact_source  a view deriving one fact per dossier (live or imported history) from the
--                      tables that hold the truth: dossiers, payments, e-results, the warehouse,
--                      ratings, feedback, the national sync;
--   index_facts        that fact as last written, refreshed in the transaction of every change that
--                      can alter it (server/features/index/sync.ts);
--   index_counts       per unit, procedure and period (day, month, year) the sums of the facts'
--                      contributions, adjusted by the difference between a fact's old and new
--                      contribution in the same transaction. `npm run index:rebuild` recomputes both
--                      from the view and must agree exactly.
-- Forward-only.

-- The national portal's sync of a dossier (CKMB.4): when the portal last acknowledged it.
ALTER TABLE dossiers ADD COLUMN national_synced_at timestamptz;
ALTER TABLE dossiers ADD COLUMN national_synced_version integer;

-- Dossiers handled before this system, or extracts of the national portal, imported as read-only
-- history (POST /api/v1/dossiers/import): they count in the index like any other dossier.
CREATE TABLE index_history_dossiers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE,
  procedure_id uuid NOT NULL REFERENCES procedures(id),
  unit_id uuid NOT NULL REFERENCES units(id),
  channel text NOT NULL CHECK (channel IN ('counter', 'online', 'postal')),
  received_at timestamptz NOT NULL,
  due_at timestamptz,
  finished_at timestamptz,
  sync_code smallint NOT NULL CHECK (sync_code BETWEEN 1 AND 10),
  supplement_requests smallint NOT NULL DEFAULT 0 CHECK (supplement_requests >= 0),
  fee_required boolean NOT NULL,
  paid text CHECK (paid IN ('online', 'offline')),
  components_digitised boolean NOT NULL,
  reused_component boolean NOT NULL,
  e_result boolean NOT NULL,
  synced_to_national boolean NOT NULL,
  complaint boolean NOT NULL,
  -- whether the procedure's result was a paper document when imported (CLGQ.3 then needs an e-result)
  result_paper boolean NOT NULL,
  -- the 9 criteria scored 2 / 1 / 0, or null when not rated; `lowest` as in dossier_ratings
  ratings smallint[],
  rated_lowest smallint,
  import_batch uuid NOT NULL,
  imported_by text NOT NULL,
  imported_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((finished_at IS NULL) = (sync_code NOT IN (3, 7, 8, 9, 10))),
  CHECK (finished_at IS NULL OR finished_at >= received_at),
  CHECK (paid IS NULL OR fee_required)
);
CREATE INDEX index_history_dossiers_batch_idx ON index_history_dossiers (import_batch);

-- A day in UTC+7 (the legal clock's zone), independent of the session's time zone.
CREATE FUNCTION index_day(timestamptz) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT (($1 AT TIME ZONE 'UTC') + interval '7 hours')::date $$;

CREATE VIEW index_fact_source AS
SELECT
  d.id AS dossier_id,
  'live'::text AS source,
  d.code,
  d.handling_unit_id AS unit_id,
  d.procedure_id,
  d.sync_code AS status,
  d.received_at,
  d.due_at,
  CASE WHEN d.sync_code IN (3, 7, 8, 9, 10) THEN d.finished_at END AS finished_at,
  COALESCE((d.state ->> 'supplementCount')::int, 0) AS supplements,
  (d.channel = 'online' AND (v.result_paper IS NOT TRUE OR er.has)) AS online,
  (d.national_synced_at IS NOT NULL) AS synced,
  (COALESCE(ff.fixed, false) OR COALESCE((d.state -> 'feeDemand' ->> 'amount')::bigint, 0) > 0 OR pay.any_paid) AS fee_required,
  pay.online_paid AS paid_online,
  pay.any_paid AS paid_any,
  er.has AS eresult,
  dg.digitised,
  EXISTS (SELECT 1 FROM dossier_document_reuse r WHERE r.dossier_id = d.id) AS reused,
  (EXISTS (SELECT 1 FROM feedback f WHERE f.dossier_id = d.id AND f.kind = 'phan_anh')
    OR EXISTS (SELECT 1 FROM dossier_ratings rt WHERE rt.dossier_id = d.id AND rt.lowest = 0)) AS dissatisfied
FROM dossiers d
JOIN procedure_versions v ON v.id = d.procedure_version_id
CROSS JOIN LATERAL (
  SELECT EXISTS (SELECT 1 FROM eresults e WHERE e.dossier_id = d.id AND e.revoked_at IS NULL) AS has
) er
CROSS JOIN LATERAL (
  SELECT bool_or(p.method = 'online') FILTER (WHERE p.status = 'paid') IS TRUE AS online_paid,
         bool_or(p.status = 'paid') IS TRUE AS any_paid
  FROM payments p WHERE p.dossier_id = d.id
) pay
CROSS JOIN LATERAL (
  SELECT bool_or(pf.amount > 0) AS fixed FROM procedure_fees pf WHERE pf.version_id = d.procedure_version_id
) ff
CROSS JOIN LATERAL (
  -- every required component of the procedure version (ids 1, 2, … in the checklist's order) is
  -- digitised: a warehouse copy made from this dossier (not revoked) or a reused warehouse document;
  -- for a component of no warehouse document type (an application form…), its scan on the dossier
  SELECT (count(*) > 0 AND bool_and(
            EXISTS (SELECT 1 FROM documents doc WHERE doc.dossier_id = d.id AND doc.component_id = c.id AND doc.source = 'digitised' AND doc.revoked_at IS NULL)
            OR EXISTS (SELECT 1 FROM dossier_document_reuse r WHERE r.dossier_id = d.id AND r.component_id = c.id)
            OR (c.document_type IS NULL AND EXISTS (SELECT 1 FROM dossier_files f WHERE f.dossier_id = d.id AND f.component_id = c.id)))) AS digitised
  FROM (SELECT (row_number() OVER (ORDER BY pc.ord))::text AS id, pc.required, pc.document_type FROM procedure_components pc WHERE pc.version_id = d.procedure_version_id) c
  WHERE c.required
) dg
-- a dossier not yet received and not finished (new, awaiting the desk's check) counts nowhere yet
WHERE d.received_at IS NOT NULL OR d.sync_code IN (3, 7, 8, 9, 10)
UNION ALL
SELECT
  h.id, 'import', h.code, h.unit_id, h.procedure_id, h.sync_code, h.received_at, h.due_at, h.finished_at,
  h.supplement_requests,
  (h.channel = 'online' AND (NOT h.result_paper OR h.e_result)),
  h.synced_to_national, h.fee_required, h.paid IS NOT DISTINCT FROM 'online', h.paid IS NOT NULL, h.e_result,
  h.components_digitised, h.reused_component, (h.complaint OR h.rated_lowest IS NOT DISTINCT FROM 0)
FROM index_history_dossiers h;

CREATE TABLE index_facts (
  dossier_id uuid PRIMARY KEY,
  source text NOT NULL CHECK (source IN ('live', 'import')),
  code text,
  unit_id uuid NOT NULL,
  procedure_id uuid NOT NULL,
  status smallint NOT NULL,
  received_at timestamptz,
  due_at timestamptz,
  finished_at timestamptz,
  supplements integer NOT NULL,
  online boolean NOT NULL,
  synced boolean NOT NULL,
  fee_required boolean NOT NULL,
  paid_online boolean NOT NULL,
  paid_any boolean NOT NULL,
  eresult boolean NOT NULL,
  digitised boolean NOT NULL,
  reused boolean NOT NULL,
  dissatisfied boolean NOT NULL
);
-- drill-down by received and finished day
CREATE INDEX index_facts_received_idx ON index_facts (unit_id, index_day(received_at)) WHERE received_at IS NOT NULL;
CREATE INDEX index_facts_finished_idx ON index_facts (unit_id, index_day(finished_at)) WHERE finished_at IS NOT NULL;
-- TDGQ.1's open part: dossiers past their due and not finished at a period's end `e`, i.e. whose
-- (due, finished] range contains e. Only dossiers open or finished after their due are in it (a
-- small share); a range index finds them for any e (a b-tree on the finish could not: for a past
-- e, nearly every late dossier finished after it). Measured at 10 M dossiers: 540 ms → 15 ms.
-- GREATEST keeps the range valid for any row, so the expression never fails outside the index.
-- The columns the query reads ride along (INCLUDE), so it is an index-only scan: no heap page is read.
CREATE INDEX index_facts_open_late_idx ON index_facts USING gist (tstzrange(due_at, GREATEST(due_at, COALESCE(finished_at, 'infinity'::timestamptz)), '(]'))
  INCLUDE (unit_id, received_at, due_at, finished_at)
  WHERE due_at IS NOT NULL AND received_at IS NOT NULL AND (finished_at IS NULL OR finished_at > due_at);

-- Sums of the facts' contributions per unit, procedure and period. grain: 'd' day, 'm' month,
-- 'y' year (period = the first day). A period query reads whole years, then whole months, then days.
CREATE TABLE index_counts (
  grain char(1) NOT NULL CHECK (grain IN ('d', 'm', 'y')),
  unit_id uuid NOT NULL,
  period date NOT NULL,
  procedure_id uuid NOT NULL,
  -- by received day
  received integer NOT NULL DEFAULT 0,
  online integer NOT NULL DEFAULT 0,
  synced integer NOT NULL DEFAULT 0,
  fee_required integer NOT NULL DEFAULT 0,
  paid_online integer NOT NULL DEFAULT 0,
  paid_any integer NOT NULL DEFAULT 0,
  reused integer NOT NULL DEFAULT 0,
  dissatisfied integer NOT NULL DEFAULT 0,
  -- by finished day
  finished integer NOT NULL DEFAULT 0,
  early integer NOT NULL DEFAULT 0,
  on_time integer NOT NULL DEFAULT 0,
  late integer NOT NULL DEFAULT 0,
  processing_seconds bigint NOT NULL DEFAULT 0,
  returned integer NOT NULL DEFAULT 0,
  returned_eresult integer NOT NULL DEFAULT 0,
  returned_digitised integer NOT NULL DEFAULT 0,
  PRIMARY KEY (grain, unit_id, period, procedure_id)
);
-- a period of the whole city reads every unit: by grain and period first
CREATE INDEX index_counts_period_idx ON index_counts (grain, period);

-- The counts' recent changes, appended by every refresh and folded into index_counts by
-- index_compact (a recurring job, and the rebuild): writers never wait on a hot count row, and a
-- reader sums index_counts and the deltas of its period in one snapshot, so figures stay exact and
-- real time. Only days: a delta's month and year follow from its day.
CREATE TABLE index_count_deltas (
  unit_id uuid NOT NULL,
  day date NOT NULL,
  procedure_id uuid NOT NULL,
  received integer NOT NULL,
  online integer NOT NULL,
  synced integer NOT NULL,
  fee_required integer NOT NULL,
  paid_online integer NOT NULL,
  paid_any integer NOT NULL,
  reused integer NOT NULL,
  dissatisfied integer NOT NULL,
  finished integer NOT NULL,
  early integer NOT NULL,
  on_time integer NOT NULL,
  late integer NOT NULL,
  processing_seconds bigint NOT NULL,
  returned integer NOT NULL,
  returned_eresult integer NOT NULL,
  returned_digitised integer NOT NULL
);
CREATE INDEX index_count_deltas_unit_day_idx ON index_count_deltas (unit_id, day);

-- The index's configuration (weights, thresholds, the city rule) when it differs from the default
-- in core/index/config.ts; one row, every change audited.
CREATE TABLE index_settings (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  settings jsonb NOT NULL,
  updated_by text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- What one fact adds to the counts: a row for its received day and a row for its finished day.
-- The only definition of the contribution, used by the live refresh and by the rebuild.
CREATE FUNCTION index_contrib(f index_facts) RETURNS TABLE (
  unit_id uuid, procedure_id uuid, day date,
  received integer, online integer, synced integer, fee_required integer, paid_online integer, paid_any integer, reused integer, dissatisfied integer,
  finished integer, early integer, on_time integer, late integer, processing_seconds bigint, returned integer, returned_eresult integer, returned_digitised integer
) LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT f.unit_id, f.procedure_id, index_day(f.received_at),
         1, f.online::int, f.synced::int, f.fee_required::int, f.paid_online::int, f.paid_any::int, f.reused::int, f.dissatisfied::int,
         0, 0, 0, 0, 0::bigint, 0, 0, 0
  WHERE f.received_at IS NOT NULL
  UNION ALL
  SELECT f.unit_id, f.procedure_id, index_day(f.finished_at),
         0, 0, 0, 0, 0, 0, 0, 0,
         1, (x.ok AND f.due_at IS NOT NULL AND index_day(f.finished_at) < index_day(f.due_at))::int, x.ok::int, (NOT x.ok)::int,
         CASE WHEN f.received_at IS NULL THEN 0 ELSE GREATEST(0, round(extract(epoch FROM f.finished_at - f.received_at)))::bigint END,
         x.ret::int, (x.ret AND f.eresult)::int, (x.ret AND f.eresult AND f.digitised)::int
  FROM (SELECT (f.due_at IS NULL OR f.finished_at <= f.due_at) AND f.supplements <= 1 AS ok, f.status IN (9, 10) AS ret) x
  WHERE f.finished_at IS NOT NULL AND f.status IN (3, 7, 8, 9, 10)
$$;

-- The first day of the period of a grain that holds a day.
CREATE FUNCTION index_period(grain char, d date) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT CASE grain WHEN 'd' THEN d WHEN 'm' THEN date_trunc('month', d)::date ELSE date_trunc('year', d)::date END
$$;

-- Folds the pending deltas into index_counts (day, month and year rows), in key order; answers how
-- many delta rows it folded. A delta is in one table or the other in any snapshot.
CREATE FUNCTION index_compact() RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  n integer;
BEGIN
  WITH moved AS (DELETE FROM index_count_deltas RETURNING *),
  folded AS (
    INSERT INTO index_counts AS c (grain, unit_id, period, procedure_id, received, online, synced, fee_required, paid_online, paid_any, reused, dissatisfied, finished, early, on_time, late, processing_seconds, returned, returned_eresult, returned_digitised)
    SELECT g.grain, d.unit_id, index_period(g.grain, d.day), d.procedure_id, sum(d.received), sum(d.online), sum(d.synced), sum(d.fee_required), sum(d.paid_online), sum(d.paid_any), sum(d.reused), sum(d.dissatisfied), sum(d.finished), sum(d.early), sum(d.on_time), sum(d.late), sum(d.processing_seconds), sum(d.returned), sum(d.returned_eresult), sum(d.returned_digitised)
    FROM moved d CROSS JOIN (VALUES ('d'::char), ('m'::char), ('y'::char)) g(grain)
    GROUP BY 1, 2, 3, 4
    ORDER BY 1, 2, 3, 4
    ON CONFLICT (grain, unit_id, period, procedure_id) DO UPDATE SET
    received = c.received + EXCLUDED.received,
    online = c.online + EXCLUDED.online,
    synced = c.synced + EXCLUDED.synced,
    fee_required = c.fee_required + EXCLUDED.fee_required,
    paid_online = c.paid_online + EXCLUDED.paid_online,
    paid_any = c.paid_any + EXCLUDED.paid_any,
    reused = c.reused + EXCLUDED.reused,
    dissatisfied = c.dissatisfied + EXCLUDED.dissatisfied,
    finished = c.finished + EXCLUDED.finished,
    early = c.early + EXCLUDED.early,
    on_time = c.on_time + EXCLUDED.on_time,
    late = c.late + EXCLUDED.late,
    processing_seconds = c.processing_seconds + EXCLUDED.processing_seconds,
    returned = c.returned + EXCLUDED.returned,
    returned_eresult = c.returned_eresult + EXCLUDED.returned_eresult,
    returned_digitised = c.returned_digitised + EXCLUDED.returned_digitised
    RETURNING 1)
  SELECT count(*) INTO n FROM moved;
  RETURN n;
END $$;

-- Brings the facts of some dossiers in line with index_fact_source and moves the counts by the
-- difference of their contributions (rows in key order, so concurrent refreshes lock alike).
-- Returns how many facts changed.
CREATE FUNCTION index_refresh(ids uuid[]) RETURNS integer LANGUAGE plpgsql
  -- planned once per connection: the view's plan does not depend on which dossiers
  SET plan_cache_mode = force_generic_plan AS $$
DECLARE
  srcs index_facts[];
  olds index_facts[];
  news index_facts[];
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN RETURN 0; END IF;
  srcs := ARRAY(SELECT ROW(s.*)::index_facts FROM index_fact_source s WHERE s.dossier_id = ANY (ids));
  olds := ARRAY(SELECT o FROM index_facts o WHERE o.dossier_id = ANY (ids)
                  AND NOT EXISTS (SELECT 1 FROM unnest(srcs) s WHERE ROW(s.*)::index_facts IS NOT DISTINCT FROM o)
                ORDER BY o.dossier_id FOR UPDATE);
  news := ARRAY(SELECT ROW(s.*)::index_facts FROM unnest(srcs) s
                WHERE NOT EXISTS (SELECT 1 FROM index_facts o WHERE o.dossier_id = s.dossier_id AND o IS NOT DISTINCT FROM ROW(s.*)::index_facts));
  IF cardinality(olds) = 0 AND cardinality(news) = 0 THEN RETURN 0; END IF;
  IF cardinality(olds) > 0 THEN
    DELETE FROM index_facts WHERE dossier_id = ANY (ARRAY(SELECT o.dossier_id FROM unnest(olds) o));
  END IF;
  INSERT INTO index_facts SELECT * FROM unnest(news);
  -- the difference goes to the append-only delta table (no row another writer waits on);
  -- index_compact folds it into index_counts
  INSERT INTO index_count_deltas (unit_id, day, procedure_id, received, online, synced, fee_required, paid_online, paid_any, reused, dissatisfied, finished, early, on_time, late, processing_seconds, returned, returned_eresult, returned_digitised)
  SELECT x.unit_id, x.day, x.procedure_id, sum(x.sign * x.received), sum(x.sign * x.online), sum(x.sign * x.synced), sum(x.sign * x.fee_required), sum(x.sign * x.paid_online), sum(x.sign * x.paid_any), sum(x.sign * x.reused), sum(x.sign * x.dissatisfied), sum(x.sign * x.finished), sum(x.sign * x.early), sum(x.sign * x.on_time), sum(x.sign * x.late), sum(x.sign * x.processing_seconds), sum(x.sign * x.returned), sum(x.sign * x.returned_eresult), sum(x.sign * x.returned_digitised)
  FROM (SELECT -1 AS sign, k.* FROM unnest(olds) o, index_contrib(ROW(o.*)::index_facts) k
        UNION ALL
        SELECT 1, k.* FROM unnest(news) n, index_contrib(ROW(n.*)::index_facts) k) x
  GROUP BY x.unit_id, x.day, x.procedure_id;
  RETURN cardinality(news) + cardinality(olds);
END $$;

-- Every change to a table a fact is derived from refreshes the facts of the dossiers it touched, in
-- the same transaction, after the statement: no writer can forget the index.
CREATE FUNCTION index_touch() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
BEGIN
  IF TG_OP = 'DELETE' THEN
    EXECUTE format('SELECT array_agg(DISTINCT %I) FROM old_rows WHERE %I IS NOT NULL', TG_ARGV[0], TG_ARGV[0]) INTO ids;
  ELSE
    EXECUTE format('SELECT array_agg(DISTINCT %I) FROM new_rows WHERE %I IS NOT NULL', TG_ARGV[0], TG_ARGV[0]) INTO ids;
  END IF;
  PERFORM index_refresh(ids);
  RETURN NULL;
END $$;
-- dossiers: only the changes of a column the fact reads (most actions move the dossier between
-- people and steps and change nothing the index counts); a new dossier counts nowhere yet.
CREATE FUNCTION index_touch_dossier() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM index_refresh(ARRAY[COALESCE(NEW.id, OLD.id)]);
  RETURN NULL;
END $$;
CREATE TRIGGER index_touch_ins AFTER INSERT ON dossiers FOR EACH ROW
  WHEN (NEW.received_at IS NOT NULL OR NEW.sync_code IN (3, 7, 8, 9, 10)) EXECUTE FUNCTION index_touch_dossier();
CREATE TRIGGER index_touch_upd AFTER UPDATE ON dossiers FOR EACH ROW
  WHEN (OLD.sync_code IS DISTINCT FROM NEW.sync_code OR OLD.received_at IS DISTINCT FROM NEW.received_at
        OR OLD.due_at IS DISTINCT FROM NEW.due_at OR OLD.finished_at IS DISTINCT FROM NEW.finished_at
        OR OLD.code IS DISTINCT FROM NEW.code OR OLD.handling_unit_id IS DISTINCT FROM NEW.handling_unit_id
        OR OLD.procedure_id IS DISTINCT FROM NEW.procedure_id OR OLD.procedure_version_id IS DISTINCT FROM NEW.procedure_version_id
        OR OLD.channel IS DISTINCT FROM NEW.channel OR OLD.national_synced_at IS DISTINCT FROM NEW.national_synced_at
        OR (OLD.state -> 'supplementCount') IS DISTINCT FROM (NEW.state -> 'supplementCount')
        OR (OLD.state -> 'feeDemand') IS DISTINCT FROM (NEW.state -> 'feeDemand'))
  EXECUTE FUNCTION index_touch_dossier();
CREATE TRIGGER index_touch_del AFTER DELETE ON dossiers FOR EACH ROW EXECUTE FUNCTION index_touch_dossier();

-- the other tables: every statement, for the dossiers its rows name
CREATE TRIGGER index_touch_ins AFTER INSERT ON dossier_files REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION index_touch('dossier_id');
CREATE TRIGGER index_touch_upd AFTER UPDATE ON dossier_files REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION index_touch('dossier_id');
CREATE TRIGGER index_touch_del AFTER DELETE ON dossier_files REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION index_touch('dossier_id');
CREATE TRIGGER index_touch_ins AFTER INSERT ON index_history_dossiers REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION index_touch('id');
CREATE TRIGGER index_touch_upd AFTER UPDATE ON index_history_dossiers REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION index_touch('id');
CREATE TRIGGER index_touch_del AFTER DELETE ON index_history_dossiers REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION index_touch('id');
CREATE TRIGGER index_touch_ins AFTER INSERT ON payments REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION index_touch('dossier_id');
CREATE TRIGGER index_touch_upd AFTER UPDATE ON payments REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION index_touch('dossier_id');
CREATE TRIGGER index_touch_del AFTER DELETE ON payments REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION index_touch('dossier_id');
CREATE TRIGGER index_touch_ins AFTER INSERT ON eresults REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION index_touch('dossier_id');
CREATE TRIGGER index_touch_upd AFTER UPDATE ON eresults REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION index_touch('dossier_id');
CREATE TRIGGER index_touch_del AFTER DELETE ON eresults REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION index_touch('dossier_id');
CREATE TRIGGER index_touch_ins AFTER INSERT ON documents REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION index_touch('dossier_id');
CREATE TRIGGER index_touch_upd AFTER UPDATE ON documents REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION index_touch('dossier_id');
CREATE TRIGGER index_touch_del AFTER DELETE ON documents REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION index_touch('dossier_id');
CREATE TRIGGER index_touch_ins AFTER INSERT ON dossier_document_reuse REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION index_touch('dossier_id');
CREATE TRIGGER index_touch_upd AFTER UPDATE ON dossier_document_reuse REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION index_touch('dossier_id');
CREATE TRIGGER index_touch_del AFTER DELETE ON dossier_document_reuse REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION index_touch('dossier_id');
CREATE TRIGGER index_touch_ins AFTER INSERT ON dossier_ratings REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION index_touch('dossier_id');
CREATE TRIGGER index_touch_upd AFTER UPDATE ON dossier_ratings REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION index_touch('dossier_id');
CREATE TRIGGER index_touch_del AFTER DELETE ON dossier_ratings REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION index_touch('dossier_id');
CREATE TRIGGER index_touch_ins AFTER INSERT ON feedback REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION index_touch('dossier_id');
CREATE TRIGGER index_touch_upd AFTER UPDATE ON feedback REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION index_touch('dossier_id');
CREATE TRIGGER index_touch_del AFTER DELETE ON feedback REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION index_touch('dossier_id');
