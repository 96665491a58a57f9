-- Payments of dossier fees (docs/portal.md, Payments): online through the payment platform, or
-- recorded by staff when taken at the counter or through the postal operator. One row per attempt;
-- a row is paid at most once (its order id and the platform's transaction id are unique).
CREATE TABLE payments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  dossier_id uuid NOT NULL REFERENCES dossiers(id),
  -- the dossier's receiving unit: audit chain and the sharding key of every growing table
  unit_id uuid NOT NULL REFERENCES units(id),
  method text NOT NULL CHECK (method IN ('online', 'counter', 'post')),
  amount bigint NOT NULL CHECK (amount > 0 AND amount <= 999999999999),
  currency text NOT NULL DEFAULT 'VND' CHECK (currency = 'VND'),
  status text NOT NULL CHECK (status IN ('pending', 'paid', 'failed', 'expired')),
  -- online: our order id at the platform, the platform's name, its reference and payment page
  order_id text UNIQUE,
  provider text,
  provider_ref text,
  payment_url text,
  expires_at timestamptz,
  -- online, once paid: the platform's transaction id (never two payments for one transaction)
  provider_txn_id text,
  description text,
  receipt_number text,
  -- the electronic receipt (PDF) in the blob store, by SHA-256
  receipt_sha256 text CHECK (receipt_sha256 IS NULL OR receipt_sha256 ~ '^[0-9a-f]{64}$'),
  failure_reason text,
  -- who started or recorded it: 'citizen' (portal) or 'staff', with their id
  created_by_kind text NOT NULL CHECK (created_by_kind IN ('citizen', 'staff', 'system')),
  created_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  paid_at timestamptz,
  settled_at timestamptz,
  CHECK (method <> 'online' OR order_id IS NOT NULL),
  CHECK (method = 'online' OR (status = 'paid' AND receipt_number IS NOT NULL)),
  CHECK (status <> 'paid' OR (paid_at IS NOT NULL AND settled_at IS NOT NULL))
);
CREATE UNIQUE INDEX payments_provider_txn_idx ON payments (provider, provider_txn_id) WHERE provider_txn_id IS NOT NULL;
-- a paper receipt number is recorded once per unit
CREATE UNIQUE INDEX payments_receipt_idx ON payments (unit_id, receipt_number) WHERE receipt_number IS NOT NULL;
CREATE INDEX payments_dossier_idx ON payments (dossier_id, created_at);
-- the reconciliation's candidates
CREATE INDEX payments_pending_idx ON payments (created_at) WHERE status = 'pending';
-- the index (Decision 766, TTTT): paid payments by unit and method
CREATE INDEX payments_paid_idx ON payments (unit_id, method, paid_at) WHERE status = 'paid';
