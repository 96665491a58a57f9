-- Citizens and business representatives of the public portal, known through OpenID Connect.
-- A person is keyed by their provider (issuer + subject); their CCCD comes from the provider's claims.
CREATE TABLE citizens (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  issuer text NOT NULL,
  subject text NOT NULL,
  id_number text NOT NULL CHECK (id_number ~ '^[0-9]{12}$'),
  full_name text NOT NULL,
  birth_date date,
  email text,
  phone text,
  address text,
  level text NOT NULL CHECK (level IN ('basic', 'verified')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  last_login_at timestamptz,
  UNIQUE (issuer, subject)
);
CREATE INDEX citizens_id_number_idx ON citizens (id_number);

-- The organisations a citizen may act for (asserted by the provider at each sign-in).
CREATE TABLE citizen_representations (
  citizen_id uuid NOT NULL REFERENCES citizens(id) ON DELETE CASCADE,
  tax_code text NOT NULL CHECK (tax_code ~ '^[0-9]{10}([0-9]{3})?$'),
  organisation_name text NOT NULL,
  PRIMARY KEY (citizen_id, tax_code)
);
CREATE INDEX citizen_representations_tax_code_idx ON citizen_representations (tax_code);

-- Portal sessions (separate from staff sessions): stored by the SHA-256 of their token.
CREATE TABLE citizen_sessions (
  token_hash text PRIMARY KEY,
  citizen_id uuid NOT NULL REFERENCES citizens(id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  -- The tax code of the organisation the person acts for in this session; null = for themselves.
  acting_for text,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  ip text,
  user_agent text
);
CREATE INDEX citizen_sessions_citizen_idx ON citizen_sessions (citizen_id);
CREATE INDEX citizen_sessions_expires_idx ON citizen_sessions (expires_at);
