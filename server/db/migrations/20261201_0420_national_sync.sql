-- The national public-service portal's dossier sync (docs/national-sync.md). Forward-only.

-- The sync job's pick list: numbered dossiers whose current version the portal has not acknowledged
-- (dossiers.national_synced_version, 20261201_0400_index.sql). Small in steady state, so each run
-- reads only the dossiers that changed since the last one.
CREATE INDEX dossiers_national_unsynced_idx ON dossiers (id)
  WHERE code IS NOT NULL AND national_synced_version IS DISTINCT FROM version;

-- The NATIONAL PORTAL SIMULATOR (server/sim/national, /sim/dvcqg; never in production): every dossier
-- version it received, once per (code, version) — a replay answers the first reception.
CREATE TABLE sim_national_dossiers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  system_id text NOT NULL,
  code text NOT NULL,
  version integer NOT NULL,
  procedure_code text NOT NULL,
  agency_code text NOT NULL,
  channel smallint NOT NULL,
  status smallint NOT NULL,
  payload jsonb NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (code, version)
);
CREATE INDEX sim_national_dossiers_received_idx ON sim_national_dossiers (received_at DESC);
